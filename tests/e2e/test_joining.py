"""A parent joins a child in the browser, confirms the address, and sees the member card."""

import re

import pytest
from django.core import mail

from tests.conftest import DEMO_ADMIN_EMAIL
from tests.e2e.conftest import checked, label
from tests.members import PASSWORD, years_ago

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_parent_joins_a_child_and_sees_the_card(page):
    from members_area.accounts.models import Person, User
    from members_area.clubs import services

    page.goto("/")
    page.get_by_role("link", name="Biedru sadaļa").click()  # asks to sign in first
    page.wait_for_url("**/konts/login/**")
    page.goto("/biedri/pievienoties/")
    checked(page)

    page.get_by_role("radio", name="Piesaku savu bērnu").check()
    page.get_by_label(label("Vārds")).fill("Katrīna")
    page.get_by_label(label("Uzvārds")).fill("Liepiņa")
    page.get_by_label(label("Dzimšanas datums")).fill(years_ago(9).isoformat())
    page.get_by_label(label("Pašvaldība, kurā dzīvo")).select_option(label="Ludzas novads")
    page.get_by_label(label("Mazpulks")).select_option(label="Tiešsaistes mazpulks")
    page.get_by_label(label("Tavs vārds")).fill("Dace")
    page.get_by_label(label("Tavs uzvārds")).fill("Liepiņa")
    page.get_by_role("radio", name="Tikai organizācijas iekšienē").check()
    page.get_by_label("Piekrītu", exact=False).check()
    page.get_by_label(label("Tavs e-pasts")).fill("dace@example.lv")
    page.get_by_label(label("Parole")).fill(PASSWORD)
    page.get_by_label(label("Parole vēlreiz")).fill(PASSWORD)
    page.get_by_role("button", name="Nosūtīt pieteikumu").click()
    page.wait_for_url("**/biedri/pievienoties/nosutits/")
    checked(page)
    assert "Nosūtījām tev e-pastu" in page.content()

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto("/" + link.split("/", 3)[3])
    checked(page)
    page.get_by_role("button").filter(has_text="Apstiprināt").first.click()

    child = Person.objects.get(first_name="Katrīna")
    services.approve_join_request(
        child.join_requests.get(), by=User.objects.get(email=DEMO_ADMIN_EMAIL)
    )

    page.goto("/konts/login/")
    page.get_by_label(label("E-pasts")).fill("dace@example.lv")
    page.get_by_label(label("Parole")).fill(PASSWORD)
    page.get_by_role("button", name="Pieslēgties").click()
    page.goto("/biedri/")
    checked(page)
    page.get_by_role("link", name="Biedra karte").click()
    page.wait_for_url(f"**/biedri/{child.pk}/karte/")
    checked(page)
    card = page.locator("main")
    assert "Katrīna Liepiņa" in card.inner_text()
    child.refresh_from_db()
    assert child.member_number in card.inner_text()
    assert page.locator("main svg, main img[src*='karte']").count() >= 1
