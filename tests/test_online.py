"""The club room (members_area/online): meetings and their video link, "I am here", the
leader's corrections, reminders, the private calendar, announcements with attachments."""

import datetime
import io
import re
import zoneinfo

import icalendar
import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image

from members_area.clubs.models import JoinRequest
from members_area.online import services
from members_area.online.models import (
    Announcement,
    AnnouncementAttachment,
    Attendance,
    AttendanceCorrection,
    CalendarFeed,
    Meeting,
)
from tests.conftest import at_noon_on
from tests.members import add_guardian, make_member, make_person, make_user, years_ago
from tests.projects import make_theme, real_pdf
from tests.test_images import photo_with_gps

pytestmark = pytest.mark.django_db

RIGA = zoneinfo.ZoneInfo(settings.TIME_ZONE)
LINK = "https://meet.example.org/mazpulks-sanaksme"


@pytest.fixture
def clock(settings):
    """10 June of this year, noon in Riga; tests move it to the moments they check. The
    clock jumps hours ahead under signed-in browsers, so the sessions' own limits (tested in
    tests/test_sessions.py) are lifted here."""
    settings.SESSION_IDLE_SECONDS = {"member": 30 * 86400, "staff": 30 * 86400}
    settings.SESSION_ABSOLUTE_SECONDS = 30 * 86400
    with at_noon_on(datetime.date(timezone.localdate().year, 6, 10)) as traveller:
        yield traveller


def at(hour, minute=0, days=0):
    """A moment on the clock's day (10 June), or `days` after it, in Riga."""
    day = datetime.date(timezone.localdate().year, 6, 10) + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=RIGA)


def make_meeting(club, start=None, minutes=90, **fields):
    """A meeting from 18:00 to 19:30 on the clock's day, unless told otherwise."""
    start = start or at(18)
    fields.setdefault("title", "Sanāksme")
    return Meeting.objects.create(
        club=club, starts_at=start, ends_at=start + datetime.timedelta(minutes=minutes), **fields
    )


def room_url(club):
    return reverse("online:room", args=[club.pk])


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# The video link -------------------------------------------------------------------------------


def test_the_video_link_shows_from_an_hour_before_until_the_end(client, world, clock):
    make_meeting(world.club, video_link=LINK)
    client.force_login(world.parent)
    assert LINK not in page(client, room_url(world.club))
    clock.move_to(at(16, 59))
    assert LINK not in page(client, room_url(world.club))
    clock.move_to(at(17, 0))
    body = page(client, room_url(world.club))
    # Screen readers are told the link opens a new tab (in whichever language the page is).
    assert re.search(
        rf'href="{re.escape(LINK)}" target="_blank"[^>]*>[^<]+<span class="visually-hidden">'
        r" \(\w[^<]*\)</span></a>",
        body,
    )
    clock.move_to(at(19, 29))
    assert LINK in page(client, room_url(world.club))
    clock.move_to(at(19, 30))
    body = page(client, room_url(world.club))
    assert LINK not in body and "Sanāksme" in body  # now among the past meetings


def test_the_room_and_its_link_are_only_for_the_clubs_people(client, world, clock):
    make_meeting(world.club, video_link=LINK, agenda="Dārza plāns")
    make_meeting(world.other_club, title="Talsu sanāksme", video_link=LINK + "-talsi")
    clock.move_to(at(17, 30))

    assert client.get(room_url(world.club)).status_code == 302  # to the sign-in page
    for outsider in (world.other_parent, world.other_leader):
        client.force_login(outsider)
        assert client.get(room_url(world.club)).status_code == 404
    client.force_login(world.other_parent)
    body = page(client, room_url(world.other_club))
    assert LINK + "-talsi" in body and "Dārza plāns" not in body
    assert f'href="{LINK}"' not in body

    # The club's family (the parent of a 10-year-old), a member with his own login, the
    # club's leader and a coordinator see it.
    for insider in (world.parent, world.youth.user, world.leader, world.coordinator):
        client.force_login(insider)
        body = page(client, room_url(world.club))
        assert LINK in body and "Dārza plāns" in body


def test_the_room_list_offers_the_familys_clubs(client, world):
    online_member = make_person("Elza", "Tālā", years_ago(14), place="ludzas-novads")
    add_guardian(online_member, world.parent)
    make_member(online_member, world.online_club)
    client.force_login(world.parent)
    response = client.get(reverse("online:rooms"))
    assert list(response.context["clubs"]) == [world.club, world.online_club]
    client.force_login(world.other_parent)
    assert client.get(reverse("online:rooms"))["Location"] == room_url(world.other_club)


# "I am here" ----------------------------------------------------------------------------------


def attend(client, meeting, person):
    return client.post(
        reverse("online:attend", args=[meeting.club_id, meeting.pk]),
        {"person": person.pk},
        follow=True,
    )


def test_i_am_here_works_only_inside_the_window_and_once(client, world, clock):
    meeting = make_meeting(world.club)
    attend_url = reverse("online:attend", args=[world.club.pk, meeting.pk])
    client.force_login(world.parent)

    clock.move_to(at(17, 44))
    assert attend_url not in page(client, room_url(world.club))  # no button yet
    attend(client, meeting, world.child)
    assert not Attendance.objects.exists()

    clock.move_to(at(17, 45))
    assert attend_url in page(client, room_url(world.club))
    attend(client, meeting, world.child)
    mark = Attendance.objects.get()
    assert (mark.person, mark.how, mark.marked_by) == (world.child, "self", world.parent)
    assert timezone.localtime(mark.marked_at).strftime("%H:%M") == "17:45"

    clock.move_to(at(18, 20))
    response = attend(client, meeting, world.child)
    assert Attendance.objects.count() == 1
    assert any("17:45" in message for message in messages_of(response))
    assert Attendance.objects.get().marked_at == mark.marked_at

    clock.move_to(at(19, 30))
    attend(client, meeting, world.youth)
    assert Attendance.objects.count() == 1


def test_a_youth_marks_himself_and_nobody_marks_another_family(client, world, clock):
    meeting = make_meeting(world.club)
    clock.move_to(at(18, 5))
    client.force_login(world.youth.user)
    attend(client, meeting, world.youth)
    assert Attendance.objects.get().person == world.youth
    # The youth does not act for his sister; a parent of another club reaches nothing.
    response = client.post(
        reverse("online:attend", args=[world.club.pk, meeting.pk]), {"person": world.child.pk}
    )
    assert response.status_code == 400
    client.force_login(world.other_parent)
    response = client.post(
        reverse("online:attend", args=[world.club.pk, meeting.pk]),
        {"person": world.other_child.pk},
    )
    assert response.status_code == 404
    assert Attendance.objects.count() == 1


# The leader's corrections and the counts ---------------------------------------------------------


def correct(client, meeting, *people):
    return client.post(
        reverse("online:attendance", args=[meeting.club_id, meeting.pk]),
        {"present": [person.pk for person in people]},
        follow=True,
    )


def test_the_leader_corrects_the_list_after_the_meeting_and_every_change_is_kept(
    client, world, clock
):
    meeting = make_meeting(world.club)
    clock.move_to(at(18, 0))
    services.mark_present(meeting, world.child, by=world.parent)
    client.force_login(world.leader)

    correct(client, meeting, world.youth)  # still going on: the list is the members' own
    assert list(Attendance.objects.present().values_list("person", flat=True)) == [world.child.pk]

    clock.move_to(at(19, 45))
    correct(client, meeting, world.youth)
    anna = Attendance.objects.get(person=world.child)
    assert not anna.is_present and anna.removed_by == world.leader  # kept, not deleted
    janis = Attendance.objects.get(person=world.youth)
    assert janis.is_present and (janis.how, janis.marked_by) == ("leader", world.leader)

    correct(client, meeting, world.youth, world.child)
    assert Attendance.objects.present().count() == 2
    history = list(
        AttendanceCorrection.objects.order_by("pk").values_list("person", "present", "by")
    )
    assert history == [
        (world.child.pk, False, world.leader.pk),
        (world.youth.pk, True, world.leader.pk),
        (world.child.pk, True, world.leader.pk),
    ]
    body = page(client, reverse("online:attendance", args=[world.club.pk, meeting.pk]))
    assert "Anna Ozola" in body and "Jānis Ozols" in body

    # Another club's leader cannot touch it; a family cannot either.
    client.force_login(world.other_leader)
    assert correct(client, meeting).status_code == 404
    client.force_login(world.parent)
    assert correct(client, meeting).status_code == 403
    assert Attendance.objects.present().count() == 2


def test_attendance_is_counted_per_meeting_and_per_member(client, world, clock):
    first = make_meeting(world.club, start=at(9), title="Pirmā")
    second = make_meeting(world.club, start=at(10), title="Otrā")
    make_meeting(world.club, start=at(18), title="Vēl nenotikusi")
    clock.move_to(at(9, 30))
    services.mark_present(first, world.child, by=world.parent)
    services.mark_present(first, world.youth, by=world.youth.user)
    clock.move_to(at(10, 30))
    services.mark_present(second, world.child, by=world.parent)
    clock.move_to(at(12))

    client.force_login(world.leader)
    response = client.get(reverse("online:counts", args=[world.club.pk]))
    assert [(m.title, m.present) for m in response.context["meetings"]] == [
        ("Pirmā", 2),
        ("Otrā", 1),
    ]
    counts = {c.person.first_name: (c.attended, c.held) for c in response.context["members"]}
    assert counts == {"Anna": (2, 2), "Jānis": (1, 2), "Vita": (0, 2)}

    # The family sees its own people's counts in the room, and nobody else's.
    client.force_login(world.parent)
    family_counts = client.get(room_url(world.club)).context["family_counts"]
    assert {(c.person.first_name, c.attended, c.held) for c in family_counts} == {
        ("Anna", 2, 2),
        ("Jānis", 1, 2),
    }


# Meetings and announcements -----------------------------------------------------------------


def test_the_leader_plans_a_meeting_in_latvias_time(client, world, clock):
    client.force_login(world.leader)
    url = reverse("online:meeting_new", args=[world.club.pk])
    data = {
        "title": "Rudens plāni",
        "date": at(0, days=3).date().isoformat(),
        "starts": "18:00",
        "ends": "17:00",
        "agenda": "Plāni",
        "video_link": LINK,
    }
    response = client.post(url, data)
    assert response.status_code == 200 and response.context["form"].has_error("ends")
    assert not Meeting.objects.exists()
    response = client.post(url, {**data, "ends": "19:00", "video_link": "http://nedrosi.lv"})
    assert response.context["form"].has_error("video_link")  # a call's link is https
    response = client.post(url, {**data, "ends": "19:00"})
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.starts_at, meeting.ends_at) == (at(18, days=3), at(19, days=3))
    assert (meeting.club, meeting.created_by) == (world.club, world.leader)

    client.force_login(world.other_leader)
    assert client.post(url, {**data, "ends": "19:00"}).status_code == 404
    client.force_login(world.parent)
    assert client.post(url, {**data, "ends": "19:00"}).status_code == 403
    assert Meeting.objects.count() == 1


def test_a_time_the_spring_clocks_skip_is_refused(client, world, clock):
    client.force_login(world.leader)
    last_sunday_of_march = max(
        datetime.date(timezone.localdate().year + 1, 3, day)
        for day in range(25, 32)
        if datetime.date(timezone.localdate().year + 1, 3, day).weekday() == 6
    )
    response = client.post(
        reverse("online:meeting_new", args=[world.club.pk]),
        {"title": "Naktī", "date": last_sunday_of_march.isoformat(), "starts": "03:30",
         "ends": "05:00"},
    )  # fmt: skip
    assert response.status_code == 200 and response.context["form"].has_error("starts")
    assert not response.context["form"].has_error("ends")
    assert not Meeting.objects.exists()


def test_editing_an_already_reminded_meeting_sends_no_second_reminder(client, world, clock):
    meeting = make_meeting(world.club, start=at(11, days=1), title="Rītdienas sanāksme")
    open_in_the_form = Meeting.objects.get(pk=meeting.pk)  # the leader opens the form
    call_command("send_meeting_reminders", stdout=io.StringIO())
    count = len(reminders_of(meeting))
    assert count
    open_in_the_form.agenda = "Jauna darba kārtība"
    services.save_meeting(open_in_the_form, by=world.leader)
    call_command("send_meeting_reminders", stdout=io.StringIO())
    assert len(reminders_of(meeting)) == count
    meeting.refresh_from_db()
    assert meeting.agenda == "Jauna darba kārtība" and meeting.reminder_sent_at is not None


def test_notes_are_written_afterwards_and_shown_with_the_past_meeting(client, world, clock):
    meeting = make_meeting(world.club, start=at(9))
    client.force_login(world.coordinator)  # coordinators manage every club's room
    response = client.post(
        reverse("online:meeting_edit", args=[world.club.pk, meeting.pk]),
        {
            "title": meeting.title,
            "date": at(9).date().isoformat(),
            "starts": "09:00",
            "ends": "10:30",
            "notes": "Nolēmām stādīt kartupeļus.",
        },
    )
    assert response.status_code == 302
    client.force_login(world.parent)
    response = client.get(room_url(world.club))
    assert [m.notes for m in response.context["past"]] == ["Nolēmām stādīt kartupeļus."]
    assert "Nolēmām stādīt kartupeļus." in response.content.decode()


def upload(name, content, content_type):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_attachments_are_checked_by_content_and_photos_lose_their_location(client, world):
    client.force_login(world.leader)
    response = client.post(
        reverse("online:announcement_new", args=[world.club.pk]),
        {"title": "Nolikums", "text": "Lūdzu izlasiet.", "attachment": upload(
            "nolikums.jpg", real_pdf(), "image/jpeg")},
    )  # fmt: skip
    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert announcement.author == world.leader
    pdf = announcement.attachments.get()
    assert pdf.kind == "pdf" and re.fullmatch(r"people/online/[0-9a-f]{32}\.pdf", pdf.file.name)

    edit_url = reverse("online:announcement_edit", args=[world.club.pk, announcement.pk])
    client.post(
        edit_url,
        {"title": "Nolikums", "text": "Un foto.", "attachment": upload(
            "dokuments.pdf", photo_with_gps(), "application/pdf")},
    )  # fmt: skip
    photo = announcement.attachments.get(kind="photo")
    assert re.fullmatch(r"people/online/[0-9a-f]{32}\.jpg", photo.file.name)
    with photo.file.open() as stored:
        picture = Image.open(io.BytesIO(stored.read()))
    assert not picture.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert ExifTags.Base.Make not in picture.getexif()

    # Neither a PDF nor a photo, whatever the name says: refused, and nothing is published.
    response = client.post(
        reverse("online:announcement_new", args=[world.club.pk]),
        {"title": "Vīruss", "text": "?", "attachment": upload(
            "lasi.pdf", b"MZ\x90\x00 not a document", "application/pdf")},
    )  # fmt: skip
    assert response.status_code == 200 and response.context["form"].has_error("attachment")
    assert Announcement.objects.count() == 1 and AnnouncementAttachment.objects.count() == 2

    # The files go to those who see the room, never to a shared cache; to nobody else.
    file_url = reverse("online:attachment", args=[world.club.pk, announcement.pk, photo.pk])
    client.force_login(world.parent)
    response = client.get(file_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    client.force_login(world.other_parent)
    assert client.get(file_url).status_code == 404
    other_room = reverse("online:attachment", args=[world.other_club.pk, announcement.pk, photo.pk])
    assert client.get(other_room).status_code == 404

    client.force_login(world.leader)
    client.post(edit_url, {"title": "Nolikums", "text": "Bez PDF.", "remove": [pdf.pk]})
    assert list(announcement.attachments.all()) == [photo]


def test_a_full_announcement_swaps_a_file_in_one_save(client, world):
    announcement = Announcement.objects.create(
        club=world.club, title="Nolikumi", text="Visi.", author=world.leader
    )
    for number in range(services.MAX_ATTACHMENTS):
        attachment = AnnouncementAttachment(
            announcement=announcement, kind="pdf", original_name=f"{number}.pdf"
        )
        attachment.file.save("attachment.pdf", ContentFile(real_pdf()))
    oldest = announcement.attachments.first()
    client.force_login(world.leader)
    response = client.post(
        reverse("online:announcement_edit", args=[world.club.pk, announcement.pk]),
        {"title": "Nolikumi", "text": "Jauns.", "remove": [oldest.pk],
         "attachment": upload("jauns.pdf", real_pdf(), "application/pdf")},
    )  # fmt: skip
    assert response.status_code == 302
    names = [attachment.original_name for attachment in announcement.attachments.all()]
    assert len(names) == services.MAX_ATTACHMENTS
    assert "0.pdf" not in names and "jauns.pdf" in names


def test_attachments_are_sandboxed_and_photos_still_show_inline(client, world):
    client.force_login(world.leader)
    client.post(
        reverse("online:announcement_new", args=[world.club.pk]),
        {"title": "Foto", "text": "Skaties.", "attachment": upload(
            "foto.jpg", photo_with_gps(), "image/jpeg")},
    )  # fmt: skip
    announcement = Announcement.objects.get()
    client.post(
        reverse("online:announcement_edit", args=[world.club.pk, announcement.pk]),
        {"title": "Foto", "text": "Un PDF.", "attachment": upload(
            "nolikums.pdf", real_pdf(), "application/pdf")},
    )  # fmt: skip
    client.force_login(world.parent)
    for attachment in announcement.attachments.all():
        response = client.get(
            reverse("online:attachment", args=[world.club.pk, announcement.pk, attachment.pk])
        )
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == "sandbox"
        assert response["Content-Disposition"].startswith("inline")


def test_the_room_costs_the_same_queries_however_many_meetings(
    client, world, clock, django_assert_max_num_queries
):
    def fill(count):
        for index in range(count):
            meeting = make_meeting(world.club, start=at(18, days=index - count // 2))
            Attendance.objects.create(meeting=meeting, person=world.child)
            announcement = Announcement.objects.create(
                club=world.club, title=f"Ziņa {index}", text="Teksts", author=world.leader
            )
            attachment = AnnouncementAttachment(
                announcement=announcement, kind="pdf", original_name="a.pdf"
            )
            attachment.file.name = "people/online/a.pdf"
            attachment.save()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(room_url(world.club)).status_code == 200
        return len(captured)

    client.force_login(world.parent)
    fill(4)
    queries()  # the first request of a session reads a few things once
    few = queries()
    fill(30)
    assert queries() == few
    # The member area's own dozen (session, login, menu, settings) and the room's nine.
    with django_assert_max_num_queries(22):
        client.get(room_url(world.club))


def test_the_leaders_lists_cost_the_same_queries_however_many_members(
    client, world, clock, django_assert_max_num_queries
):
    meeting = make_meeting(world.club, start=at(9))
    pages = [
        reverse("online:attendance", args=[world.club.pk, meeting.pk]),
        reverse("online:counts", args=[world.club.pk]),
    ]

    def join(count):
        for index in range(count):
            person = make_person(f"Biedrs{index}", "Tests", years_ago(12))
            make_member(person, world.club)
            Attendance.objects.create(meeting=meeting, person=person, marked_by=world.parent)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    client.force_login(world.leader)
    join(2)
    queries(pages[0])
    few = [queries(url) for url in pages]
    join(15)
    assert [queries(url) for url in pages] == few
    for url in pages:
        with django_assert_max_num_queries(22):
            client.get(url)


# Reminders --------------------------------------------------------------------------------------


def reminders_of(meeting):
    return [message for message in mail.outbox if meeting.title in message.subject]


def test_the_reminder_task_emails_each_family_once_a_day_before(world, clock):
    roberts = make_person("Roberts", "Bērziņš", years_ago(14), user=make_user("rob@example.lv"))
    add_guardian(roberts, make_user("berzina@example.lv"))
    make_member(roberts, world.club)
    JoinRequest.objects.create(
        person=roberts, club=world.club, year=timezone.localdate().year, language="en",
        status=JoinRequest.Status.APPROVED,
    )  # fmt: skip
    tomorrow = make_meeting(world.club, start=at(11, days=1), title="Rītdienas sanāksme")
    later = make_meeting(world.club, start=at(18, days=2), title="Vēlāka sanāksme")
    elsewhere = make_meeting(world.other_club, start=at(10, days=1), title="Talsu sanāksme")

    out = io.StringIO()
    call_command("send_meeting_reminders", stdout=out)
    assert "2" in out.getvalue()
    sent = reminders_of(tomorrow)
    addresses = [address for message in sent for address in message.to + message.cc]
    # Each address once: Anna's and Jānis's mother once for both, Roberts with his mother
    # copied, the leader.
    assert sorted(addresses) == sorted(
        ["mamma@example.lv", "janis@example.lv", "rob@example.lv", "berzina@example.lv",
         "vaditaja@example.lv"]
    )  # fmt: skip
    (to_roberts,) = [message for message in sent if "rob@example.lv" in message.to]
    assert to_roberts.cc == ["berzina@example.lv"]
    assert "/en/members/" in to_roberts.body  # in the language he joined in
    assert all("/biedri/" in message.body for message in sent if message is not to_roberts)
    assert all(LINK not in message.body for message in sent)
    assert sorted(message.to[0] for message in reminders_of(elsewhere)) == [
        "cits.vaditajs@example.lv",  # the other club's leader is reminded too
        "tetis@example.lv",
    ]
    assert reminders_of(later) == []

    # Run again (every hour): nothing twice.
    count = len(mail.outbox)
    call_command("send_meeting_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == count
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at is not None

    # A day later the later meeting is due; the one moved to another time is reminded again.
    clock.move_to(at(19, days=1))
    elsewhere.refresh_from_db()
    elsewhere.starts_at, elsewhere.ends_at = at(9, days=2), at(10, days=2)
    services.save_meeting(elsewhere, by=world.other_leader)
    call_command("send_meeting_reminders", stdout=io.StringIO())
    assert len(reminders_of(later)) == 4 and len(reminders_of(elsewhere)) == 4


def test_a_mail_failure_for_one_meeting_does_not_stop_the_others(world, clock, monkeypatch):
    failing = make_meeting(world.club, start=at(10, days=1), title="Neveiksmīgā sanāksme")
    other = make_meeting(world.other_club, start=at(11, days=1), title="Talsu sanāksme")
    send = EmailMessage.send

    def send_or_fail(message, *args, **kwargs):
        if failing.title in message.subject:
            raise ConnectionRefusedError("the mail server is down")
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", send_or_fail)
    call_command("send_meeting_reminders", stdout=io.StringIO())
    assert len(reminders_of(other)) == 2
    # Kept as reminded: the families written to before the failure get no second one.
    failing.refresh_from_db()
    assert failing.reminder_sent_at is not None


# The calendar feed ------------------------------------------------------------------------------


def test_the_calendar_feed_needs_its_secret_and_shows_only_the_persons_clubs(client, world, clock):
    title = "Plāns; idejas, darbi \\ un vēl"
    mine = make_meeting(world.club, title=title, agenda="1. Sveiki\n2. Darbi", video_link=LINK)
    make_meeting(world.other_club, title="Talsu sanāksme")
    client.force_login(world.parent)
    people = client.get(reverse("online:calendar")).context["people"]
    assert {person.first_name for person in people} == {"Anna", "Jānis"}
    anna_feed = next(person.feed_url for person in people if person == world.child)
    client.logout()

    response = client.get(anna_feed.removeprefix(settings.SITE_BASE_URL))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert LINK not in body and "Anna" not in body
    assert "DTSTART:" + mine.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ") in body
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"{title} (Cēsu mazpulks)"
    assert str(event["UID"]).startswith(f"meeting-{mine.pk}@")
    assert event.decoded("DTSTART") == mine.starts_at
    assert event.decoded("DTEND") == mine.ends_at
    assert "1. Sveiki\n2. Darbi" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(room_url(world.club))

    other = services.feed_for(world.other_child)
    other_calendar = client.get(reverse("online:calendar_feed", args=[other.token])).content
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(other_calendar).walk()
                 if e.name == "VEVENT"]  # fmt: skip
    assert summaries == ["Talsu sanāksme (Talsu mazpulks)"]

    token = anna_feed.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 22  # at least 128 random bits
    for wrong in ("x", token[:-1], token + "A"):
        assert client.get(reverse("online:calendar_feed", args=[wrong])).status_code == 404


def test_a_new_calendar_address_stops_the_old_one(client, world):
    old = services.feed_for(world.child).token
    client.force_login(world.other_parent)
    client.post(reverse("online:calendar_rotate", args=[world.child.pk]))
    assert CalendarFeed.objects.get(person=world.child).token == old  # not his child
    client.force_login(world.parent)
    client.post(reverse("online:calendar_rotate", args=[world.child.pk]))
    new = CalendarFeed.objects.get(person=world.child).token
    assert new != old
    assert client.get(reverse("online:calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("online:calendar_feed", args=[new])).status_code == 200


def test_my_data_lists_attendance_and_erasure_removes_the_calendar_but_keeps_the_count(
    world, clock
):
    from members_area.accounts.services import erase_person, personal_data

    meeting = make_meeting(world.club, title="Pavasara sanāksme")
    clock.move_to(at(18))
    services.mark_present(meeting, world.child, by=world.parent)
    token = services.feed_for(world.child).token
    (anna,) = [p for p in personal_data(world.parent)["people"] if p["first_name"] == "Anna"]
    assert [mark["meeting"] for mark in anna["online"]["meeting_attendance"]] == [
        "Pavasara sanāksme"
    ]
    assert token not in str(anna)  # that there is a calendar address, never the secret
    erase_person(world.child)
    assert not CalendarFeed.objects.filter(token=token).exists()
    assert Attendance.objects.filter(meeting=meeting).count() == 1


# Online members take part like everyone else ----------------------------------------------------


def test_an_online_member_logs_hours_and_starts_a_project_on_the_usual_paths(client, world):
    from members_area.projects.models import Project
    from members_area.volunteering.models import VolunteerEntry

    youth = make_person(
        "Elza", "Tālā", years_ago(14), user=make_user("elza@example.lv"), place="ludzas-novads"
    )
    make_member(youth, world.online_club)
    client.force_login(youth.user)
    response = client.post(
        reverse("volunteering:log"),
        {
            "person": youth.pk,
            "club": world.online_club.pk,
            "date": timezone.localdate().isoformat(),
            "hours": "1.5",
            "kind": "club",
            "description": "Vadīju tiešsaistes spēli",
        },
    )
    assert response.status_code == 302
    entry = VolunteerEntry.objects.get(person=youth)
    assert (entry.club, entry.status) == (world.online_club, "submitted")

    theme = make_theme()
    response = client.post(
        reverse("projects:new"), {"theme": theme.pk, "start": f"{youth.pk}-{world.online_club.pk}"}
    )
    assert response.status_code == 302
    project = Project.objects.get(members=youth)
    assert (project.club, project.created_by) == (world.online_club, youth.user)
