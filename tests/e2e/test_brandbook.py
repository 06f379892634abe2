"""The brandbook and the promotional materials in a real browser (needs the wired demo)."""

import re
import time

import pytest

from tests.e2e.conftest import accessibility_violations
from tests.e2e.test_smoke import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_the_site_takes_its_colours_from_the_brandbook_palette(page, live_server):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    open_page(page, "/en/brandbook/")
    assert page.locator("h1").inner_text() == "Brandbook"

    # The palette's stylesheet is linked (with its version) and defines the site's colours.
    assert page.locator('link[rel="stylesheet"][href^="/brand-colours.css?v="]').count() == 1
    clover = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--color-clover').trim()"
    )
    assert clover == "#17602e"
    swatch = page.locator(".brand-swatch--clover")
    assert swatch.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(23, 96, 46)"
    clover_card = page.locator(".palette__colour", has=swatch)
    assert "7.64:1" in clover_card.inner_text()

    # Logo previews are pictures: they load, and an SVG shown this way runs no script.
    previews = page.locator(".logo-variant__preview img")
    assert previews.count() == 3
    for index in range(previews.count()):
        preview = previews.nth(index)
        preview.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=preview.element_handle()
        )
    assert page.locator("main svg").count() == 0

    # The files are downloads.
    svg_link = page.get_by_role("link", name=re.compile(r"^SVG")).first
    response = page.request.get(live_server.url + svg_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-disposition"].startswith("attachment")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert not [error for error in errors if "Content Security Policy" in error], errors


def test_a_club_leader_requests_promotional_materials(page):
    open_page(page, "/en/brandbook/promotional-materials/")
    assert page.locator(".promo-item").count() >= 5
    started = time.monotonic()

    page.get_by_label("Quantity – T-shirt").fill("0")
    page.get_by_label("Your name").fill("Ilze Ozola")
    page.get_by_label("Club, school or organisation").fill("Cesvaines mazpulks")
    page.get_by_label("E-mail").fill("ilze@example.com")
    time.sleep(max(0, 3.5 - (time.monotonic() - started)))  # people are never quicker
    page.get_by_role("button", name="Send the request").click()
    summary = page.locator(".form-errors")
    assert "T-shirt: Enter a whole number from 1 to 500" in summary.inner_text()
    assert accessibility_violations(page) == []
    # The summary leads to the field to fix; what was typed is still there.
    summary.get_by_role("link").first.click()
    assert re.search(r"#id_quantity_\d+$", page.url)
    assert page.get_by_label("Your name").input_value() == "Ilze Ozola"

    page.get_by_label("Quantity – T-shirt").fill("5")
    page.get_by_label("Quantity – Badge").fill("20")
    time.sleep(3.5)
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url("**/promotional-materials/thank-you/?ref=*")
    assert page.locator("h1").inner_text() == "Thank you: we have received your request"
    assert "T-shirt" in page.locator("table").inner_text()
    assert accessibility_violations(page) == []
