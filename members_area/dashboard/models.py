"""The strategy's measurable targets, per strategy period, and the figures typed in by hand.

A target is measured either by a figure the site computes from its own data (services.py,
one method per `Measure`) or, where the site holds no data (funding, trips), by a figure a
coordinator enters for each year. A figure entered by hand also stands in for a computed one
(a year before the site held the data, or a count the site gets wrong): the board's yearly
report must be complete. Targets are data, not code: seeded from the 2021–2027 strategy by a
migration, and kept in the admin for the next period.

Nothing typed by hand is deleted by deleting what it belongs to: a target with entered
figures, or a period with targets, cannot be deleted (PROTECT; `deletion_refusal` says why).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 2000
LAST_YEAR = 2200
# The first year whose figures the site can count: the member platform opened in 2026.
RECORDS_FROM = 2026


class StrategyPeriod(models.Model):
    """A strategy and the years it covers, e.g. 2021–2027."""

    name = models.CharField(_("name"), max_length=150)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    records_from = models.PositiveSmallIntegerField(
        _("site records from"),
        default=RECORDS_FROM,
        help_text=_(
            "The first year the site holds the data of. Figures the site counts are shown from "
            "this year on; for the years before, enter the figures by hand."
        ),
    )

    class Meta:
        ordering = ["-first_year"]
        verbose_name = _("strategy period")
        verbose_name_plural = _("strategy periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__gte=models.F("first_year")),
                name="strategy_period_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.first_year}–{self.last_year})"

    def clean(self):
        first, last = self.first_year, self.last_year
        if self.records_from is not None and not FIRST_YEAR <= self.records_from <= LAST_YEAR:
            raise ValidationError(
                {
                    "records_from": _("Give a year between %(first)s and %(last)s.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR}
                }
            )
        if first is None or last is None:
            return
        if not FIRST_YEAR <= first <= LAST_YEAR or not FIRST_YEAR <= last <= LAST_YEAR:
            raise ValidationError(
                _("Give years between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        if last < first:
            raise ValidationError({"last_year": _("The last year cannot be before the first.")})
        overlapping = StrategyPeriod.objects.filter(
            first_year__lte=last, last_year__gte=first
        ).exclude(pk=self.pk)
        if overlapping.exists():
            raise ValidationError(
                _("The years overlap with %(period)s: a year belongs to one strategy.")
                % {"period": overlapping.first()}
            )

    @property
    def years(self):
        return list(range(self.first_year, self.last_year + 1))

    def deletion_refusal(self):
        """Why the period cannot be deleted (its targets would go, and their figures with
        them), or "" when it can."""
        count = self.targets.count()
        if not count:
            return ""
        return ngettext(
            "This strategy period has %(count)s target. Delete it first (a target with "
            "figures entered by hand cannot be deleted at all).",
            "This strategy period has %(count)s targets. Delete them first (a target with "
            "figures entered by hand cannot be deleted at all).",
            count,
        ) % {"count": count}


class Area(models.TextChoices):
    """The strategy's areas, in the order the dashboard shows them."""

    PROJECTS = "projects", _("Projects")
    SEMINARS = "seminars", _("Seminars")
    MEMBERS = "members", _("Members")
    REMOTE = "remote", _("Youths with no club nearby")
    INTERNATIONAL = "international", _("International activities")
    COUNCIL = "council", _("Youth council")
    LOCAL_INITIATIVES = "local_initiatives", _("Local initiatives")
    CAMP = "camp", _("Camp")
    EVENTS = "events", _("Events")
    VOLUNTEERS = "volunteers", _("Volunteers")
    LEADERS = "leaders", _("Club leaders")
    PUBLICITY = "publicity", _("Publicity")
    GOVERNANCE = "governance", _("Governance")
    FUNDING = "funding", _("Funding")
    OTHER = "other", _("Other")


class Measure(models.TextChoices):
    """How a target is measured: a figure the site counts (services.Figures), or by hand."""

    PROJECTS = "projects", _("Projects submitted (or further) in the year")
    PRIORITY_THEMES = "priority_themes", _("Project themes of the year with a priority area")
    SEMINARS_PER_AREA = "seminars_per_area", _("Seminars in each of the year's priority areas")
    MEMBERS_GROWTH = "members_growth", _("Growth in members over the year before (%)")
    NEW_CLUBS_PER_REGION = "new_clubs_per_region", _("New clubs in each region")
    RECRUITMENT_EVENTS = "recruitment_events", _("Recruitment events")
    ONLINE_CLUB_MEMBERS = "online_club_members", _("Members of the online club")
    INTERNATIONAL_YOUTHS = (
        "international_youths",
        _("Children and youths (5–25) in international activities"),
    )
    INFO_EVENTS = "info_events", _("Information events on international opportunities")
    INTERNATIONAL_VOLUNTEER_YOUTHS = (
        "international_volunteer_youths",
        _("Volunteer youths in international activities"),
    )
    COUNCIL_ONLINE_MEETINGS = "council_online_meetings", _("Online council meetings held")
    COUNCIL_TRAININGS = "council_trainings", _("In-person council trainings held")
    COUNCIL_YOUTHS = "council_youths", _("Youths on the council")
    COUNCIL_PROPOSALS = "council_proposals", _("Proposals adopted by the council")
    COUNCIL_SURVEYS = "council_surveys", _("Surveys opened by the council")
    LOCAL_INITIATIVES = "local_initiatives", _("Local initiatives submitted (or further)")
    CAMP_PARTICIPANTS = "camp_participants", _("Participants checked in at the largest camp")
    NATIONAL_EVENTS = "national_events", _("National events")
    REGIONAL_EVENTS = "regional_events", _("Regional events")
    NEW_VOLUNTEERS = "new_volunteers", _("New volunteers (first approved hours on the site)")
    AWARDS = "awards", _("People given an award (choose the award kind)")
    NEW_LEADERS = "new_leaders", _("New club leaders (leading for the first time on the site)")
    LEADERS_SEMINARS = "leaders_seminars", _("Seminars and trainings with hours for leaders")
    LEADERS_TRAINED = "leaders_trained", _("Leaders with 12 training hours in the year (%)")
    BRANDBOOK = "brandbook", _("A brandbook published (1 = yes)")
    NEWS_MONTHS = "news_months", _("Months with at least one news article")
    NEWSPAPER_ISSUES = "newspaper_issues", _("Newspaper issues")
    MEMBERS_WITH_CARD = "members_with_card", _("Members with a personal QR card (%)")
    QR_CHECKIN_EVENTS = "qr_checkin_events", _("Events with attendance checked in by QR code")
    ENTERED = "entered", _("Entered by hand (the site holds no data)")


# Measures that compare a year with the years before it: in the first year of the site's
# records there is nothing earlier, so they have no figure until the year after.
COMPARED_WITH_EARLIER = frozenset(
    {Measure.MEMBERS_GROWTH, Measure.NEW_LEADERS, Measure.NEW_VOLUNTEERS}
)


class Comparison(models.TextChoices):
    AT_LEAST = "gte", _("at least (≥)")
    AT_MOST = "lte", _("at most (≤)")


class TargetQuerySet(models.QuerySet):
    def of_period(self, period):
        return self.filter(period=period).order_by("order", "pk")


class Target(models.Model):
    """One measurable target of a strategy period, e.g. "500 projects a year"."""

    period = models.ForeignKey(
        StrategyPeriod,
        verbose_name=_("strategy period"),
        on_delete=models.PROTECT,
        related_name="targets",
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("A short name that stays the same when the wording changes."),
    )
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    wording_lv = models.CharField(_("target in Latvian"), max_length=300)
    wording_en = models.CharField(_("target in English"), max_length=300)
    target = models.DecimalField(_("target figure"), max_digits=12, decimal_places=2)
    unit = models.CharField(
        _("unit"), max_length=20, blank=True, help_text=_("E.g. % or h; empty for a count.")
    )
    comparison = models.CharField(
        _("met when the figure is"),
        max_length=3,
        choices=Comparison.choices,
        default=Comparison.AT_LEAST,
    )
    measure = models.CharField(
        _("how it is measured"), max_length=30, choices=Measure.choices, default=Measure.ENTERED
    )
    award_kind = models.ForeignKey(
        "volunteering.AwardKind",
        verbose_name=_("award kind"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Only for targets measured by an award."),
    )
    pro_rated = models.BooleanField(
        _("builds up over the year"),
        default=False,
        help_text=_(
            "Tick for a count that grows through the year (projects, meetings): this year's "
            "figure so far is then on track when it keeps up with the date. Otherwise (a "
            "one-off, a level, a share) it is open until it is met or the year is over."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["period", "order", "pk"]
        verbose_name = _("strategy target")
        verbose_name_plural = _("strategy targets")
        constraints = [
            models.UniqueConstraint(fields=["period", "key"], name="one_target_key_per_period")
        ]

    def __str__(self):
        return self.wording

    def clean(self):
        if self.measure == Measure.AWARDS and self.award_kind_id is None:
            raise ValidationError({"award_kind": _("Choose the award this target counts.")})
        if self.measure != Measure.AWARDS and self.award_kind_id is not None:
            raise ValidationError(
                {"award_kind": _("An award kind is only for targets measured by an award.")}
            )

    @property
    def wording(self):
        """The target in the language being shown (Latvian unless English is)."""
        if get_language() == "en" and self.wording_en:
            return self.wording_en
        return self.wording_lv

    @property
    def is_entered(self):
        """Measured by hand only: the site counts nothing for it."""
        return self.measure == Measure.ENTERED

    def first_counted_year(self, period=None):
        """The first year the site counts this target's figure (None: never)."""
        if self.is_entered:
            return None
        records_from = (period or self.period).records_from
        if self.measure in COMPARED_WITH_EARLIER:
            return records_from + 1
        return records_from

    def deletion_refusal(self):
        """Why the target cannot be deleted (figures typed by hand would go), or ""."""
        years = list(self.entered_figures.order_by("year").values_list("year", flat=True))
        if not years:
            return ""
        return _(
            "Figures have been entered by hand for this target (%(years)s). Clear them on "
            "the strategy dashboard first, or keep the target."
        ) % {"years": ", ".join(str(year) for year in years)}


class EnteredFigure(models.Model):
    """A year's figure of a target typed by a coordinator: for a target the site holds no
    data for, or in place of the computed figure (a year before the site's records)."""

    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.PROTECT, related_name="entered_figures"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("figure"), max_digits=12, decimal_places=2)
    note = models.CharField(
        _("note"), max_length=500, blank=True, help_text=_("Where the figure comes from.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered"), default=timezone.now)

    class Meta:
        ordering = ["target", "year"]
        verbose_name = _("figure entered by hand")
        verbose_name_plural = _("figures entered by hand")
        constraints = [
            models.UniqueConstraint(fields=["target", "year"], name="one_entered_figure_a_year")
        ]

    def __str__(self):
        return f"{self.target} {self.year}: {self.value}"
