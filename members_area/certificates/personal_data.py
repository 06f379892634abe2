"""Certificates in "My data"; on erasure they are revoked and forget the holder's name and the
table of entries, so their codes no longer tell anyone who the person was."""

from django.utils import timezone

from members_area.accounts.services import register_personal_data
from members_area.certificates.models import Certificate

SECTION = "certificates"
# What an erased person's certificates keep: nothing that names or describes him.
KEPT_FACTS = ("period", "total_hours", "issued_on", "organisation")


def register():
    register_personal_data(SECTION, collect, erase)


def collect(person):
    return {
        "certificates": [
            {
                "kind": certificate.kind,
                "language": certificate.language,
                "code": certificate.display_code,
                "issued_at": certificate.issued_at.isoformat(),
                "revoked_at": certificate.revoked_at.isoformat()
                if certificate.revoked_at
                else None,
                "revoked_reason": certificate.revoked_reason,
                "facts": certificate.facts,
            }
            for certificate in Certificate.objects.filter(person=person)
        ]
    }


def erase(person):
    certificates = Certificate.objects.filter(person=person)
    certificates.filter(revoked_at=None).update(revoked_at=timezone.now())
    for certificate in certificates:
        facts = {key: certificate.facts[key] for key in KEPT_FACTS if key in certificate.facts}
        # A coordinator's reason for revoking may describe the person too.
        Certificate.objects.filter(pk=certificate.pk).update(
            facts=facts, issued_by=None, revoked_reason=""
        )
