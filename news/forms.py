from django import forms
from django.utils.translation import gettext_lazy as _

from home import page_cache
from home.filters import ListFilterForm
from home.models import PriorityArea, Region
from news.models import NewsTag


class NewsFilterForm(ListFilterForm):
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
            self.fields[name].choices = everything + model.objects.choices_in(index.locale_id)
        years = page_cache.remembered(
            "news-years",
            lambda: [day.year for day in index.articles().order_by().dates("date", "year")],
            index.pk,
        )
        self.fields["year"].choices = everything + [(year, year) for year in reversed(years)]

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
