"""A year's international participations as a spreadsheet (CSV or XLSX, written by the
member export's `as_csv`/`as_xlsx`, which keep typed text from becoming formulas). Each row
says whether it counts, so the file adds up to the figures on the year's page."""

from django.utils import timezone
from django.utils.translation import gettext as _

from members_area.accounts.models import AgeGroup
from members_area.international.services import counting_note


def header():
    return [
        _("Member number"),
        _("First name"),
        _("Last name"),
        _("Age at the start"),
        _("Age group"),
        _("International activity"),
        _("Kind"),
        _("Country"),
        _("From"),
        _("To"),
        _("Counted"),
        _("Volunteer youth"),
        _("Recorded"),
        _("Recorded by"),
    ]


def rows(participations):
    """One row per participation of `services.participations_of` (which selects the person and
    who recorded it, and says what counts). The age is the one kept on the record, so it
    stays after the person's erasure."""
    today = timezone.localdate()
    for participation in participations:
        person = participation.person
        age_group = AgeGroup.for_age(participation.age_at_start)
        yield [
            person.member_number or "",
            person.first_name,
            person.last_name,
            participation.age_at_start if participation.age_at_start is not None else "",
            str(age_group.label) if age_group else "",
            participation.activity,
            participation.get_kind_display(),
            participation.get_country_display(),
            participation.start_date,
            participation.end_date,
            str(counting_note(participation, today)),
            _("yes") if participation.is_counted and participation.is_volunteer else _("no"),
            timezone.localdate(participation.recorded_at),
            participation.recorded_by.email if participation.recorded_by_id else "",
        ]
