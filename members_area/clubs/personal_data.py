"""What the clubs app holds about a person, for "My data" and for erasure.

Registered by ClubsConfig.ready() calling `register()`.
Memberships stay after erasure as anonymous counts (club, role, year) on the emptied record;
what people wrote, and the links to the family's logins, go.
"""

from django.utils import timezone

from members_area.accounts.services import register_personal_data
from members_area.clubs.models import JoinRequest, Membership

SECTION = "clubs"


def register():
    """Add this section to "My data" and to erasure (again is harmless: it replaces itself)."""
    register_personal_data(SECTION, collect, erase)


def _iso(value):
    return value.isoformat() if value else None


def collect(person):
    """The person's memberships and join requests, in the family's "My data" download."""
    memberships = Membership.objects.filter(person=person).select_related("club")
    join_requests = JoinRequest.objects.filter(person=person).select_related("club")
    return {
        "memberships": [
            {
                "club": membership.club.name,
                "role": membership.role,
                "year": membership.year,
                "starts_on": _iso(membership.starts_on),
                "ends_on": _iso(membership.ends_on),
                "status": membership.status,
            }
            for membership in memberships
        ],
        "join_requests": [
            {
                "club": join_request.club.name,
                "role": join_request.role,
                "year": join_request.year,
                "status": join_request.status,
                "submitted_at": _iso(join_request.submitted_at),
                "decided_at": _iso(join_request.decided_at),
                "decline_reason": join_request.decline_reason,
                "message": join_request.message,
            }
            for join_request in join_requests
        ],
    }


def erase(person):
    """Blank what the family and the leader wrote; unlink the family's logins.

    Runs before the person's own login and guardians are detached, so they are still known:
    a membership renewed by a parent must not point back at the parent's login.
    """
    family_logins = {person.user_id} | set(person.guardians.values_list("user_id", flat=True))
    family_logins.discard(None)
    JoinRequest.objects.filter(person=person).update(
        message="", decline_reason="", submitted_by=None
    )
    # A request still waiting is withdrawn: nobody can approve an erased person back.
    JoinRequest.objects.filter(
        person=person, status__in=[JoinRequest.Status.UNVERIFIED, JoinRequest.Status.PENDING]
    ).update(status=JoinRequest.Status.DECLINED, decided_at=timezone.now())
    if family_logins:
        Membership.objects.filter(person=person, created_by__in=family_logins).update(
            created_by=None
        )
