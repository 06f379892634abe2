"""A child's project from application to accepted report, in two browsers: the guardian's and
the club leader's (with her second factor)."""

import io
import re

import pytest
from PIL import ExifTags, Image

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
from tests.projects import make_theme, question
from tests.test_images import photo_with_gps

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def leader_page(browser, live_server, page):
    """A second browser, the leader's, beside the family's `page`."""
    context = browser.new_context(base_url=live_server.url, locale="lv-LV")
    yield context.new_page()
    context.close()


def test_a_guardian_applies_the_leader_approves_and_accepts_the_report_with_a_photo(
    page, leader_page
):
    from members_area.projects.models import Project

    club = make_club("Rūjienas mazpulks", 301, "valmieras-novads")
    parent = make_user("ilze.berzina@example.lv", first_name="Ilze", last_name="Bērziņa")
    child = make_person("Elza", "Bērziņa", years_ago(11))
    add_guardian(child, parent)
    make_member(child, club)
    leader = make_leader("vaditaja.rujiena@example.lv", club, "Dace", "Vadītāja")
    enrol_second_factor(leader)
    make_theme(
        "Mana siltumnīca",
        application_questions=[question("plants", label="Ko audzēsi?")],
    )

    # The guardian starts and submits the application.
    sign_in(page, parent.email)
    page.goto("/biedri/")
    member_menu = page.get_by_role("navigation", name="Biedru sadaļa")
    member_menu.get_by_role("link", name="Projekti").click()
    checked(page)
    page.get_by_role("link", name="Sākt projektu").click()
    checked(page)
    page.get_by_role("radio", name=re.compile("Mana siltumnīca")).check()
    page.get_by_role("radio", name="Elza Bērziņa, Rūjienas mazpulks").check()
    page.get_by_role("button", name="Sākt rakstīt").click()
    page.wait_for_url("**/pieteikums/")
    checked(page)
    page.get_by_label(label("Nosaukums")).fill("Tomāti siltumnīcā")
    page.get_by_role("button", name="Iesniegt vadītājam").click()
    # Incomplete: the summary names what is missing, and nothing typed is lost.
    assert "Ko audzēsi?" in page.locator("#form-errors").inner_text()
    assert page.get_by_label(label("Nosaukums")).input_value() == "Tomāti siltumnīcā"
    checked(page)
    page.get_by_label(label("Mērķis")).fill("Izaudzēt tomātus visai ģimenei")
    page.get_by_label(label("Plāns")).fill("Sēt martā, stādīt maijā, laistīt katru dienu")
    page.get_by_label(label("Laika plāns")).fill("Marts–augusts")
    page.get_by_label(label("Ko audzēsi?")).fill("Tomātus un gurķus")
    page.get_by_role("button", name="Iesniegt vadītājam").click()
    page.wait_for_url(re.compile(r".*/projekti/\d+/$"))
    checked(page)
    assert page.locator(".project-state").inner_text() == "iesniegts"
    project = Project.objects.get()

    # The leader approves it, in her own browser.
    sign_in(leader_page, leader.email, second_factor=True)
    leader_page.goto(f"/biedri/projekti/{project.pk}/")
    checked(leader_page)
    assert "Tomātus un gurķus" in leader_page.locator("main").inner_text()
    leader_page.get_by_role("button", name="Apstiprināt").click()
    leader_page.wait_for_url(f"**/projekti/{project.pk}/")
    project.refresh_from_db()
    assert project.state == "approved"

    # The guardian writes the report with a phone photo.
    page.reload()
    page.get_by_role("link", name="Rakstīt atskaiti").click()
    page.wait_for_url("**/atskaite/")
    checked(page)
    page.get_by_label(label("Kas paveikts")).fill("Izaudzēju 12 kg tomātu")
    page.get_by_label(label("Ko iemācījies")).fill("Tomāti mīl siltumu")
    page.get_by_label(label("Fotogrāfijas")).set_input_files(
        files=[{"name": "tomati.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps()}]
    )
    page.get_by_role("button", name="Iesniegt atskaiti").click()
    page.wait_for_url(f"**/projekti/{project.pk}/")
    checked(page)
    assert page.locator("main img[alt*='tomati.jpg']").count() == 1

    # The leader accepts the report; the photo she sees carries no location.
    leader_page.reload()
    photo_url = leader_page.locator("main img[alt*='tomati.jpg']").get_attribute("src")
    photo = Image.open(io.BytesIO(leader_page.request.get(photo_url).body()))
    assert not photo.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    leader_page.get_by_role("button", name="Pieņemt atskaiti").click()
    leader_page.wait_for_url(f"**/projekti/{project.pk}/")
    checked(leader_page)
    project.refresh_from_db()
    assert project.state == "accepted"
    assert leader_page.locator(".project-state").inner_text() == "atskaite pieņemta"
