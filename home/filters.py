"""What the filtered lists of the site (news, events, opportunities) have in common."""

from django import forms


class ListFilterForm(forms.Form):
    """Filters read from the address (GET), so a filtered list can be shared.

    A value that is not known is reported next to its field and left out of the filtering;
    the others still apply. Subclasses define the fields and `filter(queryset)`.
    """

    @property
    def is_filtered(self):
        return bool(self.valid_filters())

    def valid_filters(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value is not None and value != ""
        }
