"""API serialisers of the project themes' fields (public facts only, never member data)."""

from django.utils import translation
from rest_framework.fields import Field


class InPageLanguageField(Field):
    """A read-only field rendered with the page's language active (the API speaks Latvian)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return self.represent(instance)


class LocalizedChoiceField(InPageLanguageField):
    """A choice as `{"value": …, "label": …}`, the label in the page's language."""

    def represent(self, instance):
        code = getattr(instance, self.source)
        if not code:
            return None
        labels = dict(instance._meta.get_field(self.source).flatchoices)
        return {"value": code, "label": str(labels.get(code, code))}


class AgeGroupsSerializer(InPageLanguageField):
    """The age groups as `[{"value": "10-12", "label": "10–12 years"}]`."""

    def represent(self, instance):
        from members_area.accounts.models import AgeGroup

        labels = dict(AgeGroup.choices)
        return [
            {"value": group, "label": str(labels[group])}
            for group in instance.age_groups
            if group in labels
        ]


class QuestionsSerializer(InPageLanguageField):
    """A theme's extra questions as the plain dicts applications copy (`questions(stage)`)."""

    def __init__(self, stage, **kwargs):
        self.stage = stage
        super().__init__(**kwargs)

    def represent(self, instance):
        return instance.questions(self.stage)
