"""Youths in international activities: interest marked from an opportunity's page, and the
participation coordinators record (from that interest, or directly), which the strategy
counts (≥50 children and youths a year, ≥15 of them volunteer youths: `services`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import YOUTH_MAX_AGE, YOUTH_MIN_AGE, Person
from members_area.clubs.models import Membership
from members_area.volunteering.models import VolunteerEntry
from opportunities.countries import COUNTRIES
from opportunities.models import OpportunityType

HOME_COUNTRY = "LV"
VOLUNTEERING_AT_HOME = _(
    "Volunteering abroad cannot be in Latvia: choose the country where it took place, or "
    "another kind."
)


class InterestQuerySet(models.QuerySet):
    def of_family(self, user):
        """The interests of the people a login acts for (erased people have none to show)."""
        return self.filter(person__in=Person.objects.of_family(user).not_erased())


class Interest(models.Model):
    """A member would like to take part in an opportunity (the Latvian page of it).

    Withdrawing deletes it: an interest is a wish, not a record the organisation counts.
    """

    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage",
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="interests"
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["-marked_at", "-pk"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "person"], name="one_interest_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.opportunity}"


class ParticipationQuerySet(models.QuerySet):
    def of_family(self, user):
        return self.filter(person__in=Person.objects.of_family(user).not_erased())

    def started_in(self, year):
        """The participations whose activity begins in `year` (the strategy counts by start)."""
        return self.filter(start_date__year=year)

    def with_counting(self, today=None):
        """Each participation with `start_year`, `is_counted` (the activity has begun, and the
        person was a child or youth then: YOUTH_MIN_AGE to YOUTH_MAX_AGE on its first day) and
        `is_volunteer` (he was a volunteer in `start_year`: a club volunteer, or approved
        volunteer hours dated in it). The strategy's counts and the exports both read these."""
        today = today or timezone.localdate()
        volunteer_member = Membership.objects.filter(
            person=models.OuterRef("person"),
            year=models.OuterRef("start_year"),
            role=Membership.Role.VOLUNTEER,
            status=Membership.Status.ACTIVE,
        )
        volunteer_hours = VolunteerEntry.objects.approved().filter(
            person=models.OuterRef("person"), date__year=models.OuterRef("start_year")
        )
        return self.annotate(
            start_year=ExtractYear("start_date"),
            is_counted=models.Case(
                models.When(
                    models.Q(
                        start_date__lte=today,
                        age_at_start__gte=YOUTH_MIN_AGE,
                        age_at_start__lte=YOUTH_MAX_AGE,
                    ),
                    then=True,
                ),
                default=False,
                output_field=models.BooleanField(),
            ),
            is_volunteer=models.Case(
                models.When(
                    models.Exists(volunteer_member) | models.Exists(volunteer_hours), then=True
                ),
                default=False,
                output_field=models.BooleanField(),
            ),
        )


class Participation(models.Model):
    """Someone took part in an international activity, between two dates."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="international_participations",
    )
    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage",
        verbose_name=_("opportunity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for an activity not published on the site."),
    )
    activity = models.CharField(_("international activity"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OpportunityType.choices)
    country = models.CharField(_("country"), max_length=5, choices=COUNTRIES)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    # Set on every save from the date of birth (`services.save_participation`); kept when the
    # person is erased, whose date of birth goes, so that the counts stay.
    age_at_start = models.PositiveSmallIntegerField(_("age at the start"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    # The last correction, if any (a deletion leaves nothing to count, so needs no trace).
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(null=True, blank=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("international participation")
        verbose_name_plural = _("international participations")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "activity", "start_date"], name="one_participation_per_activity"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="participation_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.activity} ({self.start_date})"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The activity cannot end before it starts.")})
        if self.kind == OpportunityType.VOLUNTEERING and self.country == HOME_COUNTRY:
            raise ValidationError({"country": VOLUNTEERING_AT_HOME})

    @property
    def is_volunteering(self):
        return self.kind == OpportunityType.VOLUNTEERING
