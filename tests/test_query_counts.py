"""Each page costs the same number of queries whatever the amount of data behind it.

Every page is counted twice: on the demo site (with the `world` organisation and one of each
member-area record), then again after more of every kind of data is added (news over several
months with pictures and topics, events, opportunities, newspaper issues, projects, volunteer
hours, check-ins, memberships of past years). Each page is requested once before it is
counted, both times, so caches (site settings, menus, colours) and renditions are warm alike.
The benchmark (bench/) measures the ten-year data set; this test only proves the count flat.
"""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import EventPage
from home.models import PriorityArea, Region, SiteImage
from members_area.checkin.models import Checkin, Desk
from members_area.clubs.models import Membership
from members_area.volunteering.models import VolunteerEntry
from news.models import NewsPage, NewsTag
from newspaper.models import NewspaperIssuePage
from opportunities.models import OpportunityPage
from tests.members import make_member, make_person, years_ago
from tests.projects import make_project, make_theme

pytestmark = pytest.mark.django_db

NUMBERS = itertools.count()
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n%%EOF\n"


def latvian(model):
    return model.objects.filter(locale__language_code="lv")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# More data, of every kind a page lists ------------------------------------------------------


def add_news(index, count, tag, area):
    """Articles over ten months, each with a picture, two tags, two areas and a region."""
    images = list(SiteImage.objects.order_by("pk")[:4])
    tags, areas = list(latvian(NewsTag)), list(latvian(PriorityArea))
    regions = list(latvian(Region))
    for number in range(count):
        article = NewsPage(
            title=f"Mērījuma ziņa {number}",
            slug=f"merijuma-zina-{next(NUMBERS)}",
            date=datetime.date(2026, 1, 5) + datetime.timedelta(days=number * 7),
            lead="Īsi par notikušo.",
            main_image=images[number % len(images)],
            region=regions[number % len(regions)],
        )
        index.add_child(instance=article)
        article.tags.set({tag, tags[number % len(tags)]})
        article.priority_areas.set({area, areas[number % len(areas)]})
        article.save_revision().publish()


def add_events(index, count):
    """Half to come, half past; each with a picture and a priority area."""
    images = list(SiteImage.objects.order_by("pk")[:4])
    areas = list(latvian(PriorityArea))
    now = timezone.now()
    made = []
    for number in range(count):
        start = now + datetime.timedelta(days=(number + 2) * (1 if number % 2 else -1))
        event = EventPage(
            title=f"Mērījuma pasākums {number}",
            slug=f"merijuma-pasakums-{next(NUMBERS)}",
            lead="Īsi par pasākumu.",
            start=start,
            end=start + datetime.timedelta(hours=4),
            kind=["seminar", "camp", "hike"][number % 3],
            scale=["national", "regional", "club"][number % 3],
            venue="Skola",
            main_image=images[number % len(images)],
        )
        index.add_child(instance=event)
        event.priority_areas.set([areas[number % len(areas)]])
        event.save_revision().publish()
        made.append(event)
    return made


def add_opportunities(index, count):
    images = list(SiteImage.objects.order_by("pk")[:4])
    areas = list(latvian(PriorityArea))
    today = timezone.localdate()
    for number in range(count):
        deadline = today + datetime.timedelta(days=(number + 3) * (1 if number % 2 else -1))
        opportunity = OpportunityPage(
            title=f"Mērījuma iespēja {number}",
            slug=f"merijuma-iespeja-{next(NUMBERS)}",
            main_image=images[number % len(images)],
            opportunity_type="youth-exchange",
            country=["DE", "EE", "FI", "LT"][number % 4],
            start_date=deadline + datetime.timedelta(days=30),
            end_date=deadline + datetime.timedelta(days=37),
            application_deadline=deadline,
            min_age=13,
            max_age=30,
            apply_email="pieteikumi@mazpulki.example",
            lead="Īsi par iespēju.",
        )
        index.add_child(instance=opportunity)
        opportunity.priority_areas.set([areas[number % len(areas)]])
        opportunity.save_revision().publish()


def add_issues(index, years):
    document = get_document_model()(title="Mazpulks (PDF)")
    document.file.save("mazpulks.pdf", ContentFile(MINIMAL_PDF), save=False)
    document._set_document_file_metadata()
    document.save()
    cover = SiteImage.objects.order_by("pk").first()
    for year in years:
        for number in (1, 2, 3):
            publish(
                index,
                NewspaperIssuePage(
                    title=f"Mazpulks Nr. {number}, {year}",
                    slug=f"mazpulks-{year}-{number}",
                    year=year,
                    number=number,
                    publication_date=datetime.date(year, number * 4, 1),
                    pdf=document,
                    cover_image=cover,
                ),
            )


def add_member_records(world, theme, events, count, past_years):
    """Projects, volunteer hours, check-ins and past memberships, for the family and others."""
    family = [world.child, world.youth]
    today = timezone.localdate()
    states = ["submitted", "approved", "accepted", "scored", "draft"]
    for number in range(count):
        person = family[number % 2]
        make_project(
            theme, world.club, [person], state=states[number % len(states)], title=f"P{number}"
        )
        other = make_person(f"Bērns{number}", "Egle", years_ago(8 + number % 10))
        make_member(other, [world.club, world.other_club, world.online_club][number % 3])
        make_project(theme, world.other_club, [other], state=states[number % len(states)])
        VolunteerEntry.objects.create(
            person=person,
            club=world.club,
            date=today - datetime.timedelta(days=30 * number + 1),
            hours=Decimal("2"),
            kind="event",
            description="Palīdzēju pasākumā",
            status=["approved", "pending", "declined"][number % 3],
        )
    for year in past_years:
        for person in family:
            Membership.objects.create(person=person, club=world.club, year=year, status="active")
    for event in events:
        desk = Desk.objects.create(event=event, name="Vārti", opened_by=world.coordinator)
        for person in family:
            Checkin.objects.create(
                event=event, person=person, desk=desk, method="card",
                checked_in_by=world.coordinator,
            )  # fmt: skip


# The pages ----------------------------------------------------------------------------------


def count_queries(client, url):
    """The queries of a page, requested once before to warm the caches and make renditions."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


API_FIELDS = "date,lead,main_image,main_image_thumbnail,priority_areas,tags,region"


MEMBER_PAGES = (
    "member card",
    "my projects",
    "my volunteer hours",
    "projects dashboard",
    "strategy dashboard",
)


def test_query_counts_do_not_grow_with_the_data(pages, world, settings):
    """Equal on every page: lists are fetched with their pictures, topics and people in a
    fixed number of queries. Only from no record at all to the first may a member page cost
    more (a prefetch of an empty list is no query), so that step is `<=`."""
    settings.PAGE_CACHE_SECONDS = 0  # the work of building each page, not a kept copy
    today = timezone.localdate()
    article = latvian(NewsPage).live().filter(tags__isnull=False, priority_areas__isnull=False)
    article = article.order_by("-date").first()
    tag, area = article.tags.first(), article.priority_areas.first()
    theme = make_theme("Mērījuma tēma", year=today.year)
    small_events = add_events(pages["pasakumi"], 2)  # one to come, one past

    anonymous, family, coordinator = Client(), Client(), Client()
    family.force_login(world.parent)
    coordinator.force_login(world.coordinator)
    issue = latvian(NewspaperIssuePage).live().order_by("-year", "-number").first()
    event = latvian(EventPage).live().order_by("start").first()
    opportunity = latvian(OpportunityPage).live().first()
    news = pages["jaunumi"].url
    filtered_news = f"{news}?tag={tag.slug}&area={area.slug}"
    urls = {
        "home": (anonymous, "/"),
        "news index": (anonymous, news),
        "news index, page 2": (anonymous, news + "?page=2"),
        "news index, tag and area": (anonymous, filtered_news),
        "news index, tag and area, page 2": (anonymous, filtered_news + "&page=2"),
        "news article": (anonymous, article.url),
        "newspaper archive": (anonymous, pages["avize-mazpulks"].url),
        "newspaper issue": (anonymous, issue.url),
        "events index": (anonymous, pages["pasakumi"].url),
        "events archive": (anonymous, pages["pasakumi"].url + "arhivs/"),
        "event": (anonymous, event.url),
        "opportunities index": (anonymous, pages["starptautiskas-iespejas"].url),
        "opportunity": (anonymous, opportunity.url),
        "brandbook": (anonymous, pages["zimolgramata"].url),
        "API news list": (
            anonymous,
            f"/api/v2/pages/?type=news.NewsPage&fields={API_FIELDS}&locale=lv&order=-date",
        ),
        "API news detail": (anonymous, f"/api/v2/pages/{article.pk}/"),
        "member card": (family, reverse("members:card", args=[world.child.pk])),
        "my projects": (family, reverse("projects:list")),
        "my volunteer hours": (family, reverse("volunteering:mine")),
        "projects dashboard": (coordinator, reverse("projects:dashboard")),
        "strategy dashboard": (coordinator, "/admin/strategy/"),
    }
    # No member record at all (the bare `world`), then one of each: the small data set.
    empty = {name: count_queries(*urls[name]) for name in MEMBER_PAGES}
    add_member_records(world, theme, small_events[:1], 1, [today.year - 1])
    small = {name: count_queries(*where) for name, where in urls.items()}
    assert anonymous.get(filtered_news).content.decode().count("news-card__title") < 12

    add_news(pages["jaunumi"], 40, tag, area)
    events = add_events(pages["pasakumi"], 30)
    add_opportunities(pages["starptautiskas-iespejas"], 12)
    add_issues(pages["avize-mazpulks"], range(2016, 2020))
    add_member_records(world, theme, events[:6], 20, range(today.year - 5, today.year - 1))
    large = {name: count_queries(*where) for name, where in urls.items()}
    # The lists are longer now: a full page of filtered news.
    assert anonymous.get(filtered_news).content.decode().count("news-card__title") == 12

    print("queries per page (empty, small, large):")
    for name in urls:
        print(f"  {name}: {empty.get(name, '-')}, {small[name]}, {large[name]}")
    assert {name: large[name] for name in urls} == small
    assert all(empty[name] <= small[name] for name in MEMBER_PAGES), (empty, small)
