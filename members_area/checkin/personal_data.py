"""Check-ins at events in "My data". On erasure they stay, anonymous with the person's empty
record: the organisation counts attendance (the camp's 300, the seminars)."""

from members_area.accounts.services import register_personal_data
from members_area.checkin.models import Checkin

SECTION = "event_checkins"


def register():
    register_personal_data(SECTION, collect)


def collect(person):
    return [
        {
            "event": checkin.event.title,
            "event_starts_at": checkin.event.start.isoformat(),
            "checked_in_at": checkin.checked_in_at.isoformat(),
            "undone_at": checkin.undone_at.isoformat() if checkin.undone_at else None,
            "undo_reason": checkin.undo_reason,
        }
        for checkin in Checkin.objects.filter(person=person).select_related("event")
    ]
