"""axe-core on every page template of the site, public and member area, in Latvian and in
English, on a phone (360x740) and a desktop (1280x800): no serious or critical violation.

One test goes through the roles; each role's list of pages is opened in one browser context
(each page loaded once, checked at both widths), in both languages (the member area's English
is under /en/members/, allauth's under /en/account/), and each failure is named by role,
viewport, language and page.

Roles: a visitor; a newcomer (a login with no family yet: the empty lists); a parent with a
child and a youth in a club; the club's leader; a coordinator. Staff need a second factor at
sign-in, so every role is signed in by a Django session cookie made with `force_login` (the
test settings name it `sessionid`, without `Secure`, so it travels over the live server's
plain http; a `__Host-` name would need `secure=True`).

The member area's list is made from tests/test_member_access.py's RULES: every address
opened with GET and answered with a page (200) for one of the roles is swept, as the first
role (parent, leader, coordinator) the rule lets in. Addresses that answer with a file (an
image, CSV, XLSX, PDF, calendar) are in NOT_PAGES; a rule in neither fails
`test_every_member_area_address_is_swept_or_a_file`.

Coverage that cannot rot: the templates rendered while the sweep runs are recorded
(pytest-django instruments templates, so `template_rendered` fires in the live server's
thread too), and the same test then asks that every page template of the project was
rendered (one test, so one process, however many the suite runs in). The rule for a page
template: an `*.html` file under an app's or the site's `templates/` folder, except
- those in an `includes/`, `blocks/`, `tags/`, `admin/` or `emails/` folder (pieces of a
  page, not pages);
- those that extend or include a Wagtail admin template (`wagtailadmin/…`): parts of the
  Wagtail admin, whose own pages are Wagtail's to make accessible;
and those in UNSWEPT, each with its reason. A new page template without a sweep entry fails.
"""

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import translation

from tests.conftest import enrol_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
ROLES = ("visitor", "newcomer", "parent", "leader", "coordinator")
LANGUAGES = ("lv", "en")

# Member-area addresses that answer with a file, not a page: nothing for axe to check.
NOT_PAGES = {
    "members:photo",
    "members:card_png",
    "members:card_svg",
    "members:my_data_json",
    "clubs:export_csv",
    "clubs:export_xlsx",
    "certificates:pdf",
    "projects:file",
    "projects:export_csv",
    "projects:export_xlsx",
    "online:attachment",
    "online:calendar_feed",
    "international:export_csv",
    "international:export_xlsx",
    "checkin:photo",
    "checkin:attendance_csv",
}

# Page templates the sweep does not open, and why.
UNSWEPT = {}

AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
PROJECT_ROOT = Path(settings.BASE_DIR)
PIECES = {"includes", "blocks", "tags", "admin", "emails"}

RENDERED = set()


def page_templates():
    """Every page template of the project (the rule is in the module's docstring), by the
    name Django loads it with."""
    found = set()
    for path in PROJECT_ROOT.rglob("templates/**/*.html"):
        relative = path.relative_to(PROJECT_ROOT)
        if relative.parts[0].startswith(".") or "node_modules" in relative.parts:
            continue
        parts = relative.parts
        name = "/".join(parts[parts.index("templates") + 1 :])
        if PIECES & set(name.split("/")[:-1]):
            continue
        if re.search(r"""\{%\s*(extends|include)\s+["']wagtailadmin/""", path.read_text()):
            continue
        found.add(name)
    return found


@pytest.fixture(autouse=True, scope="module")
def _record_templates():
    def record(sender, template, context, **kwargs):
        if template.name:
            RENDERED.add(template.name)

    template_rendered.connect(record, dispatch_uid="accessibility-sweep")
    yield
    template_rendered.disconnect(dispatch_uid="accessibility-sweep")


@dataclass
class Visit:
    """A page to open as one role, in Latvian and (if it has one) in English."""

    name: str
    lv: str
    en: str | None
    # "submit": post the first form in <main> (the one in `form`) emptied, for its errors.
    action: str | None = None
    form: str = "main form[method=post i]"
    # The answer's status: 200 unless said; after a submit, checked only when said.
    status: int | None = None
    headers: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    # Where the address leads when it is not the page itself (a check that the role got in).
    lands_on: str | None = None


def urls(name, args=()):
    """The Latvian and English addresses of a named URL."""
    found = []
    for language in LANGUAGES:
        with translation.override(language):
            found.append(reverse(name, args=args))
    return found


def pages_by_slug():
    from wagtail.models import Locale, Page

    english = Locale.objects.get(language_code="en")
    found = {}
    for page in Page.objects.filter(depth__gte=2, locale__language_code="lv").specific():
        translated = page.get_translation_or_none(english)
        found.setdefault(page.slug, (page.url, translated.url if translated else None))
    return found


def first_child(parent_slug, model):
    from wagtail.models import Page

    parent = Page.objects.get(slug=parent_slug, locale__language_code="lv")
    child = parent.get_children().type(model).live().first().specific
    english = child.get_translation_or_none(child.locale.__class__.objects.get(language_code="en"))
    return child.url, english.url if english else None


# The visitor: every public page type, its empty and error states, allauth's pages. -------


def visitor_visits(world):
    from events.models import EventPage
    from news.models import NewsPage
    from newspaper.models import NewspaperIssuePage
    from opportunities.models import OpportunityPage

    pages = pages_by_slug()
    home = pages.get("home", ("/", "/en/"))
    visits = [Visit("home", *home)]
    for slug, name in (
        ("par-mums", "content page"),
        ("jaunumi", "news index"),
        ("avize-mazpulks", "newspaper index"),
        ("pasakumi", "events index"),
        ("starptautiskas-iespejas", "opportunities index"),
        ("zimolgramata", "brandbook"),
        ("prezentmateriali", "promo materials"),
        ("atrodi-mazpulku", "club finder"),
        ("projekti", "project index"),
    ):
        visits.append(Visit(name, *pages[slug]))
    visits += [
        Visit("news page", *first_child("jaunumi", NewsPage)),
        Visit("newspaper issue", *first_child("avize-mazpulks", NewspaperIssuePage)),
        Visit("event page", *first_child("pasakumi", EventPage)),
        Visit(
            "events archive", pages["pasakumi"][0] + "arhivs/", pages["pasakumi"][1] + "archive/"
        ),
        Visit("opportunity", *first_child("starptautiskas-iespejas", OpportunityPage)),
        Visit(
            "opportunities archive",
            pages["starptautiskas-iespejas"][0] + "arhivs/",
            pages["starptautiskas-iespejas"][1] + "archive/",
        ),
        Visit("promo order, errors", *pages["prezentmateriali"], action="submit"),
        Visit(
            "promo order received",
            pages["prezentmateriali"][0] + "paldies/",
            pages["prezentmateriali"][1] + "thank-you/",
        ),
        Visit("project theme", *pages["mans-biznesa-sakums-2026"]),
        Visit("search", *(url + "?q=nometne" for url in urls("search"))),
        Visit("search, nothing found", *(url + "?q=zzqqxx" for url in urls("search"))),
        Visit("search, no query", *urls("search")),
        Visit("not found (404)", "/nav-tadas-lapas/", "/en/no-such-page/", status=404),
        Visit(
            "server error (500)",
            "/kluda/",
            "/en/kluda/",
            status=500,
            settings={"ROOT_URLCONF": "tests.urls_failing"},
        ),
        Visit("join a club", *urls("clubs:join")),
        Visit("join a club, errors", *urls("clubs:join"), action="submit"),
        Visit(
            "join a club, too many (429)",
            *urls("clubs:join"),
            action="submit",
            status=429,
            settings={"ACCOUNT_RATE_LIMITS": {"join": "0/m/ip"}},  # none allowed
        ),
        Visit("card lookup", *urls("card_lookup", [world.child.current_card().token])),
        Visit("certificate check", *urls("certificate_verify", world.args("certificate_code"))),
        Visit("guardianship", *urls("members:guardianship", world.args("guardianship"))),
        Visit("leaders' library, signed out", *pages["vaditaju-biblioteka"], lands_on="/login"),
        # allauth
        Visit("sign in", *urls("account_login")),
        Visit("sign in, errors", *urls("account_login"), action="submit"),
        Visit("sign up (closed)", *urls("account_signup")),
        Visit("password reset", *urls("account_reset_password")),
        Visit("password reset, errors", *urls("account_reset_password"), action="submit"),
        Visit("password reset sent", *urls("account_reset_password_done")),
        Visit("password reset, bad link", *urls("account_reset_password_from_key", ["0", "x-y"])),
        Visit("password reset, done", *urls("account_reset_password_from_key_done")),
        Visit("confirm e-mail sent", *urls("account_email_verification_sent")),
        Visit("confirm e-mail, bad link", *urls("account_confirm_email", ["nav-tads"])),
        Visit("account inactive", *urls("account_inactive")),
    ]
    return visits


# A login with no family yet: the member area's empty lists. -------------------------------


def newcomer_visits(world):
    return [
        Visit(f"{name}, empty", *urls(name))
        for name in (
            "members:home",
            "projects:list",
            "volunteering:mine",
            "certificates:list",
            "international:mine",
            "council:proposals",
            "online:calendar",
            "members:my_data",
            "online:rooms",
        )
    ] + [
        Visit("clubs:join_sent", *urls("clubs:join_sent")),
        Visit("two-step sign-in, turning on", *urls("mfa_activate_totp")),
        Visit("leaders' library, not for you", *pages_by_slug()["vaditaju-biblioteka"], status=403),
    ]


# The family, its leader and a coordinator: the member area by its access rules. ----------

SIGNED_IN = ("parent", "leader", "coordinator")


def member_area_visits(world, role):
    from tests.test_member_access import RULES

    visits = []
    for name, (method, kind, expected) in sorted(RULES.items()):
        if method != "get" or name in NOT_PAGES:
            continue
        allowed = [each for each in SIGNED_IN if expected[each] == 200]
        if not allowed:
            continue
        if allowed[0] == role or (name == "members:home" and role in allowed):
            visits.append(Visit(name, *urls(name, world.args(kind))))
    return visits


def parent_visits(world):
    child = [world.child.pk]
    return [
        *member_area_visits(world, "parent"),
        Visit("members:edit, errors", *urls("members:edit", child), action="submit"),
        Visit("volunteering:log, errors", *urls("volunteering:log"), action="submit"),
        Visit("projects:new, errors", *urls("projects:new"), action="submit"),
        Visit("council:proposal_new, errors", *urls("council:proposal_new"), action="submit"),
        Visit(
            "certificates:volunteer_new, errors",
            *urls("certificates:volunteer_new"),
            action="submit",
        ),
        Visit(
            "projects:edit, errors",
            *urls("projects:edit", world.args("returned_project")),
            action="submit",
        ),
        # allauth's pages for one's own account
        Visit("e-mail settings", *urls("account_email")),
        Visit("password change", *urls("account_change_password")),
        Visit("password change, errors", *urls("account_change_password"), action="submit"),
        Visit("two-step sign-in", *urls("mfa_index")),
        Visit("sessions", *urls("usersessions_list")),
        Visit("sign out", *urls("account_logout")),
        Visit("confirm it is you", *urls("account_reauthenticate")),
    ]


def leader_visits(world):
    return [
        *member_area_visits(world, "leader"),
        Visit("leaders' library", *pages_by_slug()["vaditaju-biblioteka"]),
        Visit("library page", *pages_by_slug()["vaditaja-rokasgramata-2027"]),
        Visit("card scanned at a desk", *urls("card_lookup", [world.youth.current_card().token])),
        Visit(
            "card scanned from a link",
            *urls("card_lookup", [world.child.current_card().token]),
            headers={"Purpose": "prefetch"},
        ),
        Visit(
            "online:meeting_new, errors",
            *urls("online:meeting_new", [world.club.pk]),
            action="submit",
        ),
        Visit("two-step sign-in, on", *urls("mfa_index")),
        Visit("recovery codes", *urls("mfa_view_recovery_codes")),
    ]


def coordinator_visits(world):
    return [
        *member_area_visits(world, "coordinator"),
        Visit("international:record, errors", *urls("international:record"), action="submit"),
        Visit("council:survey_new, errors", *urls("council:survey_new"), action="submit"),
        Visit("projects:score (juror)", *urls("projects:score", world.args("accepted_project"))),
        Visit(
            "certificates:revoke, found, errors",
            *(
                url + f"?code={world.args('certificate_code')[0]}"
                for url in urls("certificates:revoke")
            ),
            action="submit",
        ),
        Visit(
            "certificates:revoke, not found",
            *(url + "?code=NAV-TADA" for url in urls("certificates:revoke")),
        ),
    ]


VISITS = {
    "visitor": visitor_visits,
    "newcomer": newcomer_visits,
    "parent": parent_visits,
    "leader": leader_visits,
    "coordinator": coordinator_visits,
}


class World:
    """tests/members.py's organisation, with the records each page needs made once."""

    def __init__(self):
        from tests.members import build_world, make_user

        self.__dict__.update(vars(build_world()))
        for user in (self.leader, self.other_leader, self.coordinator):
            enrol_second_factor(user)
        self.newcomer = make_user("jauns@example.lv", first_name="Jauna", last_name="Lietotāja")
        self.made = {}

    def args(self, kind):
        from tests.test_member_access import arguments

        if kind and kind.startswith("international_") and kind not in self.made:
            # One interest and one participation serve every international page (made
            # twice, they would collide).
            from members_area.international.models import Interest, Participation

            self.made["international_opportunity"] = arguments(self, "international_opportunity")
            self.made["international_interest"] = [Interest.objects.get(person=self.child).pk]
            participation = Participation.objects.get(person=self.child)
            self.made["international_participation"] = [participation.pk]
            self.made["international_interests"] = self.made["international_participations"] = []
        if kind not in self.made:
            self.made[kind] = arguments(self, kind)
        return self.made[kind]


def seat_coordinator_as_juror(world):
    """The coordinator also judges the accepted project's theme (the forum's score page)."""
    from members_area.projects.models import Juror, Project

    project = Project.objects.get(pk=world.args("accepted_project")[0])
    Juror.objects.create(theme=project.theme, user=world.coordinator)


def signed_in_context(browser, live_server, user, viewport, session=None):
    context = browser.new_context(base_url=live_server.url, locale="lv-LV", viewport=viewport)
    if user is not None:
        from allauth.account.internal.flows.login import (
            _AUTHENTICATION_METHODS_USER_SESSION_KEY,
            AUTHENTICATION_METHODS_SESSION_KEY,
        )

        client = Client()
        client.force_login(user)
        stored = client.session
        # Signed in with a password just now: allauth's pages that ask for a recent sign-in
        # (turning two-step sign-in on, the recovery codes) open without asking again.
        stored[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": time.time(), "reauthenticated": True}
        ]
        stored[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        stored.update(session or {})
        stored.save()
        name = settings.SESSION_COOKIE_NAME
        context.add_cookies(
            [
                {
                    "name": name,
                    "value": client.cookies[name].value,
                    "url": live_server.url,
                    "secure": name.startswith("__"),
                    "httpOnly": True,
                    "sameSite": "Lax",
                }
            ]
        )
    return context


SUBMIT_EMPTIED = """(selector) => {
    const form = document.querySelector(selector);
    if (!form) return false;
    for (const input of form.querySelectorAll("input, textarea, select")) {
        if (["hidden", "submit", "button"].includes(input.type)) continue;
        if (input.type === "checkbox" || input.type === "radio") input.checked = false;
        else if (input.tagName === "SELECT") input.selectedIndex = -1;
        else if (input.type !== "file") input.value = "";
    }
    form.noValidate = true;
    form.requestSubmit(form.querySelector("[type=submit]") || undefined);
    return true;
}"""


def serious_violations(page):
    """Serious and critical axe-core violations on the page as it is now (axe is put in every
    document by the context's init script, once, and run at each viewport)."""
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def open_page(page, visit, url):
    """Open the page (and submit its form if the visit says so); what is wrong with the way
    there: a status or an address other than expected."""
    if visit.headers:
        page.set_extra_http_headers(visit.headers)
    try:
        with override_settings(**visit.settings):
            response = page.goto(url)
            if visit.action == "submit":
                if not page.locator(visit.form).count():
                    return [f"no form {visit.form}"]
                with page.expect_navigation() as navigation:
                    page.evaluate(SUBMIT_EMPTIED, visit.form)
                response = navigation.value
            page.wait_for_load_state()
    finally:
        if visit.headers:
            page.set_extra_http_headers({})
    problems = []
    status = response.status if response else None
    wanted = visit.status or (None if visit.action else 200)
    if wanted is not None and status != wanted:
        problems.append(f"status {status}, not {wanted}")
    if visit.lands_on:
        if visit.lands_on not in page.url:
            problems.append(f"landed on {page.url}")
    elif not visit.action and urlsplit(page.url).path != urlsplit(url).path:
        problems.append(f"landed on {page.url}")
    return problems


class Sweep:
    """One browser context for a role, its page checked at both viewports after each load: the
    site has no script, so a page resized is the page as a phone or a desktop loads it (the
    viewports alternate, so each load is followed by one resize)."""

    def __init__(self, browser, live_server, role, user, session):
        self.role = role
        self.context = signed_in_context(browser, live_server, user, VIEWPORTS["desktop"], session)
        self.context.add_init_script(path=AXE_SCRIPT)
        self.page = self.context.new_page()
        self.viewports = list(VIEWPORTS)
        self.failures = []
        self.opened = 0

    def check(self, name, language, url, problems=()):
        self.opened += 1
        for position, viewport in enumerate(self.viewports):
            if position:
                self.page.set_viewport_size(VIEWPORTS[viewport])
            found = ([*problems] if not position else []) + serious_violations(self.page)
            self.failures += [
                f"{self.role} {viewport} {language} {name} {url}: {each}" for each in found
            ]
        self.viewports.reverse()

    def visit(self, visit):
        for language, url in zip(LANGUAGES, (visit.lv, visit.en), strict=True):
            if url is not None:
                self.check(visit.name, language, url, open_page(self.page, visit, url))


def sweep_as(browser, live_server, world, role):
    """Every page of the role's list, at both widths and in both languages: the failures."""
    started = time.monotonic()
    if role == "coordinator":
        seat_coordinator_as_juror(world)
    session = {}
    if role == "leader":
        session["checkin_desk"] = world.args("checkin_desk")[0]
    if role == "newcomer":
        session["join_sent"] = {"confirm_email": False, "club": str(world.club)}
    user = None if role == "visitor" else getattr(world, role)
    sweep = Sweep(browser, live_server, role, user, session)
    for visit in VISITS[role](world):
        sweep.visit(visit)
    if role == "visitor":
        # Signing in with a password, as staff do, asks for the second factor: its page
        # last, as it leaves a half-finished sign-in in the visitor's session.
        from tests.members import PASSWORD

        page = sweep.page
        for language, url in zip(LANGUAGES, urls("account_login"), strict=True):
            sweep.context.clear_cookies()
            page.goto(url)
            page.locator("input[name=login]").fill(world.leader.email)
            page.locator("input[name=password]").fill(PASSWORD)
            with page.expect_navigation():
                page.locator("main form[method=post i] [type=submit]").first.click()
            landed = [] if "/2fa/authenticate/" in page.url else [f"landed on {page.url}"]
            sweep.check("second factor", language, page.url, landed)
    sweep.context.close()
    seconds = time.monotonic() - started
    print(f"{role}: {sweep.opened} pages x {len(VIEWPORTS)} viewports in {seconds:.0f} s")
    return sweep.failures


def test_no_serious_violation_on_any_page_template(browser, live_server, demo_database):
    """All roles in one test, so in one process, whatever the number of test processes: the
    templates they rendered are then all known, and each page template must be among them."""
    world = World()
    failures = []
    for role in ROLES:  # the coordinator last: seated as a juror for the score page
        failures += sweep_as(browser, live_server, world, role)
    assert not failures, "\n".join(failures)
    missing = page_templates() - RENDERED - set(UNSWEPT)
    assert not missing, sorted(missing)


# Member-area pages no role of the access rules opens (they redirect there), swept otherwise.
SWEPT_OTHERWISE = {
    "clubs:join_sent": "after a join request is sent: the newcomer's session has sent one",
    "online:rooms": "a list for logins with no club or several: the newcomer's list",
    "projects:score": "for jurors: the coordinator's list seats her on the jury",
}


def test_every_member_area_address_is_swept_or_a_file():
    from tests.test_member_access import RULES

    unsorted = {
        name
        for name, (method, _kind, expected) in RULES.items()
        if method == "get"
        and name not in NOT_PAGES
        and name not in SWEPT_OTHERWISE
        and not any(expected[role] == 200 for role in SIGNED_IN)
    }
    assert set(RULES) >= NOT_PAGES | set(SWEPT_OTHERWISE)
    assert not unsorted, unsorted
