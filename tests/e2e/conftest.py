"""Browser tests: Debian's Chromium driven by Playwright, axe-core on every page opened."""

import os
import re
import shutil

import pytest
from django.db import connections

from tests.conftest import DEMO_DATABASE

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not os.path.exists(path):
        message = f"Chromium not found at {path} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # never skipped in CI
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls
    # are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_database(transactional_db):
    """The demo site, committed for the live server, and back after the test's flush.

    Browser tests are marked `serialized_rollback`: the flush that ends them leaves the
    tables empty (no content types recreated) and the next one restores the copy taken
    after the demo was loaded. Django keeps that copy on the connection object, which the
    browser's event loop may swap for a fresh one, so it is put back here.
    """
    from wagtail.models import Page

    connection = connections["default"]
    connection._test_serialized_contents = DEMO_DATABASE["default"]
    if not Page.objects.exists():
        connection.creation.deserialize_db_from_string(DEMO_DATABASE["default"])
    yield
    # Again before the closing flush: without the copy on the (possibly new) connection, the
    # flush would recreate the content types with new ids, which the next restore collides with.
    connections["default"]._test_serialized_contents = DEMO_DATABASE["default"]


def pytest_collection_modifyitems(items):
    """With several test processes, the browser tests all run in one of them, one by one."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture
def page(browser, live_server, demo_database):
    context = browser.new_context(base_url=live_server.url, locale="lv-LV")
    page = context.new_page()
    page.requested_urls = []
    page.on("request", lambda request: page.requested_urls.append(request.url))
    yield page
    context.close()


def accessibility_violations(page):
    """Serious and critical axe-core violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def label(text):
    """A form label as Django writes it (with a colon after it)."""
    return re.compile(rf"^{re.escape(text)}:?$")


def checked(page):
    """No serious or critical accessibility violation on the page as it is now."""
    assert accessibility_violations(page) == [], page.url
