"""Check-ins at events in "My data". On erasure they stay, anonymous with the person's empty
record: the organisation counts attendance (the camp's 300, the seminars)."""

import datetime

from members_area.accounts.retention import register_retention_rule
from members_area.accounts.services import register_personal_data
from members_area.checkin.models import Checkin, FailedScan

SECTION = "event_checkins"


def register():
    register_personal_data(SECTION, collect)
    register_retention_rule("failed_scans", forget_old_failed_scans)


FAILED_SCANS_KEPT = datetime.timedelta(days=365)


def forget_old_failed_scans(now):
    """Scans that found nobody, or the wrong person, help a desk for the event and its
    follow-up; after a year they only say where a child was."""
    deleted, _by_model = FailedScan.objects.filter(at__lt=now - FAILED_SCANS_KEPT).delete()
    return deleted


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
