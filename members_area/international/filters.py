"""The coordinators' filter of interests, read from the address so a filtered list (the one
the coordinators' e-mail links to) can be shared."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from home.filters import ListFilterForm
from members_area.international.models import Interest
from opportunities import models as opportunity_models

OPEN, CLOSED, ALL = "open", "closed", "all"


class InterestFilterForm(ListFilterForm):
    opportunity = forms.TypedChoiceField(label=_("Opportunity"), required=False, coerce=int)
    state = forms.ChoiceField(
        label=_("Applications"),
        required=False,
        choices=[
            (OPEN, _("Taking applications")),
            (CLOSED, _("Past the deadline")),
            (ALL, _("Open and closed")),
        ],
    )

    def __init__(self, data=None):
        if data is not None and data.get("opportunity") and not data.get("state"):
            data = data.copy()
            data["state"] = ALL  # one opportunity asked for by name: all of its interests
        super().__init__(data)
        # The opportunities someone marked interest in, newest deadline first.
        found = (
            Interest.objects.order_by(
                "-opportunity__application_deadline", "opportunity__title", "opportunity"
            )
            .values_list("opportunity", "opportunity__title", "opportunity__start_date")
            .distinct()
        )
        self.fields["opportunity"].choices = [
            ("", _("All opportunities")),
            *[
                (pk, f"{title} ({date_format(start, 'SHORT_DATE_FORMAT')})")
                for pk, title, start in found
            ],
        ]

    def filter(self, interests):
        filters = self.valid_filters()
        if "opportunity" in filters:
            interests = interests.filter(opportunity=filters["opportunity"])
        state = filters.get("state", OPEN)
        today = opportunity_models.today()
        if state == OPEN:
            interests = interests.filter(opportunity__application_deadline__gte=today)
        elif state == CLOSED:
            interests = interests.filter(opportunity__application_deadline__lt=today)
        return interests
