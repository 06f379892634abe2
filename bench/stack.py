"""A throwaway site on loopback for the bench scripts that need real servers.

bench/scale_out.py and bench/db_restart.py build one the same way: a PostgreSQL database of
their own (`mazpulki_<label>_<pid>` on 127.0.0.1:5432, user postgres, trust authentication;
SCALE_OUT_POSTGRES_URL to change the server, SCALE_OUT_REDIS_URL the cache), migrated, with
the demo site and the demo coordinator holding an authenticator app, the static files and a
media folder in a temporary directory, gunicorn with the production settings (DEBUG off) —
and `Stack.stop()` takes it all down again. `Stack(..., database="sqlite")` keeps the database
as a file in that directory and the cache in each process's memory instead (no services
needed; bench/lighthouse.py, bench/screenshots.py). Also a small HTTP client with a cookie jar that
fills in forms as a browser would, and the coordinator's sign-in with the second factor.
"""

import base64
import hashlib
import hmac
import html.parser
import json
import os
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path

from servers import start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES_URL = os.environ.get("SCALE_OUT_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/14")
ADMIN_EMAIL = "koordinators@mazpulki.example"
HOST = "127.0.0.1"
NGINX = os.environ.get("NGINX", shutil.which("nginx") or "/usr/sbin/nginx")


class Failed(Exception):
    """A check did not hold."""


# HTTP ---------------------------------------------------------------------------------


class LoopbackIsSecure(DefaultCookiePolicy):
    """Send Secure cookies to 127.0.0.1 over plain HTTP, as browsers do for loopback."""

    def return_ok_secure(self, cookie, request):
        return True


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def location(self):
        return self.headers.get("Location", "")


class Browser:
    """One person's browser: a cookie jar shared by every server it speaks to. `headers` go
    with every request (e.g. the client address a proxy would add); `timeout` in seconds."""

    def __init__(self, headers=None, timeout=60):
        self.jar = CookieJar(policy=LoopbackIsSecure())
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirects
        )
        self.headers, self.timeout = dict(headers or {}), timeout

    def request(self, base, path, data=None, files=None, referer_path=None):
        url = urllib.parse.urljoin(base, path)
        origin = "https://" + urllib.parse.urlsplit(base).netloc
        headers = {"X-Forwarded-Proto": "https", "User-Agent": "mazpulki-bench", **self.headers}
        body = None
        if data is not None or files:
            headers["Origin"] = origin
            headers["Referer"] = origin + (referer_path or path)
            if files:
                body, headers["Content-Type"] = multipart(data or [], files)
            else:
                body = urllib.parse.urlencode([(key, value) for key, value in data]).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                return Response(answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read())

    def get(self, base, path):
        return self.request(base, path)


def multipart(fields, files):
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    chunks = [part.encode() for part in parts]
    for name, filename, content_type, content in files:
        chunks.append(
            (
                f"--{boundary}\r\nContent-Disposition: form-data; name={json.dumps(name)}; "
                f"filename={json.dumps(filename)}\r\nContent-Type: {content_type}\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


class FormParser(html.parser.HTMLParser):
    """The forms of a page with what a browser would submit (without scripts)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.textarea, self.select, self.option = [], None, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = {"attrs": attrs, "fields": [], "selects": []}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.form["fields"].append(
                [attrs["name"], attrs.get("value", "on" * (kind in {"checkbox", "radio"}))]
            )
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = [attrs["name"], ""]
            self.form["fields"].append(self.textarea)
        elif tag == "select" and attrs.get("name"):
            self.select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}
            self.form["selects"].append(self.select)
        elif tag == "option" and self.select is not None:
            self.option = [attrs.get("value"), "selected" in attrs, ""]
            self.select["options"].append(self.option)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            options = self.select["options"]
            chosen = [option for option in options if option[1]]
            if not chosen and options and not self.select["multiple"]:
                chosen = options[:1]
            for value, _, label in chosen:
                self.form["fields"].append([self.select["name"], label if value is None else value])
            self.select = None
        elif tag == "option":
            self.option = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        elif self.option is not None:
            self.option[2] += data.strip()


def form_of(page, test=lambda attrs: True):
    parser = FormParser()
    parser.feed(page.text)
    for form in parser.forms:
        if test(form["attrs"]):
            return form["fields"]
    raise Failed("no such form on the page")


def field(fields, name):
    return next((value for key, value in fields if key == name), None)


def replace(fields, name, value):
    for item in fields:
        if item[0] == name:
            item[1] = value
            return
    raise Failed(f"the form has no field {name!r}")


def totp_code(secret):
    """The authenticator app's current code (RFC 6238: SHA-1, 30 s, 6 digits)."""
    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


# Services -----------------------------------------------------------------------------


# A family added to the demo (which has no family logins): the parent's login acts for a child
# of ten, a member of a demo club this year with a member number and a card. A script for
# `manage.py shell -c`, with FAMILY_EMAIL and FAMILY_PASSWORD in the environment; the scripts
# that use it add their own lines after it (`parent`, `club` and `child` are defined).
DEMO_FAMILY = """\
import os
from members_area.clubs.models import Club
from tests.members import add_guardian, make_member, make_person, make_user, years_ago
parent = make_user(
    os.environ["FAMILY_EMAIL"], password=os.environ["FAMILY_PASSWORD"],
    first_name="Dace", last_name="Liepiņa",
)
club = Club.objects.local().active().order_by("pk").first()
child = make_person("Marta", "Liepiņa", years_ago(10), place=club.municipality.slug)
add_guardian(child, parent)
make_member(child, club)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_for(url, process, log, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Failed(f"{url} exited early; its log:\n{Path(log).read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (loopback)
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise Failed(f"{url} did not answer within {seconds} s")


class Stack:
    """The database, the servers and their temporary folder; torn down whatever happens.

    `label` names the database and the folder; `servers` are the names of the processes that
    get a port of their own; the site's address (SITE_BASE_URL) is `front`'s. `database` is
    "postgresql" (with Redis as the cache) or "sqlite" (a file in the folder, no Redis).
    """

    def __init__(self, label, servers, front, database="postgresql"):
        self.name = f"mazpulki_{label}_{os.getpid()}"
        self.tmp = Path(tempfile.mkdtemp(prefix=f"mazpulki-{label}-"))
        self.tmp.chmod(0o755)  # nginx's workers (nobody, when started as root) read media
        self.media = self.tmp / "media"
        self.media.mkdir(mode=0o755)
        self.processes = []
        self.database_made = False
        self.password = secrets.token_urlsafe(18)
        self.totp_secret = base64.b32encode(secrets.token_bytes(20)).decode()
        self.ports = {name: free_port() for name in servers}
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CACHE_", "AWS_"))
            and key not in {"MEDIA_ROOT", "STATIC_ROOT", "SITE_BASE_URL"}
            and not key.startswith("EMAIL_")
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="mazpulki.settings",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS=f"{HOST},localhost",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_BEHIND_PROXY="1",
            DJANGO_TRUSTED_PROXY_COUNT="1",
            DATABASE_URL=f"{POSTGRES_URL}/{self.name}",
            REDIS_URL=REDIS_URL,
            CACHE_KEY_PREFIX=self.name,
            MEDIA_ROOT=str(self.media),
            STATIC_ROOT=str(self.tmp / "static"),
            SITE_BASE_URL=f"https://{HOST}:{self.ports[front]}",
            PYTHONUNBUFFERED="1",
        )
        self.postgresql = database == "postgresql"
        if not self.postgresql:
            self.env["DATABASE_URL"] = f"sqlite:///{self.tmp / 'db.sqlite3'}"
            del self.env["REDIS_URL"], self.env["CACHE_KEY_PREFIX"]

    def base(self, which):
        return f"http://{HOST}:{self.ports[which]}"

    def manage(self, *args, **extra_env):
        done = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **extra_env},
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise Failed(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def admin_database(self, sql):
        import psycopg

        with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True) as connection:
            connection.execute(sql)

    def build(self):
        if self.postgresql:
            self.admin_database(f'CREATE DATABASE "{self.name}"')
            self.database_made = True
        self.manage("compile_translations")
        self.manage("migrate", "--no-input")
        self.manage(
            "load_demo_content",
            DEMO_ADMIN_EMAIL=ADMIN_EMAIL,
            DEMO_ADMIN_PASSWORD=self.password,
        )
        self.manage(
            "shell",
            "-c",
            "import os\n"
            "from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes\n"
            "from allauth.mfa.totp.internal.auth import TOTP\n"
            "from django.contrib.auth import get_user_model\n"
            "user = get_user_model().objects.get(email=os.environ['SCALE_OUT_EMAIL'])\n"
            "TOTP.activate(user, os.environ['SCALE_OUT_TOTP'])\n"
            "RecoveryCodes.activate(user)\n",
            SCALE_OUT_EMAIL=ADMIN_EMAIL,
            SCALE_OUT_TOTP=self.totp_secret,
        )
        self.manage("collectstatic", "--no-input", "--verbosity", "0")

    def start(self, name, command, url):
        log = self.tmp / f"{name}.log"
        with log.open("w") as out:
            process = subprocess.Popen(  # noqa: S603
                command,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # stopped with its workers, by its own group
            )
        self.processes.append((name, process))
        wait_for(url, process, log)

    def start_nginx(self, config, **values):
        """nginx on the "nginx" port with `config` (a template: {dir}, {host}, {port} and
        {media} filled in, and `values`), in a folder of its own; stopped by stop()."""
        directory = self.tmp / "nginx"
        directory.mkdir()
        path = directory / "nginx.conf"
        path.write_text(
            config.format(
                dir=directory, host=HOST, port=self.ports["nginx"], media=self.media, **values
            )
        )
        self.start(
            "nginx",
            [NGINX, "-p", str(directory), "-c", str(path), "-e", str(directory / "error.log")],
            f"{self.base('nginx')}/robots.txt",
        )

    def start_gunicorn(self, which, *options):
        """gunicorn with the production settings on `which`'s port, stopped by stop()."""
        try:
            process = start_gunicorn(
                self.ports[which],
                self.env,
                *options,
                # gunicorn's default control socket is one per user, shared by every server.
                f"--control-socket={self.tmp / f'gunicorn-{which}.ctl'}",
                log=self.tmp / f"gunicorn-{which}.log",
                seconds=90,
            )
        except SystemExit as error:
            raise Failed(f"gunicorn {which}: {error}") from None
        self.processes.append((f"gunicorn-{which}", process))
        return process

    def stop(self):
        for name, process in reversed(self.processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)  # the group this script started
                    process.wait(timeout=20)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            print(f"   stopped {name}")
        if self.database_made:
            self.admin_database(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            print(f"   dropped database {self.name}")
        if self.env.get("REDIS_URL"):
            self.forget_cache()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def forget_cache(self):
        try:
            import redis

            client = redis.Redis.from_url(REDIS_URL)
            keys = list(client.scan_iter(match=f"{self.name}:*"))
            if keys:
                client.delete(*keys)
        except Exception as error:  # the cache is only tidied up
            print(f"   cache keys left in Redis: {error}")

    def logs(self):
        for name, _ in self.processes:
            log = self.tmp / f"{name}.log"
            if log.exists() and log.read_text().strip():
                print(f"--- {name} (last lines)\n{log.read_text()[-2000:]}")


# Signing in -------------------------------------------------------------------------


def path_of(url):
    return urllib.parse.urlsplit(url)._replace(scheme="", netloc="").geturl()


def sign_in(stack, browser, a):
    """The demo coordinator, through the server at `a`: e-mail and password, then the
    authenticator's code."""
    page = browser.get(a, "/konts/login/")
    fields = form_of(page, lambda attrs: "login" in attrs.get("action", ""))
    replace(fields, "login", ADMIN_EMAIL)
    replace(fields, "password", stack.password)
    answer = browser.request(a, "/konts/login/", data=fields)
    if answer.status != 302 or "2fa" not in answer.location:
        raise Failed(f"the password step answered {answer.status} {answer.location!r}")
    second = path_of(answer.location)
    fields = form_of(
        browser.get(a, second), lambda attrs: attrs.get("method", "").lower() == "post"
    )
    replace(fields, "code", totp_code(stack.totp_secret))
    answer = browser.request(a, second, data=fields)
    if answer.status != 302 or "2fa" in answer.location or "login" in answer.location:
        raise Failed(f"the second factor answered {answer.status} {answer.location!r}")
