"""Attendance at events, checked in at a desk by scanning a member card or by hand.

A check-in is recorded once per person and event (a partial unique constraint, so two desks
scanning the same card at the same moment still make one); undoing keeps the row, with who
undid it and why, and frees the place for a new check-in. Failed scans are kept too.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import Person
from members_area.clubs.models import Club


class EventHost(models.Model):
    """A club that hosts an event: its leaders may run the event's check-in desks.
    Coordinators name the hosts; they run any event's desks themselves."""

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="+"
    )
    club = models.ForeignKey(
        Club, verbose_name=_("club"), on_delete=models.CASCADE, related_name="hosted_events"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("host club")
        verbose_name_plural = _("host clubs")
        constraints = [
            models.UniqueConstraint(fields=["event", "club"], name="one_host_row_per_club")
        ]

    def __str__(self):
        return f"{self.club} · {self.event}"


class DeskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at=None)


class Desk(models.Model):
    """One person checking people in at one event (a gate, a table, a phone)."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="checkin_desks",
    )
    name = models.CharField(_("desk"), max_length=60, help_text=_("E.g. Main gate, Table 2."))
    # SET_NULL: a login that once ran a desk can still be closed; the check-ins stay.
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="checkin_desks",
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = DeskQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("check-in desk")
        verbose_name_plural = _("check-in desks")

    def __str__(self):
        return f"{self.event} · {self.name}"

    @property
    def is_open(self):
        return self.closed_at is None


class Method(models.TextChoices):
    CARD = "card", _("card opened by the phone's camera")
    CODE = "code", _("code typed or scanned")
    SEARCH = "search", _("found by name or number")


class CheckinQuerySet(models.QuerySet):
    def active(self):
        """Check-ins that count: not undone."""
        return self.filter(undone_at=None)


class Checkin(models.Model):
    """A person at an event."""

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="checkins"
    )
    desk = models.ForeignKey(
        Desk, verbose_name=_("desk"), on_delete=models.PROTECT, related_name="checkins"
    )
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    checked_in_at = models.DateTimeField(_("checked in"), default=timezone.now)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    undo_reason = models.CharField(_("reason for undoing"), max_length=200, blank=True)

    objects = CheckinQuerySet.as_manager()

    class Meta:
        ordering = ["-checked_in_at", "-pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            # The database, not the view, keeps a person from being checked in twice.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(undone_at=None),
                name="one_checkin_per_person_and_event",
            )
        ]
        indexes = [models.Index(fields=["event", "undone_at"])]

    def __str__(self):
        return f"{self.person} · {self.event}"

    @property
    def checked_in_by_name(self):
        user = self.checked_in_by
        if user is None:
            return _("a closed account")
        return user.get_full_name() or user.email


class ScanOutcome(models.TextChoices):
    UNKNOWN = "unknown", _("unknown card")
    REVOKED = "revoked", _("replaced card")
    LAPSED = "lapsed", _("membership not renewed")
    ALREADY = "already", _("already checked in")
    CLOSED = "closed", _("event not taking check-ins")


class FailedScan(models.Model):
    """A scan that checked no one in, kept to see lost cards and troubles at the gate.
    Holds only the first characters of an unknown code, never a whole one."""

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="failed_scans")
    outcome = models.CharField(_("outcome"), max_length=10, choices=ScanOutcome.choices)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    code_start = models.CharField(max_length=6, blank=True)
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("failed scan")
        verbose_name_plural = _("failed scans")

    def __str__(self):
        return f"{self.desk}: {self.get_outcome_display()}"
