"""What the clubs app holds about a person, for "My data" and for erasure.

Registered by ClubsConfig.ready() calling `register()`.
Memberships stay after erasure as anonymous counts (club, role, year) on the emptied record;
what people wrote, and the links to the family's logins, go.
"""

import datetime

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from members_area.accounts.models import Person
from members_area.accounts.retention import LOGS_KEPT, register_retention_rule
from members_area.accounts.services import erase_person, register_personal_data
from members_area.clubs.models import JoinRequest, MemberExport, Membership

SECTION = "clubs"


def register():
    """Add this section to "My data" and to erasure (again is harmless: it replaces itself),
    and the periods its records are kept for (docs/privacy.md)."""
    register_personal_data(SECTION, collect, erase)
    register_retention_rule("declined_join_requests", forget_declined_join_requests)
    register_retention_rule("lapsed_members", erase_lapsed_members)
    register_retention_rule("member_exports", forget_old_member_exports)


DECLINED_KEPT = datetime.timedelta(days=183)
# Whole years after the last year of membership.
LAPSED_AFTER_YEARS = 3


def forget_declined_join_requests(now):
    """Six months after a request was declined, what the family and the leader wrote goes;
    someone who was never a member is erased (the request stays, as an anonymous count)."""
    never_a_member = Q(person__memberships=None) & ~Q(person__status=Person.Status.ERASED)
    declined = (
        JoinRequest.objects.filter(
            status=JoinRequest.Status.DECLINED, decided_at__lt=now - DECLINED_KEPT
        )
        .filter(~Q(message="") | ~Q(decline_reason="") | never_a_member)
        .distinct()
    )
    count = 0
    for join_request in declined.select_related("person"):
        with transaction.atomic():
            person = join_request.person
            changed = bool(join_request.message or join_request.decline_reason)
            join_request.message = join_request.decline_reason = ""
            join_request.save(update_fields=["message", "decline_reason"])
            waiting = person.join_requests.exclude(status=JoinRequest.Status.DECLINED).exists()
            erasable = not waiting and person.status != Person.Status.ERASED
            if erasable and not person.memberships.exists():
                erase_person(person)
                changed = True
        count += changed
    return count


def erase_lapsed_members(now):
    """Members whose last membership year ended three whole years ago are erased: their
    memberships, hours and results stay as anonymous counts."""
    last_year_kept = timezone.localtime(now).year - LAPSED_AFTER_YEARS
    lapsed = (
        Person.objects.not_erased()
        .annotate(last_year=Max("memberships__year"))
        .filter(last_year__lt=last_year_kept)
        .exclude(join_requests__year__gte=last_year_kept)
    )
    count = 0
    for person in lapsed:
        erase_person(person)
        count += 1
    return count


def forget_old_member_exports(now):
    deleted, _by_model = MemberExport.objects.filter(exported_at__lt=now - LOGS_KEPT).delete()
    return deleted


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
