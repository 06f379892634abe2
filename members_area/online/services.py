"""Who sees a club's room and does what in it, and what attendance counts.

- A club's room is seen by this year's members, volunteers and leaders of the club, by the
  logins that act for them (a parent of a 10-year-old member), and by coordinators.
- The video-call link shows to them from an hour before a meeting's start until its end;
  never in e-mails or in the calendar feed, which travel further than the room.
- "I am here" is pressed from 15 minutes before the start (people join a call early) until the
  end, once per person: a second press says when the first was made.
- The club's leaders and coordinators write meetings and announcements, and correct the list
  once the meeting has ended (until then it is the members' own). Each correction is recorded.
"""

import datetime
import os
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _

from home.photos import strip_image_metadata
from home.validators import looks_like_pdf, refuse_active_pdf
from members_area.accounts.models import Person, current_year
from members_area.clubs.models import Club, Membership
from members_area.online.models import (
    Announcement,
    AnnouncementAttachment,
    Attendance,
    AttendanceCorrection,
    CalendarFeed,
    Meeting,
)
from members_area.projects.services import (
    MAX_PDF_BYTES,
    MAX_PHOTO_BYTES,
    PHOTO_FORMATS,
    PHOTO_LONG_SIDE,
)

LINK_SHOWN_BEFORE = datetime.timedelta(hours=1)
ATTENDANCE_OPENS_BEFORE = datetime.timedelta(minutes=15)
MAX_ATTACHMENTS = 10
UPCOMING_SHOWN = 20
PAST_SHOWN = 10
ANNOUNCEMENTS_SHOWN = 20


def now():
    return timezone.now()


# Who sees what --------------------------------------------------------------------------------


def family_people(user):
    return Person.objects.of_family(user).not_erased()


def family_and_led_clubs(user):
    """This year's clubs of the login's family, and the clubs it leads."""
    return Club.objects.filter(
        Q(pk__in=Membership.objects.current().filter(person__in=family_people(user)).values("club"))
        | Q(pk__in=user.led_club_ids())
    )


def visible_clubs(user):
    """The clubs whose room a login may open."""
    if not user.is_authenticated:
        return Club.objects.none()
    if user.is_coordinator:
        return Club.objects.all()
    return family_and_led_clubs(user)


def own_clubs(user):
    """The rooms to offer a login: its family's clubs and the clubs it leads; coordinators
    also the online clubs, which they lead for the organisation."""
    clubs = family_and_led_clubs(user)
    if user.is_coordinator:
        clubs = clubs | Club.objects.online()
    return clubs.distinct().order_by("name")


def managed_clubs(user):
    """The clubs whose meetings, announcements and attendance a login writes."""
    return Club.objects.managed_by(user)


def may_manage(user, club):
    return user.is_authenticated and (user.is_coordinator or club.pk in user.led_club_ids())


def people_in_club(club, year):
    """Everyone with a place in the club in `year` (any role): who attends its meetings."""
    return (
        Person.objects.not_erased()
        .filter(memberships__in=Membership.objects.active_in(year).filter(club=club))
        .distinct()
        .order_by("last_name", "first_name")
    )


def attending_family(user, club):
    """The login's people who belong to the club this year: who it may mark present."""
    return people_in_club(club, current_year()).filter(pk__in=family_people(user).values("pk"))


# Meetings -------------------------------------------------------------------------------------


def link_visible(meeting, moment=None):
    """Whether the call's link may be shown now (to those who see the room)."""
    moment = moment or now()
    return bool(meeting.video_link) and (
        meeting.starts_at - LINK_SHOWN_BEFORE <= moment < meeting.ends_at
    )


def attendance_open(meeting, moment=None):
    moment = moment or now()
    return meeting.starts_at - ATTENDANCE_OPENS_BEFORE <= moment < meeting.ends_at


def correction_open(meeting, moment=None):
    return (moment or now()) >= meeting.ends_at


@transaction.atomic
def save_meeting(meeting, *, by):
    """Create or change a meeting; a meeting moved to another time is reminded of again.

    The reminder mark comes from the locked row, not from the form's copy: the reminder task
    may have marked the meeting while the leader was editing, and writing back the stale empty
    mark would send a second reminder."""
    if not may_manage(by, meeting.club):
        raise PermissionDenied
    if meeting.pk:
        before = Meeting.objects.select_for_update().get(pk=meeting.pk)
        meeting.reminder_sent_at = (
            None if before.starts_at != meeting.starts_at else before.reminder_sent_at
        )
    else:
        meeting.created_by = by
    meeting.full_clean()
    meeting.save()
    return meeting


# Attendance -----------------------------------------------------------------------------------


class AlreadyMarked(ValidationError):
    """A second "I am here": says when the first one was made."""

    def __init__(self, attendance):
        self.attendance = attendance
        super().__init__(
            _("%(name)s is already marked present at %(time)s.")
            % {
                "name": attendance.person.full_name,
                "time": time_format(timezone.localtime(attendance.marked_at), "H:i"),
            },
            code="already_marked",
        )


def mark_present(meeting, person, *, by):
    """The family's "I am here" during the meeting's window, once per person."""
    if not attending_family(by, meeting.club).filter(pk=person.pk).exists():
        raise PermissionDenied
    if not attendance_open(meeting):
        raise ValidationError(
            _(
                "Presence is marked during the meeting: from 15 minutes before the start "
                "until the end."
            ),
            code="closed",
        )
    existing = Attendance.objects.filter(meeting=meeting, person=person).first()
    if existing is not None:
        raise AlreadyMarked(existing)
    try:
        with transaction.atomic():
            return Attendance.objects.create(
                meeting=meeting,
                person=person,
                how=Attendance.How.SELF,
                marked_at=now(),
                marked_by=by,
            )
    except IntegrityError:
        # A double click: the other request's mark was first.
        raise AlreadyMarked(
            Attendance.objects.select_related("person").get(meeting=meeting, person=person)
        ) from None


@transaction.atomic
def correct_attendance(meeting, present_ids, *, by):
    """The leader's list after the meeting: everyone in `present_ids` present, everyone else
    of the club not. Returns (added, removed) counts; each change is recorded."""
    if not may_manage(by, meeting.club):
        raise PermissionDenied
    if not correction_open(meeting):
        raise ValidationError(
            _("The list can be corrected once the meeting has ended."), code="not_ended"
        )
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    people = {person.pk: person for person in people_in_club(meeting.club, meeting_year(meeting))}
    wanted = {pk for pk in present_ids if pk in people}
    marks = {mark.person_id: mark for mark in Attendance.objects.filter(meeting=meeting)}
    moment = now()
    added = removed = 0
    for person_id in people:
        mark = marks.get(person_id)
        was_present = mark is not None and mark.is_present
        if person_id in wanted and not was_present:
            if mark is None:
                mark = Attendance(meeting=meeting, person_id=person_id)
            mark.how = Attendance.How.LEADER
            mark.marked_at, mark.marked_by = moment, by
            mark.removed_at = mark.removed_by = None
            mark.save()
            added += 1
        elif person_id not in wanted and was_present:
            mark.removed_at, mark.removed_by = moment, by
            mark.save(update_fields=["removed_at", "removed_by"])
            removed += 1
        else:
            continue
        AttendanceCorrection.objects.create(
            meeting=meeting, person_id=person_id, present=person_id in wanted, by=by, at=moment
        )
    return added, removed


def meeting_year(meeting):
    return timezone.localtime(meeting.starts_at).year


def attendance_list(meeting):
    """Everyone of the club in the meeting's year, each with his mark (or None)."""
    marks = {
        mark.person_id: mark
        for mark in Attendance.objects.filter(meeting=meeting).select_related(
            "marked_by", "removed_by"
        )
    }
    people = list(people_in_club(meeting.club, meeting_year(meeting)))
    for person in people:
        person.mark = marks.get(person.pk)
        person.present = person.mark is not None and person.mark.is_present
    return people


@dataclass(frozen=True)
class MemberCount:
    person: Person
    attended: int
    held: int


def meetings_with_counts(club, year):
    """The club's meetings of a year that have ended, each with the number present."""
    return (
        Meeting.objects.filter(club=club, starts_at__year=year, ends_at__lte=now())
        .annotate(present=Count("attendances", filter=Q(attendances__removed_at=None)))
        .order_by("starts_at", "pk")
    )


def member_counts(club, year, people=None):
    """For each person of the club in `year` (or of `people`): meetings attended of held."""
    held = Meeting.objects.filter(club=club, starts_at__year=year, ends_at__lte=now()).count()
    people = people_in_club(club, year) if people is None else people
    attended = dict(
        Attendance.objects.present()
        .filter(
            meeting__club=club,
            meeting__starts_at__year=year,
            meeting__ends_at__lte=now(),
            person__in=people,
        )
        .order_by()
        .values_list("person")
        .annotate(count=Count("pk"))
    )
    return [MemberCount(person, attended.get(person.pk, 0), held) for person in people]


# Announcements --------------------------------------------------------------------------------


@transaction.atomic
def save_announcement(announcement, *, by, upload=None, remove_ids=()):
    """Save the announcement, remove the chosen attachments, then add the upload: removing
    first lets a full announcement swap a file, and a refused upload keeps everything."""
    if not may_manage(by, announcement.club):
        raise PermissionDenied
    if announcement.pk is None:
        announcement.author = by
    announcement.full_clean()
    announcement.save()
    for attachment in announcement.attachments.filter(pk__in=remove_ids):
        remove_attachment(attachment, by=by)
    if upload is not None:
        add_attachment(announcement, upload, by=by)
    return announcement


def add_attachment(announcement, upload, *, by):
    """A PDF or a photo, told apart by content, never by name; photos lose their EXIF, PDFs
    that could act when opened (scripts, embedded files) are refused."""
    if not may_manage(by, announcement.club):
        raise PermissionDenied
    if announcement.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            {
                "attachment": _("An announcement has at most %(count)s attachments.")
                % {"count": MAX_ATTACHMENTS}
            },
            code="too_many",
        )
    original_name = os.path.basename(upload.name)[:255]
    attachment = AnnouncementAttachment(
        announcement=announcement, original_name=original_name, uploaded_by=by
    )
    if looks_like_pdf(upload):
        if upload.size > MAX_PDF_BYTES:
            raise ValidationError(
                {"attachment": _("A PDF file may be at most 10 MB.")}, code="too_large"
            )
        try:
            refuse_active_pdf(upload)
        except ValidationError as error:
            raise ValidationError({"attachment": error.messages}, code=error.code) from error
        attachment.kind, attachment.size = AnnouncementAttachment.Kind.PDF, upload.size
        attachment.file.save("attachment.pdf", upload, save=False)
    else:
        if upload.size > MAX_PHOTO_BYTES:
            raise ValidationError(
                {"attachment": _("A photo may be at most 20 MB.")}, code="too_large"
            )
        try:
            clean = strip_image_metadata(
                upload, upload.name, max_side=PHOTO_LONG_SIDE, formats=PHOTO_FORMATS
            )
        except ValidationError as error:
            raise ValidationError(
                {
                    "attachment": _(
                        "“%(name)s” is neither a PDF nor a photo. Attach a PDF document or a "
                        "JPEG, PNG or HEIC photo."
                    )
                    % {"name": original_name}
                },
                code="not_pdf_or_photo",
            ) from error
        attachment.kind, attachment.size = AnnouncementAttachment.Kind.PHOTO, clean.content.size
        attachment.file.save(clean.name, clean.content, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(attachment, *, by):
    if not may_manage(by, attachment.announcement.club):
        raise PermissionDenied
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


# The room ---------------------------------------------------------------------------------------


def room(club, user):
    """What a club's room shows to a login that may see it, in a fixed number of queries."""
    moment = now()
    meetings = Meeting.objects.filter(club=club)
    upcoming = list(meetings.upcoming(moment)[:UPCOMING_SHOWN])
    past = list(meetings.past(moment)[:PAST_SHOWN])
    family = list(attending_family(user, club))
    marks = {}
    if family and upcoming:
        for mark in Attendance.objects.filter(
            meeting__in=upcoming, person__in=family
        ).select_related("person"):
            marks.setdefault(mark.meeting_id, []).append(mark)
    for meeting in upcoming:
        meeting.show_link = link_visible(meeting, moment)
        meeting.attendance_open = attendance_open(meeting, moment)
        meeting.family_marks = marks.get(meeting.pk, [])
        marked = {mark.person_id for mark in meeting.family_marks}
        meeting.family_to_mark = [person for person in family if person.pk not in marked]
    announcements = list(
        Announcement.objects.filter(club=club)
        .select_related("author__person")
        .prefetch_related("attachments")[:ANNOUNCEMENTS_SHOWN]
    )
    counts = member_counts(club, current_year(), family) if family else []
    return {
        "upcoming": upcoming,
        "past": past,
        "announcements": announcements,
        "family": family,
        "family_counts": [count for count in counts if count.held],
        "may_manage": may_manage(user, club),
        "year": current_year(),
    }


# Calendar feeds -------------------------------------------------------------------------------


def feed_people(user):
    """The family's people with a place in a club this year: each has a calendar."""
    return (
        family_people(user)
        .filter(memberships__in=Membership.objects.current())
        .distinct()
        .order_by("first_name", "last_name")
    )


def feed_for(person):
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


@transaction.atomic
def rotate_feed(person):
    """A new secret address; the old one stops working at once."""
    feed = CalendarFeed.objects.select_for_update().filter(person=person).first()
    if feed is None:
        return CalendarFeed.objects.create(person=person)
    feed.token = CalendarFeed._meta.get_field("token").default()
    feed.rotated_at = now()
    feed.save(update_fields=["token", "rotated_at"])
    return feed


FEED_PAST_DAYS = 60
FEED_LIMIT = 500


def feed_by_token(token):
    """The feed behind a token, or None: an unknown or old token, or an erased person."""
    if not token or len(token) > 64:
        return None
    return (
        CalendarFeed.objects.select_related("person")
        .filter(token=token)
        .exclude(person__status=Person.Status.ERASED)
        .first()
    )


def feed_meetings(person):
    """The meetings of the person's clubs of this year, from two months back on."""
    clubs = Membership.objects.current().filter(person=person).values("club")
    return (
        Meeting.objects.filter(
            club__in=clubs, ends_at__gte=now() - datetime.timedelta(days=FEED_PAST_DAYS)
        )
        .select_related("club")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )
