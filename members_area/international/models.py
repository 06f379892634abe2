"""Youths in international activities: interest marked from an opportunity's page, and the
participation coordinators record (from that interest, or directly), which the strategy
counts (≥50 youths a year, ≥15 of them volunteering abroad)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import Person
from opportunities.countries import COUNTRIES
from opportunities.models import OpportunityType


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
        """The participations whose activity began in `year` (the strategy counts by start)."""
        return self.filter(start_date__year=year)


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

    @property
    def is_volunteering(self):
        return self.kind == OpportunityType.VOLUNTEERING
