"""A reader filters the news and reads an issue of "Mazpulks" in a real browser."""

import pytest

from tests.e2e.conftest import accessibility_violations
from tests.e2e.test_smoke import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_newspaper_archive_an_issue_and_its_pdf(page, live_server):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    open_page(page, "/avize-mazpulks/")
    assert page.locator("h1").inner_text() == "Avīze „Mazpulks”"
    issue_link = page.locator(".issue-card__title a").first
    title = issue_link.inner_text()
    issue_link.click()
    page.wait_for_url("**/avize-mazpulks/*/")
    assert page.locator("h1").inner_text() == title
    assert accessibility_violations(page) == []
    reader = page.locator("object.pdf-reader")
    assert reader.get_attribute("type") == "application/pdf"
    # Where the browser has no PDF viewer (many phones) the object shows its fallback.
    assert reader.locator("a").get_attribute("href") == reader.get_attribute("data")

    download = page.get_by_role("link", name="Lejupielādēt PDF")
    pdf_url = download.get_attribute("href")
    response = page.request.get(live_server.url + pdf_url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
    assert reader.get_attribute("data") == pdf_url
    # The reader loaded the file: neither the page's policy nor the file's refused it.
    assert any(url.endswith(pdf_url) for url in page.requested_urls)
    assert not [error for error in errors if "Content Security Policy" in error], errors


def test_news_filters_on_a_phone(page):
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(page, "/jaunumi/")
    page.get_by_label("Reģions").select_option("latgale")
    page.get_by_role("button", name="Rādīt").click()
    page.wait_for_url("**/jaunumi/?*region=latgale*")
    assert accessibility_violations(page) == []
    cards = page.locator(".news-card__title a")
    assert cards.count() > 0
    cards.first.click()
    page.wait_for_url("**/jaunumi/*/")
    assert accessibility_violations(page) == []
    assert page.get_by_role("link", name="Latgale").count() >= 1
