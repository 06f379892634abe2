import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members_area.certificates.models import Language


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return person.full_name


class VolunteerCertificateForm(forms.Form):
    person = PersonChoiceField(label=_("Volunteer"), queryset=None, empty_label=None)
    date_from = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    language = forms.ChoiceField(
        label=_("Language of the certificate"),
        choices=Language.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        today = timezone.localdate()
        self.initial.setdefault("date_from", datetime.date(today.year, 1, 1))
        self.initial.setdefault("date_to", today)
        language = get_language()
        self.initial.setdefault("language", language if language in Language.values else "lv")
