from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.filters import ListFilterForm


class RecordAccessFilterForm(ListFilterForm):
    """Whose records, and which login: to answer a family, or to look into one login."""

    person = forms.CharField(label=_("Name or member number"), required=False, max_length=100)
    login = forms.CharField(label=_("Login (e-mail)"), required=False, max_length=254)

    def filter(self, accesses):
        filters = self.valid_filters()
        for word in filters.get("person", "").split():
            accesses = accesses.filter(
                Q(people__first_name__icontains=word)
                | Q(people__last_name__icontains=word)
                | Q(people__member_number__icontains=word)
            )
        if filters.get("login"):
            accesses = accesses.filter(by_email__icontains=filters["login"].strip())
        return accesses.distinct()
