import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventKind, EventScale
from home import page_cache
from home.filters import ListFilterForm
from home.models import PriorityArea, Region


class EventFilterForm(ListFilterForm):
    """The events list's filters, read from the address so a filtered list can be shared.

    A value that is not known is reported next to its field and left out of the filtering.
    """

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    scale = forms.ChoiceField(label=_("Scale"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    area = forms.ChoiceField(label=_("Priority area"), required=False)
    month = forms.ChoiceField(label=_("Month"), required=False)

    def __init__(self, data, *, index, events):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + EventKind.choices
        self.fields["scale"].choices = everything + EventScale.choices
        self.fields["region"].choices = everything + Region.objects.choices_in(index.locale_id)
        self.fields["area"].choices = everything + PriorityArea.objects.choices_in(index.locale_id)
        self.fields["month"].choices = everything + [
            (f"{month:%Y-%m}", formats.date_format(month, "YEAR_MONTH_FORMAT"))
            for month in page_cache.remembered(
                "event-months", lambda: months_of(events), events.query
            )
        ]

    def filter(self, events):
        filters = self.valid_filters()
        if "kind" in filters:
            events = events.filter(kind=filters["kind"])
        if "scale" in filters:
            events = events.filter(scale=filters["scale"])
        if "region" in filters:
            events = events.filter(region__slug=filters["region"])
        if "area" in filters:
            events = events.filter(priority_areas__slug=filters["area"])
        if "month" in filters:
            # Events taking place in that month, also those that began before it.
            first = datetime.date.fromisoformat(filters["month"] + "-01")
            following = (first + datetime.timedelta(days=32)).replace(day=1)
            events = events.filter(start__date__lt=following, end__date__gte=first)
        return events


def months_of(events):
    """Every month in which one of the events takes place, a long event's every month too."""
    months = set()
    for start, end in events.order_by().values_list("start", "end"):
        month = timezone.localtime(start).date().replace(day=1)
        last = timezone.localtime(end).date().replace(day=1)
        while month <= last:
            months.add(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
    return sorted(months)
