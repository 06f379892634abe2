"""Field serialisers for the headless API (used by models' api_fields)."""

from django.utils import translation
from rest_framework.fields import CharField, Field
from wagtail.api.v2.serializers import StreamField as StreamFieldSerializer
from wagtail.rich_text import expand_db_html


class RichTextSerializer(CharField):
    """A RichTextField as HTML with real links, as the page itself shows it."""

    def to_representation(self, value):
        return expand_db_html(value)


class InPageLanguage(Field):
    """Serialises a page's field with the page's language active.

    The API answers in Latvian (its URLs have no language prefix), so without this the
    links inside an English page's text would lead to the Latvian pages.
    """

    def __init__(self, field, **kwargs):
        self.field = field
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.field.bind(field_name, parent)

    def get_attribute(self, instance):
        return instance.locale.language_code, self.field.get_attribute(instance)

    def to_representation(self, value):
        language, field_value = value
        with translation.override(language):
            return self.field.to_representation(field_value)


def localized_rich_text():
    return InPageLanguage(RichTextSerializer())


def localized_stream():
    return InPageLanguage(StreamFieldSerializer())
