"""API serialisers of the opportunities' fields."""

from django.utils import translation
from rest_framework.fields import Field


class LocalizedChoiceField(Field):
    """A choice field as `{"value": …, "label": …}`, the label in the page's language.

    The value is what filters take (`youth-exchange`, `DE`); the label is what a person reads.
    The API answers in Latvian, so the label is rendered with the page's language active.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance.locale.language_code, instance, self.source

    def to_representation(self, value):
        language, instance, name = value
        code = getattr(instance, name)
        if not code:
            return None
        labels = dict(instance._meta.get_field(name).flatchoices)
        with translation.override(language):
            return {"value": code, "label": str(labels.get(code, code))}
