"""Meeting attendance in "My data". On erasure the marks stay, anonymous with the person's
empty record (the organisation counts meetings' attendance); the calendar address goes."""

from members_area.accounts.services import register_personal_data
from members_area.online.models import Attendance, CalendarFeed

SECTION = "online"


def register():
    register_personal_data(SECTION, collect, erase)


def collect(person):
    return {
        "meeting_attendance": [
            {
                "meeting": mark.meeting.title,
                "club": mark.meeting.club.name,
                "starts_at": mark.meeting.starts_at.isoformat(),
                "marked": mark.how,
                "marked_at": mark.marked_at.isoformat(),
                "removed_at": mark.removed_at.isoformat() if mark.removed_at else None,
            }
            for mark in Attendance.objects.filter(person=person).select_related("meeting__club")
        ],
        # That there is one, never its secret.
        "calendar_address_made": [
            feed.created_at.isoformat() for feed in CalendarFeed.objects.filter(person=person)
        ],
    }


def erase(person):
    CalendarFeed.objects.filter(person=person).delete()
