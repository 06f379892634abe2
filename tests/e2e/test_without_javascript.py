"""The main flows in a browser with JavaScript turned off, and the site's pages load no script."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.checkin import events_index, make_event, open_desk
from tests.conftest import enrol_second_factor
from tests.e2e import flows
from tests.e2e.conftest import force_sign_in, sign_in
from tests.members import make_coordinator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class WithoutJavaScript:
    """Works the controls as Playwright does (the page's own scripts never run).

    axe-core cannot run in a page without JavaScript: the keyboard tests check the same
    pages, with the same markup, with it."""

    def __init__(self, page):
        self.page = page

    def arrive(self):
        assert self.page.locator("main h1").count() == 1, self.page.url

    def sign_in(self, login, second_factor=False):
        sign_in(self.page, login.email, second_factor=second_factor)

    def fill(self, locator, text, then=None):
        locator.fill(text.isoformat() if hasattr(text, "isoformat") else text)
        if then:
            locator.press(then)

    def choose(self, radio):
        radio.check()

    def tick(self, checkbox):
        checkbox.check()

    def select(self, select, text):
        select.select_option(label=text)

    def upload(self, locator, *files):
        locator.set_input_files(list(files))

    def press(self, locator):
        locator.click()


@pytest.fixture
def page_without_javascript(browser, live_server, demo_database):
    context = browser.new_context(
        base_url=live_server.url, locale="lv-LV", java_script_enabled=False
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("flow", flows.FLOWS, ids=lambda flow: flow.__name__)
def test_the_flow_without_javascript(page_without_javascript, flow):
    flow(page_without_javascript, WithoutJavaScript(page_without_javascript))


def one_page_of_each_type():
    from wagtail.models import Page

    addresses = {}
    for page in (
        Page.objects.live()
        .public()
        .filter(locale__language_code="lv", depth__gt=1)
        .order_by("path")
        .specific()
    ):
        addresses.setdefault(type(page), page.get_url())
    return list(addresses.values())


def test_no_page_loads_a_script(page, live_server):
    """Public pages (one of each kind) and a family's member area: no script is requested
    and none is written in the page. A coordinator's check-in desk: only Wagtail's user bar
    (the camera of a desk, if it ever needs a script, would be the one exception)."""
    coordinator = enrol_second_factor(make_coordinator())
    desk = open_desk(make_event(events_index()), coordinator, name="Vārti")
    parent, child, _club = flows.family_in_a_club()
    scripts = []
    page.on(
        "request",
        lambda request: (
            scripts.append(request.url)
            if request.resource_type == "script" and request.url.startswith("http")
            else None
        ),  # not the browser's own PDF viewer (chrome-extension://), for the newspaper
    )
    inline = []

    def visit(addresses):
        for address in addresses:
            page.goto(address)
            if page.locator("script").count():
                inline.append(address)

    public = [*one_page_of_each_type(), reverse("search") + "?q=mazpulks", reverse("clubs:join")]
    visit(public)
    sign_in(page, parent.email)
    visit(
        [
            reverse("members:home"),
            reverse("projects:list"),
            reverse("volunteering:mine"),
            reverse("online:rooms"),
            reverse("council:home"),
            reverse("international:mine"),
            reverse("members:my_data"),
            reverse("members:card", args=[child.pk]),
        ]
    )
    assert len(public) >= 10
    assert (scripts, inline) == ([], [])

    # Staff who may edit the site get Wagtail's user bar (a link to the admin): its scripts
    # are the only ones, at the desk too.
    page.context.clear_cookies()
    force_sign_in(page, live_server, coordinator)
    visit([reverse("checkin:home"), reverse("checkin:desk", args=[desk.pk])])
    assert {urlsplit(url).path for url in scripts} <= {
        "/static/wagtailadmin/js/vendor.js",
        "/static/wagtailadmin/js/userbar.js",
    }  # (and the user bar's own inline script)
