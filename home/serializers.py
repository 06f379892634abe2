"""Field serialisers for the headless API (used by models' api_fields)."""

from rest_framework.fields import CharField
from wagtail.rich_text import expand_db_html


class RichTextSerializer(CharField):
    """A RichTextField as HTML with real links, as the page itself shows it."""

    def to_representation(self, value):
        return expand_db_html(value)
