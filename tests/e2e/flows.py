"""The five main flows, written once and done two ways: with the keyboard alone
(test_keyboard.py) and in a browser with JavaScript turned off (test_without_javascript.py).

A flow is given the browser's `page` and a `user` who works the page's controls his own way:
`arrive()` on each page opened, `fill`, `choose` (a radio button), `tick` (a checkbox),
`select` (an option, by its text), `upload` and `press` (a link or a button); `sign_in(login)`
before the flow for the flows of signed-in people. Each flow ends by checking what the person
reads and what was stored.
"""

import datetime
import re
from urllib.parse import urlsplit

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.checkin import events_index, make_event
from tests.conftest import enrol_second_factor
from tests.members import (
    PASSWORD,
    add_guardian,
    make_club,
    make_coordinator,
    make_member,
    make_person,
    make_user,
    years_ago,
)
from tests.projects import make_project, make_theme, question
from tests.test_images import photo_with_gps


def field(page, name):
    return page.locator(f"main [name={name}]")


def wait_for(page, path):
    """Until the page at `path` (a regular expression) is loaded, whatever its fragment: a form
    sent from a page reached by the skip link (#main) keeps it through the redirect."""
    page.wait_for_url(lambda url: re.fullmatch(path, urlsplit(url).path) is not None)


def message(page):
    return page.locator("main .messages").inner_text()


def join_a_child(page, user):
    from members_area.accounts.models import Person
    from members_area.clubs.models import JoinRequest

    # The day and the month alike: a date field orders them by the browser's own language.
    birthday = datetime.date(timezone.localdate().year - 10, 6, 6)
    page.goto(reverse("clubs:join"))
    user.arrive()
    user.choose(page.get_by_role("radio", name="Piesaku savu bērnu"))
    user.fill(field(page, "first_name"), "Katrīna")
    user.fill(field(page, "last_name"), "Liepiņa")
    user.fill(field(page, "date_of_birth"), birthday)
    user.select(field(page, "municipality"), "Ludzas novads")
    user.select(field(page, "club"), "Tiešsaistes mazpulks")
    user.fill(field(page, "parent_first_name"), "Dace")
    user.fill(field(page, "parent_last_name"), "Liepiņa")
    user.choose(page.get_by_role("radio", name="Tikai organizācijas iekšienē"))
    user.tick(field(page, "data_consent"))
    user.fill(field(page, "email"), "dace@example.lv")
    user.fill(field(page, "password1"), PASSWORD)
    user.fill(field(page, "password2"), PASSWORD)
    user.press(page.get_by_role("button", name="Nosūtīt pieteikumu"))
    wait_for(page, reverse("clubs:join_sent"))
    user.arrive()
    text = page.locator("main").inner_text()
    assert "Nosūtījām tev e-pastu" in text  # what comes next: confirm the address
    assert "nonāk pie mazpulka vadītāja" in text

    child = Person.objects.get(first_name="Katrīna", last_name="Liepiņa")
    assert child.date_of_birth == birthday
    assert child.municipality.name == "Ludzas novads"
    join_request = child.join_requests.get()
    assert join_request.club.name == "Tiešsaistes mazpulks"
    assert join_request.status == JoinRequest.Status.UNVERIFIED
    assert [guardian.email for guardian in child.guardians.all()] == ["dace@example.lv"]
    assert mail.outbox[-1].to == ["dace@example.lv"]


def family_in_a_club():
    club = make_club("Rūjienas mazpulks", 301, "valmieras-novads")
    parent = make_user("ilze.berzina@example.lv", first_name="Ilze", last_name="Bērziņa")
    child = make_person("Elza", "Bērziņa", years_ago(11))
    add_guardian(child, parent)
    make_member(child, club)
    return parent, child, club


def apply_for_a_project(page, user):
    from members_area.projects.models import Project

    parent, child, _club = family_in_a_club()
    make_theme("Mana siltumnīca", application_questions=[question("plants", label="Ko audzēsi?")])
    user.sign_in(parent)

    page.goto(reverse("projects:list"))
    user.arrive()
    user.press(page.get_by_role("link", name="Sākt projektu"))
    wait_for(page, reverse("projects:new"))
    user.arrive()
    user.choose(page.get_by_role("radio", name=re.compile("Mana siltumnīca")))
    user.choose(page.get_by_role("radio", name="Elza Bērziņa, Rūjienas mazpulks"))
    user.press(page.get_by_role("button", name="Sākt rakstīt"))
    wait_for(page, r".*/pieteikums/")
    user.arrive()
    user.fill(field(page, "title"), "Tomāti siltumnīcā")
    user.fill(field(page, "goal"), "Izaudzēt tomātus visai ģimenei")
    user.fill(field(page, "plan"), "Sēt martā, stādīt maijā, laistīt katru dienu")
    user.fill(field(page, "timeline"), "Marts–augusts")
    user.fill(page.get_by_role("textbox", name=re.compile("^Ko audzēsi")), "Tomātus un gurķus")
    user.press(page.get_by_role("button", name="Iesniegt vadītājam"))
    wait_for(page, r".*/projekti/\d+/")
    user.arrive()
    assert message(page) == (
        "Pieteikums iesniegts. Mazpulka vadītājs pieņems lēmumu; tu saņemsi e-pastu."
    )

    project = Project.objects.get()
    assert (project.state, project.title) == ("submitted", "Tomāti siltumnīcā")
    assert list(project.members.all()) == [child]
    assert "Tomātus un gurķus" in str(project.answers)


def report_on_a_project(page, user):
    from members_area.projects.models import Project

    parent, child, club = family_in_a_club()
    theme = make_theme("Mana siltumnīca")
    project = make_project(
        theme, club, [child], created_by=parent, state="approved", title="Tomāti siltumnīcā"
    )
    user.sign_in(parent)

    page.goto(reverse("projects:detail", args=[project.pk]))
    user.arrive()
    user.press(page.get_by_role("link", name="Rakstīt atskaiti"))
    wait_for(page, r".*/atskaite/")
    user.arrive()
    user.fill(field(page, "report_done"), "Izaudzēju 12 kg tomātu")
    user.fill(field(page, "report_learnt"), "Tomāti mīl siltumu")
    photo = {"name": "tomati.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps()}
    user.upload(field(page, "photos"), photo)
    user.press(page.get_by_role("button", name="Iesniegt atskaiti"))
    wait_for(page, reverse("projects:detail", args=[project.pk]))
    user.arrive()
    assert message(page) == "Atskaite iesniegta. Mazpulka vadītājs to izskatīs; tu saņemsi e-pastu."
    assert page.locator("main img[alt*='tomati.jpg']").count() == 1

    project = Project.objects.get()
    assert (project.state, project.report_done) == ("report-submitted", "Izaudzēju 12 kg tomātu")
    assert [photo.kind for photo in project.files.all()] == ["photo"]


def log_volunteer_hours(page, user):
    from members_area.volunteering.models import VolunteerEntry

    club = make_club("Alojas mazpulks", 302, "limbazu-novads")
    volunteer = make_person("Marta", "Kalniņa", years_ago(16), user=make_user("marta@example.lv"))
    add_guardian(volunteer, make_user("kalnina@example.lv"))
    make_member(volunteer, club, role="volunteer")
    user.sign_in(volunteer.user)

    page.goto(reverse("volunteering:mine"))
    user.arrive()
    user.press(page.get_by_role("link", name="Ierakstīt stundas"))
    wait_for(page, reverse("volunteering:log"))
    user.arrive()
    user.fill(field(page, "hours"), "2.5")
    user.select(field(page, "kind"), "Palīdzība pasākumā")
    user.fill(field(page, "description"), "Vadīju rotaļas bērniem Alojas svētkos")
    user.press(page.get_by_role("button", name="Ierakstīt stundas"))
    wait_for(page, reverse("volunteering:mine"))
    user.arrive()
    assert message(page) == (
        "Stundas ierakstītas. Mazpulka vadītājs tās apstiprinās; tad tās tiks ieskaitītas."
    )
    assert "gaida apstiprinājumu" in page.locator("main table").inner_text()

    entry = VolunteerEntry.objects.get()
    assert (entry.person, entry.club, entry.status) == (volunteer, club, "submitted")
    assert (entry.hours, entry.kind, entry.date) == (2.5, "event", timezone.localdate())


def check_in_at_a_desk(page, user):
    """A coordinator opens a desk; a USB scanner types one card's code and presses Enter; a
    camper without his card is found by name."""
    from members_area.checkin.models import Checkin

    club = make_club("Ērgļu mazpulks", 401, "madonas-novads")
    ilga, roberts = (make_person(first, last, years_ago(12)) for first, last in CAMPERS)
    for camper in (ilga, roberts):
        make_member(camper, club)
    coordinator = enrol_second_factor(make_coordinator())
    event = make_event(events_index(), title="Vasaras nometne", capacity=300)
    user.sign_in(coordinator, second_factor=True)

    page.goto(reverse("checkin:home"))
    user.arrive()
    day = timezone.localtime(event.start).strftime("%d.%m.%Y")
    user.select(field(page, "event"), f"Vasaras nometne ({day})")
    user.fill(field(page, "name"), "Galvenie vārti")
    user.press(page.get_by_role("button", name="Atvērt reģistrācijas vietu"))
    wait_for(page, r".*/registracija/vieta/\d+/")
    user.arrive()

    user.fill(field(page, "code"), ilga.current_card().token.lower(), then="Enter")
    wait_for(page, r".*/kods/")
    user.arrive()
    assert "Ilga Bērziņa: ierašanās reģistrēta" in page.get_by_role("alert").inner_text()
    assert "Reģistrēti: 1 no 300" in page.locator("main").inner_text()

    user.fill(field(page, "q"), "Kļaviņš", then="Enter")
    page.wait_for_url(lambda url: "?q=" in url)
    user.arrive()
    user.press(page.get_by_role("button", name="Reģistrēt Roberts Kļaviņš"))
    wait_for(page, r".*/izvele/")
    user.arrive()
    assert "Roberts Kļaviņš: ierašanās reģistrēta" in page.get_by_role("alert").inner_text()
    assert "Reģistrēti: 2 no 300" in page.locator("main").inner_text()

    found = Checkin.objects.filter(event=event, checked_in_by=coordinator).order_by("pk")
    assert [(c.person, c.method, c.desk.name) for c in found] == [
        (ilga, "code", "Galvenie vārti"),
        (roberts, "search", "Galvenie vārti"),
    ]
    assert all(c.checked_in_at > timezone.now() - datetime.timedelta(minutes=5) for c in found)


CAMPERS = (("Ilga", "Bērziņa"), ("Roberts", "Kļaviņš"))

FLOWS = [
    join_a_child,
    apply_for_a_project,
    report_on_a_project,
    log_volunteer_hours,
    check_in_at_a_desk,
]
