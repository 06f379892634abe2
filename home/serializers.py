"""Field serialisers for the headless API (used by models' api_fields)."""

from django.utils import translation
from rest_framework.fields import CharField, Field
from wagtail.api.v2.serializers import StreamField as StreamFieldSerializer
from wagtail.api.v2.utils import get_full_url
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


class LocalizedTermsField(Field):
    """Taxonomy terms of a page (priority areas, regions, tags) named in the page's language.

    Gives `[{"slug": …, "name": …}]` (or one object, or null, with `many=False`). The
    names of one language are read once per response, however many pages are listed.
    """

    def __init__(self, many=True, **kwargs):
        self.many = many
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = getattr(instance, self.source)
        terms = list(value.all()) if self.many else value
        return instance.locale_id, terms

    def to_representation(self, value):
        locale_id, terms = value
        if not self.many:
            return self.represent(terms, locale_id) if terms is not None else None
        return [self.represent(term, locale_id) for term in terms]

    def represent(self, term, locale_id):
        names = self.context.setdefault("term_names", {})
        key = (type(term), locale_id)
        if key not in names:
            names[key] = dict(
                type(term)
                .objects.filter(locale_id=locale_id)
                .values_list("translation_key", "name")
            )
        return {"slug": term.slug, "name": names[key].get(term.translation_key, term.name)}


class DocumentFileField(Field):
    """A document as `{"title", "url", "size"}`: the address anyone can download it from."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, document):
        return {
            "id": document.pk,
            "title": document.title,
            "url": get_full_url(self.context["request"], document.url),
            "size": document.file_size,
        }


class RawStreamField(Field):
    """A StreamField as stored: blocks with their values, chosen pages as ids.

    Reading the blocks would look up each page's chosen pages separately: one query per
    page of a listing. Only for streams whose blocks hold plain values and page ids.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [
            {"type": block["type"], "value": block["value"], "id": block.get("id")}
            for block in value.raw_data
        ]
