from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.models import PriorityArea, Region
from news.models import NewsTag


class NewsFilterForm(forms.Form):
    """The news index's filters, read from the address so a filtered list can be shared.

    Values are slugs, the same in every language. A value that is not known is reported
    next to its field and left out of the filtering; the others still apply.
    """

    area = forms.ChoiceField(label=_("Priority area"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, index):
        super().__init__(data)
        everything = [("", _("All"))]
        for name, model in (("area", PriorityArea), ("tag", NewsTag), ("region", Region)):
            self.fields[name].choices = everything + term_choices(model, index.locale_id)
        years = index.articles().order_by().dates("date", "year", order="DESC")
        self.fields["year"].choices = everything + [(day.year, day.year) for day in years]

    @property
    def is_filtered(self):
        return any(self.valid_filters().values())

    def valid_filters(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, articles):
        filters = self.valid_filters()
        if "area" in filters:
            articles = articles.filter(priority_areas__slug=filters["area"])
        if "tag" in filters:
            articles = articles.filter(tags__slug=filters["tag"])
        if "region" in filters:
            articles = articles.filter(region__slug=filters["region"])
        if "year" in filters:
            articles = articles.filter(date__year=filters["year"])
        return articles


def term_choices(model, locale_id):
    """(slug, name) of every term articles are tagged with, named in one language.

    Articles carry the Latvian terms, so those are the choices; a term not translated yet
    keeps its Latvian name rather than leaving English articles' links without a filter.
    """
    terms = model.objects.filter(
        Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
    ).select_related("locale")
    translated = {t.translation_key: t.name for t in terms if t.locale_id == locale_id}
    return [
        (term.slug, translated.get(term.translation_key, term.name))
        for term in terms
        if term.locale.language_code == settings.LANGUAGE_CODE
    ]
