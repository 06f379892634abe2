"""Ten years of the organisation in one database, for measuring the site at its real size.

    .venv/bin/python bench/dataset.py                      # SQLite: var/bench.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mazpulki_bench .venv/bin/python bench/dataset.py

The database named is emptied (a PostgreSQL database is dropped and made again; the SQLite
file replaced), migrated, given the demo site and then filled: 150 clubs, 5,000 members
with families and ten years of memberships, 3,000 news articles, 30 newspaper issues, 400
events, 300 opportunities (each page also in English), 5,000 projects with reports and photos
(bench/projects_dashboard.py's data), 100,000 volunteer entries and 30,000 check-ins. Pages
are written in bulk — copies of the demo's pages with new titles, dates and terms — rather
than through Wagtail's page API, which would take an hour: they are live, in the tree, with
their translations, but without revisions or search index entries. Prints what it made and
how long it took. Serve it with the same DATABASE_URL (see bench/README.md).
"""

import copy
import datetime
import os
import random
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from projects_dashboard import fill as fill_projects  # noqa: E402

MEMBERS = 5_000
NEWS = 3_000
ISSUES = 30
EVENTS = 400
OPPORTUNITIES = 300
VOLUNTEER_ENTRIES = 100_000
CHECKINS = 30_000
YEARS = 10
SEED = 10


def prepare_database():
    """Point Django at an empty database of the URL given (never the developer's by default)."""
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mazpulki.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DEMO_ADMIN_PASSWORD", "bench-" + os.urandom(8).hex())
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def insert_pages(parent, pages, when):
    """Put unsaved specific pages under `parent` in one go: tree paths, URL paths, the base
    rows in bulk, the specific rows with one INSERT each batch (Django cannot bulk-create a
    model with a parent table)."""
    from django.db import connection
    from wagtail.models import Page

    model = type(pages[0])
    start = parent.numchild
    for offset, page in enumerate(pages, start=start + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, offset)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = when(page)
        page.draft_title = page.title
        page.latest_revision = page.live_revision = None
        page.numchild = 0
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = Page.objects.bulk_create(
        [
            Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
            for page in pages
        ],
        batch_size=500,
    )
    for page, base in zip(pages, bases, strict=True):
        page.page_ptr_id = page.pk = base.pk
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [[field.get_db_prep_save(getattr(page, field.attname), connection) for field in fields]
            for page in pages]  # fmt: skip
    table = connection.ops.quote_name(model._meta.db_table)
    # Names from the model's own metadata, values as parameters.
    insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(insert, rows)
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(pages))
    parent.numchild = start + len(pages)
    return pages


def copies(template, count, make):
    """`count` unsaved copies of a demo page, each changed by make(copy, number)."""
    result = []
    for number in range(count):
        page = copy.copy(template)
        page.pk = page.id = None
        page.translation_key = uuid.uuid4()
        make(page, number)
        result.append(page)
    return result


def with_translations(template_lv, count, make, index_slug, when):
    """Latvian pages and their English translations (same translation key)."""
    from wagtail.models import Locale, Page

    english = Locale.objects.get(language_code="en")
    parent = Page.objects.get(slug=index_slug, locale__language_code="lv")
    parent_en = parent.get_translation(english)
    template_en = template_lv.get_translation(english).specific
    pages_lv = insert_pages(parent, copies(template_lv, count, make), when)
    pages_en = []
    for page_lv in pages_lv:
        page = copy.copy(template_en)
        page.pk = page.id = None
        make(page, page_lv.bench_number)
        page.translation_key = page_lv.translation_key
        page.title = f"{page.title} (EN)"
        pages_en.append(page)
    insert_pages(parent_en, pages_en, when)
    return pages_lv, pages_en


def set_terms(pages, field, terms, rng, most=2):
    """The pages' many-to-many terms (priority areas, tags) through their tables."""
    through = type(pages[0])._meta.get_field(field).remote_field.through
    source = f"{type(pages[0])._meta.model_name}_id"
    target = f"{terms[0]._meta.model_name}_id"
    through.objects.bulk_create(
        (
            through(**{source: page.pk, target: term.pk})
            for page in pages
            for term in rng.sample(terms, rng.randint(0, most))
        ),
        batch_size=2000,
    )


def fill_content(rng, years):
    from django.utils import timezone

    from events.models import EventPage
    from home.models import PriorityArea, Region, SiteImage
    from news.models import NewsPage, NewsTag
    from newspaper.models import NewspaperIssuePage
    from opportunities.models import OpportunityPage

    def lv(model):
        return model.objects.filter(locale__language_code="lv").specific().first()

    areas = list(PriorityArea.objects.filter(locale__language_code="lv"))
    regions = list(Region.objects.filter(locale__language_code="lv"))
    tags = list(NewsTag.objects.filter(locale__language_code="lv"))
    images = list(SiteImage.objects.exclude(collection__name="Vadītāju bibliotēka"))
    first = datetime.date(years[0], 1, 1)
    span = (datetime.date(years[-1], 12, 31) - first).days

    def day(number, count):
        return first + datetime.timedelta(days=number * span // count)

    def moment(date):
        return timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))

    def news(page, number):
        page.bench_number = number
        page.title = f"Mazpulku ziņa nr. {number + 1}"
        page.slug = f"zina-{number + 1}"
        page.date = day(number, NEWS)
        page.main_image_id = rng.choice(images).pk if images else None
        page.region_id = rng.choice(regions).pk if rng.random() < 0.5 else None

    news_lv, _news_en = with_translations(
        lv(NewsPage), NEWS, news, "jaunumi", lambda page: moment(page.date)
    )
    set_terms(news_lv, "priority_areas", areas, rng)
    set_terms(news_lv, "tags", tags, rng, most=3)

    used = set(NewspaperIssuePage.objects.values_list("year", "number"))
    slots = [(y, n) for y in years for n in (1, 2, 3) if (y, n) not in used][:ISSUES]

    def issue(page, number):
        page.bench_number = number
        year, issue_number = slots[number]
        page.title = f"Mazpulks {year}/{issue_number}"
        page.slug = f"mazpulks-{year}-{issue_number}-bench"
        page.year, page.number = year, issue_number
        page.publication_date = datetime.date(year, issue_number * 4, 1)

    with_translations(
        lv(NewspaperIssuePage),
        len(slots),
        issue,
        "avize-mazpulks",
        lambda page: moment(page.publication_date),
    )

    kinds = ["camp", "seminar", "project_forum", "conference", "hike", "festival", "training"]
    scales = ["national", "regional", "club", "regional", "club"]

    def event(page, number):
        page.bench_number = number
        start = moment(day(number, EVENTS)) + datetime.timedelta(hours=1)
        page.title = f"Pasākums nr. {number + 1}"
        page.slug = f"pasakums-{number + 1}"
        page.start, page.end = start, start + datetime.timedelta(hours=rng.choice([3, 6, 54]))
        page.kind, page.scale = rng.choice(kinds), rng.choice(scales)
        page.capacity = rng.choice([None, 30, 80, 300])
        page.training_hours = Decimal(6) if page.kind == "training" else None
        page.region_id = rng.choice(regions).pk

    events_lv, _events_en = with_translations(
        lv(EventPage), EVENTS, event, "pasakumi", lambda page: page.start
    )
    set_terms(events_lv, "priority_areas", areas, rng)

    def opportunity(page, number):
        page.bench_number = number
        start = day(number, OPPORTUNITIES) + datetime.timedelta(days=60)
        page.title = f"Iespēja nr. {number + 1}"
        page.slug = f"iespeja-{number + 1}"
        page.start_date, page.end_date = start, start + datetime.timedelta(days=7)
        page.application_deadline = start - datetime.timedelta(days=30)

    opportunities_lv, _ = with_translations(
        lv(OpportunityPage),
        OPPORTUNITIES,
        opportunity,
        "starptautiskas-iespejas",
        lambda page: moment(page.application_deadline - datetime.timedelta(days=30)),
    )
    set_terms(opportunities_lv, "priority_areas", areas, rng)
    return events_lv


def fill_people(rng, years, coordinator):
    """Members up to MEMBERS, families with logins, memberships over the years, cards."""
    from django.utils import timezone

    from members_area.accounts.models import Guardian, MemberCard, Person, User
    from members_area.clubs.models import Club, Membership

    clubs = list(Club.objects.local())
    today = timezone.localdate()
    missing = MEMBERS - Person.objects.count()
    Person.objects.bulk_create(
        (
            Person(
                first_name=rng.choice(["Anna", "Jānis", "Līga", "Pēteris", "Elza", "Kārlis"]),
                last_name=rng.choice(["Ozola", "Kalniņš", "Bērziņa", "Liepiņš", "Egle"]),
                date_of_birth=today - datetime.timedelta(days=rng.randint(6 * 365, 25 * 365)),
                status=Person.Status.ACTIVE,
                member_number=f"M-{years[0]}-{number:05d}",
            )
            for number in range(missing)
        ),
        batch_size=1000,
    )
    people = list(Person.objects.filter(status=Person.Status.ACTIVE))
    logins = User.objects.bulk_create(
        # "!" is Django's mark of an unusable password: these families never sign in here.
        (User(email=f"gimene{n}@bench.example", password="!") for n in range(2000)),  # noqa: S106
        batch_size=1000,
    )
    guardians = Guardian.objects.bulk_create(
        Guardian(user=user, first_name="Vecāks", last_name="Bench", email=user.email)
        for user in logins
    )
    Guardian.children.through.objects.bulk_create(
        (
            Guardian.children.through(guardian_id=guardians[index % len(guardians)].pk,
                                      person_id=person.pk)
            for index, person in enumerate(people)
        ),
        batch_size=2000,
    )  # fmt: skip
    current = set(Membership.objects.values_list("person_id", "year"))
    memberships = []
    for person in people:
        club = rng.choice(clubs)
        joined = rng.choice(years)
        for year in range(joined, years[-1] + 1):
            if (person.pk, year) not in current and rng.random() < 0.8:
                role = "volunteer" if rng.random() < 0.1 else "member"
                memberships.append(Membership(person=person, club=club, year=year, role=role))
    Membership.objects.bulk_create(memberships, batch_size=2000, ignore_conflicts=True)
    MemberCard.objects.bulk_create(
        (MemberCard(person=person) for person in people), batch_size=1000, ignore_conflicts=True
    )
    return people


def fill_hours(rng, years, people, coordinator):
    from members_area.clubs.models import Membership
    from members_area.volunteering.models import VolunteerEntry

    places = list(Membership.objects.values_list("person_id", "club_id", "year"))
    kinds = ["event", "club", "community", "mentoring", "organising"]
    VolunteerEntry.objects.bulk_create(
        (
            VolunteerEntry(
                person_id=person_id,
                club_id=club_id,
                date=datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                hours=Decimal(rng.randint(1, 24)) / 4,
                kind=rng.choice(kinds),
                description="Palīdzēja mazpulka darbā",
                status=rng.choices(["approved", "submitted", "declined"], [85, 10, 5])[0],
                submitted_by=coordinator,
            )
            for person_id, club_id, year in rng.choices(places, k=VOLUNTEER_ENTRIES)
        ),
        batch_size=5000,
    )


def fill_checkins(rng, events, people, coordinator):
    from members_area.checkin.models import Checkin, Desk

    desks = Desk.objects.bulk_create(
        Desk(event=event, name="Vārti", opened_by=coordinator, opened_at=event.start)
        for event in events
    )
    per_event = CHECKINS // len(events)
    Checkin.objects.bulk_create(
        (
            Checkin(
                event_id=desk.event_id,
                person=person,
                desk=desk,
                method="card",
                checked_in_by=coordinator,
                checked_in_at=desk.opened_at,
            )
            for desk in desks
            for person in rng.sample(people, per_event)
        ),
        batch_size=5000,
    )


def run():
    started = time.perf_counter()
    prepare_database()
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    from members_area.accounts.models import Person
    from members_area.checkin.models import Checkin
    from members_area.volunteering.models import VolunteerEntry

    rng = random.Random(SEED)
    this_year = timezone.localdate().year
    years = list(range(this_year - YEARS + 1, this_year + 1))
    coordinator, projects = fill_projects(rng)
    events = fill_content(rng, years)
    people = fill_people(rng, years, coordinator)
    fill_hours(rng, years, people, coordinator)
    fill_checkins(rng, events, people, coordinator)
    # Rows written in bulk leave the planner's statistics empty: PostgreSQL would choose its
    # plans for empty tables (a restore does the same: see docs/scaling.md).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seconds = time.perf_counter() - started
    from members_area.clubs.models import Club
    from members_area.projects.models import Project

    del projects  # its own summary counts only its part of the people
    print(
        f"{connection.vendor}: {Page.objects.count()} pages (both languages), "
        f"{Club.objects.count()} clubs, {Person.objects.count()} people, "
        f"{Project.objects.count()} projects, {VolunteerEntry.objects.count()} volunteer "
        f"entries, {Checkin.objects.count()} check-ins; built in {seconds:.0f} s. "
        f"Coordinator: {coordinator.email}"
    )


if __name__ == "__main__":
    run()
