"""International opportunities: open and closed by the deadline, filters, archive, feed, API."""

import datetime
import html as html_module
import itertools
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation

from home.models import PriorityArea, SiteImage
from opportunities import models as opportunity_models
from opportunities.models import OpportunityIndexPage, OpportunityPage

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 26)  # the day the demo is loaded; tests set it (see today())
SLUG_NUMBERS = itertools.count()


def days(number):
    return TODAY + datetime.timedelta(days=number)


def titles(html):
    """The opportunity titles of a list of cards, in order."""
    found = re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', html)
    return [html_module.unescape(title) for title in found]


def english():
    return Locale.objects.get(language_code="en")


def english_date(day):
    with translation.override("en"):
        return date_format(day, "DATE_FORMAT")


@pytest.fixture
def fixed_today(monkeypatch):
    """Every "is it open?" in the app asks opportunities.models.today(): make it 2026-11-26."""
    monkeypatch.setattr(opportunity_models, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def index(pages, fixed_today):
    """A Latvian opportunities index of its own (the demo may have one too)."""
    index = OpportunityIndexPage(
        title="Iespējas ārzemēs", slug="iespejas-arzemes-testiem", intro="Brauc un mācies."
    )
    pages["home"].add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def english_index(index):
    return translate(index, title="Opportunities abroad", slug="opportunities-abroad-tests")


def translate(page, **fields):
    """The English translation of a page, published (the Latvian one's facts come along)."""
    translation = page.copy_for_translation(english())
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)  # with its new address


def add_opportunity(index, title, deadline, image=None, areas=(), **fields):
    values = {
        "opportunity_type": "youth-exchange",
        "country": "DE",
        "start_date": deadline + datetime.timedelta(days=30),
        "end_date": deadline + datetime.timedelta(days=37),
        "application_deadline": deadline,
        "min_age": 13,
        "max_age": 30,
        "covers_travel": True,
        "covers_stay": True,
        "apply_email": "pieteikumi@mazpulki.example",
        "lead": f"{title}: īsi par iespēju.",
        **fields,
    }
    opportunity = OpportunityPage(
        title=title, slug=f"iespeja-{next(SLUG_NUMBERS)}", main_image=image, **values
    )
    index.add_child(instance=opportunity)
    if areas:
        opportunity.priority_areas.set(areas)
    opportunity.save_revision().publish()
    return opportunity


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# Open and closed, without any job --------------------------------------------------------


def test_a_deadline_of_yesterday_is_closed_and_of_today_still_open(client, index, english_index):
    closed = add_opportunity(index, "Termiņš vakar", days(-1))
    still_open = add_opportunity(index, "Termiņš šodien", TODAY)
    english_closed = translate(closed, title="Deadline yesterday", slug="deadline-yesterday")
    english_open = translate(still_open, title="Deadline today", slug="deadline-today")

    assert titles(get(client, index.url)) == ["Termiņš šodien"]
    assert titles(get(client, index.archive_url())) == ["Termiņš vakar"]
    assert titles(get(client, english_index.url)) == ["Deadline today"]

    html = get(client, closed.url)
    assert "opportunity-status--closed" in html and "opportunity-status--open" not in html
    assert "mailto:pieteikumi@mazpulki.example" not in html  # no way to apply any more
    html = get(client, english_closed.url)
    assert "Applications closed" in html
    assert "This opportunity no longer takes applications." in html
    assert f'href="{english_index.archive_url()}">Past opportunities</a>' in html  # breadcrumbs

    html = get(client, english_open.url)
    assert "Last day to apply: today" in html
    assert "until the end of the deadline day, Riga time" in html
    assert '<a href="mailto:pieteikumi@mazpulki.example">pieteikumi@mazpulki.example</a>' in html


def test_the_next_day_an_opportunity_closes_by_itself(client, index, monkeypatch):
    opportunity = add_opportunity(index, "Pēdējā diena", TODAY)
    assert titles(get(client, index.url)) == ["Pēdējā diena"]
    assert "opportunity-status--open" in get(client, opportunity.url)

    # Nothing is saved or run: only the calendar moves on.
    monkeypatch.setattr(opportunity_models, "today", lambda: days(1))
    assert titles(get(client, index.url)) == []
    assert titles(get(client, index.archive_url())) == ["Pēdējā diena"]
    assert "opportunity-status--closed" in get(client, opportunity.url)


def test_today_is_the_date_in_riga_so_a_deadline_ends_at_midnight_there(monkeypatch):
    opportunity = OpportunityPage(application_deadline=datetime.date(2026, 11, 26))
    utc = datetime.UTC
    # 23:30 in Riga (UTC+2 in winter) on the deadline day: still open.
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2026, 11, 26, 21, 30, tzinfo=utc)
    )
    assert opportunity_models.today() == datetime.date(2026, 11, 26)
    assert opportunity.is_open
    # 00:30 in Riga the next day, though still the 26th in UTC: closed.
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2026, 11, 26, 22, 30, tzinfo=utc)
    )
    assert opportunity_models.today() == datetime.date(2026, 11, 27)
    assert not opportunity.is_open


def test_open_ones_by_nearest_deadline_the_archive_newest_first_and_paginated(client, index):
    for number, offset in enumerate([40, 3, 90, 0, 12]):
        add_opportunity(index, f"Atvērta {number}", days(offset))
    for number in range(13):
        add_opportunity(index, f"Pagājusi {number:02}", days(-1 - number * 20))

    html = get(client, index.url)
    assert titles(html) == ["Atvērta 3", "Atvērta 1", "Atvērta 4", "Atvērta 0", "Atvērta 2"]
    assert f'href="{index.archive_url()}"' in html  # a way to the archive

    archive = get(client, index.archive_url())
    assert titles(archive) == [f"Pagājusi {number:02}" for number in range(12)]
    assert 'href="?page=2" rel="next"' in archive
    second = get(client, index.archive_url() + "?page=2")
    assert titles(second) == ["Pagājusi 12"]
    full_url = index.get_full_url()
    assert f'<link rel="canonical" href="{full_url}{index.archive_path()}?page=2">' in second


def test_the_archive_has_an_address_in_each_language(client, english_index):
    assert english_index.archive_url() == f"{english_index.url}archive/"
    html = get(client, english_index.archive_url())
    assert "<h1>Past opportunities</h1>" in html
    assert "0 past opportunities" in html
    # The Latvian address is whatever the Latvian catalogue calls it ("arhivs/"), and works.
    latvian = english_index.get_translation(Locale.objects.get(language_code="lv")).specific
    assert client.get(latvian.archive_url()).status_code == 200
    assert client.get(f"{english_index.url}no-such-list/").status_code == 404


# Filters ----------------------------------------------------------------------------------


def test_filters_by_type_country_and_age_combine(client, index):
    add_opportunity(index, "Apmaiņa Vācijā 14-18", days(5), min_age=14, max_age=18)
    add_opportunity(index, "Apmaiņa Vācijā 18-30", days(6), min_age=18, max_age=30)
    add_opportunity(index, "Apmaiņa Vācijā no 16", days(7), min_age=16, max_age=None)
    add_opportunity(index, "Apmaiņa Somijā 14-18", days(8), country="FI", min_age=14, max_age=18)
    add_opportunity(
        index, "Kurss Vācijā 14-18", days(9), opportunity_type="training-course", max_age=18
    )
    add_opportunity(index, "Apmaiņa Vācijā bez robežām", days(10), min_age=None, max_age=None)
    add_opportunity(index, "Pagājusi apmaiņa Vācijā", days(-3), min_age=14, max_age=18)

    html = get(client, f"{index.url}?type=youth-exchange&country=DE&age=18")
    assert titles(html) == [
        "Apmaiņa Vācijā 14-18",  # 18 is the maximum: included
        "Apmaiņa Vācijā 18-30",  # 18 is the minimum: included
        "Apmaiņa Vācijā no 16",
        "Apmaiņa Vācijā bez robežām",
    ]
    assert '<meta name="robots" content="noindex, follow">' in html
    assert '<option value="youth-exchange" selected>' in html
    assert '<option value="DE" selected>' in html
    assert 'name="age" value="18"' in html

    assert titles(get(client, f"{index.url}?country=DE&age=13")) == [
        "Kurss Vācijā 14-18",  # min age 13 (the default of the helper)
        "Apmaiņa Vācijā bez robežām",
    ]
    assert titles(get(client, f"{index.url}?type=training-course")) == ["Kurss Vācijā 14-18"]
    assert titles(get(client, f"{index.url}?country=FI&age=19")) == []
    # The archive filters the same way.
    archive = get(client, f"{index.archive_url()}?country=DE&age=15")
    assert titles(archive) == ["Pagājusi apmaiņa Vācijā"]
    assert titles(get(client, f"{index.archive_url()}?country=FI")) == []


def test_country_choices_are_the_countries_of_this_section_by_name(client, english_index):
    index = english_index.get_translation(Locale.objects.get(language_code="lv")).specific
    for country in ["SI", "DE", "CH", "other"]:
        opportunity = add_opportunity(index, f"Iespēja {country}", days(3), country=country)
        translate(opportunity, title=f"Opportunity {country}", slug=f"opportunity-{country}")
    html = get(client, english_index.url)
    select = html.split('name="country"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]+)</option>', select)
    assert options == [
        ("", "All countries"),
        ("DE", "Germany"),
        ("SI", "Slovenia"),
        ("CH", "Switzerland"),
        ("other", "Other country"),
    ]


def test_unknown_filter_values_are_reported_next_to_their_field(client, english_index):
    index = english_index.get_translation(Locale.objects.get(language_code="lv")).specific
    add_opportunity(index, "Apmaiņa Vācijā", days(4))
    add_opportunity(index, "Apmaiņa Somijā", days(5), country="FI")

    html = get(client, f"{index.url}?type=space-trip&country=DE&age=abc")
    assert titles(html) == ["Apmaiņa Vācijā"]  # the country still applies
    for field in ("type", "age"):
        assert f'<ul class="errorlist" id="id_{field}_error">' in html
        assert re.search(rf'aria-invalid="true"[^>]*id="id_{field}"', html) or re.search(
            rf'id="id_{field}"[^>]*aria-invalid="true"', html
        )
    assert 'id="id_country_error"' not in html

    english_html = get(client, f"{english_index.url}?type=space-trip&age=-4")
    assert "Some filters could not be used:" in english_html
    assert "Select a valid choice. space-trip is not one of the available choices." in (
        english_html
    )
    assert "Ensure this value is greater than or equal to 0." in english_html
    assert titles(english_html) == []  # not translated: no English cards

    # A real country without opportunities here is not an error: it just matches nothing.
    html = get(client, f"{english_index.url}?country=MT")
    assert "Some filters could not be used" not in html
    assert "No opportunities match these filters." in html


# Pages ------------------------------------------------------------------------------------


def test_english_pages_show_english_labels_and_the_facts(client, english_index):
    index = english_index.get_translation(Locale.objects.get(language_code="lv")).specific
    area = PriorityArea.objects.get(locale__language_code="lv", slug="vides-izglitiba")
    opportunity = add_opportunity(
        index,
        "Jauniešu apmaiņa Slovēnijā",
        days(20),
        country="SI",
        start_date=datetime.date(2027, 4, 12),
        end_date=datetime.date(2027, 4, 20),
        min_age=14,
        max_age=19,
        covers_travel=True,
        covers_stay=True,
        covers_fee=False,
        covered_note="Ceļš līdz 275 EUR.",
        partner_name="Rural Youth Europe",
        partner_url="https://www.ruralyoutheurope.com/",
        apply_url="https://example.org/pieteikums",
        areas=[area],
    )
    translation = translate(
        opportunity,
        title="Youth exchange in Slovenia",
        slug="youth-exchange-in-slovenia",
        lead="A week about seeds.",
        covered_note="Travel up to 275 EUR.",
    )
    html = get(client, translation.url)
    assert "<h1>Youth exchange in Slovenia</h1>" in html
    assert '<p class="article-meta">Youth exchange · Slovenia</p>' in html
    assert "<dt>Application deadline</dt>" in html
    deadline = english_date(days(20))
    assert f'<time datetime="{days(20):%Y-%m-%d}">{deadline}</time>' in html
    start, end = english_date(datetime.date(2027, 4, 12)), english_date(datetime.date(2027, 4, 20))
    assert f'{start}</time>–<time datetime="2027-04-20">{end}</time>' in html
    assert "<dd>14 to 19 years old</dd>" in html
    assert "<li>Travel: covered</li>" in html
    assert "<li>Participation fee: paid by the participant</li>" in html
    assert "Travel up to 275 EUR." in html
    assert '<a href="https://www.ruralyoutheurope.com/" rel="noopener">Rural Youth Europe</a>' in (
        html
    )
    assert 'href="https://example.org/pieteikums" rel="noopener">Apply online</a>' in html
    assert '<span class="chip chip--area">Environmental education</span>' in html
    assert '<meta property="og:description" content="A week about seeds.">' in html

    listing = get(client, english_index.url)
    assert titles(listing) == ["Youth exchange in Slovenia"]
    assert "Youth exchange · Slovenia · " in listing
    assert '<label for="id_type">Type</label>' in listing
    assert '<label for="id_country">Country</label>' in listing
    assert '<label for="id_age">Age</label>' in listing
    assert "1 open opportunity" in listing
    assert f'<a href="{english_index.archive_url()}">Past opportunities</a>' in listing
    assert f'<a href="{english_index.url}" aria-current="page">Open opportunities</a>' in listing


def test_the_latvian_page_shows_the_facts_as_data(client, index):
    opportunity = add_opportunity(index, "Nometne Somijā", days(9), country="FI", max_age=None)
    html = get(client, opportunity.url)
    assert "<h1>Nometne Somijā</h1>" in html
    assert f'<time datetime="{days(9):%Y-%m-%d}">' in html
    assert f'href="{index.url}">{index.title}</a>' in html  # breadcrumbs
    assert 'href="mailto:pieteikumi@mazpulki.example"' in html


def test_facts_follow_the_latvian_page_into_the_translation(client, english_index):
    index = english_index.get_translation(Locale.objects.get(language_code="lv")).specific
    opportunity = add_opportunity(index, "Apmaiņa", days(2))
    translation = translate(opportunity, title="Exchange", slug="exchange")
    assert titles(get(client, english_index.url)) == ["Exchange"]

    opportunity.application_deadline = days(-1)  # the office closes it early
    opportunity.min_age = 16
    opportunity.priority_areas.set(
        [PriorityArea.objects.get(locale__language_code="lv", slug="lauku-attistiba")]
    )
    opportunity.save_revision().publish()

    translation = OpportunityPage.objects.get(pk=translation.pk)
    assert translation.application_deadline == days(-1)
    assert translation.min_age == 16
    assert [area.slug for area in translation.priority_areas.all()] == ["lauku-attistiba"]
    assert translation.title == "Exchange"  # words stay translated
    assert titles(get(client, english_index.url)) == []
    assert titles(get(client, english_index.archive_url())) == ["Exchange"]

    opportunity.priority_areas.set([])  # a topic removed in Latvian goes in English too
    opportunity.save_revision().publish()
    assert not OpportunityPage.objects.get(pk=translation.pk).priority_areas.exists()


# Validation -------------------------------------------------------------------------------


def valid_opportunity(**fields):
    values = {
        "title": "Iespēja",
        "slug": "iespeja",
        "opportunity_type": "conference",
        "country": "BE",
        "start_date": datetime.date(2027, 3, 23),
        "end_date": datetime.date(2027, 3, 25),
        "application_deadline": datetime.date(2027, 1, 10),
        "min_age": 18,
        "max_age": 30,
        "apply_email": "pieteikumi@mazpulki.example",
        "lead": "Konference.",
        **fields,
    }
    return OpportunityPage(**values)


def test_a_valid_opportunity_passes_and_either_way_to_apply_is_enough():
    valid_opportunity().clean()
    valid_opportunity(apply_email="", apply_url="https://example.org/").clean()
    valid_opportunity(min_age=None, max_age=None, end_date=None).clean()
    valid_opportunity(min_age=18, max_age=18, end_date=datetime.date(2027, 3, 23)).clean()


def test_neither_a_link_nor_an_e_mail_is_refused():
    with pytest.raises(ValidationError) as error:
        valid_opportunity(apply_email="", apply_url="").clean()
    assert set(error.value.message_dict) == {"apply_url", "apply_email"}


def test_a_minimum_age_above_the_maximum_is_refused():
    with pytest.raises(ValidationError) as error:
        valid_opportunity(min_age=19, max_age=16).clean()
    assert set(error.value.message_dict) == {"max_age"}


def test_an_end_before_the_start_is_refused():
    with pytest.raises(ValidationError) as error:
        valid_opportunity(end_date=datetime.date(2027, 3, 22)).clean()
    assert set(error.value.message_dict) == {"end_date"}


def admin_form(action="publish", **fields):
    data = {
        "title": "Apmaiņa Itālijā",
        "slug": "apmaina-italija",
        "lead": "Nedēļa Itālijā.",
        "opportunity_type": "youth-exchange",
        "country": "IT",
        "start_date": "2027-05-01",
        "end_date": "2027-05-08",
        "application_deadline": "2027-02-01",
        "min_age": "14",
        "max_age": "19",
        "covered_note": "",
        "partner_name": "",
        "partner_url": "",
        "apply_url": "",
        "apply_email": "pieteikumi@mazpulki.example",
        "main_image": "",
        "body": streamfield([]),
        "priority_areas": [],
        **fields,
    }
    return {**nested_form_data(data), f"action-{action}": action}


def test_the_editor_is_told_what_is_wrong_and_nothing_is_published(client, coordinator, index):
    client.force_login(coordinator)
    url = reverse("wagtailadmin_pages:add", args=["opportunities", "opportunitypage", index.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, admin_form(apply_email="", min_age="20", end_date="2027-04-30"))
    assert response.status_code == 200
    html = response.content.decode()
    for message in (
        ("Give a link to the application form or an e-mail address", "Norādi saiti"),
        ("The maximum age cannot be lower than the minimum age.", "Maksimālais vecums"),
        ("The end date cannot be before the start date.", "Beigu datums"),
    ):
        assert any(text in html for text in message), message
    assert not OpportunityPage.objects.filter(slug="apmaina-italija").exists()

    response = client.post(url, admin_form())
    assert response.status_code == 302
    created = OpportunityPage.objects.get(slug="apmaina-italija", locale__language_code="lv")
    assert created.live and created.country == "IT"
    edit = reverse("wagtailadmin_pages:edit", args=[created.pk])
    assert client.get(edit).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[index.pk])).status_code == 200


def test_a_new_opportunity_can_be_previewed_before_it_is_saved(client, coordinator, index):
    client.force_login(coordinator)
    area = PriorityArea.objects.get(locale__language_code="lv", slug="vides-izglitiba")
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["opportunities", "opportunitypage", index.pk]
    )
    data = admin_form()
    data.pop("action-publish")
    data["priority_areas"] = [str(area.pk)]
    assert client.post(url, data).json()["is_valid"] is True
    html = client.get(url).content.decode()
    assert "<h1>Apmaiņa Itālijā</h1>" in html
    assert "opportunity-status--open" in html
    assert f'<span class="chip chip--area">{area.name}</span>' in html
    assert f'href="{index.url}">{index.title}</a>' in html


# Feed, home page, search ------------------------------------------------------------------


def test_the_feed_is_valid_xml_with_the_open_ones_in_each_language(client, english_index):
    index = english_index.get_translation(Locale.objects.get(language_code="lv")).specific
    later = add_opportunity(index, "Vēlāk", days(30))
    sooner = add_opportunity(index, "Drīzāk", days(1))
    add_opportunity(index, "Pagājusi", days(-1))
    translate(later, title="Later", slug="later")
    translate(sooner, title="Sooner", slug="sooner", lead="Soon, in English.")

    response = client.get(f"{index.url}rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "lv"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Drīzāk", "Vēlāk"]
    root_url = index.get_site().root_url
    assert channel.findtext("link") == f"{root_url}{index.url}"
    assert channel.findall("item")[0].findtext("link") == f"{root_url}{sooner.url}"

    response = client.get(f"{english_index.url}rss/")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Sooner", "Later"]
    assert items[0].findtext("description") == (
        f"Soon, in English. Application deadline: {english_date(days(1))}."
    )
    assert items[0].findtext("category") == "Youth exchange"
    assert items[0].findtext("link").startswith(f"{root_url}/en/")

    html = get(client, english_index.url)
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Opportunities abroad (RSS)"'
        in (html)
    )


def render_open_opportunities(page, rf):
    template = Template("{% load opportunities_tags %}{% open_opportunities %}")
    return template.render(Context({"page": page, "request": rf.get("/")}))


def test_the_home_page_section_shows_the_three_open_ones_closing_soonest(rf, pages, index):
    for number, offset in enumerate([5, -1, 2, 0, 9, 1]):
        add_opportunity(index, f"Iespēja {number}", days(offset))
    html = render_open_opportunities(pages["home"], rf)
    section = html.split('id="open-opportunities-heading"', 1)[1]
    assert titles(section) == ["Iespēja 3", "Iespēja 5", "Iespēja 2"]
    first_index = OpportunityIndexPage.objects.live().filter(locale=index.locale).first()
    assert f'<a class="button" href="{first_index.url}">' in html  # the demo's, once loaded

    # The English home shows English pages only: these are not translated.
    english_titles = titles(render_open_opportunities(pages["en:home"], rf))
    assert not set(english_titles) & {f"Iespēja {number}" for number in range(6)}


def test_search_finds_an_opportunity_by_its_summary(
    client, index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = add_opportunity(
            index, "Sēklu glabātāji", days(10), lead="Nedēļa par vietējām šķirnēm un sēklām."
        )
    html = get(client, "/meklet/?q=šķirnēm+glabātāji")
    assert f'href="{opportunity.url}"' in html
    assert "Nedēļa par vietējām šķirnēm un sēklām." in html


# Query budgets ----------------------------------------------------------------------------


def measure(client, url):
    client.get(url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_the_opportunities(
    client, index, django_assert_max_num_queries
):
    image = SiteImage.objects.first()
    for offset in range(3):
        add_opportunity(index, f"Atvērta {offset}", days(offset), image=image)
        add_opportunity(index, f"Pagājusi {offset}", days(-1 - offset), image=image)
    urls = [
        index.url,
        f"{index.url}?type=youth-exchange&country=DE&age=16",
        index.archive_url(),
        f"{index.archive_url()}?country=DE&age=16",
    ]
    counts = {url: measure(client, url) for url in urls}
    for offset in range(15):
        area = PriorityArea.objects.filter(locale__language_code="lv")[offset % 7]
        add_opportunity(index, f"Vēl atvērta {offset}", days(5 + offset), image=image, areas=[area])
        add_opportunity(index, f"Vēl pagājusi {offset}", days(-5 - offset), image=image)
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(counts[url]):
            assert titles(client.get(url).content.decode())
    for url in urls:
        with django_assert_max_num_queries(24):
            client.get(url)


def test_opportunity_page_has_a_query_budget(client, index, django_assert_max_num_queries):
    areas = PriorityArea.objects.filter(locale__language_code="lv")
    opportunity = add_opportunity(
        index, "Ar attēlu", days(3), image=SiteImage.objects.first(), areas=list(areas[:2])
    )
    first = measure(client, opportunity.url)
    assert first <= 18
    opportunity.priority_areas.set(list(areas))
    opportunity.save_revision().publish()
    client.get(opportunity.url)
    with django_assert_max_num_queries(first):  # all seven areas cost no more than two
        assert client.get(opportunity.url).status_code == 200


# API --------------------------------------------------------------------------------------


API_FIELDS = (
    "lead,opportunity_type,country,start_date,end_date,application_deadline,is_open,min_age,"
    "max_age,covers_travel,covers_stay,covers_fee,covered_note,partner_name,apply_url,"
    "apply_email,main_image,main_image_thumbnail,priority_areas"
)


def test_api_lists_opportunities_with_named_choices_and_bounded_queries(
    client, english_index, django_assert_max_num_queries
):
    index = english_index.get_translation(Locale.objects.get(language_code="lv")).specific
    image = SiteImage.objects.first()
    area = PriorityArea.objects.get(locale__language_code="lv", slug="modernas-tehnologijas")
    opportunity = add_opportunity(
        index, "Digitālais ciems", days(4), image=image, areas=[area], country="EE"
    )
    translate(opportunity, title="Digital village", slug="digital-village")
    closed = add_opportunity(index, "Pagājusi", days(-4), opportunity_type="camp", country="FI")
    translate(closed, title="Past camp", slug="past-camp")

    params = {
        "type": "opportunities.OpportunityPage",
        "fields": API_FIELDS,
        "locale": "en",
        "child_of": english_index.pk,
        "order": "application_deadline",
    }
    data = client.get("/api/v2/pages/", params).json()
    first, second = data["items"]
    assert (first["title"], second["title"]) == ("Past camp", "Digital village")
    assert first["is_open"] is False and second["is_open"] is True
    assert second["opportunity_type"] == {"value": "youth-exchange", "label": "Youth exchange"}
    assert second["country"] == {"value": "EE", "label": "Estonia"}
    assert first["opportunity_type"] == {"value": "camp", "label": "Camp abroad"}
    assert second["application_deadline"] == f"{days(4):%Y-%m-%d}"
    assert (second["min_age"], second["max_age"]) == (13, 30)
    assert second["apply_email"] == "pieteikumi@mazpulki.example"
    assert second["main_image"]["width"] == 1200
    assert second["main_image_thumbnail"]["url"].startswith("/media/images/")
    assert second["priority_areas"] == [
        {"slug": "modernas-tehnologijas", "name": "Modern technologies"}
    ]
    detail = client.get(f"/api/v2/pages/{english_index.pk}/").json()
    assert detail["intro"] == english_index.intro

    params.pop("child_of")
    count = measure(client, "/api/v2/pages/?" + "&".join(f"{k}={v}" for k, v in params.items()))
    for number in range(8):
        extra = add_opportunity(index, f"Vēl {number}", days(number), image=image, areas=[area])
        translate(extra, title=f"More {number}", slug=f"more-{number}")
    with django_assert_max_num_queries(count):
        response = client.get("/api/v2/pages/", params)
    assert len(response.json()["items"]) >= 10
    with django_assert_max_num_queries(16):
        client.get("/api/v2/pages/", params)


# Demo content -----------------------------------------------------------------------------


def load_opportunity_demo():
    """Load opportunities/demo_content.py as the demo loader does (if not loaded yet)."""
    from home import demo_content as home_demo
    from mazpulki.management.commands.load_demo_content import Command
    from opportunities.demo_content import PAGES

    command = Command()
    command.created = Counter()
    command.latvian = Locale.objects.get(language_code="lv")
    command.english = english()
    command.coordinator = command.ensure_coordinator()
    command.images = {image.key: command.ensure_image(image) for image in home_demo.IMAGES}
    command.documents = {}
    created = {None: command.ensure_home()}
    new = []
    for demo_page in PAGES:
        page, is_new = command.ensure_page(demo_page, created[demo_page.parent])
        created[demo_page.slug.lv] = page
        if is_new:
            new.append((page, demo_page))
    for page, demo_page in new:
        command.set_fields(page, command.demo_fields(demo_page))
        command.publish(page)
    for demo_page in PAGES:
        command.ensure_translation(created[demo_page.slug.lv], command.demo_fields(demo_page))
    return created


def test_the_demo_opportunities_load_in_both_languages_and_split_on_the_demo_day(
    client, fixed_today
):
    created = load_opportunity_demo()
    index = created["starptautiskas-iespejas"]
    assert index.url == "/starptautiskas-iespejas/"
    opportunities = OpportunityPage.objects.child_of(index).live()
    assert opportunities.count() >= 10
    open_ones, past = opportunities.open(), opportunities.closed()
    assert open_ones.count() >= 5 and past.count() >= 3
    for opportunity in open_ones:
        assert datetime.date(2026, 12, 1) <= opportunity.application_deadline
        assert opportunity.application_deadline <= datetime.date(2027, 4, 30)
    for opportunity in past:
        assert opportunity.application_deadline.year in (2025, 2026)
    assert {o.opportunity_type for o in opportunities} >= {
        "youth-exchange",
        "training-course",
        "volunteering",
        "conference",
        "camp",
    }

    for page in [index, *opportunities]:
        translation = page.get_translation(english())
        assert translation.live and translation.alias_of_id is None, page.title
        total, translated = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=english()
        ).get_progress()
        assert translated == total, f"{page.title}: {translated} of {total} strings in English"

    assert len(titles(get(client, "/starptautiskas-iespejas/"))) == open_ones.count()
    english_index = index.get_translation(english())
    assert english_index.url == "/en/international-opportunities/"
    html = get(client, english_index.url)
    assert titles(html) == [
        page.get_translation(english()).title for page in open_ones.nearest_deadline_first()
    ]
    archive = get(client, english_index.specific.archive_url())
    assert len(titles(archive)) == past.count()
    assert Page.objects.filter(slug="starptautiskas-iespejas").count() == 1
