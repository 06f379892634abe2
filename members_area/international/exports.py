"""A year's international participations as a spreadsheet (CSV or XLSX, written by the
member export's `as_csv`/`as_xlsx`, which keep typed text from becoming formulas)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from members_area.accounts.models import AgeGroup


def header():
    return [
        _("Member number"),
        _("First name"),
        _("Last name"),
        _("Age group"),
        _("International activity"),
        _("Kind"),
        _("Volunteering abroad"),
        _("Country"),
        _("From"),
        _("To"),
        _("Recorded"),
        _("Recorded by"),
    ]


def rows(participations):
    """One row per participation; `participations` selects the person and who recorded it.
    The age group is the one on the activity's first day."""
    for participation in participations:
        person = participation.person
        age_group = AgeGroup.for_age(person.age(participation.start_date))
        yield [
            person.member_number or "",
            person.first_name,
            person.last_name,
            str(age_group.label) if age_group else "",
            participation.activity,
            participation.get_kind_display(),
            _("yes") if participation.is_volunteering else _("no"),
            participation.get_country_display(),
            participation.start_date,
            participation.end_date,
            timezone.localdate(participation.recorded_at),
            participation.recorded_by.email if participation.recorded_by_id else "",
        ]
