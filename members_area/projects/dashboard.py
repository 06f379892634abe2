"""The yearly picture: how many projects the clubs do, against the strategy's targets.

Every figure counts one year's projects among those a login manages (coordinators: every
club's, leaders: their clubs') and links to the staff list filtered to exactly those projects.
Figures are grouped queries, a fixed number of them however many projects there are.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from home.collation import latvian_order
from home.models import Region, in_default_language
from members_area.accounts.models import AgeGroup
from members_area.projects.models import Project, ProjectKind, ProjectThemePage, current_year

# The strategy's yearly targets for the whole organisation (not shown to a club's leader).
PROJECTS_TARGET = 500
LOCAL_INITIATIVES_TARGET = 20

# Filter values of the staff list beyond the fields' own choices.
COUNTED = "counted"  # every state but draft: what the strategy counts
NOT_SET = "none"  # no region (the online club), no age group

YOUTH_AGE_GROUPS = [group for group in AgeGroup if group != AgeGroup.ADULTS]


@dataclass(frozen=True)
class Figure:
    """One count and the address of the list of the projects it counts (None: no such list)."""

    count: int
    url: str | None


@dataclass(frozen=True)
class Row:
    """One line of the picture: this year's and last year's figure."""

    label: str
    this_year: Figure
    last_year: Figure

    @property
    def change(self):
        return self.this_year.count - self.last_year.count

    @property
    def signed_change(self):
        """The change as read in a table: +3, −2 (a minus sign, not a hyphen), 0."""
        change = self.change
        return f"+{change}" if change > 0 else f"\u2212{-change}" if change < 0 else "0"


@dataclass(frozen=True)
class YearlyPicture:
    year: int
    last_year: int
    projects: Row
    local_initiatives: Row
    participants: Row
    drafts: Row
    by_theme: list
    by_kind: list
    by_region: list
    by_club: list
    by_age_group: list
    by_state: list
    # None for a leader: the targets are the whole organisation's.
    projects_target: int | None
    local_initiatives_target: int | None

    @property
    def projects_share(self):
        return share(self.projects.this_year.count, self.projects_target)

    @property
    def local_initiatives_share(self):
        return share(self.local_initiatives.this_year.count, self.local_initiatives_target)


def share(count, target):
    """Per cent of a target reached (at most 100, for a progress bar)."""
    if not target:
        return None
    return min(100, round(count * 100 / target))


def years_of(projects):
    """The years these projects were done in, newest first; this year always among them."""
    years = set(projects.order_by().values_list("year", flat=True).distinct())
    years.add(current_year())
    return sorted(years, reverse=True)


def theme_titles(themes, locale):
    """{theme pk: title in the locale's language}: its live translation's, else its own.

    `themes` are dicts with pk, title, translation_key and locale_id (one query for all).
    """
    titles = {theme["pk"]: theme["title"] for theme in themes}
    keys = {theme["translation_key"] for theme in themes if theme["locale_id"] != locale.pk}
    if not keys:
        return titles
    translated = dict(
        ProjectThemePage.objects.filter(locale=locale, translation_key__in=keys, live=True)
        .order_by()
        .values_list("translation_key", "title")
    )
    for theme in themes:
        if theme["translation_key"] in translated:
            titles[theme["pk"]] = translated[theme["translation_key"]]
    return titles


THEME_FIELDS = ("pk", "title", "translation_key", "locale_id", "year")


def themes_by_pk(pks):
    return list(ProjectThemePage.objects.filter(pk__in=pks).order_by().values(*THEME_FIELDS))


def region_names(locale):
    """{region slug: name in the locale's language}, as the clubs' pages name them."""
    return dict(Region.objects.choices_in(locale.pk))


def grouped(projects, years, *fields):
    """[{year, *fields, n}]: how many of these projects share each value, per year."""
    return list(
        projects.filter(year__in=years).order_by().values("year", *fields).annotate(n=Count("pk"))
    )


def tally(rows, field):
    """{(year, value): count} from `grouped` rows."""
    return {(row["year"], row[field]): row["n"] for row in rows}


class Picture:
    """Builds the figures of one year (and the year before) over a login's projects."""

    def __init__(self, projects, year, *, locale, national):
        self.projects = projects
        self.counted = projects.counted()
        self.year = year
        self.years = (year, year - 1)
        self.locale = locale
        self.national = national
        self.list_url = reverse("projects:staff_list")

    def link(self, **filters):
        return f"{self.list_url}?{urlencode(filters)}"

    def row(self, label, counts, value, **filters):
        """A line of counts[(year, value)], each linked to the list of that year's projects."""
        figures = [
            Figure(counts.get((year, value), 0), self.link(year=year, **filters))
            for year in self.years
        ]
        return Row(str(label), *figures)

    def build(self):
        states = tally(grouped(self.projects, self.years, "state"), "state")
        counted = {
            year: sum(
                n for (y, state), n in states.items() if y == year and state != Project.State.DRAFT
            )
            for year in self.years
        }
        kinds = self.by_kind()
        return YearlyPicture(
            year=self.year,
            last_year=self.year - 1,
            projects=self.row(
                _("Projects"), {(y, None): counted[y] for y in self.years}, None, state=COUNTED
            ),
            local_initiatives=next(
                row for value, row in kinds if value == ProjectKind.LOCAL_INITIATIVE
            ),
            participants=self.participants(),
            drafts=self.row(Project.State.DRAFT.label, states, Project.State.DRAFT, state="draft"),
            by_theme=self.by_theme(),
            by_kind=[row for _value, row in kinds],
            by_region=self.by_region(),
            by_club=self.by_club(),
            by_age_group=self.by_age_group(),
            by_state=[
                self.row(state.label, states, state.value, state=state.value)
                for state in Project.State
                if state != Project.State.DRAFT
            ],
            projects_target=PROJECTS_TARGET if self.national else None,
            local_initiatives_target=LOCAL_INITIATIVES_TARGET if self.national else None,
        )

    def participants(self):
        """Distinct people in the year's counted projects (linked to those projects)."""
        rows = (
            self.counted.filter(year__in=self.years)
            .order_by()
            .values("year")
            .annotate(n=Count("members", distinct=True))
        )
        counts = {(row["year"], None): row["n"] for row in rows}
        return self.row(_("Participants"), counts, None, state=COUNTED)

    def by_kind(self):
        counts = tally(grouped(self.counted, self.years, "kind"), "kind")
        return [
            (kind.value, self.row(kind.label, counts, kind.value, kind=kind.value, state=COUNTED))
            for kind in ProjectKind
        ]

    def by_age_group(self):
        counts = tally(grouped(self.counted, self.years, "age_group"), "age_group")
        present = {value for _year, value in counts}
        rows = [
            self.row(group.label, counts, group.value, age_group=group.value, state=COUNTED)
            for group in AgeGroup
            if group in YOUTH_AGE_GROUPS or group.value in present
        ]
        if "" in present:
            rows.append(self.row(_("Not set"), counts, "", age_group=NOT_SET, state=COUNTED))
        return rows

    def by_region(self):
        field = "club__municipality__region__slug"
        counts = tally(grouped(self.counted, self.years, field), field)
        rows = [
            self.row(name, counts, slug, region=slug, state=COUNTED)
            for slug, name in region_names(self.locale).items()
        ]
        if any(value is None for _year, value in counts):
            rows.append(
                self.row(_("No region (online club)"), counts, None, region=NOT_SET, state=COUNTED)
            )
        return rows

    def by_club(self):
        """Every club with projects in either year, in Latvian alphabetical order."""
        found = grouped(self.counted, self.years, "club__number", "club__name")
        counts = tally(found, "club__number")
        names = {row["club__number"]: row["club__name"] for row in found}
        return [
            self.row(name, counts, number, club=number, state=COUNTED)
            for number, name in sorted(names.items(), key=lambda item: latvian_order(item[1]))
        ]

    def by_theme(self):
        """This year's themes, and last year's with projects, each beside its namesake.

        Themes are pages of one year; a theme of the same (Latvian) title the year before is
        its previous edition.
        """
        found = grouped(self.counted, self.years, "theme_id")
        counts = tally(found, "theme_id")
        this_years = ProjectThemePage.objects.filter(in_default_language(), year=self.year)
        themes = {
            theme["pk"]: theme
            for theme in [
                *this_years.order_by().values(*THEME_FIELDS),
                *themes_by_pk({row["theme_id"] for row in found}),
            ]
        }
        titles = theme_titles(list(themes.values()), self.locale)
        editions = []  # [(Latvian title, {year: theme pk})]
        for theme in sorted(themes.values(), key=lambda theme: theme["pk"]):
            # Projects are counted in their own year, whatever their theme's year.
            years = {year for year, pk in counts if pk == theme["pk"]} | {theme["year"]}
            for year in sorted(years & set(self.years)):
                edition = next(
                    (
                        by_year
                        for title, by_year in editions
                        if title == theme["title"] and year not in by_year
                    ),
                    None,
                )
                if edition is None:
                    editions.append((theme["title"], edition := {}))
                edition[year] = theme["pk"]
        rows = []
        for _title, by_year in editions:
            label = titles[by_year.get(self.year) or next(iter(by_year.values()))]
            figures = []
            for year in self.years:
                pk = by_year.get(year)
                if pk is None:
                    figures.append(Figure(0, None))
                else:
                    count = counts.get((year, pk), 0)
                    figures.append(Figure(count, self.link(year=year, theme=pk, state=COUNTED)))
            rows.append(Row(label, *figures))
        return sorted(rows, key=lambda row: latvian_order(row.label))


def yearly_picture(projects, year, *, locale, national):
    """The figures of `year` and the year before over `projects` (a login's managed ones).

    `national`: show the organisation's targets (coordinators).
    """
    return Picture(projects, year, locale=locale, national=national).build()
