"""The filters of the staff project list and its exports, read from the address (GET).

Every figure of the yearly picture (dashboard.py) links here with the filters that select
exactly the projects it counts. Only the clubs the login manages are offered, and the list is
always narrowed to its projects first: a filter can never widen it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.collation import latvian_order
from home.filters import ListFilterForm
from home.models import in_default_language
from members_area.accounts.models import AgeGroup
from members_area.clubs.models import Club
from members_area.projects.dashboard import (
    COUNTED,
    NOT_SET,
    THEME_FIELDS,
    region_names,
    theme_titles,
    years_of,
)
from members_area.projects.models import Project, ProjectKind, ProjectThemePage, current_year

EVERYTHING = [("", _("All"))]


class YearForm(ListFilterForm):
    """The dashboard's one filter: which year to show (this year by default)."""

    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, projects):
        super().__init__(data)
        self.fields["year"].choices = [(year, year) for year in years_of(projects)]

    @property
    def chosen_year(self):
        return self.valid_filters().get("year") or current_year()


class ProjectFilterForm(ListFilterForm):
    """Year (this year by default), theme, kind, region, club, age group, state and title.

    A value that is not known is reported next to its field and left out; the other
    filters still apply.
    """

    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=EVERYTHING)
    region = forms.ChoiceField(label=_("Club's region"), required=False)
    club = forms.ModelChoiceField(
        label=_("Club"),
        queryset=Club.objects.none(),
        to_field_name="number",
        required=False,
        empty_label=_("All"),
    )
    age_group = forms.ChoiceField(label=_("Age group"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    q = forms.CharField(label=_("Title"), required=False, max_length=100)

    def __init__(self, data, *, user, locale):
        super().__init__(data)
        self.fields["theme"].choices = EVERYTHING + self.theme_choices(locale)
        years = set(years_of(Project.objects.managed_by(user))) | set(self.theme_years.values())
        self.fields["year"].choices = [(year, year) for year in sorted(years, reverse=True)]
        self.fields["kind"].choices = EVERYTHING + ProjectKind.choices
        self.region_names = region_names(locale)  # also for the list's rows
        self.fields["region"].choices = (
            EVERYTHING + list(self.region_names.items()) + [(NOT_SET, _("No region (online club)"))]
        )
        self.fields["club"].queryset = Club.objects.managed_by(user)
        self.fields["age_group"].choices = EVERYTHING + AgeGroup.choices + [(NOT_SET, _("Not set"))]
        self.fields["state"].choices = [
            ("", _("All, drafts too")),
            (COUNTED, _("All but drafts (counted)")),
            *Project.State.choices,
        ]
        self.follow_the_themes_year()

    def follow_the_themes_year(self):
        """A theme is of one year: choosing it chooses that year (the year field shows it)."""
        theme = self.data.get("theme", "") if self.is_bound else ""
        if theme.isdigit() and int(theme) in self.theme_years:
            self.data = self.data.copy()
            self.data["year"] = str(self.theme_years[int(theme)])

    def theme_choices(self, locale):
        """Every theme by year, newest first, titled in the visitor's language."""
        themes = list(
            ProjectThemePage.objects.filter(in_default_language())
            .order_by("-year", "pk")
            .values(*THEME_FIELDS)
        )
        titles = theme_titles(themes, locale)
        self.theme_titles = titles  # also for the list's rows
        self.theme_years = {theme["pk"]: theme["year"] for theme in themes}
        by_year = {}
        for theme in themes:
            by_year.setdefault(theme["year"], []).append((theme["pk"], titles[theme["pk"]]))
        return [
            (str(year), sorted(choices, key=lambda choice: latvian_order(choice[1])))
            for year, choices in by_year.items()
        ]

    @property
    def chosen_year(self):
        """The year asked for (a theme's, when one is chosen); else this year."""
        return self.valid_filters().get("year") or current_year()

    def filter(self, projects):
        """These projects narrowed to the valid filters (this year's, by default)."""
        filters = self.valid_filters()
        projects = projects.filter(year=self.chosen_year)
        if "theme" in filters:
            projects = projects.filter(theme_id=filters["theme"])
        if "kind" in filters:
            projects = projects.filter(kind=filters["kind"])
        if "region" in filters:
            if filters["region"] == NOT_SET:
                projects = projects.filter(club__municipality__region__isnull=True)
            else:
                projects = projects.filter(club__municipality__region__slug=filters["region"])
        if "club" in filters:
            projects = projects.filter(club=filters["club"])
        if "age_group" in filters:
            age_group = "" if filters["age_group"] == NOT_SET else filters["age_group"]
            projects = projects.filter(age_group=age_group)
        if filters.get("state") == COUNTED:
            projects = projects.counted()
        elif "state" in filters:
            projects = projects.filter(state=filters["state"])
        for word in filters.get("q", "").split():
            projects = projects.filter(title__icontains=word)
        return projects
