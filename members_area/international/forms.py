from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from home.ids import MultipleIdsChoiceField, PageChoiceField
from members_area.international import services
from members_area.international.models import (
    HOME_COUNTRY,
    VOLUNTEERING_AT_HOME,
    Interest,
    Participation,
)
from opportunities.countries import COUNTRY_NAMES, sorted_countries
from opportunities.models import OpportunityType

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InterestForm(forms.Form):
    """Who of the family is interested; the page lists each person with why he may not."""

    person = forms.ModelChoiceField(
        label=_("Who is interested"),
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who is interested.")},
    )
    message = forms.CharField(
        label=_("Message to the office"),
        required=False,
        max_length=Interest._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: questions, experience, languages spoken."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


def country_choices():
    return sorted_countries(COUNTRY_NAMES)


class ParticipationFieldsForm(forms.Form):
    """What was taken part in, and when: the fields every way of recording shares."""

    activity = forms.CharField(
        label=_("International activity"),
        max_length=Participation._meta.get_field("activity").max_length,
        required=False,
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    start_date = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    end_date = forms.DateField(
        label=_("To"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Leave empty for a one-day activity."),
    )

    # Filled in from the chosen opportunity when left empty (see clean()).
    required_fields = ("activity", "kind", "country", "start_date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "—"), *OpportunityType.choices]
        self.fields["country"].choices = [("", "—"), *country_choices()]

    def chosen_opportunity(self, data):
        return None

    def clean(self):
        data = super().clean()
        opportunity = self.chosen_opportunity(data)
        if opportunity is not None:
            for name, value in services.participation_defaults(opportunity).items():
                if not data.get(name) and name not in self.errors:
                    data[name] = value
        for name in self.required_fields:
            if not data.get(name) and name not in self.errors:
                self.add_error(name, forms.Field.default_error_messages["required"])
        start, end = data.get("start_date"), data.get("end_date")
        if start and not end and "end_date" not in self.errors:
            data["end_date"] = start
        elif start and end and end < start:
            self.add_error("end_date", _("The activity cannot end before it starts."))
        if (
            data.get("kind") == OpportunityType.VOLUNTEERING
            and data.get("country") == HOME_COUNTRY
            and "country" not in self.errors
        ):
            self.add_error("country", VOLUNTEERING_AT_HOME)
        return data

    def participation_values(self):
        return {name: self.cleaned_data[name] for name in services.PARTICIPATION_FIELDS}


class RecordFromInterestsForm(ParticipationFieldsForm):
    """Participation of some of those who marked interest in one opportunity."""

    people = MultipleIdsChoiceField(
        label=_("Who took part"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose who took part.")},
    )

    field_order = ["people", "activity", "kind", "country", "start_date", "end_date"]

    def __init__(self, *args, opportunity, people, **kwargs):
        self.opportunity = opportunity
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people
        self.fields["people"].label_from_instance = lambda person: person.full_name
        for name, value in services.participation_defaults(opportunity).items():
            self.initial.setdefault(name, value)

    def chosen_opportunity(self, data):
        return self.opportunity


class OpportunityChoiceField(PageChoiceField):
    def label_from_instance(self, page):
        return f"{page.title} ({date_format(page.start_date, 'SHORT_DATE_FORMAT')})"


class ParticipationForm(ParticipationFieldsForm):
    """A participation recorded directly (the person by member number), or corrected."""

    member_number = forms.CharField(
        label=_("Member number"),
        max_length=20,
        help_text=_("As on the member card, e.g. M-2026-00123."),
    )
    opportunity = OpportunityChoiceField(
        label=_("Published opportunity"),
        queryset=None,
        required=False,
        help_text=_(
            "If it was one of the site's opportunities: its title, kind, country and dates "
            "fill the fields left empty."
        ),
    )

    field_order = [
        "member_number",
        "opportunity",
        "activity",
        "kind",
        "country",
        "start_date",
        "end_date",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = services.recorded_opportunities()

    def chosen_opportunity(self, data):
        return data.get("opportunity")

    def clean_member_number(self):
        return self.cleaned_data["member_number"].strip().upper()

    @classmethod
    def initial_for(cls, participation):
        return {
            "member_number": participation.person.member_number or "",
            "opportunity": participation.opportunity_id,
            **{name: getattr(participation, name) for name in services.PARTICIPATION_FIELDS},
        }
