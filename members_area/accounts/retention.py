"""How long personal data is kept: each app registers the rules for what it holds, and the
`apply_retention` command (run daily) applies them all. The periods are those of
docs/privacy.md; a change there is a change here, and the other way round.
"""

import datetime

from django.contrib.sessions.models import Session
from django.utils import timezone

# name -> apply(now) -> how many records were deleted or anonymised
RETENTION_RULES = {}

LOGS_KEPT = datetime.timedelta(days=2 * 365)


def register_retention_rule(name, apply):
    RETENTION_RULES[name] = apply


def apply_retention_rules(now=None):
    """Every rule once, in the order registered; returns {rule name: records affected}."""
    now = now or timezone.now()
    return {name: apply(now) for name, apply in RETENTION_RULES.items()}


def forget_old_record_accesses(now):
    from members_area.accounts.models import RecordAccess

    _deleted, by_model = RecordAccess.objects.filter(at__lt=now - LOGS_KEPT).delete()
    return by_model.get(RecordAccess._meta.label, 0)


def forget_expired_sessions(now):
    """Ended sessions, and allauth's list of devices (address, browser) for them."""
    from allauth.usersessions.models import UserSession

    deleted, _by_model = Session.objects.filter(expire_date__lt=now).delete()
    UserSession.objects.exclude(session_key__in=Session.objects.values("session_key")).delete()
    return deleted


def register():
    register_retention_rule("record_accesses", forget_old_record_accesses)
    register_retention_rule("expired_sessions", forget_expired_sessions)
