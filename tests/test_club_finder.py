"""The public club finder: clubs by region and municipality, and the online mazpulks."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from home.collation import latvian_order
from home.models import HomePage, Municipality
from members_area.clubs.demo_content import CLUBS
from members_area.clubs.models import Club, ClubFinderPage
from tests.members import make_club

pytestmark = pytest.mark.django_db

FINDER = "/atrodi-mazpulku/"
FINDER_EN = "/en/find-a-club/"


def html_of(client, url, data=None):
    response = client.get(url, data)
    assert response.status_code == 200
    return response.content.decode()


def join_url(club, language="lv"):
    with translation.override(language):
        return f"{reverse('clubs:join')}?club={club.pk}"


def section(html, region):
    """The part of the page that lists one region's clubs."""
    match = re.search(
        rf'<section class="club-region" aria-labelledby="region-{region}">(.*?)</section>',
        html,
        re.S,
    )
    return match.group(1) if match else ""


def club_names(html):
    return re.findall(r'<h4 class="card__title">([^<]+)</h4>', html)


def option_values(html, name):
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"', select)


def online_club():
    return Club.objects.online().get()


# Listing ------------------------------------------------------------------------------------


def test_clubs_are_listed_by_region_and_municipality(client):
    html = html_of(client, FINDER)
    headings = re.findall(r'<h2 id="region-([a-z]+)">', html)
    assert headings == ["riga", "vidzeme", "kurzeme", "zemgale", "latgale"]

    vidzeme = section(html, "vidzeme")
    assert '<h3 class="club-municipality">Cēsu novads</h3>' in vidzeme
    assert "Vecpiebalgas mazpulks" in vidzeme
    assert "Vecpiebalgas vidusskola, Vecpiebalga" in vidzeme  # where
    assert "Otrdienās 15:00" in vidzeme  # when
    assert 'href="mailto:vecpiebalga@mazpulki.example"' in vidzeme  # whom to ask
    assert "Dundagas mazpulks" in section(html, "kurzeme")
    assert "Dundagas mazpulks" not in vidzeme

    vecpiebalga = Club.objects.get(name="Vecpiebalgas mazpulks")
    assert f'href="{join_url(vecpiebalga)}"' in html
    assert join_url(vecpiebalga) == f"/biedri/pievienoties/?club={vecpiebalga.pk}"


def test_regions_and_the_whole_list_are_counted(client):
    html = html_of(client, FINDER_EN)
    active = Club.objects.active().local().count()
    assert f"{active} clubs all over Latvia" in html
    vidzeme = Club.objects.active().local().filter(municipality__region__slug="vidzeme").count()
    assert f"{vidzeme} clubs in Vidzeme" in section(html, "vidzeme")


def test_municipalities_and_clubs_are_in_latvian_alphabetical_order(client):
    riga = section(html_of(client, FINDER), "riga")
    places = re.findall(r'<h3 class="club-municipality">([^<]+)</h3>', riga)
    assert places == ["Ādažu novads", "Ķekavas novads", "Siguldas novads"]  # Ā first, not last
    assert sorted(["Zaube", "Ērgļi", "Čaka", "Cēsis", "Ādaži", "Abava"], key=latvian_order) == [
        "Abava",
        "Ādaži",
        "Cēsis",
        "Čaka",
        "Ērgļi",
        "Zaube",
    ]


def test_inactive_clubs_are_not_listed(client):
    resting = make_club("Zaubes mazpulks", 9001, "cesu-novads", active=False)
    html = html_of(client, FINDER)
    assert "Stāmerienas mazpulks" not in html  # the demo's resting club
    assert resting.name not in html
    assert f"?club={resting.pk}" not in html


def test_the_online_mazpulks_is_offered_but_not_listed_as_a_local_club(client):
    html = html_of(client, FINDER_EN)
    assert "Tiešsaistes mazpulks" not in club_names(html)
    panel = html.split('<aside class="join-banner"')[1]
    assert "No club near you?" in panel
    assert f'href="{join_url(online_club(), "en")}"' in panel


def test_without_an_online_club_there_is_no_offer(client):
    Club.objects.online().update(active=False)
    html = html_of(client, FINDER_EN, {"municipality": "ludzas-novads"})
    assert "There is no club in Ludza Municipality yet." in html
    assert "Join the online mazpulks" not in html


# Filters ------------------------------------------------------------------------------------


def test_filter_by_region(client):
    html = html_of(client, FINDER_EN, {"region": "latgale"})
    assert club_names(html) == ["Kalupes mazpulks", "Rudzātu mazpulks"]
    assert '<h2 id="region-vidzeme">' not in html
    assert "2 clubs in Latgale" in html
    assert '<meta name="robots" content="noindex, follow">' in html  # one list, many addresses


def test_municipalities_offered_follow_the_region(client):
    html = html_of(client, FINDER, {"region": "latgale"})
    offered = option_values(html, "municipality")
    assert "ludzas-novads" in offered
    assert "cesu-novads" not in offered
    # Without a region every municipality is offered, grouped by region.
    html = html_of(client, FINDER)
    assert len(option_values(html, "municipality")) == Municipality.objects.count() + 1
    assert '<optgroup label="Latgale">' in html


def test_filter_by_municipality(client):
    second = make_club("Drabešu mazpulks", 9002, "cesu-novads", meeting_time="Sestdienās 10:00")
    html = html_of(client, FINDER_EN, {"municipality": "cesu-novads"})
    assert club_names(html) == ["Drabešu mazpulks", "Vecpiebalgas mazpulks"]
    assert "2 clubs in Cēsis Municipality" in html
    assert f'href="{join_url(second, "en")}"' in html


def test_a_municipality_without_a_club_offers_the_online_mazpulks(client):
    assert not Club.objects.active().filter(municipality__slug="ludzas-novads").exists()
    html = html_of(client, FINDER_EN, {"municipality": "ludzas-novads"})
    assert club_names(html) == []
    empty = html.split('<div class="empty-state" role="status">')[1].split("</div>")[0]
    assert "There is no club in Ludza Municipality yet." in empty
    assert f'href="{join_url(online_club(), "en")}"' in empty

    latvian = html_of(client, FINDER, {"municipality": "ludzas-novads"})
    assert f'href="{join_url(online_club())}"' in latvian
    assert "Ludzas novads" in latvian


@pytest.mark.parametrize(
    "query",
    [
        {"region": "atlantida"},
        {"municipality": "nav-tada"},
        {"region": "RIGA"},
        {"municipality": "<script>"},
    ],
)
def test_unknown_filter_values_are_reported_and_the_list_still_shows(client, query):
    html = html_of(client, FINDER_EN, query)
    assert "Some filters could not be used:" in html
    assert "<script>" not in html.split("<main")[1]
    assert len(club_names(html)) == Club.objects.active().local().count()


def test_a_municipality_outside_the_chosen_region_is_explained(client):
    html = html_of(client, FINDER_EN, {"region": "latgale", "municipality": "cesu-novads"})
    assert "Cēsis Municipality is not in Latgale." in html
    assert club_names(html) == ["Kalupes mazpulks", "Rudzātu mazpulks"]  # the region still applies


# Languages ----------------------------------------------------------------------------------


def test_english_page_names_places_in_english(client):
    html = html_of(client, FINDER_EN)
    assert "<h1>Find your club</h1>" in html
    assert "Cēsis Municipality" in html
    assert "Cēsu novads" not in html
    assert '<h2 id="region-riga">Riga</h2>' in html
    assert '<option value="riga">Riga</option>' in html  # the region filter too
    vecpiebalga = Club.objects.get(name="Vecpiebalgas mazpulks")
    assert f'href="{join_url(vecpiebalga, "en")}"' in html
    assert join_url(vecpiebalga, "en").startswith("/en/")


def test_language_switcher_keeps_the_filters(client):
    html = html_of(client, FINDER, {"municipality": "cesu-novads"})
    assert f'href="{FINDER_EN}?municipality=cesu-novads" hreflang="en"' in html


# Performance and caching --------------------------------------------------------------------


def test_query_count_does_not_grow_with_the_clubs(client, django_assert_max_num_queries):
    urls = [FINDER, f"{FINDER_EN}?region=vidzeme", f"{FINDER}?municipality=ludzas-novads"]
    counts = {}
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    for number, municipality in enumerate(Municipality.objects.exclude(slug="ludzas-novads")):
        make_club(f"Jauns mazpulks {number}", 9100 + number, municipality.slug)
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200
    assert max(counts.values()) <= 18, counts


def test_anonymous_visitors_get_a_cacheable_page(client):
    response = client.get(FINDER, {"region": "vidzeme"})
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


# The home page, the page type, the API --------------------------------------------------------


def test_home_page_join_button_leads_to_the_finder(client, pages):
    finder = pages["atrodi-mazpulku"]
    assert pages["home"].join_page_id == finder.pk
    html = html_of(client, "/")
    assert re.search(rf'<a class="button button--accent" href="{FINDER}">', html)
    english = html_of(client, "/en/")
    assert re.search(
        rf'<a class="button button--accent" href="{FINDER_EN}">Find your club</a>', english
    )


def test_one_finder_per_language_under_the_home_page(pages):
    assert isinstance(pages["atrodi-mazpulku"], ClubFinderPage)
    assert isinstance(pages["en:atrodi-mazpulku"], ClubFinderPage)
    assert not ClubFinderPage.can_create_at(pages["home"])  # there is one already
    assert not ClubFinderPage.can_create_at(pages["par-mums"])
    assert ClubFinderPage.allowed_parent_page_models() == [HomePage]


def test_api_gives_the_page_but_no_club_data(client):
    response = client.get(
        "/api/v2/pages/", {"type": "clubs.ClubFinderPage", "fields": "*", "locale": "en"}
    )
    assert response.status_code == 200
    [page] = response.json()["items"]
    assert page["title"] == "Find your club"
    assert "There are clubs all over Latvia" in page["intro"]
    assert "mazpulki.example" not in response.content.decode()


# Demo content -------------------------------------------------------------------------------


def test_demo_clubs_cover_every_region_and_leave_a_municipality_without_one():
    demo = Club.objects.filter(number__in=[club.number for club in CLUBS])
    assert demo.count() == len(CLUBS) >= 14
    regions = set(demo.active().values_list("municipality__region__slug", flat=True))
    assert regions == {"riga", "vidzeme", "kurzeme", "zemgale", "latgale"}
    assert not Club.objects.filter(municipality__slug="ludzas-novads").exists()


def test_loading_the_demo_again_keeps_the_clubs_as_they_are():
    club = Club.objects.get(name="Vecpiebalgas mazpulks")
    club.meeting_time = "Ceturtdienās 16:00"
    club.save()
    count = Club.objects.count()
    call_command("load_demo_content", stdout=io.StringIO())
    assert Club.objects.count() == count
    club.refresh_from_db()
    assert club.meeting_time == "Ceturtdienās 16:00"
