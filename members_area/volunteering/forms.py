from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventPage
from home.ids import PageChoiceField
from members_area.accounts.models import Person
from members_area.volunteering import services
from members_area.volunteering.models import (
    MAX_HOURS_A_DAY,
    QUARTER,
    AwardKind,
    TrainingRecord,
    VolunteerEntry,
)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return person.full_name


class LogHoursForm(forms.ModelForm):
    person = PersonChoiceField(label=_("Volunteer"), queryset=None, empty_label=None)

    class Meta:
        model = VolunteerEntry
        fields = ["person", "club", "date", "hours", "kind", "event", "description"]
        field_classes = {"event": PageChoiceField}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "hours": forms.NumberInput(
                attrs={"step": str(QUARTER), "min": str(QUARTER), "max": str(MAX_HOURS_A_DAY)}
            ),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "hours": _("In quarters of an hour (0.25), at most 16 a day."),
            "event": _("If the work was at one of the organisation's events."),
        }

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        # In January last year's clubs too; `log_hours` checks the club against the date's year.
        self.fields["club"].queryset = services.loggable_clubs(people)
        self.fields["club"].empty_label = None
        self.fields["event"].queryset = (
            EventPage.objects.live()
            .filter(locale__language_code="lv", start__year__gte=timezone.localdate().year - 1)
            .order_by("-start")
        )
        self.fields["event"].required = False
        # The browser's date picker offers only the days `check_date` accepts.
        first, last = services.loggable_dates()
        self.fields["date"].widget.attrs.update(min=first.isoformat(), max=last.isoformat())
        self.initial.setdefault("date", last)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The volunteer sees it."),
    )


class TrainingForm(forms.ModelForm):
    person = PersonChoiceField(label=_("Leader"), queryset=None)

    class Meta:
        model = TrainingRecord
        fields = ["person", "course", "provider", "date", "hours", "event"]
        field_classes = {"event": PageChoiceField}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "hours": forms.NumberInput(attrs={"step": str(QUARTER), "min": str(QUARTER)}),
        }

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = leaders
        self.fields["event"].queryset = (
            EventPage.objects.live()
            .filter(locale__language_code="lv", start__year__gte=timezone.localdate().year - 1)
            .order_by("-start")
        )
        self.fields["event"].required = False


class GrantForm(forms.Form):
    kind = forms.ModelChoiceField(queryset=AwardKind.objects.filter(active=True))
    person = forms.ModelChoiceField(queryset=Person.objects.not_erased())
    year = forms.IntegerField(min_value=2000, max_value=2200)
    granted_on = forms.DateField(
        label=_("Granted on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)
