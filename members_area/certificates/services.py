"""Issuing certificates and checking their codes.

`issue_certificate` is the one way a certificate comes to be (any kind: volunteer work now,
leaders' training later); `issue_volunteer_certificate` gathers what a certificate of volunteer
work states. Both take a snapshot: what is issued never changes afterwards. Asking again for
what a valid certificate already states gives that certificate back, with its code, rather than
a second one. A coordinator may revoke a certificate (`revoke_certificate`).
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from home.models import OrganisationSettings
from members_area.accounts.models import Person
from members_area.certificates.models import Certificate, Language, new_code
from members_area.volunteering.models import (
    TRAINING_HOURS_A_YEAR,
    ActivityKind,
    TrainingRecord,
    VolunteerEntry,
)
from members_area.volunteering.services import hours_display, hours_text

CODE_ATTEMPTS = 5  # a repeated code is all but impossible (97 bits); trying again costs nothing


def verify_url(certificate):
    """The absolute address printed on the certificate and carried by its QR code."""
    return settings.SITE_BASE_URL + reverse("certificate_verify", args=[certificate.display_code])


def organisation_details():
    """The organisation's name, registration number and address as they are now."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        default = OrganisationSettings._meta.get_field("organisation_name").default
        return {"name": default, "registration_number": "", "address": ""}
    organisation = OrganisationSettings.for_site(site)
    return {
        "name": organisation.organisation_name,
        "registration_number": organisation.registration_number,
        "address": organisation.address,
    }


def issue_certificate(kind, person, facts, language, by):
    """Issue a certificate of `kind` stating `facts` (besides the holder's name, the issue date
    and the organisation's details, which every certificate states)."""
    if language not in Language.values:
        raise ValidationError({"language": _("Choose Latvian or English.")}, code="language")
    now = timezone.now()
    all_facts = {
        "holder": person.full_name,
        "issued_on": timezone.localdate(now).isoformat(),
        "organisation": organisation_details(),
        **facts,
    }
    fields = {
        "kind": kind,
        "person": person,
        "language": language,
        "facts": all_facts,
        "issued_at": now,
        "issued_by": by,
    }
    for _attempt in range(CODE_ATTEMPTS - 1):
        try:
            with transaction.atomic():
                return Certificate.objects.create(code=new_code(), **fields)
        except IntegrityError:
            continue  # the code was taken: draw another
    return Certificate.objects.create(code=new_code(), **fields)


# Volunteer work ----------------------------------------------------------------------------


def certifiable_people(user):
    """The family's people who have approved volunteer hours (and so may get a certificate)."""
    return (
        Person.objects.of_family(user)
        .not_erased()
        .filter(volunteer_entries__status=VolunteerEntry.Status.APPROVED)
        .distinct()
        .order_by("first_name", "last_name")
    )


def check_period(date_from, date_to):
    if date_from > date_to:
        raise ValidationError(
            {"date_to": ValidationError(_("The period ends before it begins."), code="reversed")}
        )
    if date_to > timezone.localdate():
        raise ValidationError(
            {
                "date_to": ValidationError(
                    _("A certificate covers hours already done: the period ends today at latest."),
                    code="future",
                )
            }
        )


def approved_entries(person, date_from, date_to):
    return (
        VolunteerEntry.objects.approved()
        .filter(person=person, date__range=(date_from, date_to))
        .select_related("club", "event")
        .order_by("date", "pk")
    )


def entry_facts(entry, language):
    """One line of the certificate's table, in the certificate's language."""
    with translation.override(language):
        activity = str(ActivityKind(entry.kind).label)
    if entry.event is not None:
        activity = f"{activity} · {entry.event.title}"
    return {
        "date": entry.date.isoformat(),
        "hours": hours_text(entry.hours),
        "activity": activity,
        "description": entry.description,
        "club": entry.club.name,
    }


def issue_volunteer_certificate(person, *, by, date_from, date_to, language):
    """A certificate of the approved volunteer hours of `person` from `date_from` to `date_to`,
    asked for by someone of his family."""
    if not Person.objects.of_family(by).not_erased().filter(pk=person.pk).exists():
        raise PermissionDenied
    check_period(date_from, date_to)
    entries = list(approved_entries(person, date_from, date_to))
    if not entries:
        raise ValidationError(
            _(
                "%(name)s has no approved volunteer hours from %(from)s to %(to)s. Only hours "
                "the club's leader has approved go on a certificate."
            )
            % {"name": person.full_name, "from": day_text(date_from), "to": day_text(date_to)},
            code="no_hours",
        )
    facts = {
        "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
        "total_hours": hours_text(sum((entry.hours for entry in entries), Decimal(0))),
        "entries": [entry_facts(entry, language) for entry in entries],
    }
    return issue_once(Certificate.Kind.VOLUNTEER_HOURS, person, facts, language, by)


def issue_once(kind, person, facts, language, by):
    """The valid certificate that already states these facts, or a new one.

    Facts that changed since (hours approved later, a corrected name) make a new one; the old
    one stays valid, as it was true when issued.
    """
    stated = {"holder": person.full_name, **facts}
    with transaction.atomic():
        lock_holder(person)
        for certificate in Certificate.objects.valid().filter(
            kind=kind, person=person, language=language
        ):
            if all(certificate.facts.get(key) == value for key, value in stated.items()):
                return certificate
        return issue_certificate(kind, person, facts, language, by)


def lock_holder(person):
    """Holds other issues for the same person until this one ends, so a double click cannot
    issue the same certificate twice."""
    Person.objects.select_for_update().filter(pk=person.pk).exists()


def issue_training_certificate(person, *, by, year, language):
    """A leader's certificate of his qualification training in `year`, once it reaches the
    12 hours a year every leader needs; asked for by the leader himself."""
    if not Person.objects.of_family(by).not_erased().filter(pk=person.pk).exists():
        raise PermissionDenied
    records = list(TrainingRecord.objects.filter(person=person, date__year=year).order_by("date"))
    total = sum((record.hours for record in records), Decimal(0))
    if total < TRAINING_HOURS_A_YEAR:
        raise ValidationError(
            _(
                "%(name)s has %(hours)s hours of training in %(year)s: the certificate comes "
                "with %(needed)s."
            )
            % {
                "name": person.full_name,
                "hours": hours_display(total),
                "year": year,
                "needed": hours_display(TRAINING_HOURS_A_YEAR),
            },
            code="not_enough",
        )
    facts = {
        "period": {"from": records[0].date.isoformat(), "to": records[-1].date.isoformat()},
        "total_hours": hours_text(total),
        "entries": [
            {
                "date": record.date.isoformat(),
                "hours": hours_text(record.hours),
                "course": record.course,
                "provider": record.provider,
            }
            for record in records
        ],
    }
    return issue_once(Certificate.Kind.LEADER_TRAINING, person, facts, language, by)


# Revoking ---------------------------------------------------------------------------------


def revoke_certificate(certificate, *, by, reason):
    """A coordinator withdraws an issued certificate, saying why. From then on its code shows it
    revoked, and the family can no longer download it. Revoked once: never again."""
    if not by.is_coordinator:
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": ValidationError(_("Say why the certificate is revoked."), code="required")}
        )
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise ValidationError(
                _("This certificate was already revoked on %(day)s.")
                % {"day": day_text(timezone.localdate(certificate.revoked_at))},
                code="already_revoked",
            )
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.revoked_by = by
        certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    return certificate


def day_text(day):
    return date_format(day, "SHORT_DATE_FORMAT")


# Reading what a certificate states ----------------------------------------------------------


def verifiable_facts(certificate):
    """What the verification page shows: the facts without the table of entries, with dates
    and numbers as Python values."""
    facts = certificate.facts
    period = facts.get("period") or {}
    return {
        "holder": facts.get("holder", ""),
        "date_from": parse_day(period.get("from")),
        "date_to": parse_day(period.get("to")),
        "total_hours": Decimal(facts["total_hours"]) if facts.get("total_hours") else None,
        "issued_on": parse_day(facts.get("issued_on")),
        "organisation": facts.get("organisation") or {},
    }


def parse_day(value):
    return datetime.date.fromisoformat(value) if value else None


def render_pdf(certificate):
    """The certificate as a PDF file (bytes), in its own language."""
    from members_area.certificates.pdf import certificate_pdf

    return certificate_pdf(certificate, verify_url(certificate))
