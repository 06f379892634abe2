"""What editors define per project theme without code: evaluation criteria and extra questions.

A question's `key` is its stable name: answers are stored against it (with a copy of the
question), so it must be unique within one list of questions and should not change once
people have answered. Keys, kinds, points and "required" are not text: wagtail-localize does
not offer them for translation, so a translation always has the Latvian page's values.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError

MAX_POINTS = 100


class QuestionKeyBlock(blocks.FieldBlock):
    """A slug, not a CharBlock: wagtail-localize leaves it out of translation on purpose."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.SlugField(
            required=required, max_length=50, help_text=help_text, allow_unicode=False
        )
        super().__init__(**kwargs)

    def get_searchable_content(self, value):
        return []


class CriterionBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)
    max_points = blocks.IntegerBlock(
        label=_("maximum points"), min_value=1, max_value=MAX_POINTS, default=10
    )

    class Meta:
        icon = "list-ol"
        label = _("Criterion")


class CriteriaBlock(blocks.StreamBlock):
    criterion = CriterionBlock()

    class Meta:
        required = False


class QuestionBlock(blocks.StructBlock):
    """The fields every question has; kinds add what they need (options, unit)."""

    key = QuestionKeyBlock(
        label=_("key"),
        help_text=_(
            "A short name in Latin letters, digits and hyphens, unique among this list's "
            "questions (e.g. “harvest-weight”). Answers are stored by it: do not change it "
            "once people have answered."
        ),
    )
    label = blocks.CharBlock(label=_("question"), max_length=300)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=500)
    required = blocks.BooleanBlock(label=_("required"), required=False, default=True)

    class Meta:
        icon = "help"


class ShortTextQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Short text")


class LongTextQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Long text")
        icon = "pilcrow"


class NumberQuestionBlock(QuestionBlock):
    unit = blocks.CharBlock(
        label=_("unit"), required=False, max_length=30, help_text=_("E.g. kg, m², pieces.")
    )

    class Meta:
        label = _("Number")
        icon = "decimal"


class DateQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Date")
        icon = "date"


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("option"), max_length=200), label=_("options"), min_num=2
    )

    class Meta:
        label = _("Choice (one of several)")
        icon = "list-ul"

    def clean(self, value):
        value = super().clean(value)
        options = [option.strip().casefold() for option in value["options"]]
        if len(set(options)) != len(options):
            raise blocks.StructBlockValidationError(
                block_errors={"options": ValidationError(_("Each option must be different."))}
            )
        return value


class PhotoQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Photo")
        icon = "image"


class FileQuestionBlock(QuestionBlock):
    class Meta:
        label = _("File")
        icon = "doc-full"


class QuestionsBlock(blocks.StreamBlock):
    """An application's or a report's extra questions, in the order they are asked."""

    short_text = ShortTextQuestionBlock()
    long_text = LongTextQuestionBlock()
    number = NumberQuestionBlock()
    date = DateQuestionBlock()
    choice = ChoiceQuestionBlock()
    photo = PhotoQuestionBlock()
    file = FileQuestionBlock()

    class Meta:
        required = False

    def clean(self, value):
        value = super().clean(value)
        seen = {}
        errors = {}
        for index, child in enumerate(value):
            key = child.value["key"]
            if key in seen:
                message = _("The key “%(key)s” is already used by question %(number)s.") % {
                    "key": key,
                    "number": seen[key] + 1,
                }
                errors[index] = blocks.StructBlockValidationError(
                    block_errors={"key": ValidationError(message)}
                )
            else:
                seen[key] = index
        if errors:
            duplicates = sorted({value[i].value["key"] for i in errors})
            raise StreamBlockValidationError(
                block_errors=errors,
                non_block_errors=[
                    ValidationError(
                        _("Each question needs its own key; used more than once: %(keys)s.")
                        % {"keys": ", ".join(duplicates)}
                    )
                ],
            )
        return value


def question_dict(child):
    """A question as plain data: what an answer keeps a copy of."""
    value = child.value
    return {
        "key": value["key"],
        "kind": child.block_type,
        "label": value["label"],
        "help_text": value.get("help_text") or "",
        "required": bool(value.get("required")),
        "options": list(value["options"]) if "options" in value else [],
        "unit": value.get("unit") or "",
    }
