"""A club's online life: meetings (with a video call), announcements, attendance, and each
member's private calendar address.

Made for the online mazpulks, whose members live far apart, but any club may use it: a local
club can hold an online meeting too. Who sees and does what is in services.py.
"""

import os
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import Person
from members_area.clubs.models import Club


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Meetings not yet over (one going on now included), soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Meetings that have ended, the latest first."""
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")


class Meeting(models.Model):
    """One meeting of a club, usually a video call; its notes are written afterwards."""

    club = models.ForeignKey(
        Club, verbose_name=_("club"), on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    agenda = models.TextField(_("agenda"), blank=True, max_length=5000)
    video_link = models.URLField(
        _("video call link"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["https"])],
        help_text=_(
            "The https:// address of the call (Zoom, Teams, Meet, Jitsi…). Members see it from "
            "an hour before the start until the end."
        ),
    )
    notes = models.TextField(
        _("notes"), blank=True, max_length=10000, help_text=_("What was done and decided.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the reminder e-mails went out: the hourly run sends each meeting's once.
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["club", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The meeting must end after it starts.")}, code="ends_before_start"
            )


class Announcement(models.Model):
    """A message from the club's leaders to its members and their families."""

    club = models.ForeignKey(
        Club, verbose_name=_("club"), on_delete=models.PROTECT, related_name="announcements"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=10000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        indexes = [models.Index(fields=["club", "-published_at"])]

    def __str__(self):
        return self.title


def attachment_path(attachment, filename):
    # Under people/: never served by the web server, only through a view that checks access;
    # a random name, so the address says nothing and cannot be guessed.
    return f"people/online/{secrets.token_hex(16)}{os.path.splitext(filename)[1].lower()}"


class AnnouncementAttachment(models.Model):
    """A PDF or a photo of an announcement, checked by content when uploaded (services.py)."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("photo")
        PDF = "pdf", _("PDF")

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class AttendanceQuerySet(models.QuerySet):
    def present(self):
        """Who counts as having been there: every mark a leader has not removed."""
        return self.filter(removed_at=None)


class Attendance(models.Model):
    """A person's presence at a meeting: marked by the family during the meeting, or by a
    leader correcting the list afterwards. A leader's removal keeps the row (who, when)."""

    class How(models.TextChoices):
        SELF = "self", _("marked by the member")
        LEADER = "leader", _("added by the leader")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    how = models.CharField(_("how"), max_length=10, choices=How.choices, default=How.SELF)
    marked_at = models.DateTimeField(_("marked"), default=timezone.now)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "person__last_name", "person__first_name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="one_attendance_per_meeting_and_person"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.meeting}"

    @property
    def is_present(self):
        return self.removed_at is None


class AttendanceCorrection(models.Model):
    """Every change a leader made to a meeting's list: the history stays when a person is
    removed and added again."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="corrections")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(_("present"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("attendance correction")
        verbose_name_plural = _("attendance corrections")

    def __str__(self):
        return f"{self.person} · {self.meeting} · {self.present}"


def new_feed_token():
    return secrets.token_urlsafe(24)  # 192 random bits, safe in an address


class CalendarFeed(models.Model):
    """The secret address of a member's calendar of his clubs' meetings. Whoever has the
    address reads the calendar, so a new one can be made and the old stops working."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)
    rotated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self):
        return str(self.person)
