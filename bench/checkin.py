"""300 campers checked in from 4 desks at once, through a real web server.

    .venv/bin/python bench/checkin.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mazpulki .venv/bin/python bench/checkin.py

Builds a throwaway database (as bench/projects_dashboard.py does: a temporary SQLite file, or
PostgreSQL's test database, created and dropped here), loads the demo site, and adds a camp
going on now with 300 members holding cards and 4 coordinators, each with a desk open. Then
starts gunicorn (2 workers × 4 threads, the test settings: DEBUG off) and sends, from 4
threads — one per desk — the card addresses their phones' cameras would open: every camper
once, and 60 of them a second time at another desk at about the same moment (someone
scanned twice). Checks that no request failed, that each camper is checked in exactly once
and that the 60 repeats were answered "already checked in"; reports p50/p95/max latency and
the rate, and writes the table into bench/README.md.
"""

import datetime
import os
import platform
import random
import shutil
import socket
import statistics
import threading
import time
import urllib.request

from projects_dashboard import database_name, percentile, setup_django, write_readme
from servers import start_gunicorn

CAMPERS = 300
DESKS = 4
REPEATS = 60  # cards scanned again, at another desk
SEED = 9
MARKERS = "<!-- checkin:{engine}:start -->", "<!-- checkin:{engine}:end -->"


def fill(rng):
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Page

    from events.models import EventPage
    from members_area.accounts.models import COORDINATORS_GROUP, MemberCard, Person, User
    from members_area.checkin.services import SESSION_KEY as DESK_KEY
    from members_area.checkin.services import open_desk
    from members_area.clubs.models import Club, Membership

    call_command("load_demo_content", verbosity=0)
    index = Page.objects.get(slug="pasakumi", locale__language_code="lv")
    start = timezone.now() - datetime.timedelta(hours=1)
    camp = EventPage(
        title="Vislatvijas nometne (mērījums)",
        slug="vislatvijas-nometne-merijums",
        lead="Mērījums.",
        kind="camp",
        scale="national",
        venue="Ērgļi",
        start=start,
        end=start + datetime.timedelta(days=3),
        capacity=CAMPERS,
    )
    index.add_child(instance=camp)
    camp.save_revision().publish()

    clubs = list(Club.objects.local()[:20])
    year = timezone.localdate().year
    people = Person.objects.bulk_create(
        Person(
            first_name=rng.choice(["Anna", "Jānis", "Līga", "Pēteris", "Elza", "Kārlis"]),
            last_name=f"Nometnieks {number}",
            date_of_birth=datetime.date(year - rng.randint(8, 17), rng.randint(1, 12), 1),
            status=Person.Status.ACTIVE,
            member_number=f"M-{year}-9{number:04d}",
        )
        for number in range(CAMPERS)
    )
    Membership.objects.bulk_create(
        Membership(person=person, club=rng.choice(clubs), year=year) for person in people
    )
    cards = MemberCard.objects.bulk_create(MemberCard(person=person) for person in people)

    coordinators = Group.objects.get(name=COORDINATORS_GROUP)
    sessions = []
    for number in range(DESKS):
        user = User.objects.create_user(email=f"galds{number}@mazpulki.example", password=None)
        user.groups.add(coordinators)
        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DP")
        desk = open_desk(user, camp, f"Vārti {number + 1}")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[DESK_KEY] = desk.pk
        session.create()
        sessions.append(session.session_key)
    return camp, [card.token for card in cards], sessions


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(database_url, port):
    from django.conf import settings

    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    return start_gunicorn(port, env, "--workers=2", "--threads=4")


def desk_queues(tokens, rng):
    """Each desk's scans: its quarter of the campers, and some of the next desk's again,
    placed where the next desk scans them, so that the two arrive at about the same time."""
    share = len(tokens) // DESKS
    queues = [list(tokens[number * share : (number + 1) * share]) for number in range(DESKS)]
    for number in range(DESKS):
        neighbour = queues[(number + 1) % DESKS][:share]
        for position in rng.sample(range(share), REPEATS // DESKS):
            queues[number].insert(position, neighbour[position])
    return queues


def scan_all(port, sessions, queues):
    timings, failures = [], []
    start = threading.Barrier(DESKS)

    def desk(session_key, tokens):
        opener = urllib.request.build_opener()
        opener.addheaders = [("Cookie", f"sessionid={session_key}"), ("Accept-Language", "lv")]
        start.wait()
        for token in tokens:
            started = time.perf_counter()
            try:
                with opener.open(f"http://127.0.0.1:{port}/k/{token}/", timeout=30) as response:
                    body = response.read().decode()
                    if "reģistrēta" not in body:
                        failures.append((token, "no answer"))
            except OSError as error:
                failures.append((token, str(error)))
            timings.append((time.perf_counter() - started) * 1000)

    threads = [
        threading.Thread(target=desk, args=pair) for pair in zip(sessions, queues, strict=True)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, failures, time.perf_counter() - started


def run():
    workdir = setup_django()
    from django.db import connection

    from members_area.checkin.models import Checkin, FailedScan

    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    server = None
    try:
        camp, tokens, sessions = fill(random.Random(SEED))
        settings_dict = connection.settings_dict
        if connection.vendor == "sqlite":
            database_url = f"sqlite:///{settings_dict['NAME']}"
        else:
            database_url = (
                f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:"
                f"{settings_dict['PORT']}/{settings_dict['NAME']}"
            )
        connection.close()
        port = free_port()
        server = start_server(database_url, port)
        queues = desk_queues(tokens, random.Random(SEED))
        timings, failures, seconds = scan_all(port, sessions, queues)
        active = Checkin.objects.active().filter(event=camp)
        result = {
            "requests": len(timings),
            "failures": len(failures),
            "checked_in": active.count(),
            "people": active.values("person").distinct().count(),
            "already": FailedScan.objects.filter(outcome="already").count(),
            "p50": statistics.median(timings),
            "p95": percentile(timings, 0.95),
            "max": max(timings),
            "seconds": seconds,
        }
        vendor = database_name(connection)
        engine = connection.vendor
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        connection.close()
        creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)
        from django.conf import settings

        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    table = report(result, vendor)
    print(table)
    write_readme(table, engine, MARKERS)
    ok = (
        result["failures"] == 0
        and result["checked_in"] == result["people"] == CAMPERS
        and result["already"] == REPEATS
    )
    if not ok:
        raise SystemExit("check-in bench: errors or duplicates (see the table)")


def report(result, vendor):
    return "\n".join(
        [
            f"Measured {datetime.date.today():%Y-%m-%d} on {vendor}, Python "
            f"{platform.python_version()}, {os.cpu_count()} CPUs ({platform.machine()}); "
            "gunicorn with 2 workers × 4 threads, test settings (DEBUG off), on loopback.",
            "",
            f"{DESKS} desks at once opened {result['requests']} card addresses: {CAMPERS} "
            f"campers, {REPEATS} of them a second time at another desk.",
            "",
            "| Requests | Failed | Checked in | Distinct people | Answered “already” "
            "| p50 (ms) | p95 (ms) | max (ms) | Check-ins a second |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {result['requests']} | {result['failures']} | {result['checked_in']} "
            f"| {result['people']} | {result['already']} | {result['p50']:.0f} "
            f"| {result['p95']:.0f} | {result['max']:.0f} "
            f"| {result['requests'] / result['seconds']:.0f} |",
        ]
    )


if __name__ == "__main__":
    run()
