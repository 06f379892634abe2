"""A volunteer logs hours in the browser; the club's leader approves them."""

import pytest

from tests.conftest import enrol_second_factor
from tests.e2e.conftest import checked, label, sign_in
from tests.members import (
    add_guardian,
    make_club,
    make_leader,
    make_member,
    make_person,
    make_user,
    years_ago,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def leader_page(browser, live_server, page):
    context = browser.new_context(base_url=live_server.url, locale="lv-LV")
    yield context.new_page()
    context.close()


def test_a_volunteer_logs_hours_and_the_leader_approves_them(page, leader_page):
    from members_area.volunteering.models import VolunteerEntry

    club = make_club("Alojas mazpulks", 302, "limbazu-novads")
    volunteer = make_person("Marta", "Kalniņa", years_ago(16), user=make_user("marta@example.lv"))
    add_guardian(volunteer, make_user("kalnina@example.lv"))
    make_member(volunteer, club, role="volunteer")
    leader = enrol_second_factor(make_leader("aloja@example.lv", club, "Rita", "Vadītāja"))

    sign_in(page, volunteer.user.email)
    page.goto("/biedri/")
    page.get_by_role("navigation", name="Biedru sadaļa").get_by_role(
        "link", name="Brīvprātīgā darba stundas"
    ).click()
    checked(page)
    page.get_by_role("link", name="Ierakstīt stundas").click()
    checked(page)
    page.get_by_label(label("Stundas")).fill("2.5")
    page.get_by_label(label("Darbība")).select_option(label="Palīdzība pasākumā")
    page.get_by_label(label("Kas paveikts")).fill("Vadīju rotaļas bērniem Alojas svētkos")
    page.get_by_role("button", name="Ierakstīt stundas").click()
    page.wait_for_url("**/brivpratigo-stundas/")
    checked(page)
    assert "gaida apstiprinājumu" in page.locator("main table").inner_text()

    sign_in(leader_page, leader.email, second_factor=True)
    leader_page.goto("/biedri/brivpratigo-stundas/vaditajiem/")
    checked(leader_page)
    assert "Marta Kalniņa" in leader_page.locator("main table").inner_text()
    leader_page.get_by_role("checkbox", name="Izvēlēties: Marta Kalniņa", exact=False).check()
    leader_page.get_by_role("button", name="Apstiprināt izvēlētos ierakstus").click()
    leader_page.wait_for_url("**/vaditajiem/")
    checked(leader_page)
    entry = VolunteerEntry.objects.get()
    assert (entry.status, entry.decided_by) == ("approved", leader)

    page.reload()
    assert "apstiprināts" in page.locator("main table").inner_text()
    assert "2,5 h" in page.locator("main").inner_text()  # the year's confirmed total
