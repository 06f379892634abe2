from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.ids import MultipleIdsChoiceField
from home.models import Region
from members_area.council.models import (
    CouncilMembership,
    Meeting,
    Proposal,
    ProposalVote,
    Survey,
    SurveyQuestion,
)

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return person.full_name


class PeopleChoiceField(MultipleIdsChoiceField):
    def label_from_instance(self, person):
        return person.full_name


class AppointForm(forms.ModelForm):
    person = PersonChoiceField(label=_("Youth"), queryset=None)

    class Meta:
        model = CouncilMembership
        fields = ["person", "role", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {"person": _("Members of 13–25 this year with their own login.")}

    def __init__(self, *args, youths, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = youths
        self.fields["person"].help_text = self._meta.help_texts["person"]
        today = timezone.localdate()
        self.initial.setdefault("starts_on", today)
        self.initial.setdefault("ends_on", today.replace(year=today.year + 1))


class MeetingForm(forms.ModelForm):
    link = forms.URLField(
        label=_("Video call link"),
        required=False,
        assume_scheme="https",
        help_text=_("For an online meeting; only council members and coordinators see it."),
    )
    attendees = PeopleChoiceField(
        label=_("Present"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Council members of the meeting's day; marked once it has begun."),
    )

    class Meta:
        model = Meeting
        fields = [
            "title",
            "kind",
            "is_training",
            "starts_at",
            "ends_at",
            "place",
            "link",
            "agenda",
            "minutes",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
            ),
            "kind": forms.RadioSelect,
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "minutes": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "place": _("For a meeting in person."),
        }

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT]
        self.fields["attendees"].queryset = members
        if self.instance.pk:
            self.initial.setdefault(
                "attendees", list(self.instance.attendance.values_list("person_id", flat=True))
            )


class ProposalForm(forms.ModelForm):
    person = PersonChoiceField(label=_("Proposed by"), queryset=None, empty_label=None)

    class Meta:
        model = Proposal
        fields = ["person", "title", "text"]
        labels = {"title": _("In a few words"), "text": _("What should change, and why")}
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"), choices=ProposalVote.Choice.choices, widget=forms.RadioSelect
    )


class StateChangeForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, region):
        return region.name


class SurveyForm(forms.ModelForm):
    region = RegionChoiceField(label=_("Region"), queryset=None, required=False)

    class Meta:
        model = Survey
        fields = ["title", "intro", "anonymous", "audience", "age_group", "region"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 3}), "audience": forms.RadioSelect}
        help_texts = {
            "age_group": _("When an age group is asked."),
            "audience": _(
                "Members of clubs this year; a region: where they live or their club is."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(locale__language_code="lv").order_by(
            "sort_order", "name"
        )
        self.fields["region"].help_text = _("When a region is asked.")


class QuestionForm(forms.ModelForm):
    choices_text = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For one or several choices: one choice a line."),
    )

    class Meta:
        model = SurveyQuestion
        fields = ["kind", "text", "required"]


class AnswerForm(forms.Form):
    """A survey's questions as form fields (q<pk>); the services check the values.

    `people`: a queryset of those still to answer (services.waiting_people); when there are
    several (`choose_person`), a field asks which of them answers."""

    def __init__(self, *args, survey, questions, people, choose_person, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        if choose_person:
            self.fields["person"] = PersonChoiceField(
                label=_("Who answers"), queryset=people, empty_label=None
            )
        for question in questions:
            self.fields[f"q{question.pk}"] = self.question_field(question)

    @staticmethod
    def question_field(question):
        common = {"label": question.text, "required": question.required}
        kind = SurveyQuestion.Kind
        if question.kind == kind.TEXT:
            return forms.CharField(
                widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, **common
            )
        if question.kind == kind.SCALE:
            choices = [(value, str(value)) for value in SurveyQuestion.SCALE_VALUES]
            return forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=_("1 — not at all, 5 — very much"),
                **common,
            )
        choices = list(enumerate(question.choices))
        if question.kind == kind.MULTIPLE:
            return forms.TypedMultipleChoiceField(
                choices=choices, coerce=int, widget=forms.CheckboxSelectMultiple, **common
            )
        return forms.TypedChoiceField(
            choices=choices, coerce=int, widget=forms.RadioSelect, **common
        )

    def raw_answers(self):
        """{question pk: [value, …]} as the services read them."""
        return {
            question.pk: [str(value) for value in self.data.getlist(f"q{question.pk}")]
            for question in self.questions
        }
