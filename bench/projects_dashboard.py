"""How fast the coordinator's project pages answer over ten years of projects.

    .venv/bin/python bench/projects_dashboard.py

Fills a throwaway database (a temporary SQLite file; PostgreSQL's test database, created and
dropped here, when DATABASE_URL points at a PostgreSQL server) with the demo site and ten years
of projects: 150 clubs over the regions, their members and 5,000 projects spread over themes,
kinds, states and years. Then times, as a coordinator through Django's test client, the
yearly picture, the staff list and its exports (REQUESTS requests each, after a warm-up) and
writes the table into bench/README.md. The developer's database is never opened.
"""

import datetime
import gc
import math
import os
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "bench" / "README.md"
# One table per database engine, each rewritten by a run on that engine.
MARKERS = "<!-- projects_dashboard:{engine}:start -->", "<!-- projects_dashboard:{engine}:end -->"

CLUBS = 150
PEOPLE_PER_CLUB = 25
PROJECTS = 5_000
YEARS = 10
REQUESTS = 20
SEED = 4  # the same data set on every run

# (Latvian title, kind, share of the year's projects)
THEMES = [
    ("Dārza projekts", "individual", 0.22),
    ("Mans biznesa sākums", "individual", 0.18),
    ("Jaunie tehniķi", "individual", 0.15),
    ("Dabas pētnieki", "group", 0.15),
    ("Vides sargi", "group", 0.10),
    ("Vietējā iniciatīva", "local-initiative", 0.05),
    ("Savs temats", "own-theme", 0.15),
]
# How far a year's projects got: last years' are finished, this year's under way.
PAST_STATES = {
    "scored": 0.45,
    "accepted": 0.25,
    "report-returned": 0.03,
    "returned": 0.04,
    "approved": 0.08,
    "draft": 0.15,
}
THIS_YEARS_STATES = {
    "draft": 0.15,
    "submitted": 0.20,
    "returned": 0.05,
    "approved": 0.25,
    "report-draft": 0.15,
    "report-submitted": 0.10,
    "report-returned": 0.05,
    "accepted": 0.05,
}
FIRST_NAMES = ["Anna", "Jānis", "Līga", "Pēteris", "Elza", "Kārlis", "Marta", "Roberts", "Ieva"]
LAST_NAMES = ["Ozola", "Kalniņš", "Bērziņa", "Liepiņš", "Egle", "Krūmiņš", "Zariņa", "Vītols"]
SENTENCE = (
    "mēs audzējām burkānus un gurķus skolas dārzā kopā ar vecākiem un kaimiņiem lai "
    "pārdotu tirgū un iegūtu līdzekļus nākamā gada sēklām un instrumentiem"
)
WORDS = SENTENCE.split()


def setup_django():
    """Test settings with a database of our own: never the developer's."""
    sys.path.insert(0, str(ROOT))
    workdir = Path(tempfile.mkdtemp(prefix="mazpulki-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'unused.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ.setdefault("DEMO_ADMIN_PASSWORD", "bench-" + os.urandom(8).hex())
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["NAME"] = str(workdir / "unused.sqlite3")
        database["TEST"] = {"NAME": str(workdir / "bench.sqlite3")}
    django.setup()
    return workdir


def text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def weighted(rng, shares):
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def projects_per_year(years):
    """Growing from about 380 to 620 a year, 5,000 in all."""
    raw = [380 + index * 240 / (len(years) - 1) for index in range(len(years))]
    counts = [round(value * PROJECTS / sum(raw)) for value in raw]
    counts[-1] += PROJECTS - sum(counts)
    return dict(zip(years, counts, strict=True))


def fill(rng):
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.utils import timezone

    from home.models import Municipality
    from members_area.accounts.models import COORDINATORS_GROUP, AgeGroup, Person, User
    from members_area.clubs.models import Club, Membership
    from members_area.projects.models import Project, ProjectFile, current_year
    from tests.projects import make_theme, question

    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    this_year = current_year()
    years = list(range(this_year - YEARS + 1, this_year + 1))
    places = list(Municipality.objects.all())
    existing = Club.objects.local().count()
    Club.objects.bulk_create(
        Club(
            name=f"{places[n % len(places)].name_lv} {n} mazpulks",
            number=5000 + n,
            municipality=places[n % len(places)],
        )
        for n in range(CLUBS - existing)
    )
    clubs = list(Club.objects.all())
    today = timezone.localdate()
    Person.objects.bulk_create(
        Person(
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            date_of_birth=today - datetime.timedelta(days=rng.randint(6 * 365, 25 * 365)),
            municipality=club.municipality,
            status=Person.Status.ACTIVE,
            member_number=f"B-{club.number}-{index:03}",
        )
        for club in clubs
        for index in range(PEOPLE_PER_CLUB)
    )
    people = {club.pk: [] for club in clubs}
    numbers = {club.number: club.pk for club in clubs}
    for person in Person.objects.filter(member_number__startswith="B-"):
        people[numbers[int(person.member_number.split("-")[1])]].append(person)
    Membership.objects.bulk_create(
        Membership(person=person, club_id=club_pk, year=this_year)
        for club_pk, members in people.items()
        for person in members
    )
    questions = [question("vieta", label="Kur notiks projekts?"), question("cik", "number")]
    report_questions = [question("prieks", "long_text", label="Kas patika visvairāk?")]
    themes = {
        year: [
            (
                make_theme(
                    title,
                    kind=kind,
                    year=year,
                    application_questions=questions,
                    report_questions=report_questions,
                ),
                share,
            )
            for title, kind, share in THEMES
        ]
        for year in years
    }
    activity = {club.pk: rng.paretovariate(1.5) for club in clubs}  # a few very active clubs
    coordinator = User.objects.create_user(
        email="bench.koordinators@mazpulki.example", first_name="Bench", last_name="Koordinators"
    )
    EmailAddress.objects.create(user=coordinator, email=coordinator.email, verified=True)
    coordinator.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    TOTP.activate(coordinator, "JBSWY3DPEHPK3PXPJBSWY3DP")

    projects, teams, files = [], [], []
    for year, count in projects_per_year(years).items():
        states = THIS_YEARS_STATES if year == this_year else PAST_STATES
        year_themes = themes[year]
        for _ in range(count):
            theme = rng.choices([t for t, _s in year_themes], [s for _t, s in year_themes])[0]
            club_pk = rng.choices(list(activity), weights=list(activity.values()))[0]
            size = {"individual": 1, "own-theme": 1, "group": rng.randint(2, 4)}.get(
                theme.kind, rng.randint(3, 6)
            )
            team = rng.sample(people[club_pk], size)
            state = weighted(rng, states)
            moment = timezone.make_aware(
                datetime.datetime(year, rng.randint(2, 10), rng.randint(1, 28), 12)
            )
            oldest = max(year - person.date_of_birth.year for person in team)
            reported = state in ("report-submitted", "report-returned", "accepted", "scored")
            projects.append(
                Project(
                    theme=theme,
                    year=year,
                    kind=theme.kind,
                    club_id=club_pk,
                    age_group="" if state == "draft" else AgeGroup.for_age(oldest) or "",
                    title=text(rng, rng.randint(2, 6)),
                    goal=text(rng, 30),
                    plan=text(rng, 80),
                    timeline=text(rng, 30),
                    answers=[
                        {
                            "question": questions[0][1] | {"kind": "short_text"},
                            "value": text(rng, 3),
                        },
                        {
                            "question": questions[1][1] | {"kind": "number"},
                            "value": str(rng.randint(1, 200)),
                        },
                    ],
                    report_done=text(rng, 60) if reported else "",
                    report_learnt=text(rng, 40) if reported else "",
                    report_answers=[
                        {
                            "question": report_questions[0][1] | {"kind": "long_text"},
                            "value": text(rng, 20),
                        }
                    ]
                    if reported
                    else [],
                    state=state,
                    state_changed_at=moment + datetime.timedelta(days=rng.randint(0, 60)),
                    submitted_at=None if state == "draft" else moment,
                    score=Decimal(rng.randint(400, 1000)) / 10 if state == "scored" else None,
                    place=rng.randint(1, 10) if state == "scored" and rng.random() < 0.3 else None,
                )
            )
            teams.append(team)
    Project.objects.bulk_create(projects, batch_size=500)
    Through = Project.members.through
    Through.objects.bulk_create(
        (
            Through(project_id=p.pk, person_id=person.pk)
            for p, team in zip(projects, teams, strict=True)
            for person in team
        ),
        batch_size=2000,
    )
    for project in projects:
        reported = project.state in ("report-submitted", "report-returned", "accepted", "scored")
        for number in range(rng.randint(0, 4) if reported else 0):
            files.append(
                ProjectFile(
                    project=project,
                    stage="report",
                    kind="photo",
                    file=f"people/projects/bench-{project.pk}-{number}.jpg",
                    original_name=f"foto-{number}.jpg",
                )
            )
        if reported and rng.random() < 0.4:
            files.append(
                ProjectFile(
                    project=project,
                    stage="report",
                    kind="pdf",
                    file=f"people/projects/bench-{project.pk}.pdf",
                    original_name="atskaite.pdf",
                )
            )
    ProjectFile.objects.bulk_create(files, batch_size=2000)
    summary = (
        f"{Club.objects.count()} clubs, {Person.objects.count()} people, "
        f"{Project.objects.count()} projects of {years[0]}–{years[-1]} "
        f"({Project.objects.filter(year=this_year).count()} this year) in "
        f"{sum(len(year_themes) for year_themes in themes.values())} themes, "
        f"{Through.objects.count()} team places, {len(files)} photos and PDFs"
    )
    return coordinator, summary


def database_name(connection):
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    major, minor = divmod(connection.pg_version, 10000)  # 150020 is 15.20
    return f"{connection.display_name} {major}.{minor}"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(client, address):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # warm-up: site-wide caches, the database's own
        response = client.get(address)
        assert response.status_code == 200, (address, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    query_count = len(queries)  # now: the next request empties the log it reads
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(address)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": query_count,
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "size": len(response.content),
    }


def run():
    workdir = setup_django()
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        started = time.perf_counter()
        coordinator, summary = fill(random.Random(SEED))
        fill_seconds = time.perf_counter() - started
        gc.collect()  # the filling's leftovers, not the pages' garbage
        client = Client()
        client.force_login(coordinator)
        with translation.override("lv"):
            pages = [
                ("Yearly picture (dashboard)", reverse("projects:dashboard")),
                ("Staff list, page 1", reverse("projects:staff_list")),
                (
                    "Staff list, filtered, page 3",
                    reverse("projects:staff_list") + "?state=counted&kind=individual&page=3",
                ),
                ("CSV export of the year", reverse("projects:export_csv")),
                ("XLSX export of the year", reverse("projects:export_xlsx")),
            ]
        results = [(name, measure(client, address)) for name, address in pages]
        vendor = database_name(connection)
        engine = connection.vendor
    finally:
        creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)
        from django.conf import settings

        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    table = report(results, summary, fill_seconds, vendor)
    print(table)
    write_readme(table, engine)


def report(results, summary, fill_seconds, vendor):
    lines = [
        f"Measured {datetime.date.today():%Y-%m-%d} on {vendor}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs ({platform.machine()}); "
        f"{REQUESTS} requests per page after a warm-up, as a coordinator (Django test client, "
        "no web server).",
        "",
        f"Data: {summary}; filled in {fill_seconds:.0f} s.",
        "",
        "| Page | Queries | p50 (ms) | p95 (ms) | Response size |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, result in results:
        lines.append(
            f"| {name} | {result['queries']} | {result['p50']:.0f} | {result['p95']:.0f} "
            f"| {result['size'] / 1024:.0f} KiB |"
        )
    return "\n".join(lines)


def write_readme(table, engine, markers=MARKERS):
    """Replace this engine's table between its markers (or add it at the end)."""
    content = README.read_text()
    start, end = (marker.format(engine=engine) for marker in markers)
    block = f"{start}\n{table}\n{end}"
    if start in content:
        content = re.sub(
            re.escape(start) + ".*?" + re.escape(end), lambda _m: block, content, flags=re.S
        )
    else:
        content = content.rstrip("\n") + "\n\n" + block + "\n"
    README.write_text(content)


if __name__ == "__main__":
    run()
