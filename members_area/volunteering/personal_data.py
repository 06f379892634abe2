"""Volunteer hours in "My data"; on erasure the entries stay as anonymous hours (the
organisation's totals), without the descriptions and reasons people wrote."""

from members_area.accounts.services import register_personal_data
from members_area.volunteering.models import VolunteerEntry

SECTION = "volunteering"


def register():
    register_personal_data(SECTION, collect, erase)


def collect(person):
    return {
        "volunteer_hours": [
            {
                "date": entry.date.isoformat(),
                "hours": str(entry.hours),
                "club": entry.club.name,
                "activity": entry.kind,
                "description": entry.description,
                "status": entry.status,
                "decline_reason": entry.decline_reason,
            }
            for entry in VolunteerEntry.objects.filter(person=person).select_related("club")
        ]
    }


def erase(person):
    VolunteerEntry.objects.filter(person=person).update(
        description="", decline_reason="", submitted_by=None
    )
