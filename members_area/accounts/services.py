"""Rules about people: member numbers, cards, what we hold about a family, and erasure."""

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from members_area.accounts.models import (
    AgeGroup,
    Consent,
    MemberCard,
    MemberNumberSequence,
    Person,
    RecordAccess,
)

# Other apps add what they hold about a person (projects, hours…) to "My data" and to erasure.
# Each entry: (section name, collect(person) -> JSON-able, erase(person) -> None, or None).
PERSONAL_DATA_SECTIONS = []


def register_personal_data(name, collect, erase=None):
    """Add an app's section; registering a name again replaces it (ready() may run twice)."""
    PERSONAL_DATA_SECTIONS[:] = [entry for entry in PERSONAL_DATA_SECTIONS if entry[0] != name]
    PERSONAL_DATA_SECTIONS.append((name, collect, erase))


@transaction.atomic
def assign_member_number(person, year=None):
    """Give a person the next number of the year, e.g. M-2026-00123, once for life."""
    if person.member_number:
        return person.member_number
    year = year or timezone.localdate().year
    sequence, _created = MemberNumberSequence.objects.get_or_create(year=year)
    # Lock the year's row: two leaders approving at the same moment get different numbers.
    sequence = MemberNumberSequence.objects.select_for_update().get(pk=sequence.pk)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    person.member_number = f"M-{year}-{sequence.last:05d}"
    person.save(update_fields=["member_number"])
    return person.member_number


def issue_card(person):
    """The person's valid card, made if he has none."""
    return person.current_card() or MemberCard.objects.create(person=person)


@transaction.atomic
def replace_lost_card(person):
    """A new token; the old card's code stops working at once."""
    # Locked: a double click must not leave two valid cards (or fail on the constraint).
    Person.objects.select_for_update().filter(pk=person.pk).first()
    person.cards.filter(revoked_at=None).update(revoked_at=timezone.now())
    return MemberCard.objects.create(person=person)


def personal_data(user):
    """Everything held about a login and the people it acts for, as JSON-able data."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.usersessions.models import UserSession

    people = (
        Person.objects.of_family(user)
        .not_erased()
        .select_related("municipality", "user")
        .prefetch_related(
            "guardians",
            Prefetch("consents", queryset=Consent.objects.select_related("given_by")),
            "cards",
        )
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "login": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": _iso(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
            # What kind of second factor, never its secret.
            "second_factors": [
                {
                    "type": authenticator.type,
                    "created_at": _iso(authenticator.created_at),
                    "last_used_at": _iso(authenticator.last_used_at),
                }
                for authenticator in Authenticator.objects.filter(user=user)
            ],
            "sessions": [
                {
                    "ip": session.ip,
                    "user_agent": session.user_agent,
                    "created_at": _iso(session.created_at),
                    "last_seen_at": _iso(session.last_seen_at),
                }
                for session in UserSession.objects.filter(user=user)
            ],
        },
        "guardian_records": [
            _guardian_data(guardian)
            for guardian in user.guardian_records.prefetch_related("children")
        ],
        "people": [_person_data(person) for person in people],
    }


def _iso(value):
    return value.isoformat() if value else None


def _guardian_data(guardian, with_children=True):
    data = {
        "first_name": guardian.first_name,
        "last_name": guardian.last_name,
        "email": guardian.email,
        "phone": guardian.phone,
    }
    if with_children:
        data["children"] = [
            child.member_number or child.full_name for child in guardian.children.all()
        ]
    return data


def _person_data(person):
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "date_of_birth": _iso(person.date_of_birth),
        "municipality": person.municipality.name_lv if person.municipality else None,
        "phone": person.phone,
        "photo": person.photo.name or None,
        "photo_consent": person.photo_consent,
        "member_number": person.member_number,
        "status": person.status,
        "created_at": person.created_at.isoformat(),
        "own_login": person.user.email if person.user_id else None,
        # A person's guardians, without their other children (a youth's export must not list
        # his brothers and sisters: they are the guardian's, not his).
        "guardians": [
            _guardian_data(guardian, with_children=False) for guardian in person.guardians.all()
        ],
        "consents": [
            {
                "kind": consent.kind,
                "level": consent.level,
                "policy_version": consent.policy_version,
                "given_by": consent.given_by.email if consent.given_by_id else None,
                "given_at": consent.given_at.isoformat(),
            }
            for consent in person.consents.all()
        ],
        "member_cards": [
            {
                "issued_at": card.issued_at.isoformat(),
                "revoked_at": _iso(card.revoked_at),
            }
            for card in person.cards.all()
        ],
    }
    for name, collect, _erase in PERSONAL_DATA_SECTIONS:
        data[name] = collect(person)
    return data


@transaction.atomic
def erase_person(person, delete_login=True):
    """Erase a person's personal data; what counts (memberships, hours) stays, anonymous.

    The member number is kept on the empty record so that it is never given again. His own
    login goes too, unless it still acts for someone (a parent who is also a member).
    """
    for _name, _collect, erase in PERSONAL_DATA_SECTIONS:
        if erase is not None:
            erase(person)
    if person.photo:
        # The file goes once the erasure is committed: a rollback must not leave the record
        # pointing at a photo that no longer exists.
        storage, name = person.photo.storage, person.photo.name
        transaction.on_commit(lambda: storage.delete(name))
    # Cards revoked earlier keep the date they were revoked.
    person.cards.filter(revoked_at=None).update(revoked_at=timezone.now())
    person.consents.all().delete()
    guardians = list(person.guardians.all())
    person.guardians.clear()
    for guardian in guardians:
        if guardian.user_id is None and not guardian.children.exists():
            guardian.delete()
    own_login = login_erased_with(person) if delete_login else None
    Person.objects.filter(pk=person.pk).update(
        user=None,
        first_name="",
        last_name="",
        date_of_birth=None,
        phone="",
        photo="",
        photo_consent=Person.PhotoConsent.NONE,
        status=Person.Status.ERASED,
        erased_at=timezone.now(),
    )
    person.refresh_from_db()
    if own_login is not None:
        own_login.guardian_records.all().delete()
        own_login.delete()
    return person


def closed_by_office(user):
    """Logins that see other people's data (editors, coordinators, club leaders) are closed by
    the office, in the admin: erasing one's own record or closing one's account keeps them."""
    return user.requires_second_factor


def login_erased_with(person):
    """The person's own login if erasing him closes it too, i.e. it acts for nobody else
    (a parent who is also a member keeps his login for his children)."""
    login = person.user if person.user_id else None
    if login is None or closed_by_office(login):
        return None
    if Person.objects.of_family(login).not_erased().exclude(pk=person.pk).exists():
        return None
    return login


def closing_account(user):
    """Whom closing a login erases, and whom it leaves.

    Its own record and the children nobody else acts for are erased; a child with another
    guardian (with a login or named by e-mail) or with a login of his own is kept.
    Returns (erased, kept), lists of people.
    """
    erased, kept = [], []
    for person in Person.objects.of_family(user).not_erased().prefetch_related("guardians"):
        others = person.user_id is not None or any(
            guardian.user_id != user.pk for guardian in person.guardians.all()
        )
        if person.user_id == user.pk or not others:
            erased.append(person)
        else:
            kept.append(person)
    return erased, kept


@transaction.atomic
def erase_family(user):
    """Close a login: its own record, and the children nobody else acts for, are erased."""
    if closed_by_office(user):
        raise PermissionDenied
    erased, _kept = closing_account(user)
    for person in erased:
        erase_person(person, delete_login=False)
    # The login's guardian records (its name, e-mail and phone) go with it.
    user.guardian_records.all().delete()
    user.delete()
    return erased


# Member cards: what a scanned code shows, and to whom -----------------------------------------


def card_url(card):
    """The absolute address a card's QR code carries: only the random token, no personal data."""
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_BASE_URL + reverse("card_lookup", args=[card.token])


def may_see_holder(user, person):
    """Whether a scanned card may say whose it is.

    Coordinators, and the leaders of a club the person belongs to this year, may - once a second
    factor protects their login. Everyone else (the holder's own family included) learns only
    whether the card is valid: a lost card must not tell its finder a child's name.
    """
    from members_area.accounts.middleware import SecondFactorRequiredMiddleware

    if person is None or person.status == Person.Status.ERASED or not user.is_authenticated:
        return False
    if not user.is_coordinator:
        led = user.led_club_ids()
        if not led or not person.memberships.current().filter(club_id__in=led).exists():
            return False
    return not SecondFactorRequiredMiddleware.lacks_second_factor(user)


@dataclass(frozen=True)
class CardHolder:
    """The holder of a scanned card, as staff who may see him are shown it."""

    person: Person
    memberships: list
    age_group: AgeGroup | None
    photo_url: str | None


def card_holder(user, lookup):
    """The holder of a looked-up card (`MemberCard.objects.lookup`) for this viewer, or None
    if the viewer may learn only whether the card is valid. The photo is shown only if the
    person (or his guardian) agreed to photos at all."""
    person = lookup.person
    if not may_see_holder(user, person):
        return None
    return CardHolder(
        person=person,
        memberships=list(person.memberships.current().select_related("club")),
        age_group=person.age_group,
        photo_url=reverse("members:photo", args=[person.pk])
        if may_see_photo(user, person)
        else None,
    )


def may_see_photo(user, person):
    """A member's photo: his family always; staff who may see the holder, if photos are allowed."""
    if not person.photo or person.status == Person.Status.ERASED:
        return False
    if Person.objects.of_family(user).filter(pk=person.pk).exists():
        return True
    return person.photo_consent != Person.PhotoConsent.NONE and may_see_holder(user, person)


class OwnLoginError(Exception):
    pass


@transaction.atomic
def give_own_login(person, email, by):
    """A guardian gives a youth of 13 or more his own login; the youth sets its password."""
    from allauth.account.models import EmailAddress

    from members_area.accounts import tasks
    from members_area.accounts.models import User

    email = email.lower()
    if person.user_id is not None:
        raise OwnLoginError(_("%(person)s already has a login.") % {"person": person.full_name})
    if not person.may_have_own_login():
        raise OwnLoginError(_("A login of one's own is possible from the age of 13."))
    if User.objects.filter(email__iexact=email).exists():
        raise OwnLoginError(_("This e-mail address already has an account. Give another one."))
    user = User.objects.create_user(
        email=email, password=None, first_name=person.first_name, last_name=person.last_name
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    person.user = user
    person.save(update_fields=["user"])
    transaction.on_commit(
        lambda: tasks.send_own_login_invitation.enqueue(user.pk, by.pk, get_language())
    )
    return user


@transaction.atomic
def update_person(person, form, by):
    """Save the family's changes; a new photo consent is recorded like the first one."""
    from members_area.accounts.models import PRIVACY_POLICY_VERSION, Consent

    consent_changed = "photo_consent" in form.changed_data
    old_photo = Person.objects.get(pk=person.pk).photo
    form.save()  # PhotoField re-encodes the photo without metadata (or refuses it)
    if old_photo and old_photo.name != person.photo.name:
        # A replaced or removed photo of a child does not stay behind on the disk.
        transaction.on_commit(lambda: old_photo.storage.delete(old_photo.name))
    if consent_changed:
        Consent.objects.create(
            person=person,
            kind=Consent.Kind.PHOTOS,
            level=person.photo_consent,
            policy_version=PRIVACY_POLICY_VERSION,
            given_by=by,
        )
    return person


GUARDIANSHIP_SALT = "mazpulki.accounts.guardianship"
GUARDIANSHIP_DAYS = 30


def guardianship_token(guardian):
    """The link a guardian named by a youth gets by e-mail: it proves he reads that mailbox."""
    return signing.dumps({"g": guardian.pk, "e": guardian.email.lower()}, salt=GUARDIANSHIP_SALT)


def guardian_for_token(token):
    """The guardian record a link was sent for, while it is still unclaimed, else None."""
    from members_area.accounts.models import Guardian

    try:
        data = signing.loads(token, salt=GUARDIANSHIP_SALT, max_age=GUARDIANSHIP_DAYS * 86400)
    except signing.BadSignature:
        return None
    return (
        Guardian.objects.filter(pk=data.get("g"), email__iexact=data.get("e"), user=None)
        .prefetch_related("children")
        .first()
    )


@transaction.atomic
def accept_guardianship(guardian, user=None, password=None):
    """Link a named guardian to a login with his address: his own, or a new one made here (the
    link went to that address, so it counts as confirmed)."""
    from allauth.account.models import EmailAddress

    from members_area.accounts.models import User

    if user is None:
        user = User.objects.create_user(
            email=guardian.email,
            password=password,
            first_name=guardian.first_name,
            last_name=guardian.last_name,
        )
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    elif user.email.lower() != guardian.email.lower():
        raise ValueError("The login's address is not the guardian's.")
    guardian.user = user
    guardian.save(update_fields=["user"])
    return user


def record_access(request, what, people):
    """Log that the signed-in login opened or exported the records of `people` (Persons or
    their ids) outside their family: a staff view calls it for what it shows."""
    ids = {getattr(person, "pk", person) for person in people}
    if not ids:
        return None
    access = RecordAccess.objects.create(
        by=request.user, by_email=request.user.email, what=what, path=request.get_full_path()[:500]
    )
    through = RecordAccess.people.through
    through.objects.bulk_create(
        [through(recordaccess_id=access.pk, person_id=pk) for pk in sorted(ids)], batch_size=500
    )
    return access
