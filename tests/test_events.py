"""Events: upcoming and past, filters, calendars and feeds, in both languages."""

import datetime
import html as html_module
import itertools
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from home.models import PriorityArea, Region, SiteImage

pytestmark = pytest.mark.django_db

RIGA = ZoneInfo("Europe/Riga")
SLUGS = itertools.count()


def riga(*args):
    return datetime.datetime(*args, tzinfo=RIGA)


def today_at(hour, minute=0, days=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=RIGA)


@pytest.fixture
def index(pages):
    """An events section of its own, so the demo's events do not get in the way."""
    page = EventIndexPage(title="Pasākumi (pārbaude)", slug="pasakumi-parbaude")
    pages["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


def add_event(index, start, end, **fields):
    number = next(SLUGS)
    defaults = {
        "title": f"Pasākums {number}",
        "slug": f"pasakums-{number}",
        "lead": "Īsi par pasākumu.",
        "kind": "seminar",
        "scale": "national",
        "venue": "Ērgļu vidusskola",
        "municipality": "Madonas novads",
    }
    areas = fields.pop("priority_areas", [])
    event = EventPage(start=start, end=end, **{**defaults, **fields})
    index.add_child(instance=event)
    event.priority_areas.set(areas)
    event.save_revision().publish()
    return event


def titles(html):
    found = re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', html)
    return [html_module.unescape(title) for title in found]


def test_an_event_ending_today_is_still_upcoming_and_one_ending_yesterday_is_past(client, index):
    ended_yesterday = add_event(index, today_at(9, days=-1), today_at(17, days=-1))
    ends_today_early = add_event(index, today_at(0, 30, days=-2), today_at(0, 30))
    later = add_event(index, today_at(10, days=3), today_at(12, days=3))

    upcoming = titles(client.get(index.url).content.decode())
    assert upcoming == [ends_today_early.title, later.title]  # soonest first
    past = titles(client.get(index.url + "arhivs/").content.decode())
    assert past == [ended_yesterday.title]

    html = client.get(ended_yesterday.url).content.decode()
    assert "This event has taken place." in html or "Pasākums ir noticis." in html


def test_filters_by_kind_scale_region_area_and_month_combine(client, index):
    latgale = Region.objects.get(locale__language_code="lv", slug="latgale")
    science = PriorityArea.objects.get(locale__language_code="lv", slug="sabiedriska-zinatne")
    next_month = (timezone.localdate().replace(day=1) + datetime.timedelta(days=40)).replace(day=3)
    start = datetime.datetime.combine(next_month, datetime.time(10), tzinfo=RIGA)
    wanted = add_event(
        index,
        start,
        start + datetime.timedelta(hours=6),
        kind="seminar",
        scale="regional",
        region=latgale,
        priority_areas=[science],
    )
    add_event(index, start, start + datetime.timedelta(hours=6), kind="camp", region=latgale)
    add_event(
        index,
        start + datetime.timedelta(days=40),
        start + datetime.timedelta(days=41),
        kind="seminar",
        scale="regional",
        region=latgale,
        priority_areas=[science],
    )
    url = (
        f"{index.url}?kind=seminar&scale=regional&region=latgale"
        f"&area=sabiedriska-zinatne&month={next_month:%Y-%m}"
    )
    html = client.get(url).content.decode()
    assert titles(html) == [wanted.title]
    assert '<meta name="robots" content="noindex, follow">' in html
    assert f'<option value="{next_month:%Y-%m}" selected>' in html


def test_a_month_filter_finds_an_event_that_began_before_the_month(client, index):
    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=40)).replace(day=1)
    spanning = add_event(
        index,
        datetime.datetime.combine(first - datetime.timedelta(days=2), datetime.time(10), RIGA),
        datetime.datetime.combine(first + datetime.timedelta(days=2), datetime.time(16), RIGA),
        kind="camp",
    )
    # No event starts in that month: it is offered all the same, and finds the long one.
    html = client.get(f"{index.url}?month={first:%Y-%m}").content.decode()
    assert f'<option value="{first:%Y-%m}" selected>' in html
    assert titles(html) == [spanning.title]


def test_unknown_filter_values_are_reported(client, index):
    add_event(index, today_at(10, days=5), today_at(12, days=5))
    html = client.get(f"{index.url}?kind=party&month=2099-13").content.decode()
    assert html.count('<li><a href="#id_') == 2  # both explained in the summary
    assert "party" in html and "2099-13" in html


def test_event_page_shows_when_where_and_registration(client, index):
    region = Region.objects.get(locale__language_code="lv", slug="vidzeme")
    event = add_event(
        index,
        riga(2030, 7, 12, 10, 0),
        riga(2030, 7, 16, 14, 0),
        kind="camp",
        region=region,
        address="Skolas iela 3, Ērgļi",
        capacity=300,
        training_hours="12.0",
        registration_info="Piesakies pie sava mazpulka vadītāja.",
    )
    html = client.get(event.url).content.decode()
    assert '<time datetime="2030-07-12T10:00:00+03:00">' in html  # Riga summer time
    assert '<time datetime="2030-07-16T14:00:00+03:00">' in html
    assert "Skolas iela 3, Ērgļi" in html
    assert f'href="{index.url}?region=vidzeme">Vidzeme</a>' in html
    assert "Piesakies pie sava mazpulka vadītāja." in html
    assert f'href="{event.url}ical/"' in html


def test_event_ics_is_valid_with_times_in_utc(client, index):
    event = add_event(
        index,
        riga(2030, 1, 20, 10, 0),  # winter: UTC+2
        riga(2030, 1, 20, 16, 30),
        title="Ziemas seminārs; vadītājiem, un jauniešiem",
        address="Lielā iela 1, Jelgava",
    )
    response = client.get(event.url + "ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    raw = response.content.decode()
    assert all(line.endswith("\r") or not line for line in raw.split("\n")[:-1])  # CRLF
    assert "DTSTART:20300120T080000Z" in raw
    assert "DTEND:20300120T143000Z" in raw
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title  # commas and semicolons survive
    assert vevent["DTSTART"].dt == datetime.datetime(2030, 1, 20, 8, 0, tzinfo=datetime.UTC)
    assert str(vevent["URL"]) == event.get_full_url()
    assert "Lielā iela 1" in str(vevent["LOCATION"])
    # Stamped when made, so a calendar fetching it again takes any change.
    assert abs(vevent["DTSTAMP"].dt - timezone.now()) < datetime.timedelta(minutes=1)

    # The English version is the same event for calendars (one UID).
    english_index = index.copy_for_translation(Locale.objects.get(language_code="en"))
    english_index.save_revision().publish()
    english = event.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Winter seminar"
    english.save_revision().publish()
    english_calendar = icalendar.Calendar.from_ical(client.get(english.url + "ical/").content)
    assert english_calendar.walk("VEVENT")[0]["UID"] == vevent["UID"]


def test_summer_times_long_lines_and_latvian_file_names_in_ics(client, index):
    event = add_event(
        index,
        riga(2030, 7, 12, 10, 0),  # summer: UTC+3
        riga(2030, 7, 16, 14, 0),
        slug="nometne-ērgļos",
        lead="Garš apraksts, kas noteikti neietilpst vienā kalendāra faila rindā. " * 3,
    )
    response = client.get(event.url + "ical/")
    raw = response.content.decode()
    assert "DTSTART:20300712T070000Z" in raw and "DTEND:20300716T110000Z" in raw
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))  # folded
    assert "filename*=utf-8''nometne-%C4%93rg%C4%BCos.ics" in response["Content-Disposition"]
    (vevent,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["DESCRIPTION"]) == event.lead  # unfolded, unescaped: the same text


def test_the_upcoming_calendar_and_feed_list_upcoming_events_only(client, index):
    past = add_event(index, today_at(10, days=-3), today_at(12, days=-3))
    soon = add_event(index, today_at(10, days=2), today_at(12, days=2))
    later = add_event(index, today_at(10, days=9), today_at(12, days=9))

    calendar = icalendar.Calendar.from_ical(client.get(index.url + "ical/").content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [soon.title, later.title]

    response = client.get(index.url + "rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "lv"
    items = [item.findtext("title") for item in channel.findall("item")]
    assert [title.split(" · ", 1)[1] for title in items] == [soon.title, later.title]
    assert past.title not in response.content.decode()


def test_validation_of_dates_and_place(index):
    event = EventPage(
        title="x",
        slug="x",
        lead="y",
        kind="hike",
        scale="club",
        start=riga(2030, 5, 2, 10),
        end=riga(2030, 5, 1, 10),
        locale=index.locale,
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) == {"end", "venue"}
    event.end, event.online = riga(2030, 5, 2, 12), True
    event.clean()  # an online event needs no place


def test_english_events_show_english_labels(client, index):
    event = add_event(index, today_at(10, days=4), today_at(12, days=4), kind="project_forum")
    english_index = index.copy_for_translation(Locale.objects.get(language_code="en"))
    english_index.title = "Events (test)"
    english_index.save_revision().publish()
    english = event.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Project forum"
    english.save_revision().publish()
    html = client.get(english.url).content.decode()
    assert "Project forum</a> · National" in html
    listing = client.get(english_index.url).content.decode()
    assert titles(listing) == ["Project forum"]


def test_home_page_shows_the_next_events(client, index):
    add_event(index, today_at(10, days=-2), today_at(12, days=-2), title="Pagājis")
    soon = add_event(index, today_at(10, days=1), today_at(12, days=1), title="Drīzumā")
    html = client.get("/").content.decode()
    section = html.split('id="upcoming-events-heading"', 1)[1]
    assert soon.title in section
    assert "Pagājis" not in section


def test_list_and_detail_query_counts_do_not_grow(client, index, django_assert_max_num_queries):
    image = SiteImage.objects.first()
    area = PriorityArea.objects.filter(locale__language_code="lv").first()
    for days in range(1, 4):
        event = add_event(
            index,
            today_at(10, days=days),
            today_at(12, days=days),
            main_image=image,
            priority_areas=[area],
        )
        add_event(index, today_at(10, days=-days), today_at(12, days=-days), main_image=image)
    urls = [index.url, index.url + "arhivs/", f"{index.url}?kind=seminar&area={area.slug}"]
    counts = {}
    for url in [*urls, event.url]:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    for days in range(5, 20):  # more than a page of each
        add_event(
            index,
            today_at(10, days=days),
            today_at(12, days=days),
            main_image=image,
            priority_areas=[area],
        )
        add_event(index, today_at(10, days=-days), today_at(12, days=-days), main_image=image)
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) <= counts[url], (url, [q["sql"][:120] for q in queries])
    assert counts[index.url] <= 20 and counts[event.url] <= 20, counts


def test_api_lists_events_with_times_places_and_named_areas(
    client, index, django_assert_max_num_queries
):
    area = PriorityArea.objects.get(locale__language_code="lv", slug="vides-izglitiba")
    image = SiteImage.objects.first()
    for days in range(1, 6):
        add_event(
            index,
            today_at(10, days=days),
            today_at(12, days=days),
            main_image=image,
            priority_areas=[area],
        )
    params = {
        "type": "events.EventPage",
        "fields": "start,end,kind,scale,venue,region,priority_areas,main_image,capacity",
        "child_of": index.pk,
        "order": "start",
    }
    data = client.get("/api/v2/pages/", params).json()
    first = data["items"][0]
    assert first["kind"] == "seminar"
    assert first["priority_areas"] == [{"slug": area.slug, "name": area.name}]
    assert first["main_image"]["url"].startswith("/media/images/")
    assert datetime.datetime.fromisoformat(first["start"]) == today_at(10, days=1)
    with django_assert_max_num_queries(15):
        client.get("/api/v2/pages/", params)


def test_search_finds_events_by_their_place(client, index):
    event = add_event(
        index, today_at(10, days=6), today_at(12, days=6), venue="Rāznas ezera krasts"
    )
    html = client.get("/meklet/", {"q": "Rāznas ezera"}).content.decode()
    assert f">{event.title}</a>" in html


def test_the_archive_has_an_address_in_each_language(client, index):
    past = add_event(index, today_at(10, days=-3), today_at(12, days=-3))
    english_index = index.copy_for_translation(Locale.objects.get(language_code="en"))
    english_index.title = "Events (test)"
    english_index.save_revision().publish()
    english = past.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "A past event"
    english.save_revision().publish()
    assert titles(client.get(index.url + "arhivs/").content.decode()) == [past.title]
    assert titles(client.get(english_index.url + "archive/").content.decode()) == ["A past event"]
    assert client.get(index.url + "archive/").status_code == 404


def test_a_past_event_no_longer_invites_registrations(client, index):
    info = "Piesakies pie sava mazpulka vadītāja."
    coming = add_event(index, today_at(10, days=2), today_at(12, days=2), registration_info=info)
    over = add_event(index, today_at(10, days=-2), today_at(12, days=-2), registration_info=info)
    assert info in client.get(coming.url).content.decode()
    assert info not in client.get(over.url).content.decode()
