from django import forms
from django.utils.translation import gettext_lazy as _

from home.filters import ListFilterForm
from opportunities.countries import COUNTRY_NAMES, sorted_countries
from opportunities.models import OLDEST_AGE, OpportunityType


class OpportunityFilterForm(ListFilterForm):
    """The filters of the opportunities (open and archived), read from the address.

    Values are the same in every language (`?type=youth-exchange&country=DE&age=17`). A value
    that is not known is reported next to its field and left out; the others still apply.
    """

    type = forms.ChoiceField(label=_("Type"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    age = forms.IntegerField(
        label=_("Age"),
        required=False,
        min_value=0,
        max_value=OLDEST_AGE,
        help_text=_("Opportunities open to a person of this age."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, data, *, index):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All types")), *OpportunityType.choices]
        # The countries this section has opportunities in; a known country asked for in the
        # address is accepted too (it simply matches nothing) rather than called unknown.
        codes = set(index.opportunities().order_by().values_list("country", flat=True))
        asked = self.data.get("country") if self.is_bound else None
        if asked in COUNTRY_NAMES:
            codes.add(asked)
        self.fields["country"].choices = [("", _("All countries")), *sorted_countries(codes)]

    def filter(self, opportunities):
        filters = self.valid_filters()
        if "type" in filters:
            opportunities = opportunities.filter(opportunity_type=filters["type"])
        if "country" in filters:
            opportunities = opportunities.filter(country=filters["country"])
        if "age" in filters:
            opportunities = opportunities.for_age(filters["age"])
        return opportunities
