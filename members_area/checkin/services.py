"""Rules of check-in: who runs a desk for which event, when an event takes check-ins, what a
scan does, and how attendance is counted.

Views call these; they never decide who may see or record anything themselves.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from events.models import EventKind, EventPage
from members_area.accounts.models import CARD_TOKEN_LENGTH, CardStatus, MemberCard, Person
from members_area.checkin.models import Checkin, Desk, EventHost, FailedScan, ScanOutcome
from members_area.clubs.models import Club, Membership

# Arrivals the evening before and stragglers after the end are still checked in.
OPENS_BEFORE_START = datetime.timedelta(hours=12)
CLOSES_AFTER_END = datetime.timedelta(hours=12)
SEARCH_RESULTS = 20
SESSION_KEY = "checkin_desk"


# Events and desks ------------------------------------------------------------------------


def takes_checkins(event, now=None):
    now = now or timezone.now()
    return event.start - OPENS_BEFORE_START <= now <= event.end + CLOSES_AFTER_END


def checkin_events():
    """Events check-ins are recorded against: the Latvian originals (an English translation
    is the same event). Unpublished ones too: their attendance lists stay readable."""
    return EventPage.objects.filter(locale=Locale.get_default())


def host_club_ids(event):
    return set(EventHost.objects.filter(event=event).values_list("club_id", flat=True))


def may_run_desk(user, event):
    """Coordinators run any published event's desks; leaders those of events their club
    hosts."""
    if not (user.is_authenticated and user.is_active and event.live):
        return False
    if user.is_coordinator:
        return True
    led = user.led_club_ids()
    return bool(led) and EventHost.objects.filter(event=event, club_id__in=led).exists()


def runnable_events(user):
    """Events this login may run desks for, that take check-ins now or will within a week."""
    now = timezone.now()
    events = (
        checkin_events()
        .live()
        .filter(end__gte=now - CLOSES_AFTER_END, start__lte=now + datetime.timedelta(days=7))
    )
    if not user.is_coordinator:
        hosted = EventHost.objects.filter(club_id__in=user.led_club_ids()).values("event_id")
        events = events.filter(pk__in=hosted)
    return events.order_by("start", "pk")


def managed_events(user):
    """Events whose attendance this login sees: all for coordinators, hosted ones for leaders."""
    events = checkin_events()
    if user.is_coordinator:
        return events
    hosted = EventHost.objects.filter(club_id__in=user.led_club_ids()).values("event_id")
    return events.filter(pk__in=hosted)


def open_desk(user, event, name):
    if not may_run_desk(user, event):
        raise PermissionDenied
    return Desk.objects.create(event=event, name=name, opened_by=user)


def own_desks(user):
    """The open desks a login runs; a desk is one person's (another could not see its card
    scans' names otherwise)."""
    return Desk.objects.open().filter(opened_by=user).select_related("event")


def session_desk(request):
    """The desk this browser works at, while it is open, still this login's, and its event
    takes check-ins: a desk left open after the camp does not take over card scans."""
    desk_id = request.session.get(SESSION_KEY)
    if not desk_id or not request.user.is_authenticated:
        return None
    desk = own_desks(request.user).filter(pk=desk_id).first()
    if desk is None or not may_run_desk(request.user, desk.event) or not takes_checkins(desk.event):
        request.session.pop(SESSION_KEY, None)
        return None
    return desk


def close_desk(desk):
    Desk.objects.filter(pk=desk.pk, closed_at=None).update(closed_at=timezone.now())


# Scanning --------------------------------------------------------------------------------


@dataclass
class ScanResult:
    """What the desk is shown after a scan, a typed code or a pick from the search."""

    outcome: str  # "checked_in", "already", or a ScanOutcome / "closed" for refusals
    checkin: Checkin | None = None
    person: Person | None = None
    flags: list = field(default_factory=list)

    @property
    def checked_in(self):
        return self.outcome == "checked_in"

    @property
    def refused(self):
        return self.outcome not in ("checked_in", "already")

    @property
    def earlier_day(self):
        """An "already" answer about another day (a camp lasts several) names the day."""
        return (
            self.checkin is not None
            and timezone.localdate(self.checkin.checked_in_at) != timezone.localdate()
        )

    @property
    def message(self):
        return {
            ScanOutcome.UNKNOWN: _(
                "Unknown card. Check that the whole code was scanned, or find the member by name."
            ),
            ScanOutcome.REVOKED: _(
                "This card has been replaced by a new one (the old one was reported lost). Ask "
                "for the new card or find the member by name."
            ),
            ScanOutcome.LAPSED: _(
                "The membership has not been renewed this year: the card is not valid."
            ),
            ScanOutcome.CLOSED: _("This event takes no check-ins now."),
        }.get(self.outcome, "")


def token_from_code(code):
    """The card token in what a USB scanner or a person typed: the card's whole address, or
    the code itself with spaces or dashes."""
    code = (code or "").strip()
    match = re.search(r"/k/([^/?#\s]+)", code)
    if match:
        code = match.group(1)
    code = re.sub(r"[\s-]", "", code).upper()
    return code[: CARD_TOKEN_LENGTH + 1]


def scan_card(desk, code, *, by, method):
    """Check in the holder of a card's code at the desk's event, or say why not."""
    lookup = MemberCard.objects.lookup(token_from_code(code))
    if lookup.status != CardStatus.VALID:
        FailedScan.objects.create(
            desk=desk,
            outcome=lookup.status,
            person=lookup.person if lookup.status != CardStatus.UNKNOWN else None,
            code_start=token_from_code(code)[:4] if lookup.status == CardStatus.UNKNOWN else "",
            method=method,
            by=by,
        )
        return ScanResult(outcome=lookup.status)
    return check_in(desk, lookup.person, by=by, method=method)


@transaction.atomic  # the check-in and the training hours it credits: both or neither
def check_in(desk, person, *, by, method):
    """Record the person at the desk's event, once: a second scan, from any desk, even at the
    same moment, answers with the first check-in and records nothing but the failed scan."""
    if (
        desk.closed_at is not None
        or not may_run_desk(by, desk.event)
        or not takes_checkins(desk.event)
    ):
        FailedScan.objects.create(
            desk=desk, outcome=ScanOutcome.CLOSED, person=person, method=method, by=by
        )
        return ScanResult(outcome=ScanOutcome.CLOSED, person=person)
    try:
        with transaction.atomic():
            checkin = Checkin.objects.create(
                event=desk.event, person=person, desk=desk, method=method, checked_in_by=by
            )
    except IntegrityError:
        checkin = (
            Checkin.objects.active()
            .select_related("checked_in_by", "desk")
            .get(event=desk.event, person=person)
        )
        FailedScan.objects.create(
            desk=desk, outcome=ScanOutcome.ALREADY, person=person, method=method, by=by
        )
        return ScanResult(
            outcome="already", checkin=checkin, person=person, flags=desk_flags(person)
        )
    flags = desk_flags(person)
    if credits_training(desk.event) and leads_in_event_year(person, desk.event):
        if person.user_id is not None and person.user_id == by.pk:
            flags.append(
                _(
                    "Your own training hours are credited when another desk checks you in: "
                    "undo this check-in and ask a colleague."
                )
            )
        else:
            credited = credit_training(checkin, by=by)
            flags.append(training_flag(credited))
    return ScanResult(outcome="checked_in", checkin=checkin, person=person, flags=flags)


def desk_flags(person):
    """What the desk must know at once about whom it let in."""
    flags = []
    if person.photo_consent == Person.PhotoConsent.NONE:
        flags.append(_("No photos: the family has not agreed to this member being photographed."))
    return flags


def training_flag(credited):
    if credited is None:
        return _("Leader: this event's training hours were already entered by a coordinator.")
    hours = credited.hours
    count = int(hours) if hours == int(hours) else 2  # "1,5 stundas": the plural
    return ngettext(
        "Leader: %(hours)s training hour credited for this event.",
        "Leader: %(hours)s training hours credited for this event.",
        count,
    ) % {"hours": number_format(hours.normalize())}


@transaction.atomic
def undo_checkin(checkin, *, by, reason):
    """A check-in made by mistake is undone, not deleted: who, when and why are kept, and the
    person may be checked in again."""
    updated = Checkin.objects.filter(pk=checkin.pk, undone_at=None).update(
        undone_at=timezone.now(), undone_by=by, undo_reason=reason
    )
    if updated:
        withdraw_training(checkin)
    return bool(updated)


# Leaders' training hours -----------------------------------------------------------------


def credits_training(event):
    return bool(event.training_hours) and event.kind in (EventKind.TRAINING, EventKind.SEMINAR)


def leads_in_event_year(person, event):
    """A leader or assistant leader in the year the event starts (a seminar in January
    counts for this year's leaders, not last year's)."""
    year = timezone.localtime(event.start).year
    return Membership.objects.active_in(year).leading().filter(person=person).exists()


def credit_training(checkin, *, by):
    """A leader checked in at a training event gets its hours in his training record, unless
    a coordinator already entered them for this event (None then)."""
    from members_area.volunteering.services import credit_event_training

    return credit_event_training(checkin.person, checkin.event, by=by)


def withdraw_training(checkin):
    from members_area.volunteering.services import withdraw_event_training

    withdraw_event_training(checkin.person, checkin.event)


# Finding people --------------------------------------------------------------------------


def searchable_people(user, event):
    """Whom a desk may find by name: this year's members of any club for coordinators; of
    the clubs a leader leads, for a leader (he sees no other club's children)."""
    clubs = (
        Club.objects.all()
        if user.is_coordinator
        else Club.objects.filter(pk__in=user.led_club_ids())
    )
    members = Membership.objects.current().filter(club__in=clubs)
    return Person.objects.not_erased().filter(pk__in=members.values("person_id"))


def search_people(user, event, query):
    query = " ".join(query.split())
    if len(query) < 2:
        return Person.objects.none()
    people = searchable_people(user, event)
    if re.fullmatch(r"[Mm]-?\d{4}-?\d{1,5}", query):
        digits = re.sub(r"\D", "", query)
        number = f"M-{digits[:4]}-{int(digits[4:]):05d}"
        return people.filter(member_number=number)
    for word in query.split():
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return people.order_by("last_name", "first_name", "pk")[:SEARCH_RESULTS]


# Counting --------------------------------------------------------------------------------


def attendance(event):
    return (
        Checkin.objects.active()
        .filter(event=event)
        .select_related("person", "desk", "checked_in_by")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def attendance_count(event):
    return Checkin.objects.active().filter(event=event).count()
