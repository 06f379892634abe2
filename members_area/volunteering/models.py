"""Volunteer work: hours a volunteer logs, which the club's leader approves or declines.

Entries are never deleted: a declined one stays, with its reason, in the volunteer's list.
Only approved hours count (totals, certificates, awards).
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import Person

QUARTER = Decimal("0.25")
MAX_HOURS_A_DAY = Decimal("16")


class ActivityKind(models.TextChoices):
    EVENT = "event", _("Helping at an event")
    CLUB = "club", _("Club activities")
    COMMUNITY = "community", _("Work for the community")
    MENTORING = "mentoring", _("Mentoring younger members")
    ORGANISING = "organising", _("Organising and office work")
    OTHER = "other", _("Other")


class VolunteerEntryQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=VolunteerEntry.Status.APPROVED)

    def waiting(self):
        return self.filter(status=VolunteerEntry.Status.SUBMITTED)

    def counting(self):
        """Entries that count towards the daily limit: all but declined ones."""
        return self.exclude(status=VolunteerEntry.Status.DECLINED)

    def of_year(self, year):
        return self.filter(date__year=year)

    def of_family(self, user):
        return self.filter(person__in=Person.objects.of_family(user))

    def managed_by(self, user):
        """Entries a login decides on: its clubs' (leaders); the central team's and every
        club's (coordinators)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_coordinator:
            return self.all()
        return self.filter(club_id__in=user.led_club_ids(), club__is_central_team=False)

    def total_hours(self):
        return self.aggregate(total=Sum("hours"))["total"] or Decimal("0")


class VolunteerEntry(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("waiting for approval")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    person = models.ForeignKey(
        Person,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="volunteer_entries",
    )
    club = models.ForeignKey(
        "clubs.Club",
        verbose_name=_("club"),
        on_delete=models.PROTECT,
        related_name="volunteer_entries",
        help_text=_("Whose leader confirms the hours."),
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(QUARTER), MaxValueValidator(MAX_HOURS_A_DAY)],
    )
    kind = models.CharField(_("activity"), max_length=20, choices=ActivityKind.choices)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.TextField(_("what was done"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True)

    objects = VolunteerEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        indexes = [models.Index(fields=["person", "date"]), models.Index(fields=["club", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=QUARTER) & Q(hours__lte=MAX_HOURS_A_DAY),
                name="volunteer_hours_within_a_day",
            )
        ]

    def __str__(self):
        return f"{self.person} {self.date}: {self.hours} h"


# Awards --------------------------------------------------------------------------------------


class AwardKind(models.Model):
    """An award the organisation gives each year, with the rule for who may get it."""

    class Rule(models.TextChoices):
        HOURS = "hours", _("At least a number of approved volunteer hours in the year")
        CHOSEN = "chosen", _("Chosen by coordinators among this year's volunteers")

    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    rule = models.CharField(_("rule"), max_length=10, choices=Rule.choices)
    min_hours = models.DecimalField(
        _("approved hours needed"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For the hours rule: at least this many approved hours in the year."),
    )
    max_age = models.PositiveSmallIntegerField(
        _("for people of at most this age"),
        null=True,
        blank=True,
        help_text=_("Their age on 31 December of the year, e.g. 25 for a prize for youths."),
    )
    yearly_target = models.PositiveSmallIntegerField(
        _("target a year"),
        null=True,
        blank=True,
        help_text=_("How many people the strategy wants to receive it each year."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("award kind")
        verbose_name_plural = _("award kinds")

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.rule == self.Rule.HOURS and not self.min_hours:
            raise ValidationError({"min_hours": _("Say how many approved hours are needed.")})

    def fits_age(self, person, year):
        if self.max_age is None:
            return True
        age = person.age(datetime.date(year, 12, 31))
        return age is not None and age <= self.max_age

    def name_in(self, language):
        return self.name_en if language == "en" and self.name_en else self.name

    @property
    def display_name(self):
        """The name in the page's language (English where it has one)."""
        from django.utils.translation import get_language

        return self.name_in(get_language())


class AwardGrant(models.Model):
    """An award given to a person for a year: when, by whom, why."""

    kind = models.ForeignKey(
        AwardKind, verbose_name=_("award"), on_delete=models.PROTECT, related_name="grants"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="awards"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    granted_on = models.DateField(_("granted on"))
    note = models.TextField(_("note"), blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year", "kind__name"]
        verbose_name = _("award given")
        verbose_name_plural = _("awards given")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "person", "year"], name="one_award_of_a_kind_a_year"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.year}: {self.person}"


# Leaders' training ---------------------------------------------------------------------------

TRAINING_HOURS_A_YEAR = Decimal("12")


class TrainingRecord(models.Model):
    """Hours of qualification training of a leader (a course, a seminar), entered by a
    coordinator or credited by a check-in at a training event."""

    person = models.ForeignKey(
        Person, verbose_name=_("leader"), on_delete=models.CASCADE, related_name="training"
    )
    course = models.CharField(_("course"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(QUARTER), MaxValueValidator(Decimal("100"))],
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)
    # Credited by a check-in at the event: undoing the check-in takes the hours back.
    from_checkin = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "event"],
                condition=models.Q(from_checkin=True),
                name="one_checkin_credit_per_event",
            )
        ]
        verbose_name = _("training hours")
        verbose_name_plural = _("training hours")

    def __str__(self):
        return f"{self.person} {self.date}: {self.course} ({self.hours} h)"
