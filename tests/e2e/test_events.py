"""A parent looks for a camp on a phone and saves it to the calendar."""

import pytest

from tests.e2e.conftest import accessibility_violations
from tests.e2e.test_smoke import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_filter_events_open_one_and_get_its_calendar_file(page, live_server):
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(page, "/pasakumi/")
    page.get_by_label("Veids").select_option("camp")
    page.get_by_role("button", name="Rādīt").click()
    page.wait_for_url("**/pasakumi/?*kind=camp*")
    assert accessibility_violations(page) == []
    cards = page.locator(".news-card__title a")
    assert cards.count() >= 1
    cards.first.click()
    page.wait_for_url("**/pasakumi/*/")
    assert accessibility_violations(page) == []
    assert page.get_by_text("Nometne").count() >= 1

    calendar_link = page.get_by_role("link", name="Pievienot kalendāram (.ics)")
    response = page.request.get(live_server.url + calendar_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.body()


def test_past_events_are_in_the_archive(page):
    open_page(page, "/en/events/")
    page.get_by_role("link", name="Past events").click()
    page.wait_for_url("**/en/events/archive/")
    assert accessibility_violations(page) == []
    assert page.locator(".news-card__title a").count() >= 1
