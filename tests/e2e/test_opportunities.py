"""A young person looks for an opportunity abroad in a real browser (the demo's opportunities)."""

import datetime
import re

import pytest

from opportunities import models as opportunity_models
from tests.e2e.conftest import accessibility_violations
from tests.e2e.test_smoke import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

INDEX = "/starptautiskas-iespejas/"


@pytest.fixture
def demo_day(monkeypatch):
    """The day the demo is written for: some opportunities open, some past their deadline.

    The live server runs in this process, so it asks the same today().
    """
    monkeypatch.setattr(opportunity_models, "today", lambda: datetime.date(2026, 11, 26))


def test_filter_the_opportunities_and_open_one(page, demo_day):
    open_page(page, INDEX)
    assert page.locator("h1").inner_text() == "Starptautiskās iespējas"
    cards = page.locator(".news-card__title a")
    everything = cards.count()
    assert everything >= 5

    page.get_by_label("Veids").select_option("youth-exchange")
    page.get_by_label("Vecums").fill("16")
    page.get_by_role("button", name="Rādīt").click()
    page.wait_for_url(
        re.compile(r".*/starptautiskas-iespejas/\?(?=.*type=youth-exchange)(?=.*age=16).*")
    )
    assert accessibility_violations(page) == []
    found = cards.all_inner_texts()
    assert 0 < len(found) < everything
    assert found[0] == "Jauniešu apmaiņa „Sēklu glabātāji” Slovēnijā"  # the nearest deadline

    address = cards.first.get_attribute("href")
    cards.first.click()
    page.wait_for_url(f"**{address}")
    assert accessibility_violations(page) == []
    assert page.locator("h1").inner_text() == found[0]
    assert page.locator(".opportunity-apply--open").count() == 1
    assert page.get_by_role("link", name="info@mazpulki.lv").first.get_attribute("href") == (
        "mailto:info@mazpulki.lv"
    )


def test_a_past_opportunity_is_in_the_archive_and_says_it_is_closed(page, demo_day):
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(page, INDEX)
    archive = page.get_by_role("link", name=re.compile(r"^Noslēgušās iespējas"))
    address = archive.get_attribute("href")
    archive.click()
    page.wait_for_url(f"**{address}")
    assert accessibility_violations(page) == []
    past = page.locator(".news-card__title a")
    assert past.count() >= 3
    title, address = past.first.inner_text(), past.first.get_attribute("href")
    past.first.click()
    page.wait_for_url(f"**{address}")
    assert accessibility_violations(page) == []
    assert page.locator("h1").inner_text() == title
    assert page.locator(".opportunity-apply--closed").count() == 1
    assert page.get_by_role("link", name="Pieteikties tiešsaistē").count() == 0
