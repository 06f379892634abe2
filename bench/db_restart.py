"""PostgreSQL stopped and started again in the middle of a load, the site left running.

    .venv/bin/python bench/db_restart.py

Needs PostgreSQL on 127.0.0.1:5432 as a Debian cluster this user may stop and start
(`pg_ctlcluster`, as root or through sudo), and Redis. It restarts that server: every other
connection to it is cut, so run it when no one else is using it (CI runs it after its tests).

Builds a throwaway database with the demo site as bench/scale_out.py does (bench/stack.py),
starts one gunicorn (2 workers × 4 threads, the production settings, DEBUG off, e-mails
written to files) on loopback, signs the demo coordinator in, then loads it for
DB_RESTART_SECONDS (40) from several threads:

  - visitors reading the home page, the news, a news article, the events, a search and
    /health/;
  - visitors joining (the join form: a login, a person, a join request and the confirmation
    e-mail), then confirming their address from the e-mail's link (the request then goes to
    the leaders, who are e-mailed);
  - the coordinator approving the waiting requests (a membership, a member number, a card
    and an e-mail to the family).

10 seconds in, PostgreSQL is stopped (fast: every connection is cut), started again 5
seconds later, and the load goes on. Then it checks, printing PASS/FAIL for each:

  a) while the database was away every answer was the usual one or a 503 (with Retry-After,
     but /health/'s), never a 500, a reset or empty connection, or an answer slower than
     the connect timeout (5 s) and a margin;
  b) within 15 s of PostgreSQL accepting connections again every request succeeded again,
     by the same gunicorn workers (Django's health checks on kept connections);
  c) nothing was half written: every login made by a join has its address, its person and
     its request, and every join answered as done was; a confirmed address has its request
     released, an approved request has its membership, number and card; and every e-mail
     sent (confirmation, to the leaders, to the family) is about something committed.

Exits non-zero on any failure. Whatever happens (Ctrl-C included) PostgreSQL is started
again if it is down, the server stopped, the database dropped, the cache keys deleted and the
temporary directory removed.
"""

import dataclasses
import datetime
import email
import email.policy
import http.client
import itertools
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
from pathlib import Path

from stack import (
    POSTGRES_URL,
    Browser,
    Failed,
    Stack,
    field,
    form_of,
    path_of,
    sign_in,
)

LOAD_SECONDS = float(os.environ.get("DB_RESTART_SECONDS", "40"))
STOP_AT = 10.0  # seconds into the load
DOWN_SECONDS = 5.0
CONNECT_TIMEOUT = 5  # site/settings.py: connect_timeout of PostgreSQL connections
SLOW = CONNECT_TIMEOUT + 5  # an answer later than this counts as a hang
RECOVERY = 15.0  # seconds after PostgreSQL is back within which everything must answer
READERS = 3
JOINERS = 2
DOMAIN = "db-restart.example"  # the joining visitors' addresses
MARK = "Slodze"  # their last name
BIRTH = (datetime.date.today() - datetime.timedelta(days=20 * 365)).isoformat()  # no guardian
WORDS = ["bietes", "nometne", "projekts", "mazpulks", "dārzs", "forums", "talka", "Ērgļi"]
NORMAL = {  # what each kind of request answers when all is well
    "page": {200},
    "search": {200},
    "health": {200},
    "join form": {200},
    "join": {302},
    "confirm form": {200},
    "confirm": {302},
    "requests": {200},
    "request": {200},
    "approve": {302, 200},  # 200: already decided (an earlier try was committed)
}

FACTS = """\
import json
from django.urls import reverse
from django.utils import translation
from events.models import EventIndexPage
from members_area.clubs.models import Club
from news.models import NewsIndexPage, NewsPage
club = Club.objects.local().active().order_by("pk").first()
with translation.override("lv"):
    print(json.dumps({
        "pages": [
            "/",
            NewsIndexPage.objects.live().filter(locale__language_code="lv").first().url,
            NewsPage.objects.live().filter(locale__language_code="lv").first().url,
            EventIndexPage.objects.live().filter(locale__language_code="lv").first().url,
        ],
        "search": reverse("search"),
        "join": reverse("clubs:join"),
        "requests": reverse("clubs:join_requests"),
        "club": club.pk,
        "municipality": club.municipality_id,
    }))
"""

RECORDS = """\
import json, os
from allauth.account.models import EmailAddress
from members_area.accounts.models import Person, User
from members_area.clubs.models import JoinRequest
domain, mark = "@" + os.environ["LOAD_DOMAIN"], os.environ["LOAD_MARK"]
logins = {}
for user in User.objects.filter(email__endswith=domain):
    people = list(Person.objects.filter(user=user))
    logins[user.email] = {
        "addresses": [a.verified for a in EmailAddress.objects.filter(user=user)],
        "people": [
            {"pk": p.pk, "status": p.status, "number": p.member_number,
             "memberships": p.memberships.count(), "cards": p.cards.count()}
            for p in people
        ],
        "requests": [
            {"pk": r.pk, "status": r.status}
            for r in JoinRequest.objects.filter(person__in=people)
        ],
    }
print(json.dumps({
    "logins": logins,
    "people_without_login": list(
        Person.objects.filter(last_name=mark).exclude(user__email__endswith=domain)
        .values_list("pk", flat=True)
    ),
    "addresses_without_login": list(
        EmailAddress.objects.filter(email__endswith=domain)
        .exclude(user__email__endswith=domain).values_list("email", flat=True)
    ),
}))
"""


@dataclasses.dataclass
class Hit:
    kind: str
    path: str
    start: float
    end: float
    status: int | None = None  # None: no HTTP answer
    error: str = ""  # why there was none
    retry_after: str | None = None
    answer: object = dataclasses.field(default=None, repr=False)

    @property
    def normal(self):
        return self.status in NORMAL[self.kind]


def failure_of(error):
    """A short name for a request that got no HTTP answer."""
    if isinstance(error, urllib.error.URLError):
        error = error.reason
    if isinstance(error, http.client.RemoteDisconnected):
        return "empty reply"
    if isinstance(error, ConnectionResetError):
        return "connection reset"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, TimeoutError | socket.timeout):
        return "no answer (client timeout)"
    if isinstance(error, http.client.IncompleteRead):
        return "answer cut short"
    return f"{type(error).__name__}: {error}"


# The load ------------------------------------------------------------------------------


class Load:
    """The clients' shared state: the clock, every request made and what the writes did."""

    def __init__(self, stack, facts, coordinator):
        self.stack, self.facts, self.coordinator = stack, facts, coordinator
        self.base = stack.base("app")
        self.mail_folder = stack.tmp / "mail"
        self.t0 = time.monotonic()
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.hits = []
        self.numbers = itertools.count(1)
        self.sent = []  # addresses whose join form was sent
        self.joined = []  # addresses whose join answered as done
        self.confirmed = []  # addresses whose confirmation answered as done
        self.approved = []  # requests whose approval answered as done
        self.problems = []  # the clients' own trouble (a form not found…)

    def now(self):
        return time.monotonic() - self.t0

    def hit(self, kind, browser, path, data=None):
        """The request, timed and recorded (without the answer's body), with its answer."""
        start = self.now()
        try:
            answer = browser.request(self.base, path, data=data)
            record = Hit(kind, path, start, self.now(), answer.status, answer=answer)
            record.retry_after = answer.headers.get("Retry-After")
        except (OSError, http.client.HTTPException) as error:
            record = Hit(kind, path, start, self.now(), error=failure_of(error))
        with self.lock:
            self.hits.append(dataclasses.replace(record, answer=None))
        return record

    def pause(self, seconds):
        self.stop.wait(seconds)

    def problem(self, text):
        with self.lock:
            self.problems.append(text)

    def warm_up(self):
        """One unhurried request to each page first: renditions are made on the first view
        and the page cache is filled, as on a site that has been running."""
        browser = Browser(timeout=120)
        for path in [*self.facts["pages"], self.facts["join"], "/health/"]:
            answer = browser.get(self.base, path)
            if answer.status != 200:
                raise Failed(f"warming up: {path} answered {answer.status}")

    def run(self):
        self.t0 = time.monotonic()
        clients = [(self.reader, number) for number in range(READERS)]
        clients += [(self.joiner,)] * JOINERS + [(self.approver,)]
        threads = [threading.Thread(target=self.client, args=client) for client in clients]
        for thread in threads:
            thread.daemon = True
            thread.start()
        return threads

    def client(self, run, *args):
        """A client thread; what breaks it is told, not lost in a thread's traceback."""
        try:
            run(*args)
        except Exception as error:
            self.problem(f"{run.__name__} stopped: {error!r}")

    def reader(self, number):
        """An anonymous visitor going round the public pages, a search and /health/."""
        browser = Browser(timeout=3 * SLOW)
        pages = self.facts["pages"]
        for turn in itertools.count(number):
            if self.stop.is_set():
                return
            step = turn % (len(pages) + 2)
            if step < len(pages):
                self.hit("page", browser, pages[step])
            elif step == len(pages):
                query = urllib.parse.urlencode({"q": WORDS[turn % len(WORDS)]})
                self.hit("search", browser, f"{self.facts['search']}?{query}")
            else:
                self.hit("health", Browser(timeout=3 * SLOW), "/health/")
            self.pause(0.1)

    def joiner(self):
        """Visitors joining one after another, each confirming his address from the e-mail."""
        while not self.stop.is_set():
            number = next(self.numbers)
            address = f"slodze{number}-{secrets.token_hex(3)}@{DOMAIN}"
            # A new visitor each time, from an address of his own (the rate limits count per
            # client address, which the proxy reports).
            browser = Browser(
                headers={"X-Forwarded-For": f"10.{number // 256 % 256}.{number % 256}.7"},
                timeout=3 * SLOW,
            )
            if self.join(browser, address):
                self.confirm(browser, address)
            else:
                self.pause(0.5)

    def join(self, browser, address):
        path = self.facts["join"]
        page = self.hit("join form", browser, path)
        if not page.normal:
            return False
        try:
            fields = dict(
                form_of(page.answer, lambda attrs: attrs.get("method", "").lower() == "post")
            )
        except Failed:
            self.problem(f"no join form on {path}")
            return False
        password = secrets.token_urlsafe(12)
        fields.update(
            for_whom="myself",
            first_name="Anna",
            last_name=MARK,
            date_of_birth=BIRTH,
            municipality=self.facts["municipality"],
            club=self.facts["club"],
            role="member",
            photo_consent="internal",
            data_consent="on",
            message="Slodzes pārbaude.",
            email=address,
            password1=password,
            password2=password,
        )
        with self.lock:
            self.sent.append(address)
        if not self.hit("join", browser, path, data=list(fields.items())).normal:
            return False
        with self.lock:
            self.joined.append(address)
        return True

    def confirm(self, browser, address):
        """Opens the link of the confirmation e-mail and confirms, trying again while the
        site is unavailable, as a person would."""
        link = None
        for _ in range(20):
            link = confirmation_link(read_mails(self.mail_folder), address)
            if link or self.stop.is_set():
                break
            self.pause(0.25)
        if link is None:
            if not self.stop.is_set():
                self.problem(f"no confirmation e-mail to {address} after the join was answered")
            return
        while not self.stop.is_set():
            page = self.hit("confirm form", browser, link)
            if page.normal:
                try:
                    form = form_of(page.answer, lambda attrs: attrs.get("method") == "post")
                except Failed:
                    self.problem(f"no confirmation form at {link}")
                    return
                data = [("csrfmiddlewaretoken", field(form, "csrfmiddlewaretoken"))]
                if self.hit("confirm", browser, link, data=data).normal:
                    with self.lock:
                        self.confirmed.append(address)
                    return
            self.pause(0.5)

    def approver(self):
        """The coordinator approving every request that waits for a decision."""
        listing_path = self.facts["requests"]
        finished = set()
        while not self.stop.is_set():
            listing = self.hit("requests", self.coordinator, listing_path)
            if listing.normal:
                waiting = listing.answer.text.split('id="pending-heading"', 1)[-1]
                waiting = waiting.split('id="decided-heading"', 1)[0]
                found = re.findall(rf'href="{re.escape(listing_path)}(\d+)/"', waiting)
                for pk in sorted(set(found) - finished, key=int):
                    if self.stop.is_set() or not self.approve(f"{listing_path}{pk}/", pk):
                        break
                    finished.add(pk)
            self.pause(0.5)

    def approve(self, path, pk):
        """Whether the request is decided now (by this or an earlier try)."""
        page = self.hit("request", self.coordinator, path)
        if not page.normal:
            return False
        if 'value="approve"' not in page.answer.text:
            return True  # decided already
        form = form_of(page.answer, lambda attrs: "staff-decision" in attrs.get("class", ""))
        data = [("csrfmiddlewaretoken", field(form, "csrfmiddlewaretoken")), ("action", "approve")]
        answer = self.hit("approve", self.coordinator, path, data=data)
        if not answer.normal:
            return False
        if answer.status == 302:
            with self.lock:
                self.approved.append(int(pk))
        return True


# E-mails -------------------------------------------------------------------------------


def read_mails(folder):
    """Every message Django's file backend wrote: (recipients, subject, plain text)."""
    mails = []
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not chunk.strip():
                continue
            message = email.message_from_bytes(chunk, policy=email.policy.default)
            body = message.get_body(preferencelist=("plain",))
            recipients = [address.lower() for address in message.get_all("To", [])]
            for copied in message.get_all("Cc", []):
                recipients.append(copied.lower())
            mails.append((recipients, message["Subject"], body.get_content() if body else ""))
    return mails


def confirmation_link(mails, address):
    for recipients, _subject, text in mails:
        if any(address in recipient for recipient in recipients):
            found = re.search(r"https?://\S+/confirm-email/\S+/", text)
            if found:
                return path_of(found.group(0))
    return None


# PostgreSQL ----------------------------------------------------------------------------


def clusters(*which):
    """pg_lsclusters' lines (Debian's postgresql-common)."""
    return subprocess.run(  # noqa: S603 (fixed arguments)
        ["pg_lsclusters", "--no-header", *which],  # noqa: S607 (found on PATH, as by people)
        capture_output=True,
        text=True,
        check=True,
    ).stdout


class Cluster:
    """The Debian cluster that serves POSTGRES_URL's port, stopped and started with
    pg_ctlcluster (through sudo when not root)."""

    def __init__(self):
        port = urllib.parse.urlsplit(POSTGRES_URL).port or 5432
        for line in clusters().splitlines():
            version, name, cluster_port, *_ = line.split()
            if int(cluster_port) == port:
                self.version, self.name = version, name
                break
        else:
            raise Failed(f"no PostgreSQL cluster of this machine listens on port {port}")
        self.sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]

    def __str__(self):
        return f"{self.version}/{self.name}"

    def control(self, action, until=None):
        """pg_ctlcluster's `action`; with `until`, a function called while it runs, until it
        returns something true: its answer (else None)."""
        # A session of its own: a Ctrl-C meant for this script must not interrupt it.
        command = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [*self.sudo, "pg_ctlcluster", self.version, self.name, action],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        found = None
        while until is not None and command.poll() is None:
            found = until()
            if found:
                break
            time.sleep(0.05)
        output, _ = command.communicate(timeout=120)
        if command.returncode:
            raise Failed(f"pg_ctlcluster {self} {action}: {output}".strip())
        return found

    def online(self):
        return " online" in clusters(self.version, self.name)

    def accepts(self):
        import psycopg

        try:
            with psycopg.connect(f"{POSTGRES_URL}/postgres", connect_timeout=2):
                return True
        except psycopg.OperationalError:
            return False

    def wait_until_accepting(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.accepts():
                return
            time.sleep(0.1)
        raise Failed(f"PostgreSQL {self} does not accept connections {seconds} s after starting")

    def ensure_running(self):
        if not self.online():
            print(f"   starting PostgreSQL {self} again")
            self.control("start")
        self.wait_until_accepting()


def other_clients(stack):
    """Connections to the server from other databases than ours (someone else's work)."""
    import psycopg

    with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True) as connection:
        return connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
            "AND datname NOT IN (%s, 'postgres') AND pid <> pg_backend_pid()",
            (stack.name,),
        ).fetchone()[0]


def workers_of(master):
    """The pids of a gunicorn master's workers."""
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                children.append(int(entry))
    return sorted(children)


# Checks --------------------------------------------------------------------------------


def describe(hit):
    answer = hit.status if hit.status is not None else hit.error
    return f"{hit.kind} {hit.path} at {hit.start:.1f} s: {answer} after {hit.end - hit.start:.1f} s"


def check_outage(load, down, back):
    """a) Before, during and after: the usual answer or a clean 503, quickly, always."""
    hits = load.hits
    before = [hit for hit in hits if hit.end < down]
    during = [hit for hit in hits if hit.end >= down and hit.start <= back]
    wrong = [hit for hit in before if not hit.normal]
    if wrong:
        raise Failed(
            f"{len(wrong)} of {len(before)} requests failed before the restart, e.g. "
            + describe(wrong[0])
        )
    errors = [hit for hit in hits if hit.status == 500]
    unanswered = [hit for hit in hits if hit.status is None]
    slow = [hit for hit in during if hit.end - hit.start > SLOW]
    odd = [hit for hit in hits if hit.status not in {None, 500, 503} and not hit.normal]
    no_retry = [
        hit
        for hit in hits
        if hit.status == 503 and hit.kind != "health" and hit.retry_after != "30"
    ]
    unavailable = [hit for hit in during if hit.status == 503]
    problems = []
    for label, found in [
        ("answered 500", errors),
        ("got no answer", unanswered),
        (f"took more than {SLOW} s", slow),
        ("got an unexpected answer", odd),
        ("answered 503 without Retry-After: 30", no_retry),
    ]:
        if found:
            problems.append(f"{len(found)} {label} (e.g. {describe(found[0])})")
    if not unavailable:
        problems.append("no request saw the database away (no 503): the restart was not noticed")
    if problems:
        raise Failed("; ".join(problems))
    longest = max(hit.end - hit.start for hit in during)
    first = min(hit.end for hit in unavailable) - down
    return (
        f"{len(before)} requests before it all answered normally; of {len(during)} while "
        f"PostgreSQL was away ({back - down:.1f} s), {len(during) - len(unavailable)} answered "
        f"normally (pages kept in the page cache) and {len(unavailable)} with 503 "
        f"(the first {first:.2f} s after the stop began); 0 answered 500, "
        f"0 resets or empty replies, the slowest took {longest:.2f} s"
    )


def check_recovery(load, starting, back, workers_before, workers_after):
    """b) Everything answers again soon after PostgreSQL is back, by the same workers."""
    after = [hit for hit in load.hits if hit.start >= back]
    failed = [hit for hit in after if not hit.normal]
    recovered = max((hit.end for hit in failed), default=back) - back
    from_database = [  # what needs the database (pages may come from the page cache)
        hit.end
        for hit in load.hits
        if hit.start >= starting and hit.normal and hit.kind not in {"page", "health"}
    ]
    late = [hit for hit in after if hit.start > back + RECOVERY and not hit.normal]
    problems = []
    if late:
        problems.append(
            f"{len(late)} requests failed more than {RECOVERY:.0f} s after PostgreSQL was back, "
            f"e.g. {describe(late[0])}"
        )
    if len([hit for hit in after if hit.start > back + RECOVERY]) < 20:
        problems.append("too few requests after the recovery window to tell (load too short)")
    if workers_after != workers_before:
        problems.append(f"gunicorn's workers changed: {workers_before} → {workers_after}")
    if problems:
        raise Failed("; ".join(problems))
    kinds = sorted({hit.kind for hit in failed})
    return (
        f"PostgreSQL started at {starting:.1f} s accepted connections at {back:.1f} s; the "
        f"first answer from the database came {min(from_database) - starting:.1f} s after the "
        f"start, and every request answered normally {recovered:.1f} s after it accepted "
        f"connections ({len(failed)} failed in between: {', '.join(kinds) or 'none'}; "
        f"{len(after)} requests after it), by the same gunicorn workers {workers_before}"
    )


def check_records(load, records, mails):
    """c) No half-written join, confirmation or approval; e-mails only about committed ones."""
    logins = records["logins"]
    problems = []
    requests = {}  # pk: (address, request, person)
    for address, login in logins.items():
        counts = [len(login[key]) for key in ("addresses", "people", "requests")]
        if counts != [1, 1, 1]:
            problems.append(f"{address}: {counts} addresses, people, requests (not 1, 1, 1)")
            continue
        (verified,), (person,), (request,) = login["addresses"], login["people"], login["requests"]
        requests[request["pk"]] = (address, request, person)
        if verified != (request["status"] != "unverified"):
            problems.append(f"{address}: address verified {verified}, request {request['status']}")
        member = [person["status"] == "active", bool(person["number"])]
        member += [person["memberships"] == 1, person["cards"] == 1]
        if request["status"] == "approved" and not all(member):
            problems.append(f"{address}: approved, but the person is {person}")
        if request["status"] != "approved" and any(member[1:]):
            problems.append(f"{address}: {request['status']}, but the person is {person}")
    for address in load.joined:
        if address not in logins:
            problems.append(f"{address}: the join was answered as done but is not saved")
    for address in load.confirmed:
        if logins.get(address, {}).get("addresses") != [True]:
            problems.append(f"{address}: the confirmation was answered as done but is not saved")
    for pk in load.approved:
        if pk in requests and requests[pk][1]["status"] != "approved":
            problems.append(f"request {pk}: the approval was answered as done but is not saved")
    for key in ("people_without_login", "addresses_without_login"):
        if records[key]:
            problems.append(f"{key.replace('_', ' ')}: {records[key]}")

    # E-mails: each about something committed, and each join answered as done has its own.
    kinds = {"confirmation": 0, "to the leaders": 0, "welcome": 0}
    mailed = set()
    people = {person["pk"]: request for _, request, person in requests.values()}
    for recipients, subject, text in mails:
        ours = [re.search(rf"[\w.+-]+@{re.escape(DOMAIN)}", to) for to in recipients]
        ours = [found.group(0) for found in ours if found]
        request_link = re.search(rf"{re.escape(load.facts['requests'])}(\d+)/", text)
        card_link = re.search(r"/(\d+)/karte/", text)
        if "/confirm-email/" in text and ours:
            kinds["confirmation"] += 1
            mailed.update(ours)
            problems += [
                f"a confirmation to {to}, whose join is not saved"
                for to in ours
                if to not in logins
            ]
        elif request_link and not ours:
            kinds["to the leaders"] += 1
            pk = int(request_link.group(1))
            if pk not in requests or requests[pk][1]["status"] == "unverified":
                problems.append(f"the leaders were e-mailed about request {pk}, not released")
        elif card_link and ours:
            kinds["welcome"] += 1
            if people.get(int(card_link.group(1)), {}).get("status") != "approved":
                problems.append(f"{ours}: welcomed, but the request is not approved")
        else:
            problems.append(f"an e-mail nobody expected: {subject!r} to {recipients}")
    problems += [
        f"{address}: the join was answered as done without its e-mail"
        for address in load.joined
        if address not in mailed
    ]
    if problems:
        raise Failed(f"{len(problems)} problems: " + "; ".join(problems[:8]))
    statuses = [request["status"] for _, request, _ in requests.values()]
    quiet = len(set(logins) - set(load.joined))
    return (
        f"{len(load.sent)} join forms sent, {len(load.joined)} answered as done, "
        f"{len(logins)} saved ({quiet} of them answered 503 after the commit), each with its "
        f"login, address, person and request; {len(statuses) - statuses.count('unverified')} "
        f"confirmed and released; {statuses.count('approved')} approved with membership, "
        f"number and card; {len(mails)} e-mails ({kinds['confirmation']} confirmations, "
        f"{kinds['to the leaders']} to the leaders, {kinds['welcome']} welcomes), each about "
        "a committed change"
    )


def check_clients(load):
    if load.problems:
        raise Failed("; ".join(load.problems[:5]))
    return "no client broke, found a page without its form or a join without its e-mail"


def summary(load):
    lines = ["   kind           requests  normal   503   500  no answer  slowest"]
    for kind in NORMAL:
        hits = [hit for hit in load.hits if hit.kind == kind]
        if not hits:
            continue
        lines.append(
            f"   {kind:<14} {len(hits):>8} {sum(hit.normal for hit in hits):>7} "
            f"{sum(hit.status == 503 for hit in hits):>5} "
            f"{sum(hit.status == 500 for hit in hits):>5} "
            f"{sum(hit.status is None for hit in hits):>10} "
            f"{max(hit.end - hit.start for hit in hits):>7.2f} s"
        )
    return "\n".join(lines)


# The run -------------------------------------------------------------------------------


class DbRestart(Stack):
    def __init__(self):
        super().__init__("dbrestart", ["app"], front="app")


def main():
    started = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # ends in the finally below
    cluster = Cluster()
    stack = DbRestart()
    failures = 0
    threads = []
    load = None
    try:
        print(f"== database {stack.name}: migrate, demo content, static files")
        stack.build()
        facts = json.loads(stack.manage("shell", "-c", FACTS).strip().splitlines()[-1])
        (stack.tmp / "mail").mkdir()
        stack.env["EMAIL_FILE_PATH"] = str(stack.tmp / "mail")
        print(f"   ready in {time.monotonic() - started:.0f} s")
        print(f"== gunicorn :{stack.ports['app']} (2 workers × 4 threads, production settings)")
        server = stack.start_gunicorn("app", "--workers=2", "--threads=4")
        coordinator = Browser(timeout=3 * SLOW)
        sign_in(stack, coordinator, stack.base("app"))
        workers_before = workers_of(server.pid)
        others = other_clients(stack)
        if others:
            print(f"   note: {others} connections of others to PostgreSQL {cluster} will be cut")
        print(
            f"== load for {LOAD_SECONDS:.0f} s: {READERS} readers, {JOINERS} joining visitors, "
            f"the coordinator approving; PostgreSQL {cluster} stopped at {STOP_AT:.0f} s"
        )
        load = Load(stack, facts, coordinator)
        load.warm_up()
        threads = load.run()
        load.pause(STOP_AT)
        down = load.now()
        cluster.control("stop")
        print(f"   {down:5.1f} s  PostgreSQL stopped ({load.now() - down:.1f} s to stop)")
        time.sleep(DOWN_SECONDS)
        starting = load.now()
        back = cluster.control("start", until=lambda: cluster.accepts() and load.now())
        if not back:  # pg_ctlcluster returned first
            cluster.wait_until_accepting()
            back = load.now()
        print(f"   {back:5.1f} s  PostgreSQL accepts connections again")
        # Long enough after it to see the recovery window through, however slow the restart.
        load.pause(max(LOAD_SECONDS, back + RECOVERY + 10) - load.now())
        load.stop.set()
        for thread in threads:
            thread.join(timeout=3 * SLOW + 5)
        print(f"   {load.now():5.1f} s  load stopped: {len(load.hits)} requests")
        print(summary(load))
        workers_after = workers_of(server.pid) if server.poll() is None else []
        records = json.loads(
            stack.manage("shell", "-c", RECORDS, LOAD_DOMAIN=DOMAIN, LOAD_MARK=MARK)
            .strip()
            .splitlines()[-1]
        )
        mails = read_mails(stack.tmp / "mail")
        checks = [
            (
                "a) while PostgreSQL was away: the usual answer or 503, never a 500 or a hang",
                lambda: check_outage(load, down, back),
            ),
            (
                f"b) recovered by itself within {RECOVERY:.0f} s, gunicorn not restarted",
                lambda: check_recovery(load, starting, back, workers_before, workers_after),
            ),
            (
                "c) no half-written join, confirmation or approval; e-mails only after commit",
                lambda: check_records(load, records, mails),
            ),
            ("the load's own clients", lambda: check_clients(load)),
        ]
        for title, check in checks:
            try:
                print(f"PASS {title}: {check()}")
            except Exception as failure:  # a check that broke fails too; the rest go on
                failures += 1
                print(f"FAIL {title}: {failure if isinstance(failure, Failed) else repr(failure)}")
    except Failed as failure:
        failures += 1
        print(f"FAIL setting up: {failure}")
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not stop the cleanup
        if load is not None:
            load.stop.set()
        try:
            cluster.ensure_running()
        except Exception as error:
            failures += 1
            print(f"FAIL PostgreSQL {cluster} is not running again: {error}")
        if failures:
            stack.logs()
        print("== stopping")
        stack.stop()
    print(f"== {'FAILED' if failures else 'passed'} in {time.monotonic() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
