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


class CertificateCodeForm(forms.Form):
    """A coordinator types the code printed on a certificate to find it."""

    code = forms.CharField(
        label=_("Verification code"),
        max_length=60,  # typed with dashes and spaces
        help_text=_("As printed on the certificate; dashes, spaces and capitals do not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it revoked?"),
        help_text=_("The holder's family sees this reason."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the certificate is revoked.")},
    )
    confirm = forms.BooleanField(
        label=_("I understand that the certificate stops being valid at once and for good."),
        error_messages={"required": _("Confirm that the certificate is to be revoked.")},
    )
