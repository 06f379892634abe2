"""Printing: the member card at bank-card size, a certificate on one A4 page, an issue of the
newspaper without the site's chrome. Chromium prints to PDF as it would to paper."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.e2e.conftest import checked, sign_in
from tests.members import add_guardian, build_world, make_member, make_person, years_ago

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MM = 72 / 25.4  # PDF points in a millimetre
PX = 96 / 25.4  # CSS pixels in a millimetre
ID_1 = (85.60, 53.98)  # ISO/IEC 7810 ID-1, the size of a bank card, in mm
A4 = (210, 297)


def printed(page):
    """The page printed by Chromium: the PDF's pages, each with its size in mm and its text."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    return [
        (
            (float(sheet.mediabox.width) / MM, float(sheet.mediabox.height) / MM),
            " ".join(sheet.extract_text().split()),
        )
        for sheet in reader.pages
    ]


def assert_size(size, expected, tolerance=0.5):
    assert abs(size[0] - expected[0]) <= tolerance, (size, expected)
    assert abs(size[1] - expected[1]) <= tolerance, (size, expected)


def assert_hidden(page, selectors):
    for selector in selectors:
        elements = page.locator(selector)
        for index in range(elements.count()):
            assert not elements.nth(index).is_visible(), selector


SITE_CHROME = [
    ".site-header",
    ".site-search",
    ".language-switcher",
    ".skip-link",
    ".site-footer",
    ".account-nav",
]


def test_the_member_card_prints_as_one_card_sized_page(page):
    world = build_world()
    child = make_person("Ērika", "Ščerbakova", years_ago(11))
    add_guardian(child, world.parent)
    make_member(child, world.club)
    sign_in(page, world.parent.email)
    page.goto(reverse("members:card_print", args=[child.pk]))
    checked(page)

    page.emulate_media(media="print")
    assert_hidden(page, [*SITE_CHROME, ".member-card-print__title", ".member-card-print__back"])
    card = page.locator(".member-card--print")
    assert card.is_visible()
    # The card fills the page exactly; its code is whole on it and large enough to scan from
    # a printed card: at least 30 mm wide (96 CSS px are 25.4 mm).
    box = card.bounding_box()
    assert_size((box["width"] / PX, box["height"] / PX), ID_1)
    assert (box["x"], box["y"]) == (0, 0)
    code = card.locator(".member-card__qr").bounding_box()
    assert code["width"] / PX >= 30
    assert code["x"] + code["width"] <= box["width"] and code["y"] + code["height"] <= box["height"]

    sheets = printed(page)
    assert len(sheets) == 1, sheets
    size, text = sheets[0]
    assert_size(size, ID_1)
    assert "Ērika Ščerbakova" in text
    child.refresh_from_db()
    assert child.member_number in text
    assert "Cēsu mazpulks" in text


def test_a_certificate_prints_on_one_a4_page_without_the_site(page):
    from members_area.certificates import services
    from members_area.volunteering.services import decide, log_hours

    world = build_world()
    day = datetime.date.today() - datetime.timedelta(days=3)
    entry = log_hours(
        by=world.parent, person=world.child, club=world.club, date=day, hours=Decimal(4),
        kind="event", description="Palīdzēja nometnē",
    )  # fmt: skip
    decide(entry, by=world.leader, approve=True, reason="")
    certificate = services.issue_volunteer_certificate(
        world.child, by=world.parent, date_from=day, date_to=day, language="lv"
    )
    # The PDF the family downloads is one A4 page.
    reader = PdfReader(io.BytesIO(services.render_pdf(certificate)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert_size((float(box.width) / MM, float(box.height) / MM), A4)

    # Its public check prints on one A4 page, without the site around it.
    page.goto(reverse("certificate_verify", args=[certificate.display_code]))
    checked(page)
    page.emulate_media(media="print")
    assert_hidden(page, SITE_CHROME)
    sheets = printed(page)
    assert len(sheets) == 1, [size for size, _ in sheets]
    size, text = sheets[0]
    assert_size(size, A4)
    assert "Anna Ozola" in text
    assert certificate.display_code in text


def test_an_issue_of_the_newspaper_prints_its_contents_without_the_site(page):
    page.goto("/avize-mazpulks/")
    page.locator(".issue-card__title a").first.click()
    page.wait_for_url("**/avize-mazpulks/*/")
    checked(page)
    title = page.locator("h1").inner_text()

    page.emulate_media(media="print")
    assert_hidden(
        page,
        [*SITE_CHROME, ".breadcrumbs", ".issue__reader", ".issue__header .button"],
    )
    assert page.locator(".contents-list li").count() > 0
    assert page.locator(".contents-list").is_visible()
    sheets = printed(page)
    text = " ".join(text for _, text in sheets)
    assert title in text
    for _, text_of_sheet in sheets:
        assert "Meklēt" not in text_of_sheet  # the search form
    for size, _ in sheets:
        assert_size(size, A4)
