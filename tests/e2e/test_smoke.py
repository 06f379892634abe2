"""A visitor opens the site in a real browser and switches language."""

import pytest

from tests.e2e.conftest import accessibility_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def open_page(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    assert accessibility_violations(page) == [], url


def test_home_page_in_both_languages_through_the_switcher(page):
    open_page(page, "/")
    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.locator("h1").inner_text() == "Labo padarīt vēl labāku"

    page.get_by_role("navigation", name="Valoda").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert accessibility_violations(page) == []
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Making the good even better"

    page.get_by_role("navigation", name="Main").get_by_role("link", name="About us").click()
    page.wait_for_url("**/en/about-us/")
    assert page.locator("h1").inner_text() == "About us"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Latviešu").click()
    page.wait_for_url("**/par-mums/")
    assert page.locator("h1").inner_text() == "Par mums"
    assert accessibility_violations(page) == []


def test_search_from_the_header_on_a_phone(page):
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(page, "/")
    search = page.get_by_role("searchbox", name="Meklēt vietnē")
    assert not search.is_visible()  # folded into "Menu" on a phone, with the main menu
    page.get_by_text("Izvēlne", exact=True).click()
    assert page.get_by_role("navigation", name="Galvenā izvēlne").get_by_role("link").count() >= 5
    assert accessibility_violations(page) == []
    search.fill("stratēģija")
    page.keyboard.press("Enter")
    page.wait_for_url("**/meklet/?q=*")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Stratēģija 2021–2027").first.click()
    page.wait_for_url("**/par-mums/strategija/")
    assert accessibility_violations(page) == []


def test_nothing_is_loaded_from_other_sites(page, live_server):
    for url in ["/", "/en/about-us/", "/par-mums/strategija/"]:
        open_page(page, url)
    assert page.requested_urls
    foreign = [url for url in page.requested_urls if not url.startswith(live_server.url)]
    assert foreign == []


def test_content_pages_and_the_not_found_page_are_accessible(page):
    for url in ["/par-mums/vesture/", "/en/how-to-join/", "/konts/login/"]:
        open_page(page, url)
    response = page.goto("/nav-tadas-lapas/")
    assert response.status == 404
    assert accessibility_violations(page) == []
