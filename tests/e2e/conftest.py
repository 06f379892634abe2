"""Browser tests: Debian's Chromium driven by Playwright, axe-core on every page opened."""

import json
import os
import re
import shutil

import pytest
from django.db import connections, transaction

from tests.conftest import DEMO_DATABASE, totp_code
from tests.members import PASSWORD

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


def restore_demo_database():
    """Empty the database and load the copy taken after the demo was loaded.

    Content types first: saving the other rows fires handlers (Wagtail's reference index)
    that look content types up, and a lookup that misses creates one, whose name the copy's
    own row would then collide with.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.core.management import call_command

    connection = connections["default"]
    # Sequences are left as they are, past every restored id (as Django's own flush does).
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )
    records = json.loads(DEMO_DATABASE["default"])
    first = [record for record in records if record["model"] == "contenttypes.contenttype"]
    rest = [record for record in records if record["model"] != "contenttypes.contenttype"]
    with transaction.atomic(), connection.constraint_checks_disabled():
        for part in (first, rest):
            for row in serializers.deserialize("python", part):
                row.save()
            ContentType.objects.clear_cache()
    connection.check_constraints()


@pytest.fixture
def demo_database(transactional_db):
    """The demo site, committed for the live server.

    A browser test ends with Django's flush, which empties the tables and makes the content
    types again with new ids; the next browser test restores the demo (the first one of a
    process finds it still there).
    """
    from wagtail.models import Page

    if not Page.objects.exists():
        restore_demo_database()
    yield


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
    """A form label as the site writes it: with a colon (Django's) or "(required)" after it."""
    return re.compile(rf"^{re.escape(text)}:?(\s*\*)?(\s*\((obligāts|required)\))?$")


def checked(page):
    """No serious or critical accessibility violation on the page as it is now."""
    assert accessibility_violations(page) == [], page.url


def sign_in(page, email, second_factor=False):
    page.goto("/konts/login/")
    page.get_by_label(label("E-pasts")).fill(email)
    page.get_by_label(label("Parole")).fill(PASSWORD)
    page.get_by_role("button", name="Pieslēgties").click()
    if second_factor:
        page.locator("input[name=code]").fill(totp_code())
        page.get_by_role("button", name="Ieiet").click()
    # Signed in once the browser has left the sign-in pages: going elsewhere earlier would
    # cut the form's submission short on a busy machine.
    page.wait_for_url(lambda url: "/konts/login/" not in url and "/2fa/authenticate/" not in url)


def force_sign_in(page, live_server, user):
    """Signed in without the sign-in pages (for tests of something else): the session of
    Django's test client, given to the browser."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
