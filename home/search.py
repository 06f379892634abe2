"""Full-text search over the site's pages, as visitors and the API ask for it."""

import html
import re

from django.utils.html import strip_tags
from wagtail.models import Page

QUERY_MAX_LENGTH = 200
WORD = re.compile(r"\w+")


def search_words(query):
    """The words of a query, without the punctuation full-text engines read as syntax.

    SQLite's FTS5 fails on a lone quote (a visitor typing `"nometne`), so only words
    (letters of any alphabet, digits) reach the search backend.
    """
    return " ".join(WORD.findall(query[:QUERY_MAX_LENGTH]))


def search_pages(query, locale):
    """Live, public pages of one language that contain all the words of the query."""
    words = search_words(query)
    if not words:
        return Page.objects.none()
    return Page.objects.live().public().filter(locale=locale).search(words, operator="and")


SUMMARY_FIELDS = ("search_description", "lead", "theme", "intro")


def result_summary(page):
    """A found page's short description: the editor's, else the page's own lead or intro."""
    for name in SUMMARY_FIELDS:
        text = getattr(page, name, "")
        if text:
            return html.unescape(strip_tags(str(text)))  # an intro may be rich text
    return ""
