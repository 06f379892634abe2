"""Full-page screenshots of the main pages on a phone (360 px) and a desktop (1280 px).

    .venv/bin/python bench/screenshots.py                       # a throwaway demo site
    .venv/bin/python bench/screenshots.py --base-url http://127.0.0.1:8000

By default builds a throwaway site with bench/stack.py (a SQLite database in a temporary
directory, migrated, the demo loaded; gunicorn with the production settings), adds a family to
the demo — a parent's login acting for a child with a membership, a member card, a project and
volunteer hours — and takes it all down again at the end. With --base-url it shoots a site
already running instead: the public pages, and the member area too when SCREENSHOT_EMAIL and
SCREENSHOT_PASSWORD name a family login of that site.

The public pages (home, news and an article, an issue of the newspaper, events and an event,
the join form, the brandbook, the sign-in page) are shot signed out; the family's (home, member
card, projects, volunteer hours) as the parent; the check-in desk as the demo coordinator (with
the second factor) on the throwaway site, whose public media files the script serves itself (as
the web server in front of gunicorn would). Debian's Chromium through Playwright (CHROME_PATH to
change it). The PNGs go to var/screenshots/<page>-phone.png and <page>-desktop.png (var/ is
not committed); a page wider than the screen is named in the output. About five minutes on 2
busy CPUs.
"""

import argparse
import json
import os
import posixpath
import re
import shutil
import signal
import sys
import time
import urllib.parse
from pathlib import Path

from stack import ADMIN_EMAIL, DEMO_FAMILY, Failed, Stack, totp_code

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
WIDTHS = {"phone": (360, 740), "desktop": (1280, 800)}
FAMILY_EMAIL = "gimene.ekrani@mazpulki.example"
PRIVATE_MEDIA = ("original_images/", "documents/", "uploaded_files/", "people/")

# The addresses of the pages, found in whatever site is shot (prints one line of JSON).
PUBLIC = """\
import json
from django.urls import reverse
from django.utils import translation
from brandbook.models import BrandbookPage
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from newspaper.models import NewspaperIssuePage
latvian = {"locale__language_code": "lv"}
def first(model, *order):
    found = model.objects.live().filter(**latvian).order_by(*order).first()
    return found.url if found else None
with translation.override("lv"):
    print(json.dumps({
        "home": "/",
        "news": first(NewsIndexPage),
        "article": first(NewsPage, "-first_published_at"),
        "newspaper-issue": first(NewspaperIssuePage, "-publication_date"),
        "events": first(EventIndexPage),
        "event": first(EventPage, "pk"),
        "join": reverse("clubs:join"),
        "brandbook": first(BrandbookPage),
        "sign-in": reverse("account_login"),
    }))
"""

# The demo family (bench/stack.py), with a draft project and volunteer hours, one approved.
FAMILY = (
    DEMO_FAMILY
    + """\
import datetime, json, os
from decimal import Decimal
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from members_area.projects.models import ProjectThemePage
from members_area.volunteering.services import decide, log_hours
from tests.projects import make_project
theme = ProjectThemePage.objects.live().filter(locale__language_code="lv").order_by("-pk").first()
if theme is not None:
    make_project(theme, club, [child], created_by=parent, title="Bišu draudzīgs dārzs skolā")
coordinator = get_user_model().objects.get(email=os.environ["COORDINATOR_EMAIL"])
today = timezone.localdate()
for days, hours, text, approve in (
    (20, "3", "Palīdzēja sakopt parku", True),
    (6, "2.5", "Palīdzēja pasākumā", None),
):
    entry = log_hours(
        by=parent, person=child, club=club, date=today - datetime.timedelta(days=days),
        hours=Decimal(hours), kind="event", description=text,
    )
    if approve:
        decide(entry, by=coordinator, approve=True)
with translation.override("lv"):
    print(json.dumps({
        "family": {
            "family-home": reverse("members:home"),
            "member-card": reverse("members:card", args=[child.pk]),
            "projects": reverse("projects:list"),
            "volunteer-hours": reverse("volunteering:mine"),
        },
        "leader": {"check-in": reverse("checkin:home")},
    }))
"""
)


class ScreenshotStack(Stack):
    def __init__(self):
        super().__init__("screenshots", ["app"], front="app", database="sqlite")
        # The browser speaks plain HTTP to loopback (a secure context for Chromium).
        self.env["SITE_BASE_URL"] = self.base("app")


def last_json(output):
    return json.loads(output.strip().splitlines()[-1])


def sign_in(page, base, email, password, totp_secret=None):
    page.goto(urllib.parse.urljoin(base, "/konts/login/"))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form[action*=login] [type=submit]").click()
    if totp_secret:
        page.wait_for_url(re.compile(r".*/2fa/.*"))
        if time.time() % 30 > 24:  # the code must still be valid when it arrives
            time.sleep(30 - time.time() % 30 + 1)
        page.locator("input[name=code]").fill(totp_code(totp_secret))
        page.locator("form:has(input[name=code]) [type=submit]").first.click()
    page.wait_for_url(lambda url: "/login/" not in url and "/2fa/" not in url)


def media_server(root):
    """What the web server in front of gunicorn does in production: the public media files
    (not the private folders, as bench/scale_out.py's nginx), here answered in the browser."""

    def answer(route):
        path = urllib.parse.unquote(urllib.parse.urlsplit(route.request.url).path)
        name = posixpath.normpath(path.removeprefix("/media/")).lstrip("/")
        target = root / name
        if name.startswith(PRIVATE_MEDIA) or not target.is_file():
            route.fulfill(status=404, body="")
        else:
            route.fulfill(path=str(target))

    return answer


SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    scrollTo(0, 0);
}"""


def shoot(browser, base, pages, credentials=None, media=None):
    """Each page at each width, full page, into OUT; the names of the files written.

    One sign-in for both widths: a second one within the same 30 seconds would reuse the
    authenticator code, which the site refuses (replay protection).
    """
    written = []
    context = browser.new_context(base_url=base, locale="lv-LV")
    if media:
        context.route(f"{base}/media/**", media_server(media))
    page = context.new_page()
    try:
        if credentials:
            sign_in(page, base, *credentials)
        for device, (width, height) in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": height})
            for name, path in pages.items():
                if not path:
                    print(f"   {name}: no such page on this site, skipped")
                    continue
                response = page.goto(path, wait_until="networkidle")
                status = response.status if response else "?"
                target = OUT / f"{name}-{device}.png"
                page.evaluate(SCROLL_THROUGH)  # lazy pictures below the fold load only then
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(target), full_page=True)
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                note = f"   {overflow} px wider than the screen" if overflow > 0 else ""
                print(f"   {target.relative_to(ROOT)}  {status}  {path}{note}")
                written.append(target)
    finally:
        context.close()
    return written


def run(base, public, family=None, leader=None, media=None):
    from playwright.sync_api import sync_playwright

    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_ARGS)
        try:
            print("== public pages")
            written = shoot(browser, base, public, media=media)
            if family:
                pages, credentials = family
                print("== the family's pages")
                written += shoot(browser, base, pages, credentials, media=media)
            if leader:
                pages, credentials = leader
                print("== the check-in desk")
                written += shoot(browser, base, pages, credentials, media=media)
        finally:
            browser.close()
    return written


def throwaway_site():
    """Build the demo site, shoot it, take it down."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # ends in the finally below
    stack = ScreenshotStack()
    try:
        print(f"== database {stack.tmp / 'db.sqlite3'}: migrate, demo content, static files")
        stack.build()
        stack.manage("sync_site_address")
        public = last_json(stack.manage("shell", "-c", PUBLIC))
        password = os.urandom(12).hex()
        member_pages = last_json(
            stack.manage(
                "shell",
                "-c",
                FAMILY,
                FAMILY_EMAIL=FAMILY_EMAIL,
                FAMILY_PASSWORD=password,
                COORDINATOR_EMAIL=ADMIN_EMAIL,
            )
        )
        print(f"== gunicorn :{stack.ports['app']} (production settings)")
        stack.start_gunicorn("app", "--workers=2", "--threads=2")
        return run(
            stack.base("app"),
            public,
            family=(member_pages["family"], (FAMILY_EMAIL, password)),
            leader=(
                member_pages["leader"],
                (ADMIN_EMAIL, stack.password, stack.totp_secret),
            ),
            media=stack.media,
        )
    except Failed as failure:
        print(f"FAIL {failure}")
        stack.logs()
        raise SystemExit(1) from None
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not stop the cleanup
        print("== stopping")
        stack.stop()


def running_site(base):
    """Shoot a site already running: the demo's sections, the family's pages if given.

    The member area's addresses come from the project's URLs (no database is opened); the
    sections' from the demo's slugs."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mazpulki.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")  # only to read the settings, for reverse()
    sys.path.insert(0, str(ROOT))
    import django
    from django.urls import reverse
    from django.utils import translation

    django.setup()
    with translation.override("lv"):
        public = {
            "home": "/",
            "news": "/jaunumi/",
            "newspaper": "/avize-mazpulks/",
            "events": "/pasakumi/",
            "join": reverse("clubs:join"),
            "brandbook": "/zimolgramata/",
            "sign-in": reverse("account_login"),
        }
        pages = {
            "family-home": reverse("members:home"),
            "projects": reverse("projects:list"),
            "volunteer-hours": reverse("volunteering:mine"),
        }
    family = None
    if os.environ.get("SCREENSHOT_EMAIL") and os.environ.get("SCREENSHOT_PASSWORD"):
        family = (pages, (os.environ["SCREENSHOT_EMAIL"], os.environ["SCREENSHOT_PASSWORD"]))
    return run(base.rstrip("/"), public, family=family)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="shoot this running site instead of a throwaway one")
    arguments = parser.parse_args()
    if not Path(CHROME).exists():
        raise SystemExit(f"no Chromium at {CHROME} (set CHROME_PATH)")
    started = time.monotonic()
    written = running_site(arguments.base_url) if arguments.base_url else throwaway_site()
    print(
        f"== {len(written)} screenshots in {OUT.relative_to(ROOT)}/ in "
        f"{time.monotonic() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
