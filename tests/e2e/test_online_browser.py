"""A youth with no club nearby joins the online mazpulks in the browser, finds its room,
joins the meeting's video call and marks that he is there."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.conftest import DEMO_ADMIN_EMAIL, enrol_second_factor
from tests.e2e.conftest import checked, label, sign_in
from tests.members import PASSWORD, make_coordinator, years_ago

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = "https://meet.example.org/tiessaistes-mazpulks"


@pytest.fixture
def leader_page(browser, live_server, page):
    context = browser.new_context(base_url=live_server.url, locale="lv-LV")
    yield context.new_page()
    context.close()


def test_a_remote_youth_joins_the_online_mazpulks_and_marks_attendance(page, leader_page):
    from members_area.accounts.models import Person, User
    from members_area.clubs import services
    from members_area.clubs.models import Club
    from members_area.online.models import Attendance, Meeting

    online_club = Club.objects.online().get()
    # Starting in ten minutes: the call's link shows, and "I am here" is open.
    starts = timezone.now() + datetime.timedelta(minutes=10)
    meeting = Meeting.objects.create(
        club=online_club,
        title="Tiešsaistes sanāksme: pavasara projekti",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        agenda="Iepazīšanās un projektu idejas",
        video_link=LINK,
    )

    page.goto("/biedri/pievienoties/")
    checked(page)
    page.get_by_role("radio", name="Pievienojos pats").check()
    page.get_by_label(label("Vārds")).fill("Kristers")
    page.get_by_label(label("Uzvārds")).fill("Ezeriņš")
    page.get_by_label(label("Dzimšanas datums")).fill(years_ago(15).isoformat())
    page.get_by_label(label("Pašvaldība, kurā dzīvo")).select_option(label="Ludzas novads")
    page.get_by_label(label("Mazpulks")).select_option(label="Tiešsaistes mazpulks")
    page.get_by_label(label("Vecāka vai aizbildņa vārds")).fill("Sarmīte")
    page.get_by_label(label("Vecāka vai aizbildņa uzvārds")).fill("Ezeriņa")
    page.get_by_label(label("Vecāka vai aizbildņa e-pasts")).fill("sarmite@example.lv")
    page.get_by_label(label("Vecāka vai aizbildņa tālrunis")).fill("+371 29999999")
    page.get_by_role("radio", name="Tikai organizācijas iekšienē").check()
    page.get_by_label("Piekrītu", exact=False).check()
    page.get_by_label(label("Tavs e-pasts")).fill("kristers@example.lv")
    page.get_by_label(label("Parole")).fill(PASSWORD)
    page.get_by_label(label("Parole vēlreiz")).fill(PASSWORD)
    page.get_by_role("button", name="Nosūtīt pieteikumu").click()
    page.wait_for_url("**/biedri/pievienoties/nosutits/")

    (confirmation,) = [message for message in mail.outbox if message.to == ["kristers@example.lv"]]
    link = re.search(r"https?://\S+", confirmation.body).group(0)
    page.goto("/" + link.split("/", 3)[3])
    page.get_by_role("button").filter(has_text="Apstiprināt").first.click()

    youth = Person.objects.get(first_name="Kristers")
    # The online club's requests are the coordinators' to decide.
    services.approve_join_request(
        youth.join_requests.get(), by=User.objects.get(email=DEMO_ADMIN_EMAIL)
    )

    sign_in(page, "kristers@example.lv")
    page.goto("/biedri/")
    rooms_url = reverse("online:rooms")
    page.locator(f"nav a[href='{rooms_url}']").click()  # the menu; one club: straight in
    page.wait_for_url(f"**{reverse('online:room', args=[online_club.pk])}")
    checked(page)
    room = page.locator("main")
    assert "Tiešsaistes sanāksme: pavasara projekti" in room.inner_text()
    assert "Iepazīšanās un projektu idejas" in room.inner_text()
    assert page.locator(f"main a[href='{LINK}']").count() == 1

    attend_url = reverse("online:attend", args=[online_club.pk, meeting.pk])
    page.locator(f"form[action='{attend_url}'] button").click()
    page.wait_for_load_state()
    checked(page)
    mark = Attendance.objects.get(meeting=meeting)
    assert (mark.person, mark.how) == (youth, "self")
    marked_at = timezone.localtime(mark.marked_at).strftime("%H:%M")
    assert marked_at in page.locator("main").inner_text()
    assert page.locator(f"form[action='{attend_url}']").count() == 0  # once is enough

    calendar_url = reverse("online:calendar")
    page.locator(f"main a[href='{calendar_url}']").click()
    page.wait_for_url(f"**{calendar_url}")
    checked(page)
    feed_url = page.locator("main input[readonly]").input_value()
    assert feed_url.endswith(".ics")

    # The online club's leaders are the coordinators: they see who was there.
    coordinator = enrol_second_factor(make_coordinator())
    sign_in(leader_page, coordinator.email, second_factor=True)
    leader_page.goto(reverse("online:meeting_new", args=[online_club.pk]))
    checked(leader_page)
    leader_page.goto(reverse("online:attendance", args=[online_club.pk, meeting.pk]))
    checked(leader_page)
    assert "Kristers Ezeriņš" in leader_page.locator("main table").inner_text()
    assert leader_page.get_by_role("checkbox").first.is_checked()
