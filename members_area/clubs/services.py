"""Joining a club, the leader's decision, and the yearly renewal.

Every change records who made it and when, and e-mails the people concerned (see tasks.py).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import (
    PRIVACY_POLICY_VERSION,
    Consent,
    Guardian,
    Person,
    current_year,
)
from members_area.accounts.services import assign_member_number, issue_card
from members_area.clubs import tasks
from members_area.clubs.models import JoinRequest, Membership


@dataclass
class GuardianDetails:
    first_name: str
    last_name: str
    email: str
    phone: str = ""


@transaction.atomic
def submit_join_request(
    *,
    submitted_by,
    person,
    club,
    role,
    photo_consent,
    guardian=None,
    message="",
    language="lv",
):
    """Record a join request with its consents. It waits for the submitter's e-mail address to
    be confirmed, then for the club's leader."""
    if person.pk is None:
        person.save()
    elif person.join_requests.filter(
        club=club, status__in=[JoinRequest.Status.UNVERIFIED, JoinRequest.Status.PENDING]
    ).exists():
        raise ValidationError(_("A request to join this club is already waiting for a decision."))
    elif person.memberships.current().filter(club=club).exists():
        raise ValidationError(_("Already a member of this club this year."))
    if guardian is not None:
        record = Guardian.objects.filter(email__iexact=guardian.email, children=person).first()
        if record is None:
            record = Guardian.objects.create(
                first_name=guardian.first_name,
                last_name=guardian.last_name,
                email=guardian.email.lower(),
                phone=guardian.phone,
                user=submitted_by if submitted_by.email.lower() == guardian.email.lower() else None,
            )
            record.children.add(person)
    person.photo_consent = photo_consent
    person.save(update_fields=["photo_consent"])
    for kind, level in (
        (Consent.Kind.DATA_PROCESSING, "yes"),
        (Consent.Kind.PHOTOS, photo_consent),
    ):
        Consent.objects.create(
            person=person,
            kind=kind,
            level=level,
            policy_version=PRIVACY_POLICY_VERSION,
            given_by=submitted_by,
        )
    verified = email_is_verified(submitted_by)
    join_request = JoinRequest.objects.create(
        person=person,
        club=club,
        role=role,
        year=current_year(),
        message=message,
        language=language,
        submitted_by=submitted_by,
        status=JoinRequest.Status.PENDING if verified else JoinRequest.Status.UNVERIFIED,
    )
    if verified:
        _released(join_request)
    return join_request


def _released(join_request):
    """A request whose sender is confirmed goes to the deciders, and guardians named by a youth
    are invited to see his records."""
    transaction.on_commit(lambda: tasks.notify_approvers.enqueue(join_request.pk))
    for guardian in join_request.person.guardians.filter(user=None):
        pk, language = guardian.pk, join_request.language
        transaction.on_commit(
            lambda pk=pk, language=language: tasks.invite_guardian.enqueue(pk, language)
        )


def email_is_verified(user):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


@transaction.atomic
def email_confirmed(user):
    """The submitter proved his address: his requests go to the leaders.

    Guardian records that only name this address (a youth named his parent) are not linked to
    the login: proving an address is not proving to be the child's parent, and a login can be
    made for any address. Such guardians get their own link (accounts.services.
    accept_guardianship) and copies of the messages.
    """
    waiting = list(
        JoinRequest.objects.filter(
            submitted_by=user, status=JoinRequest.Status.UNVERIFIED
        ).select_related("person")
    )
    for join_request in waiting:
        join_request.status = JoinRequest.Status.PENDING
        join_request.save(update_fields=["status"])
        _released(join_request)
    return waiting


def _lock_for_decision(join_request, by):
    join_request = (
        JoinRequest.objects.select_for_update().select_related("club").get(pk=join_request.pk)
    )
    if not join_request.can_be_decided_by(by):
        raise PermissionDenied
    if join_request.status != JoinRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    # The person too: two clubs approving him at once must not give two member numbers.
    join_request.person = Person.objects.select_for_update().get(pk=join_request.person_id)
    if join_request.person.status == Person.Status.ERASED:
        raise ValidationError(_("This person's data have been erased."))
    return join_request


@transaction.atomic
def approve_join_request(join_request, by):
    """The person becomes a member for this year, gets a member number and a card."""
    join_request = _lock_for_decision(join_request, by)
    person = join_request.person
    # A request sent in December and approved in January is for the new year.
    membership, _created = Membership.objects.get_or_create(
        person=person,
        club=join_request.club,
        year=max(join_request.year, current_year()),
        defaults={"role": join_request.role, "created_by": by},
    )
    if membership.status != Membership.Status.ACTIVE:
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status"])
    person.status = Person.Status.ACTIVE
    person.save(update_fields=["status"])
    assign_member_number(person)
    issue_card(person)
    join_request.status = JoinRequest.Status.APPROVED
    join_request.decided_by = by
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    transaction.on_commit(lambda: tasks.send_decision.enqueue(join_request.pk))
    return membership


@transaction.atomic
def decline_join_request(join_request, by, reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Write the reason: the family will read it."))
    join_request = _lock_for_decision(join_request, by)
    join_request.status = JoinRequest.Status.DECLINED
    join_request.decided_by = by
    join_request.decided_at = timezone.now()
    join_request.decline_reason = reason
    join_request.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
    transaction.on_commit(lambda: tasks.send_decision.enqueue(join_request.pk))
    return join_request


def renewable_membership(person, year=None):
    """Last year's membership that can be carried over to this year, if there is one.

    Not when this year already has a membership of any status (one that was ended stays
    ended), nor while a request for this year waits. Reads the person's memberships (with
    their clubs) and join requests as loaded: the family page prefetches them.
    """
    year = year or current_year()
    if person.status == Person.Status.ERASED:
        return None
    memberships = [m for m in person.memberships.all() if m.year in (year, year - 1)]
    if any(m.year == year for m in memberships):
        return None
    if any(r.is_open and r.year == year for r in person.join_requests.all()):
        return None
    last_year = [m for m in memberships if m.year == year - 1 and m.club.active]
    return max(last_year, key=lambda m: m.starts_on, default=None)


@transaction.atomic
def renew_membership(person, by):
    """One click: this year's membership in last year's club, with the same role.

    Leading a club gives access to children's data, so a leader's renewal is a request that a
    coordinator decides (returned instead of a membership).
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    previous = renewable_membership(person)
    if previous is None:
        raise ValidationError(_("There is no membership from last year to renew."))
    if previous.is_leading:
        join_request = JoinRequest.objects.create(
            person=person,
            club=previous.club,
            role=previous.role,
            year=current_year(),
            status=JoinRequest.Status.PENDING,
            submitted_by=by,
            language=get_language(),
        )
        transaction.on_commit(lambda: tasks.notify_approvers.enqueue(join_request.pk))
        return join_request
    membership = Membership.objects.create(
        person=person, club=previous.club, year=current_year(), role=previous.role, created_by=by
    )
    if person.status != Person.Status.ACTIVE:
        person.status = Person.Status.ACTIVE
        person.save(update_fields=["status"])
    issue_card(person)
    return membership


@dataclass
class JoinResult:
    join_request: "JoinRequest | None"
    new_login: object = None  # a login made for a visitor, whose address is not confirmed yet
    existing_account: bool = False  # the visitor's address already has a login


@transaction.atomic
def join(data, user, language):
    """Everything the join form asks for: the login (for a visitor), the person, the guardian,
    the consents and the request. `data` is JoinForm.cleaned_data."""
    from members_area.accounts.models import User

    new_login = None
    if not user.is_authenticated:
        email = data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            # Not said on the page (it would tell anyone who has an account): e-mailed instead.
            transaction.on_commit(
                lambda: tasks.send_existing_account_notice.enqueue(email, language)
            )
            return JoinResult(None, existing_account=True)
        for_child = data["for_whom"] == "child"
        user = new_login = User.objects.create_user(
            email=email,
            password=data["password1"],
            first_name=data["parent_first_name"] if for_child else data["first_name"],
            last_name=data["parent_last_name"] if for_child else data["last_name"],
        )
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    person = _person_joining(data, user)
    guardian = None
    if data["for_whom"] == "child":
        guardian = GuardianDetails(
            first_name=data["parent_first_name"] or user.first_name,
            last_name=data["parent_last_name"] or user.last_name,
            email=user.email,
            phone=data["parent_phone"],
        )
    elif person.is_minor():
        guardian = GuardianDetails(
            first_name=data["guardian_first_name"],
            last_name=data["guardian_last_name"],
            email=data["guardian_email"],
            phone=data["guardian_phone"],
        )
    join_request = submit_join_request(
        submitted_by=user,
        person=person,
        club=data["club"],
        role=data["role"],
        photo_consent=data["photo_consent"],
        guardian=guardian,
        message=data["message"],
        language=language,
    )
    return JoinResult(join_request, new_login=new_login)


def _person_joining(data, user):
    """The record of who joins: the login's own or an existing child's, else a new one."""
    details = {
        "first_name": data["first_name"].strip(),
        "last_name": data["last_name"].strip(),
        "date_of_birth": data["date_of_birth"],
        "municipality": data["municipality"],
        "phone": data["phone"],
    }
    if data["for_whom"] == "myself":
        person = Person.objects.filter(user=user).first() or Person(user=user)
    else:
        person = (
            Person.objects.filter(
                guardians__user=user,
                first_name__iexact=details["first_name"],
                date_of_birth=details["date_of_birth"],
            ).first()
            or Person()
        )
    if person.status == Person.Status.ERASED:
        person = Person(user=person.user)
    if person.pk is not None:
        # A record that exists keeps its name and birth date (the office corrects them): the
        # age rules were checked against what was typed, so it must be the same.
        if person.date_of_birth != details["date_of_birth"]:
            raise ValidationError(
                _(
                    "The date of birth differs from the one in the member record. To correct "
                    "it, write to the office."
                )
            )
        for name in ("first_name", "last_name", "date_of_birth"):
            details.pop(name)
    for name, value in details.items():
        setattr(person, name, value)
    person.save()
    return person


UNCONFIRMED_DAYS = 14


@transaction.atomic
def purge_unconfirmed_joins(days=UNCONFIRMED_DAYS):
    """Forget join forms whose address was never confirmed: a child's data typed in by someone
    who never proved his e-mail is not kept. Returns how many requests were removed."""
    from members_area.accounts.services import erase_person

    cutoff = timezone.now() - timezone.timedelta(days=days)
    stale = list(
        JoinRequest.objects.filter(
            status=JoinRequest.Status.UNVERIFIED, submitted_at__lt=cutoff
        ).select_related("person", "submitted_by")
    )
    logins = {request.submitted_by for request in stale if request.submitted_by_id}
    for join_request in stale:
        person = join_request.person
        join_request.delete()
        if not person.memberships.exists() and not person.join_requests.exists():
            erase_person(person, delete_login=False)
            person.delete()
    for login in logins:
        if not email_is_verified(login) and login.last_login is None:
            login.guardian_records.all().delete()
            login.delete()
    return len(stale)
