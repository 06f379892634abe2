"""Requests per second and latency of each kind of page, under gunicorn, loaded by wrk.

    apt-get install -y wrk        # the load generator (C, a second process on loopback)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mazpulki_bench .venv/bin/python bench/dataset.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mazpulki_bench .venv/bin/python bench/load.py

Serves the data set of bench/dataset.py with production settings (DEBUG off, WhiteNoise for
static files, Redis as the cache: REDIS_URL, by default database 13 of the local server) under
gunicorn with 2 workers, and runs wrk for DURATION seconds with 8 connections against each
page: with nothing kept (bare: every part rendered from the database), without the page
cache but with the parts that are the same for everyone kept (uncached: what rendering costs
in production for a signed-in visitor or a page that cannot be kept whole), then with the page
cache, just emptied (cold) and again (warm). The same server's
throughput for a small static file is the ceiling anything Python serves here can reach;
every figure is also given as a share of it, so runs on different machines compare. Member
pages are requested with a signed-in session made for the run. Finally the resident memory
of each worker. Writes the table into bench/README.md.
"""

import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from projects_dashboard import README, write_readme  # noqa: E402
from servers import start_gunicorn  # noqa: E402

DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 8
WORKERS = 2
MARKERS = "<!-- load:{engine}:start -->", "<!-- load:{engine}:end -->"
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %.3f %.3f %.3f\\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def setup():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database bench/dataset.py filled.")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + "k" * 50)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mazpulki.settings")
    static = Path(tempfile.mkdtemp(prefix="mazpulki-bench-static-"))
    os.environ["STATIC_ROOT"] = str(static)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    return static


def signed_in(user):
    """A session cookie for `user`, as after signing in (and the second factor)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def pages():
    """(name, address, cookie) of each page kind, from the data set."""
    from django.urls import reverse
    from django.utils import translation

    from home.models import PriorityArea
    from members_area.accounts.models import Person, User
    from news.models import NewsPage
    from newspaper.models import NewspaperIssuePage

    news = NewsPage.objects.filter(locale__language_code="lv").order_by("-date").first()
    issue = NewspaperIssuePage.objects.filter(locale__language_code="lv").order_by("-year").first()
    area = PriorityArea.objects.filter(locale__language_code="lv").first()
    family = User.objects.filter(guardian_records__children__isnull=False).first()
    child = Person.objects.filter(guardians__user=family, cards__isnull=False).first()
    coordinator = User.objects.get(email="bench.koordinators@mazpulki.example")
    member, office = signed_in(family), signed_in(coordinator)
    with translation.override("lv"):
        return [
            ("Static file (ceiling)", "/static/css/members-checkin.css", None),
            ("Home", "/", None),
            ("News index", "/jaunumi/", None),
            ("News index, filtered", f"/jaunumi/?area={area.slug}", None),
            ("News page", news.url, None),
            ("Newspaper archive", "/avize-mazpulks/", None),
            ("Newspaper issue", issue.url, None),
            ("Events", "/pasakumi/", None),
            ("Opportunities", "/starptautiskas-iespejas/", None),
            ("API listing", "/api/v2/pages/?type=news.NewsPage&fields=date,lead", None),
            ("Member card", reverse("members:card", args=[child.pk]), member),
            ("Project list", reverse("projects:list"), member),
            ("Yearly projects dashboard", reverse("projects:dashboard"), office),
        ]


def start_server(port, page_cache_seconds, fragment_cache_seconds=300):
    env = {
        **os.environ,
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "FRAGMENT_CACHE_SECONDS": str(fragment_cache_seconds),
    }
    return start_gunicorn(port, env, f"--workers={WORKERS}")


def wrk(port, address, cookie, script):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "-s", script]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603 (wrk, fixed arguments)
        [*command, f"http://127.0.0.1:{port}{address}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    numbers = re.search(r"BENCH (.*)", output).group(1).split()
    requests, status_errors, socket_errors = (int(value) for value in numbers[:3])
    seconds = float(numbers[3]) / 1_000_000
    return {
        "rps": requests / seconds,
        "errors": status_errors + socket_errors,
        "p50": float(numbers[4]),
        "p95": float(numbers[5]),
        "p99": float(numbers[6]),
    }


def warm_up(port, address, cookie):
    """One unhurried request first: renditions (AVIF, WebP) are made on the first view and
    kept, so no column measures making pictures."""
    opener = urllib.request.build_opener()
    if cookie:
        opener.addheaders = [("Cookie", cookie)]
    opener.open(f"http://127.0.0.1:{port}{address}", timeout=300).read()


def stop(server):
    if server.poll() is None:
        server.terminate()
        server.wait(timeout=30)


def worker_memory(server):
    children = subprocess.run(  # noqa: S603
        ["/usr/bin/pgrep", "-P", str(server.pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def run():
    static = setup()
    from django.core.cache import cache
    from django.db import connection
    from projects_dashboard import database_name

    kinds = pages()
    connection.close()
    script = Path(tempfile.mkdtemp(prefix="mazpulki-wrk-")) / "report.lua"
    script.write_text(LUA)
    port = 8600 + os.getpid() % 300
    bare, uncached, cached, server = {}, {}, {}, None
    try:
        # Nothing kept: every part of every page rendered from the database.
        server = start_server(port, 0, 0)
        for name, address, cookie in kinds:
            warm_up(port, address, cookie)
            bare[name] = wrk(port, address, cookie, str(script))
            print(name, "bare", round(bare[name]["rps"]), flush=True)
        stop(server)
        # Without the page cache: what rendering a page costs, its shared parts kept.
        server = start_server(port + 1, 0)
        for name, address, cookie in kinds:
            warm_up(port + 1, address, cookie)
            uncached[name] = wrk(port + 1, address, cookie, str(script))
            print(name, "uncached", round(uncached[name]["rps"]), flush=True)
        memory = worker_memory(server)
        stop(server)
        # With it, as in production: emptied (cold: the first requests fill it), then warm.
        server = start_server(port + 2, 300)
        for name, address, cookie in kinds:
            cache.clear()
            cold = wrk(port + 2, address, cookie, str(script))
            cached[name] = (cold, wrk(port + 2, address, cookie, str(script)))
            print(name, "cached", round(cached[name][1]["rps"]), flush=True)
        vendor = database_name(connection)
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(static, ignore_errors=True)
        shutil.rmtree(script.parent, ignore_errors=True)
    results = [
        (name, bare[name], uncached[name], *cached[name]) for name, _address, _cookie in kinds
    ]
    table = report(results, memory, vendor)
    print(table)
    write_readme(table, "postgresql", MARKERS)
    print(f"Written to {README}")


def report(results, memory, vendor):
    ceiling = results[0][-1]["rps"]

    def cells(result):
        return (
            f"{result['rps']:.0f} | {result['p50']:.0f} / {result['p95']:.0f} / "
            f"{result['p99']:.0f} | {result['rps'] / ceiling:.1%}"
        )

    lines = [
        f"Measured {datetime.date.today():%Y-%m-%d} on {vendor} with Redis, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs ({platform.machine()}); gunicorn "
        f"with {WORKERS} sync workers, production settings; wrk with {CONNECTIONS} connections "
        f"for {DURATION} s per run, on the same machine. Bare: nothing kept, every part "
        "rendered from the database. Uncached: the page cache off, the parts that are the same "
        "for everyone kept ({% fragment %}). Cold: the page cache just emptied. Warm: the run "
        "after it. Share: requests per second as a share of the static file's (warm).",
        "",
        "| Page | Bare req/s | p50 / p95 / p99 (ms) | Share | Uncached req/s "
        "| p50 / p95 / p99 (ms) | Share | Cold req/s | p50 / p95 / p99 (ms) | Share "
        "| Warm req/s | p50 / p95 / p99 (ms) | Share | Errors |",
        "| --- |" + " ---: |" * 13,
    ]
    for name, *runs in results:
        errors = sum(run["errors"] for run in runs)
        lines.append(f"| {name} | {' | '.join(cells(run) for run in runs)} | {errors} |")
    sizes = ", ".join(f"{size:.0f} MiB" for size in memory)
    lines += ["", f"Resident memory of each worker after the uncached runs: {sizes}."]
    return "\n".join(lines)


if __name__ == "__main__":
    run()
