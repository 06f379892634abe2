from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.filters import ListFilterForm
from home.models import Region
from members_area.accounts.models import AgeGroup, current_year
from members_area.clubs.models import Club, Membership

# Staff views ----------------------------------------------------------------------------------


class MemberFilterForm(ListFilterForm):
    """The filters of the staff member list and its exports, read from the address (GET).

    Only the clubs the login manages are offered. Without a year the list is this year's,
    without a status it shows active memberships. A value that is not known is reported next
    to its field and left out; the other filters still apply.
    """

    ACTIVE, ENDED, ANY = "active", "ended", "all"

    q = forms.CharField(label=_("Name or member number"), required=False, max_length=100)
    club = forms.ModelChoiceField(
        label=_("Club"),
        queryset=Club.objects.none(),
        to_field_name="number",
        required=False,
        empty_label=_("All"),
    )
    region = forms.ChoiceField(label=_("Club's region"), required=False)
    age_group = forms.ChoiceField(label=_("Age group"), required=False)
    status = forms.ChoiceField(
        label=_("Membership"),
        required=False,
        choices=[
            (ACTIVE, _("Active")),
            (ENDED, _("Ended")),
            (ANY, _("All")),
        ],
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, user, today=None):
        super().__init__(data)
        self.today = today or timezone.localdate()
        everything = [("", _("All"))]
        clubs = Club.objects.managed_by(user)
        self.fields["club"].queryset = clubs
        self.fields["region"].choices = everything + Region.objects.choices_in(
            Locale.get_active().pk
        )
        self.fields["age_group"].choices = everything + AgeGroup.choices
        years = set(
            Membership.objects.filter(club__in=clubs)
            .order_by()
            .values_list("year", flat=True)
            .distinct()
        )
        years.add(current_year())
        self.fields["year"].choices = [(year, year) for year in sorted(years, reverse=True)]

    @property
    def chosen_year(self):
        return self.valid_filters().get("year") or current_year()

    def filter(self, memberships):
        """These memberships narrowed to the valid filters (this year's active ones by default)."""
        filters = self.valid_filters()
        memberships = memberships.filter(year=self.chosen_year)
        status = filters.get("status") or self.ACTIVE
        if status != self.ANY:
            memberships = memberships.filter(status=status)
        if "club" in filters:
            memberships = memberships.filter(club=filters["club"])
        if "region" in filters:
            memberships = memberships.filter(club__municipality__region__slug=filters["region"])
        if "age_group" in filters:
            earliest, latest = AgeGroup(filters["age_group"]).birth_dates(self.today)
            memberships = memberships.filter(person__date_of_birth__lte=latest)
            if earliest is not None:
                memberships = memberships.filter(person__date_of_birth__gte=earliest)
        for word in filters.get("q", "").split():
            memberships = memberships.filter(
                Q(person__first_name__icontains=word)
                | Q(person__last_name__icontains=word)
                | Q(person__member_number__icontains=word)
            )
        return memberships

    def filters_for_log(self):
        """The valid filters as JSON-able values, for the export log."""
        filters = self.valid_filters()
        if "club" in filters:
            filters["club"] = filters["club"].number
        filters["year"] = self.chosen_year
        filters.setdefault("status", self.ACTIVE)
        return filters


class DeclineForm(forms.Form):
    """Why a join request is declined: the family reads it in the e-mail."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The family will read this in the e-mail, so write it kindly."),
        error_messages={"required": _("Write the reason: the family will read it.")},
    )
