"""What the clubs app holds about a person, for "My data" and for erasure.

Registered by ClubsConfig.ready() calling `register()`.
Memberships stay after erasure as anonymous counts (club, role, year) on the emptied record;
what people wrote, and the links to the family's logins, go.
"""

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from members_area.accounts.models import COORDINATORS_GROUP, Person
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
    someone who was never a member, and has nothing newer waiting or decided, is erased
    (the requests stay, as anonymous counts)."""
    cutoff = now - DECLINED_KEPT
    old = JoinRequest.objects.filter(status=JoinRequest.Status.DECLINED, decided_at__lt=cutoff)
    count = old.exclude(message="", decline_reason="").update(message="", decline_reason="")
    never_members = (
        Person.objects.not_erased()
        .filter(join_requests__in=old, memberships=None)
        .exclude(join_requests__in=JoinRequest.objects.exclude(pk__in=old))
        .distinct()
    )
    for pk in never_members.values_list("pk", flat=True):
        count += erase_if_not_erased(pk)
    return count


def erase_lapsed_members(now):
    """Members whose last membership year ended three whole years ago are erased: their
    memberships, hours and results stay as anonymous counts. Logins of the office
    (coordinators, editors) are closed by the office, not by a rule."""
    last_year_kept = timezone.localtime(now).year - LAPSED_AFTER_YEARS
    lapsed = (
        Person.objects.not_erased()
        .annotate(last_year=Max("memberships__year"))
        .filter(last_year__lt=last_year_kept)
        .exclude(join_requests__year__gte=last_year_kept)
        .exclude(user__is_staff=True)
        .exclude(user__is_superuser=True)
        .exclude(user__groups__name=COORDINATORS_GROUP)
    )
    return sum(erase_if_not_erased(pk) for pk in lapsed.values_list("pk", flat=True))


def erase_if_not_erased(pk):
    """Erase one record in a transaction of its own, locked, so that a failure leaves it
    whole and a second run at the same time does nothing twice; 1 if it was erased."""
    with transaction.atomic():
        person = Person.objects.select_for_update().filter(pk=pk).not_erased().first()
        if person is None:
            return 0
        erase_person(person)
        return 1


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
