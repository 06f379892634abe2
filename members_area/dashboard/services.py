"""The strategy's figures, counted from what the site holds, and the dashboard's table.

`Figures(years)` has one method per `Measure`: each returns {year: Figure} for all the years
at once, in one query or two however many years and rows there are, so the dashboard's cost
is fixed. Years are calendar years in Riga (settings.TIME_ZONE): an event that starts on
31 December at 23:30 is that year's. The views compute under `timezone.override(TIME_ZONE)`
(the admin would otherwise use the coordinator's own time zone).

Each figure carries the address of the list behind it, where the site has one: the figure
itself links to it when the list shows exactly what was counted; otherwise the link is named
for what the list does show (`Figure.list_label`), so nobody takes one for the other.

Pages are counted once: only live pages of the default language (each exists in English too).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Min, Q, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from wagtail.models import Locale, Page

from brandbook.models import BrandbookPage
from events.models import EventIndexPage, EventKind, EventPage, EventScale
from home.models import PriorityArea, Region
from members_area.checkin.models import Checkin
from members_area.checkin.models import Method as CheckinMethod
from members_area.clubs.models import Club, Membership
from members_area.council.models import (
    CouncilMembership,
    Meeting,
    ProposalStateChange,
    Survey,
)
from members_area.council.models import Proposal as CouncilProposal
from members_area.dashboard.models import (
    Area,
    Comparison,
    EnteredFigure,
    Measure,
    StrategyPeriod,
    Target,
)
from members_area.international.services import counts_by_year as international_counts
from members_area.projects.models import (
    Project,
    ProjectIndexPage,
    ProjectKind,
    ProjectThemePage,
)
from members_area.volunteering.models import (
    TRAINING_HOURS_A_YEAR,
    AwardGrant,
    TrainingRecord,
    VolunteerEntry,
)
from news.models import NewsIndexPage, NewsPage
from newspaper.models import NewspaperIndexPage, NewspaperIssuePage

# National and regional events the strategy counts are gatherings of members (the rally,
# games, forums, conferences, hikes, camps, festivals); these kinds have targets of their own.
NOT_GATHERINGS = (
    EventKind.SEMINAR,
    EventKind.TRAINING,
    EventKind.COUNCIL_MEETING,
    EventKind.INFORMATION,
)
LEADERS_SEMINAR_KINDS = (EventKind.SEMINAR, EventKind.TRAINING)
QR_METHODS = (CheckinMethod.CARD, CheckinMethod.CODE)
HUNDRED = Decimal(100)


def today():
    """Today in Riga: every "this year" and "so far" asks here, so tests can set it."""
    return timezone.localdate()


def start_of_year(year):
    """1 January 00:00 in Riga, as a moment."""
    return timezone.make_aware(datetime.datetime(year, 1, 1))


def link(name, *args, **query):
    """The address of a named view with a query string; None where the view does not exist
    (yet): a figure is still shown without its list."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return None
    query = {key: value for key, value in query.items() if value not in (None, "")}
    return f"{url}?{urlencode(query)}" if query else url


def percent(part, whole):
    """part of whole in per cent with one decimal; None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def in_default_language():
    return Q(locale__language_code=settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class Figure:
    """A year's figure, the address of the list behind it, and what it is made of.

    `list_label` names the list when it does not show exactly what was counted (another
    set, all years): the link is then shown under that name, not on the figure."""

    value: int | Decimal | None
    url: str | None = None
    detail: str = ""
    list_label: str = ""


@dataclass(frozen=True)
class EventRow:
    pk: int
    year: int
    kind: str
    scale: str
    training_hours: Decimal | None


class Figures:
    """The figures of some years. One method per Measure, named as its value."""

    def __init__(self, years):
        self.years = sorted(set(years))
        self.first, self.last = self.years[0], self.years[-1]
        self.starts, self.ends = start_of_year(self.first), start_of_year(self.last + 1)
        self.first_day = datetime.date(self.first, 1, 1)
        self.last_day = datetime.date(self.last, 12, 31)

    def each_year(self, counts, url=None, list_label=""):
        """{year: Figure} from {year: count} (none: 0), each with url(year) when given."""
        return {
            year: Figure(counts.get(year, 0), url(year) if url else None, "", list_label)
            for year in self.years
        }

    @staticmethod
    def by_year(rows, year_field="y", count_field="n"):
        return {row[year_field]: row[count_field] for row in rows}

    @cached_property
    def locale(self):
        """The language the names of areas and regions are shown in."""
        return Locale.get_active()

    @cached_property
    def index_pages(self):
        """{page model: pk} of the Latvian section pages the figures link to, in one query."""
        models = [
            NewsIndexPage,
            NewspaperIndexPage,
            ProjectIndexPage,
        ]
        types = ContentType.objects.get_for_models(*models)
        found = {}
        pages = (
            Page.objects.filter(in_default_language(), content_type__in=types.values())
            .order_by("path")
            .values_list("pk", "content_type")
        )
        for pk, content_type in pages:
            found.setdefault(content_type, pk)
        return {model: found.get(types[model].pk) for model in models}

    def explorer(self, model):
        pk = self.index_pages[model]
        return link("wagtailadmin_explore", pk) if pk else None

    @cached_property
    def events_archive(self):
        """The public archive of past events (the Latvian one: the events counted), or None.

        Its route is translated ("arhivs/"), and a Latvian page answers only in Latvian."""
        index = EventIndexPage.objects.live().filter(in_default_language()).order_by("path").first()
        if index is None:
            return None
        with override(settings.LANGUAGE_CODE):
            url = index.get_url()
            return url + index.reverse_subpage("archive") if url else None

    def archive(self, **query):
        """The events archive filtered by kind or scale (EventFilterForm): all its years."""
        if self.events_archive is None:
            return None
        return f"{self.events_archive}?{urlencode(query)}"

    # Projects -------------------------------------------------------------------------------

    def _projects(self, **filters):
        rows = (
            Project.objects.counted()
            .filter(year__in=self.years, **filters)
            .order_by()
            .values("year")
            .annotate(n=Count("pk"))
        )
        return self.by_year(rows, "year")

    def projects(self):
        """Projects past their draft (submitted, approved, reported, scored), by their year."""
        return self.each_year(
            self._projects(),
            lambda year: link("projects:staff_list", year=year, state="counted"),
        )

    def local_initiatives(self):
        return self.each_year(
            self._projects(kind=ProjectKind.LOCAL_INITIATIVE),
            lambda year: link(
                "projects:staff_list",
                year=year,
                state="counted",
                kind=ProjectKind.LOCAL_INITIATIVE.value,
            ),
        )

    def priority_themes(self):
        """The year's live project themes tagged with at least one priority area."""
        rows = (
            ProjectThemePage.objects.live()
            .filter(in_default_language(), year__in=self.years, priority_areas__isnull=False)
            .order_by()
            .values("year")
            .annotate(n=Count("pk", distinct=True))
        )
        url = self.explorer(ProjectIndexPage)
        return self.each_year(
            self.by_year(rows, "year"),
            lambda year: url,
            _("the project themes in the admin (all years)"),
        )

    # Events ---------------------------------------------------------------------------------

    @cached_property
    def events(self):
        """Live Latvian events that started in the years (by the Riga calendar) and by now:
        this year's figures are those so far. One query."""
        rows = (
            EventPage.objects.live()
            .filter(
                in_default_language(),
                start__gte=self.starts,
                start__lt=self.ends,
                start__lte=timezone.now(),
            )
            .order_by()
            .values_list("pk", "start", "kind", "scale", "training_hours")
        )
        return [
            EventRow(pk, timezone.localtime(start).year, kind, scale, hours)
            for pk, start, kind, scale, hours in rows
        ]

    def _count_events(self, test, url, list_label):
        counts = defaultdict(int)
        for event in self.events:
            if test(event):
                counts[event.year] += 1
        return self.each_year(counts, lambda year: url, list_label)

    def national_events(self):
        return self._count_events(
            lambda event: event.scale == EventScale.NATIONAL and event.kind not in NOT_GATHERINGS,
            self.archive(scale=EventScale.NATIONAL.value),
            _("national events in the public archive (all years, all kinds)"),
        )

    def regional_events(self):
        return self._count_events(
            lambda event: event.scale == EventScale.REGIONAL and event.kind not in NOT_GATHERINGS,
            self.archive(scale=EventScale.REGIONAL.value),
            _("regional events in the public archive (all years, all kinds)"),
        )

    def recruitment_events(self):
        return self._count_events(
            lambda event: event.kind == EventKind.RECRUITMENT,
            self.archive(kind=EventKind.RECRUITMENT.value),
            _("recruitment events in the public archive (all years)"),
        )

    def info_events(self):
        return self._count_events(
            lambda event: event.kind == EventKind.INFORMATION,
            self.archive(kind=EventKind.INFORMATION.value),
            _("information events in the public archive (all years)"),
        )

    def leaders_seminars(self):
        """Seminars and trainings that credit leaders with qualification hours."""
        return self._count_events(
            lambda event: event.kind in LEADERS_SEMINAR_KINDS and (event.training_hours or 0) > 0,
            self.archive(kind=EventKind.SEMINAR.value),
            _("seminars in the public archive (all years; trainings not listed)"),
        )

    def seminars_per_area(self):
        """The fewest seminars in any of the year's priority areas: those of the year's
        project themes, or all seven when no theme of the year names one."""
        seminars = {
            event.pk: event.year for event in self.events if event.kind == EventKind.SEMINAR
        }
        counts = defaultdict(int)  # (year, area slug) -> seminars
        tagged = (
            EventPage.objects.filter(pk__in=list(seminars), priority_areas__isnull=False)
            .order_by()
            .values_list("pk", "priority_areas__slug")
        )
        for pk, slug in tagged:
            counts[seminars[pk], slug] += 1
        themed = defaultdict(set)  # year -> the priority areas of its themes
        theme_areas = (
            ProjectThemePage.objects.live()
            .filter(in_default_language(), year__in=self.years, priority_areas__isnull=False)
            .order_by()
            .values_list("year", "priority_areas__slug")
        )
        for year, slug in theme_areas:
            themed[year].add(slug)
        names = PriorityArea.objects.choices_in(self.locale.pk)
        url = self.archive(kind=EventKind.SEMINAR.value)
        label = _("seminars in the public archive (all years)")
        figures = {}
        for year in self.years:
            areas = [(slug, name) for slug, name in names if slug in themed[year]] or names
            if not areas:
                figures[year] = Figure(None, url, "", label)
                continue
            figures[year] = Figure(
                min(counts[year, slug] for slug, _name in areas),
                url,
                " · ".join(f"{name}: {counts[year, slug]}" for slug, name in areas),
                label,
            )
        return figures

    def camp_participants(self):
        """The most people checked in (not undone) at one camp that started in the year."""
        rows = (
            Checkin.objects.active()
            .filter(
                event__kind=EventKind.CAMP,
                event__start__gte=self.starts,
                event__start__lt=self.ends,
            )
            .exclude(event__start__gt=timezone.now())
            .order_by()
            .values("event", "event__start", "event__title")
            .annotate(n=Count("person", distinct=True))
        )
        largest = {}
        for row in rows:
            year = timezone.localtime(row["event__start"]).year
            if year not in largest or row["n"] > largest[year]["n"]:
                largest[year] = row
        return {
            year: Figure(
                largest[year]["n"],
                link("checkin:attendance", largest[year]["event"]),
                largest[year]["event__title"],
            )
            if year in largest
            else Figure(0)
            for year in self.years
        }

    def qr_checkin_events(self):
        """Events of the year at which someone was checked in by a card's QR code."""
        rows = (
            Checkin.objects.active()
            .filter(
                method__in=QR_METHODS, event__start__gte=self.starts, event__start__lt=self.ends
            )
            .exclude(event__start__gt=timezone.now())
            .order_by()
            .values_list("event", "event__start")
            .distinct()
        )
        counts = defaultdict(int)
        for _event, start in rows:
            counts[timezone.localtime(start).year] += 1
        return self.each_year(counts)  # no list of such events to link to

    # Members and clubs ----------------------------------------------------------------------

    def members_growth(self):
        """People with an active membership (any role, any club) against the year before."""
        years = set(self.years) | {year - 1 for year in self.years}
        rows = (
            Membership.objects.active_in(*years)
            .order_by()
            .values("year")
            .annotate(n=Count("person", distinct=True))
        )
        members = self.by_year(rows, "year")
        figures = {}
        for year in self.years:
            now, before = members.get(year, 0), members.get(year - 1, 0)
            growth = percent(now - before, before)
            figures[year] = Figure(
                growth,
                link("clubs:staff_members", year=year),
                ngettext(
                    "%(count)s member (%(before)s in %(year)s)",
                    "%(count)s members (%(before)s in %(year)s)",
                    now,
                )
                % {"count": now, "before": before, "year": year - 1},
                _("the year's memberships (a member of two clubs is listed twice)"),
            )
        return figures

    def new_clubs_per_region(self):
        """The fewest local clubs founded in the year in any of the five regions."""
        counts = defaultdict(int)
        founded = (
            Club.objects.local()
            .filter(founded__gte=self.first_day, founded__lte=self.last_day)
            .order_by()
            .values_list("founded", "municipality__region__slug")
        )
        for day, region in founded:
            counts[day.year, region] += 1
        regions = Region.objects.choices_in(self.locale.pk)
        url = link("club_admin:index")
        return {
            year: Figure(
                min((counts[year, slug] for slug, _name in regions), default=None),
                url,
                " · ".join(f"{name}: {counts[year, slug]}" for slug, name in regions),
                _("all clubs in the admin"),
            )
            for year in self.years
        }

    def online_club_members(self):
        rows = (
            Membership.objects.active_in(*self.years)
            .filter(club__kind=Club.Kind.ONLINE)
            .order_by()
            .values("year")
            .annotate(n=Count("person", distinct=True))
        )
        number = Club.objects.online().values_list("number", flat=True).first()
        return self.each_year(
            self.by_year(rows, "year"),
            lambda year: link("clubs:staff_members", year=year, club=number),
        )

    def new_leaders(self):
        """People leading (or assisting) a club in the year who never led one before."""
        firsts = (
            Membership.objects.filter(
                status=Membership.Status.ACTIVE, role__in=Membership.LEADING_ROLES
            )
            .order_by()
            .values("person")
            .annotate(first=Min("year"))
            .filter(first__in=self.years)
            .values_list("person", "first")
        )
        counts = defaultdict(int)
        for _person, year in firsts:
            counts[year] += 1
        return self.each_year(counts)  # no list shows only the new leaders

    def members_with_card(self):
        """Share of the year's members who had a personal QR card by the year's end."""
        rows = (
            Membership.objects.active_in(*self.years)
            .order_by()
            .values("year")
            .annotate(
                members=Count("person", distinct=True),
                carded=Count(
                    "person",
                    distinct=True,
                    filter=Q(person__cards__issued_at__year__lte=F("year")),
                ),
            )
        )
        found = {row["year"]: row for row in rows}
        figures = {}
        for year in self.years:
            row = found.get(year, {"members": 0, "carded": 0})
            figures[year] = Figure(
                percent(row["carded"], row["members"]),
                link("clubs:staff_members", year=year),
                _("%(carded)s of %(members)s members") % row,
                _("the year's memberships (a member of two clubs is listed twice)"),
            )
        return figures

    # International --------------------------------------------------------------------------

    @cached_property
    def international(self):
        """{year: InternationalYear}: the international app counts its own participations."""
        return international_counts(self.years)

    def _international(self, attribute):
        return self.each_year(
            {year: getattr(counts, attribute) for year, counts in self.international.items()},
            lambda year: link("international:participations", year=year),
            _("the year's participations (every record, whatever the age)"),
        )

    def international_youths(self):
        """Different children and youths (5–25) in an international activity that started in
        the year, by today."""
        return self._international("participants")

    def international_volunteer_youths(self):
        """Those of them who were volunteers that year."""
        return self._international("volunteers")

    # Youth council (the rules of council.services.yearly_counts, for all years at once) -----

    def _meetings(self, **filters):
        rows = (
            Meeting.objects.filter(
                starts_at__gte=self.starts,
                starts_at__lt=self.ends,
                starts_at__lte=timezone.now(),
                cancelled_at=None,
                **filters,
            )
            .annotate(y=ExtractYear("starts_at"))
            .order_by()
            .values("y")
            .annotate(n=Count("pk"))
        )
        return self.each_year(
            self.by_year(rows),
            lambda year: link("council:meetings"),
            _("the council's meetings (all years)"),
        )

    def council_online_meetings(self):
        return self._meetings(kind=Meeting.Kind.ONLINE)

    def council_trainings(self):
        return self._meetings(kind=Meeting.Kind.IN_PERSON, is_training=True)

    def council_youths(self):
        """Youths with a term on the council (not withdrawn) overlapping the year."""
        terms = (
            CouncilMembership.objects.in_force()
            .filter(starts_on__lte=self.last_day, ends_on__gte=self.first_day)
            .order_by()
            .values_list("person", "starts_on", "ends_on")
        )
        people = defaultdict(set)
        for person, starts_on, ends_on in terms:
            for year in range(max(starts_on.year, self.first), min(ends_on.year, self.last) + 1):
                people[year].add(person)
        counts = {year: len(found) for year, found in people.items()}
        return self.each_year(
            counts, lambda year: link("council:members"), _("the council's members (all terms)")
        )

    def council_proposals(self):
        """Proposals adopted by the council, in the year it adopted them."""
        rows = (
            ProposalStateChange.objects.filter(
                to_state=CouncilProposal.State.ADOPTED, at__gte=self.starts, at__lt=self.ends
            )
            .annotate(y=ExtractYear("at"))
            .order_by()
            .values("y")
            .annotate(n=Count("proposal", distinct=True))
        )
        return self.each_year(
            self.by_year(rows),
            lambda year: link("council:proposals"),
            _("the council's proposals (all years)"),
        )

    def council_surveys(self):
        rows = (
            Survey.objects.filter(opened_at__gte=self.starts, opened_at__lt=self.ends)
            .annotate(y=ExtractYear("opened_at"))
            .order_by()
            .values("y")
            .annotate(n=Count("pk"))
        )
        return self.each_year(
            self.by_year(rows),
            lambda year: link("council:surveys"),
            _("the council's surveys (all years)"),
        )

    # Volunteers and leaders -----------------------------------------------------------------

    def new_volunteers(self):
        """People whose first approved volunteer hours ever are of the year."""
        firsts = (
            VolunteerEntry.objects.approved()
            .order_by()
            .values("person")
            .annotate(first=Min("date"))
            .filter(first__gte=self.first_day, first__lte=self.last_day)
            .values_list("person", "first")
        )
        counts = defaultdict(int)
        for _person, day in firsts:
            counts[day.year] += 1
        return self.each_year(counts, lambda year: link("volunteering:totals", year=year))

    def awards(self, award_kind):
        """People given the award (AwardKind or its pk) for the year."""
        rows = (
            AwardGrant.objects.filter(kind=award_kind, year__in=self.years)
            .order_by()
            .values("year")
            .annotate(n=Count("person", distinct=True))
        )
        return self.each_year(
            self.by_year(rows, "year"), lambda year: link("volunteering:awards", year=year)
        )

    def leaders_trained(self):
        """Share of the year's leaders with at least 12 hours of qualification training in it."""
        leaders = defaultdict(set)
        for year, person in (
            Membership.objects.active_in(*self.years)
            .leading()
            .order_by()
            .values_list("year", "person")
            .distinct()
        ):
            leaders[year].add(person)
        hours = (
            TrainingRecord.objects.filter(date__gte=self.first_day, date__lte=self.last_day)
            .annotate(y=ExtractYear("date"))
            .order_by()
            .values("y", "person")
            .annotate(total=Sum("hours"))
        )
        trained = defaultdict(set)
        for row in hours:
            if row["total"] >= TRAINING_HOURS_A_YEAR:
                trained[row["y"]].add(row["person"])
        figures = {}
        this_year = today().year
        for year in self.years:
            done = len(trained[year] & leaders[year])
            figures[year] = Figure(
                percent(done, len(leaders[year])),
                # The training list shows this year's leaders and hours only.
                link("volunteering:training") if year == this_year else None,
                ngettext(
                    "%(trained)s of %(count)s leader",
                    "%(trained)s of %(count)s leaders",
                    len(leaders[year]),
                )
                % {"trained": done, "count": len(leaders[year])},
            )
        return figures

    # Publicity ------------------------------------------------------------------------------

    def brandbook(self):
        """1 from the year a brandbook was first published on the site, 0 before."""
        first = (
            BrandbookPage.objects.live()
            .filter(in_default_language(), first_published_at__isnull=False)
            .order_by("first_published_at")
            .first()
        )
        if first is None:
            return self.each_year({})
        since = timezone.localtime(first.first_published_at).year
        url = first.get_url()  # the public page: coordinators need not be its editors
        return {
            year: Figure(1, url, "", _("the brandbook on the site")) if year >= since else Figure(0)
            for year in self.years
        }

    def news_months(self):
        """Months of the year with at least one news article (regular news: all twelve)."""
        rows = (
            NewsPage.objects.live()
            .filter(in_default_language(), date__gte=self.first_day, date__lte=self.last_day)
            .annotate(y=ExtractYear("date"), m=ExtractMonth("date"))
            .order_by()
            .values("y")
            .annotate(n=Count("m", distinct=True))
        )
        url = self.explorer(NewsIndexPage)
        return self.each_year(
            self.by_year(rows), lambda year: url, _("the news in the admin (all years)")
        )

    def newspaper_issues(self):
        rows = (
            NewspaperIssuePage.objects.live()
            .filter(in_default_language(), year__in=self.years)
            .order_by()
            .values("year")
            .annotate(n=Count("pk"))
        )
        url = self.explorer(NewspaperIndexPage)
        return self.each_year(
            self.by_year(rows, "year"),
            lambda year: url,
            _("the newspaper's issues in the admin (all years)"),
        )

    # One figure -----------------------------------------------------------------------------

    def of(self, measure, award_kind=None):
        """{year: Figure} of a Measure."""
        if measure == Measure.ENTERED:
            raise ValueError("A figure entered by hand is not counted by the site.")
        if measure == Measure.AWARDS:
            return self.awards(award_kind)
        return getattr(self, measure)()


def figure(measure, year, award_kind=None):
    """One computed figure of one year: figure("projects", 2025).value."""
    return Figures([year]).of(measure, award_kind)[year]


# Status -------------------------------------------------------------------------------------


class Status:
    """A target's state in a year; shown as a word and a colour, never the colour alone."""

    MET = "met"
    ON_TRACK = "on-track"
    OPEN = "open"
    BEHIND = "behind"

    @staticmethod
    def label(status):
        return {
            Status.MET: _("met"),
            Status.ON_TRACK: _("on track"),
            Status.OPEN: _("still open"),
            Status.BEHIND: _("behind"),
        }.get(status, _("no figure"))


def share_of_year_gone(day):
    """How much of day's year has passed, the day itself included (1 Jan: 1/365)."""
    first = datetime.date(day.year, 1, 1)
    days = (datetime.date(day.year + 1, 1, 1) - first).days
    return Decimal((day - first).days + 1) / Decimal(days)


def status_of(value, target, comparison, year, day, *, pro_rated=False):
    """Met, on track, open or behind; None without a figure or for a year not begun.

    A past year's target is met or not. In the current year a target of "at least" is met
    once its figure reaches it; before that, a count that builds up over the year
    (`pro_rated`) is on track when the figure so far is at least the target pro-rated to the
    date (half the year gone: half the target), and behind otherwise. Any other target (a
    one-off, a level, a share, a figure entered by hand) is open until the year is over:
    a camp in July is not behind in March.
    """
    if value is None or year > day.year:
        return None
    value, target = Decimal(value), Decimal(target)
    if comparison == Comparison.AT_MOST:
        if value > target:
            return Status.BEHIND
        return Status.ON_TRACK if year == day.year else Status.MET
    if value >= target:
        return Status.MET
    if year < day.year:
        return Status.BEHIND
    if not pro_rated:
        return Status.OPEN
    if value >= target * share_of_year_gone(day):
        return Status.ON_TRACK
    return Status.BEHIND


# The table ----------------------------------------------------------------------------------


def display_number(value):
    """A figure as read in the page's language: 12, 12,5 (Latvian), 1 234; "–" for none."""
    if value is None:
        return "–"
    value = Decimal(value)
    value = int(value) if value == value.to_integral_value() else value.normalize()
    return number_format(value, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class Cell:
    """A target's figure of one year: entered by hand (which wins), or counted by the site.

    `counted` is the site's own figure, kept beside one entered by hand in its place;
    `missing` says why a year has no figure."""

    year: int
    value: int | Decimal | None
    url: str | None = None
    detail: str = ""
    entered: EnteredFigure | None = None
    counted: Figure | None = None
    list_label: str = ""
    missing: str = ""

    @property
    def is_entered(self):
        return self.entered is not None

    @property
    def links_figure(self):
        """The figure itself links to its list: the list shows what was counted."""
        return bool(self.url) and not self.list_label

    @property
    def display(self):
        return display_number(self.value)

    @property
    def counted_display(self):
        """The site's own figure, shown beside one entered by hand in its place."""
        return display_number(self.counted.value) if self.counted else ""


@dataclass
class Row:
    target: Target
    cell: Cell
    last_year: Cell
    trend: list
    status: str | None
    how: str

    form: object = None
    chart: object = None

    @property
    def status_label(self):
        return Status.label(self.status)

    @property
    def target_display(self):
        return display_number(self.target.target)


@dataclass
class Table:
    period: StrategyPeriod | None
    year: int
    today: datetime.date
    groups: list = field(default_factory=list)  # [(area label, [Row])]

    @property
    def is_current_year(self):
        return self.year == self.today.year

    @property
    def last_year(self):
        return self.year - 1

    @property
    def trend_years(self):
        return trend_years(self.period, self.today)

    @property
    def rows(self):
        return [row for _area, rows in self.groups for row in rows]


def choosable_years(periods, day):
    """Years of the strategy periods up to this one, newest first."""
    years = {year for period in periods for year in period.years if year <= day.year}
    return sorted(years, reverse=True)


def period_of(periods, year):
    return next((period for period in periods if year in period.years), None)


def default_year(periods, day):
    years = choosable_years(periods, day)
    return day.year if day.year in years else (years[0] if years else day.year)


def trend_years(period, day):
    """The period's years begun by today: the points of a target's trend."""
    if period is None:
        return []
    return [year for year in period.years if year <= day.year]


def build_table(period, year, day=None):
    """Every target of the period with its figure of `year`, of the year before, its trend
    over the period and its status. A fixed number of queries, whatever the data.

    A figure entered by hand stands in for the computed one. The site counts nothing before
    the period's `records_from` (the years before the site held the data), nor, for a
    measure that compares with earlier years, in that first year of records."""
    day = day or today()
    table = Table(period=period, year=year, today=day)
    if period is None:
        return table
    targets = list(Target.objects.of_period(period).select_related("award_kind"))
    years = sorted(set(trend_years(period, day)) | {year, year - 1})
    counted_years = [each for each in years if each >= period.records_from]
    figures = Figures(counted_years) if counted_years else None
    entered = {
        (figure.target_id, figure.year): figure
        for figure in EnteredFigure.objects.filter(
            target__period=period, year__in=years
        ).select_related("entered_by")
    }
    computed = {}
    rows_by_area = defaultdict(list)
    for target in targets:
        found = {}
        if not target.is_entered and figures is not None:
            key = (target.measure, target.award_kind_id)
            if key not in computed:
                computed[key] = figures.of(target.measure, target.award_kind_id)
            found = computed[key]
        cells = {
            each: cell_of(target, period, each, found.get(each), entered.get((target.pk, each)))
            for each in years
        }
        cell = cells[year]
        rows_by_area[target.area].append(
            Row(
                target=target,
                cell=cell,
                last_year=cells[year - 1],
                trend=[cells[each] for each in trend_years(period, day)],
                status=status_of(
                    cell.value,
                    target.target,
                    target.comparison,
                    year,
                    day,
                    pro_rated=target.pro_rated and not cell.is_entered,
                ),
                how=Measure(target.measure).label,
            )
        )
    table.groups = [
        (area.label, rows_by_area[area.value]) for area in Area if rows_by_area[area.value]
    ]
    return table


def cell_of(target, period, year, found, entered):
    """A target's cell of a year from the computed Figure (or None) and the entered one."""
    first_counted = target.first_counted_year(period)
    counted = found if first_counted is not None and year >= first_counted else None
    if entered is not None:
        return Cell(year, entered.value, None, entered.note, entered, counted)
    if counted is not None:
        return Cell(year, counted.value, counted.url, counted.detail, list_label=counted.list_label)
    if target.is_entered:
        return Cell(year, None)
    if year < period.records_from:
        missing = _("The site holds no data before %(year)s: enter the figure by hand.") % {
            "year": period.records_from
        }
    else:
        missing = _(
            "The first year of the site's data: with nothing earlier to compare with, there "
            "is no figure. Enter it by hand."
        )
    return Cell(year, None, missing=missing)


def save_entered_figure(target, year, *, value, note, by):
    """Enter or replace a year's figure of a target, by hand; None clears it (a computed
    target then shows the site's figure again)."""
    if value is None:
        EnteredFigure.objects.filter(target=target, year=year).delete()
        return None
    figure, _created = EnteredFigure.objects.update_or_create(
        target=target,
        year=year,
        defaults={"value": value, "note": note, "entered_by": by, "entered_at": timezone.now()},
    )
    return figure


def periods():
    return list(StrategyPeriod.objects.all())
