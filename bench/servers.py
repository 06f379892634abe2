"""Our gunicorn on loopback for a benchmark, started the same way by each script."""

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_gunicorn(port, env, *options, seconds=60, log=None):
    """gunicorn serving mazpulki.wsgi on 127.0.0.1:`port` with `env`, once it answers.

    With `log` (a path) its output goes there and it runs in a session of its own: the caller
    stops it with its workers by signalling that process group.
    """
    with Path(log).open("w") if log else contextlib.nullcontext() as output:
        server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "mazpulki.wsgi",
                *options,
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT)},
            stdout=output,
            stderr=subprocess.STDOUT if log else None,
            start_new_session=bool(log),
        )
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    if log:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)  # the master and any worker it started
    else:
        server.kill()
    server.wait()
    said = f"; its log:\n{Path(log).read_text()[-3000:]}" if log else ""
    raise SystemExit(f"gunicorn did not start{said}")
