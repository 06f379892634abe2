"""Certificates the organisation issues (volunteer work, leaders' training), each with a
verification code anyone can check at /verify/<code>/.

A certificate is a snapshot: `facts` holds what it states as it was when issued (the holder's
name, the period, the hours, the organisation's details), so later changes to the hours or the
person never change what an issued certificate says.
"""

import re
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import CARD_TOKEN_ALPHABET, Person

# The member cards' alphabet: no look-alikes (0/O, 1/I/L, U/V), as the code is typed from paper.
CODE_ALPHABET = CARD_TOKEN_ALPHABET
CODE_LENGTH = 20  # 20 × log2(29) ≈ 97 bits: not guessable
CODE_GROUP = 4  # read and typed in groups: ABCD-EFGH-JKMN-PQRS-TWXY
CODE_PATTERN = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def normalise_code(typed):
    """The code as stored, from however it was typed (lower case, spaces, missing dashes), or
    "" when it cannot be one."""
    code = re.sub(r"[\s\-–—_.]", "", typed or "").upper()
    return code if CODE_PATTERN.fullmatch(code) else ""


def grouped(code):
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


class Language(models.TextChoices):
    LV = "lv", _("Latvian")
    EN = "en", _("English")


# The only fields an issued certificate may still change (its revocation).
REVOCATION_FIELDS = {"revoked_at", "revoked_reason", "revoked_by", "revoked_by_id"}


class CertificateQuerySet(models.QuerySet):
    def of_family(self, user):
        return self.filter(person__in=Person.objects.of_family(user))

    def valid(self):
        return self.filter(revoked_at=None)

    def by_code(self, typed):
        """The certificate a typed code names, or None (never issued, or not a code at all)."""
        code = normalise_code(typed)
        return self.filter(code=code).first() if code else None


class Certificate(models.Model):
    class Kind(models.TextChoices):
        VOLUNTEER_HOURS = "volunteer_hours", _("Certificate of volunteer work")
        LEADER_TRAINING = "leader_training", _("Certificate of qualification training")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    person = models.ForeignKey(
        Person, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="certificates"
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    facts = models.JSONField(_("what it states"), default=dict)
    code = models.CharField(
        _("verification code"), max_length=CODE_LENGTH, unique=True, default=new_code
    )
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # Why and by whom: what a coordinator answers when the holder asks.
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.get_kind_display()} {self.display_code}"

    def save(self, *args, **kwargs):
        """Issued is issued: what a certificate states never changes; it can only be revoked."""
        changing = kwargs.get("update_fields")
        if not self._state.adding and (changing is None or set(changing) - REVOCATION_FIELDS):
            raise ValueError("An issued certificate does not change: revoke it, issue a new one.")
        super().save(*args, **kwargs)

    @property
    def display_code(self):
        return grouped(self.code)

    @property
    def is_revoked(self):
        return self.revoked_at is not None
