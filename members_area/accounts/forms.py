from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.filters import ListFilterForm
from members_area.accounts.models import Person, RecordAccess


class RecordAccessFilterForm(ListFilterForm):
    """Whose records, and which login: to answer a family, or to look into one login."""

    person = forms.CharField(label=_("Name or member number"), required=False, max_length=100)
    login = forms.CharField(label=_("Login (e-mail)"), required=False, max_length=254)

    def filter(self, accesses):
        filters = self.valid_filters()
        words = filters.get("person", "").split()
        if words:
            # Every word about the same person: "Anna Ozola" is not Anna Kalna and Jānis Ozols.
            people = Person.objects.all()
            for word in words:
                people = people.filter(
                    Q(first_name__icontains=word)
                    | Q(last_name__icontains=word)
                    | Q(member_number__icontains=word)
                )
            links = RecordAccess.people.through.objects.filter(person__in=people)
            accesses = accesses.filter(pk__in=links.values("recordaccess_id"))
        if filters.get("login"):
            accesses = accesses.filter(by_email__icontains=filters["login"].strip())
        return accesses
