from django import forms
from django.utils.translation import gettext_lazy as _


class YearForm(forms.Form):
    """Which year the dashboard shows: a year of a strategy period, up to this one."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, data, *, years, default):
        super().__init__(data)
        self.fields["year"].choices = [(year, year) for year in years]
        self.default = default

    @property
    def chosen_year(self):
        """The year asked for; this year (or the latest one) when none or an unknown one is."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["year"]
        return self.default


class EnteredFigureForm(forms.Form):
    """A year's figure of a target, by hand; empty clears it (a figure the site counts is then
    shown again)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, widget=forms.HiddenInput)
    value = forms.DecimalField(
        label=_("Figure"),
        max_digits=12,
        decimal_places=2,
        required=False,
        localize=True,
        help_text=_("Leave it empty to remove the figure entered by hand."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("Where the figure comes from, e.g. the annual accounts."),
    )

    def __init__(self, data=None, *, years, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]
