"""Forms of applications and reports, with a field for each of the theme's extra questions.

Every field is optional here: a draft may be incomplete. What submission needs is checked by
services.application_problems / report_problems, whose messages are attached to these fields.
"""

import datetime
import decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from home.ids import MultipleIdsChoiceField
from members_area.projects.models import Project, ProjectFile, ProjectKind
from members_area.projects.services import answer_field, build_answers

ACCEPTED_PHOTOS = "image/jpeg,image/png,image/heic,image/heif,.heic,.heif,.jpg,.jpeg,.png"
REQUIRED_NOTE = _("Required to submit.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (photos from a phone's gallery)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        if isinstance(data, (list, tuple)):
            return [clean_one(item, initial) for item in data if item]
        return [clean_one(data, initial)] if data else []


def question_field(question):
    """A form field for one question; its type checks the answer, not whether it is given."""
    help_text = question["help_text"]
    if question["required"]:
        help_text = f"{help_text} {REQUIRED_NOTE}".strip()
    common = {"label": question["label"], "help_text": help_text, "required": False}
    kind = question["kind"]
    if kind == "long_text":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, **common)
    if kind == "number":
        if question["unit"]:
            common["label"] = f"{question['label']} ({question['unit']})"
        return forms.DecimalField(max_digits=14, decimal_places=3, **common)
    if kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == "choice":
        labels = question.get("option_labels") or question["options"]
        choices = list(zip(question["options"], labels, strict=True))
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == "photo":
        return forms.FileField(widget=forms.FileInput(attrs={"accept": ACCEPTED_PHOTOS}), **common)
    if kind == "file":
        return forms.FileField(
            widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}), **common
        )
    return forms.CharField(max_length=300, **common)


def stored_value(question, value):
    """An answer as JSON: numbers as text (no float rounding), dates as ISO."""
    if value in (None, ""):
        return None
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def initial_value(question, value):
    if value is None:
        return None
    if question["kind"] == "date":
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return None
    return value


class QuestionsMixin:
    """Adds a field per question, filled from the stored answers; files are handled aside."""

    def add_questions(self, questions, stored_answers):
        self.questions = questions
        stored = {answer["question"]["key"]: answer.get("value") for answer in stored_answers}
        for question in questions:
            name = answer_field(question["key"])
            self.fields[name] = question_field(question)
            if question["kind"] not in ("photo", "file"):
                self.initial[name] = initial_value(question, stored.get(question["key"]))

    def file_questions(self):
        return [q for q in self.questions if q["kind"] in ("photo", "file")]

    def answers(self, previous):
        values = {}
        for question in self.questions:
            if question["kind"] in ("photo", "file"):
                continue
            values[question["key"]] = stored_value(
                question, self.cleaned_data.get(answer_field(question["key"]))
            )
        return build_answers(self.questions, values, previous)

    def answer_fields(self):
        return [self[answer_field(question["key"])] for question in self.questions]


class NewProjectForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), widget=forms.RadioSelect)
    start = forms.ChoiceField(label=_("Who does the project?"), widget=forms.RadioSelect)

    def __init__(self, *args, themes, starting_points, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {str(theme.pk): theme for theme in themes}
        self.fields["theme"].choices = [
            (pk, f"{theme.title} ({theme.get_kind_display()})") for pk, theme in self.themes.items()
        ]
        self.points = {}
        choices = []
        for person, club in starting_points:
            key = f"{person.pk if person else 'group'}-{club.pk}"
            self.points[key] = (person, club)
            if person is None:
                label = _("A group of %(club)s (I lead it)") % {"club": club}
            else:
                label = f"{person.full_name}, {club}"
            choices.append((key, label))
        self.fields["start"].choices = choices

    def clean(self):
        cleaned = super().clean()
        theme = self.themes.get(cleaned.get("theme"))
        point = self.points.get(cleaned.get("start"))
        if theme and point:
            person, _club = point
            if person is None and theme.kind == ProjectKind.INDIVIDUAL:
                self.add_error(
                    "start",
                    _("An individual project is done by one member: choose who does it."),
                )
        cleaned["theme_page"] = theme
        cleaned["point"] = point
        return cleaned


class ApplicationForm(QuestionsMixin, forms.ModelForm):
    members = MultipleIdsChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick someone to take him off the team."),
    )

    class Meta:
        model = Project
        fields = ["title", "goal", "plan", "timeline"]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "plan": forms.Textarea(attrs={"rows": 6}),
            "timeline": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "goal": _("What should be different when the project is done?"),
            "plan": _("What will be done, how, with whom and with what."),
            "timeline": _("When each step will be done, until the report."),
        }

    add_member = forms.CharField(
        label=_("Add a team member: member number"),
        required=False,
        max_length=20,
        help_text=_(
            "Ask the teammate's family for the number on the member card (e.g. M-2026-00042)."
        ),
    )
    add_member_name = forms.CharField(label=_("and first name"), required=False, max_length=100)

    def __init__(self, *args, questions, team_choices, team_candidates, name_of, **kwargs):
        super().__init__(*args, **kwargs)
        self.team_candidates = team_candidates
        self.fields["members"].queryset = team_choices
        self.fields["members"].label_from_instance = name_of
        self.initial["members"] = list(self.instance.members.values_list("pk", flat=True))
        if self.instance.kind == ProjectKind.INDIVIDUAL:
            # One author, chosen when the project was started.
            for name in ("members", "add_member", "add_member_name"):
                del self.fields[name]
        self.add_questions(questions, self.instance.answers)

    def clean(self):
        """A teammate is found by his member number and first name together, so that nobody
        learns the names behind member numbers by trying them."""
        cleaned = super().clean()
        number = (cleaned.get("add_member") or "").strip().upper()
        first_name = (cleaned.get("add_member_name") or "").strip()
        cleaned["add_member"] = None
        if not number and not first_name:
            return cleaned
        person = None
        if number and first_name:
            person = self.team_candidates.filter(
                member_number=number, first_name__iexact=first_name
            ).first()
        if person is None:
            self.add_error(
                "add_member",
                _(
                    "No member of %(club)s this year has this member number and first name: "
                    "check both with the teammate's family."
                )
                % {"club": self.instance.club},
            )
        cleaned["add_member"] = person
        return cleaned

    def team(self):
        """The team as ticked, with the member added by number."""
        if "members" not in self.fields:
            return None
        team = list(self.cleaned_data.get("members") or [])
        added = self.cleaned_data.get("add_member")
        if added is not None and added not in team:
            team.append(added)
        return team


class ReportForm(QuestionsMixin, forms.ModelForm):
    photos = MultipleFileField(
        label=_("Photos"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPTED_PHOTOS}),
        help_text=_(
            "Up to 10 photos (JPEG, PNG or HEIC from a phone). Where a photo was taken is "
            "removed from it before it is stored."
        ),
    )
    attachments = MultipleFileField(
        label=_("Attachments (PDF)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text=_("E.g. a budget or a diary, as PDF files of up to 10 MB."),
    )

    class Meta:
        model = Project
        fields = ["report_done", "report_learnt"]
        widgets = {
            "report_done": forms.Textarea(attrs={"rows": 6}),
            "report_learnt": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"report_done": _("What was done"), "report_learnt": _("What was learnt")}

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_questions(questions, self.instance.report_answers)


def removable_files(project, stage, data):
    """The files the author ticked to remove, among this project's files of this stage."""
    ids = [value for value in data.getlist("remove_file") if value.isdigit()]
    return ProjectFile.objects.filter(project=project, stage=stage, pk__in=ids)


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the family"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when returning: say what should be changed."),
    )


class LateReportForm(forms.Form):
    until = forms.DateField(
        label=_("Allow the report until"), widget=forms.DateInput(attrs={"type": "date"})
    )
