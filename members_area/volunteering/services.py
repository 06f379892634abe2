"""Logging volunteer hours and deciding on them; the totals the strategy counts.

A family logs hours for its members (a youth with his own login for himself); the club's
leaders approve or decline them, coordinators any club's and alone the central team's. Every
decision records who and when; nothing is deleted.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Min, Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import Person
from members_area.clubs.models import Club, Membership
from members_area.volunteering.models import (
    MAX_HOURS_A_DAY,
    QUARTER,
    AwardGrant,
    AwardKind,
    TrainingRecord,
    VolunteerEntry,
)

Status = VolunteerEntry.Status


def today():
    """The local date the logging rules go by; a function so tests can fix the day."""
    return timezone.localdate()


def last_year_closes_on(year):
    """The last day of `year` on which hours of the year before may still be logged: 31 January.

    January is when last December's hours come in; after it the year's totals, awards and
    certificates are settled and must not change. (The refusal messages name the day.)"""
    return datetime.date(year, 1, 31)


def loggable_dates():
    """(first, last): the days a volunteer may date hours today. This year up to today, and
    last year too until it closes."""
    now = today()
    first_year = now.year - 1 if now <= last_year_closes_on(now.year) else now.year
    return datetime.date(first_year, 1, 1), now


def loggable_years():
    """The years hours may be dated in today (see `loggable_dates`): membership in one of
    them is what lets a person log, so last year's members still log December in January."""
    first, last = loggable_dates()
    return tuple(range(first.year, last.year + 1))


def loggable_people(user):
    """The family's people who belong to a club in a loggable year (and so can log hours)."""
    return (
        Person.objects.of_family(user)
        .not_erased()
        .filter(memberships__in=Membership.objects.active_in(*loggable_years()))
        .distinct()
        .order_by("first_name", "last_name")
    )


def loggable_clubs(people):
    """The clubs the people belong to in a loggable year: the log form's choices. Which of
    them fits an entry depends on its date's year (`check_club`)."""
    return Club.objects.filter(
        pk__in=Membership.objects.active_in(*loggable_years())
        .filter(person__in=people)
        .values("club_id")
    ).order_by("name")


def field_error(field, message, code):
    """A refusal shown on its form field, with a code tests and callers can check."""
    return ValidationError({field: ValidationError(message, code=code)})


def check_hours(hours):
    if hours % QUARTER:
        raise field_error(
            "hours", _("Hours are counted in quarters: e.g. 1, 1.25, 1.5 or 1.75."), "quarter"
        )
    if not QUARTER <= hours <= MAX_HOURS_A_DAY:
        raise field_error("hours", _("Between a quarter of an hour and 16 hours."), "range")


def check_date(day):
    """A volunteer's entry is dated within `loggable_dates` (leaders' decisions are not)."""
    first, last = loggable_dates()
    if day > last:
        raise field_error("date", _("Hours can be logged once they are done."), "future")
    if day < first and day.year == last.year - 1:
        raise field_error(
            "date",
            _("Last year's hours could be logged until 31 January; this date is closed."),
            "year_closed",
        )
    if day < first:
        raise field_error(
            "date",
            _("Hours can be logged for this year, and last year's until 31 January."),
            "too_old",
        )


def check_club(person, club, year):
    """Hours count for a club the volunteer was in (any role) in the year they are dated."""
    if not Membership.objects.active_in(year).filter(person=person, club=club).exists():
        raise field_error(
            "club",
            _("%(name)s was not in this club in %(year)s.")
            % {"name": person.full_name, "year": year},
            "not_in_club",
        )


@transaction.atomic
def log_hours(*, by, person, club, date, hours, kind, description, event=None):
    """Record hours for a volunteer, waiting for the leader's approval."""
    if not loggable_people(by).filter(pk=person.pk).exists():
        raise PermissionDenied
    hours = Decimal(hours)
    check_hours(hours)
    check_date(date)  # first: the club is checked against the year of an allowed date
    check_club(person, club, date.year)
    # Lock the person's row: two entries saved at once still respect the daily limit.
    Person.objects.select_for_update().filter(pk=person.pk).first()
    already = VolunteerEntry.objects.counting().filter(person=person, date=date).total_hours()
    if already + hours > MAX_HOURS_A_DAY:
        message = _(
            "At most 16 hours a day: %(already)s hours are already logged for this day, so at "
            "most %(left)s more."
        ) % {
            "already": hours_display(already),
            "left": hours_display(max(MAX_HOURS_A_DAY - already, Decimal(0))),
        }
        raise field_error("hours", message, "daily_limit")
    return VolunteerEntry.objects.create(
        person=person,
        club=club,
        date=date,
        hours=hours,
        kind=kind,
        event=event,
        description=description,
        submitted_by=by,
    )


def hours_text(hours):
    """1.5 as "1.5", 2.00 as "2": hours as stored in a certificate's facts."""
    return format(Decimal(hours).normalize(), "f")


def hours_display(hours):
    """Hours as people read them in the page's language: 2, 2,5, 1,25 (not 2,50)."""
    return number_format(Decimal(hours_text(hours)))


def family_ids(user):
    return set(Person.objects.of_family(user).values_list("pk", flat=True))


def may_decide(user, entry, family=None):
    """The club's leaders; coordinators on any club, and alone on the central team's. Nobody
    decides on hours he logged himself or of his own family (`family`: the login's
    `family_ids`, read once for a page of entries)."""
    if not user.is_authenticated:
        return False
    if entry.submitted_by_id == user.pk or entry.person.user_id == user.pk:
        return False
    if entry.person_id in (family_ids(user) if family is None else family):
        return False
    if user.is_coordinator:
        return True
    return not entry.club.is_central_team and entry.club_id in user.led_club_ids()


@transaction.atomic
def decide(entry, *, by, approve, reason=""):
    entry = (
        VolunteerEntry.objects.select_for_update().select_related("club", "person").get(pk=entry.pk)
    )
    if not may_decide(by, entry):
        raise PermissionDenied
    if entry.status != Status.SUBMITTED:
        raise ValidationError(_("These hours have already been decided on."), code="decided")
    if not approve and not reason.strip():
        raise ValidationError(
            {"reason": _("Say why: the volunteer sees the reason.")}, code="no_reason"
        )
    entry.status = Status.APPROVED if approve else Status.DECLINED
    entry.decline_reason = "" if approve else reason.strip()
    entry.decided_by = by
    entry.decided_at = timezone.now()
    entry.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
    return entry


def approve_many(entries, *, by):
    """Approve every waiting entry of `entries` the login may decide on; the count approved."""
    approved = 0
    family = family_ids(by)
    for entry in entries.select_related("club", "person"):
        if entry.status == Status.SUBMITTED and may_decide(by, entry, family):
            decide(entry, by=by, approve=True)
            approved += 1
    return approved


# Totals ----------------------------------------------------------------------------------


def yearly_totals(person):
    """[(year, approved hours)] of a person, newest first; from his entries as fetched (the
    family page prefetches them), so a page of several people costs no query per person."""
    totals = {}
    for entry in person.volunteer_entries.all():
        if entry.status == Status.APPROVED:
            totals[entry.date.year] = totals.get(entry.date.year, Decimal(0)) + entry.hours
    return sorted(totals.items(), reverse=True)


@dataclass(frozen=True)
class ClubTotals:
    club: Club | None  # None: every club together
    hours: Decimal
    volunteers: int
    new_volunteers: int


def totals(entries, year):
    """Approved hours, volunteers active and new volunteers (first approved hours ever this
    year) of `year`, per club and for all of `entries` together."""
    approved = entries.approved()
    this_year = approved.of_year(year)
    first_years = dict(
        VolunteerEntry.objects.approved()
        .filter(person__in=this_year.values("person"))
        .values("person")
        .annotate(first=Min("date"))
        .values_list("person", "first")
    )
    new_people = {person for person, first in first_years.items() if first.year == year}
    per_club = (
        this_year.values("club")
        .annotate(hours=Sum("hours"), volunteers=Count("person", distinct=True))
        .order_by()
    )
    people_by_club = {}
    for club_id, person_id in this_year.values_list("club", "person").distinct():
        people_by_club.setdefault(club_id, set()).add(person_id)
    clubs = Club.objects.in_bulk([row["club"] for row in per_club])
    rows = [
        ClubTotals(
            club=clubs[row["club"]],
            hours=row["hours"],
            volunteers=row["volunteers"],
            new_volunteers=len(people_by_club[row["club"]] & new_people),
        )
        for row in per_club
    ]
    rows.sort(key=lambda row: row.club.name)
    everyone = set().union(*people_by_club.values()) if people_by_club else set()
    overall = ClubTotals(
        club=None,
        hours=sum((row.hours for row in rows), Decimal(0)),
        volunteers=len(everyone),
        new_volunteers=len(everyone & new_people),
    )
    return rows, overall


# Awards ----------------------------------------------------------------------------------


@dataclass
class AwardStanding:
    """One award kind in a year: who got it, who may get it, against the strategy's target."""

    kind: AwardKind
    granted: list
    eligible: list  # [(person, approved hours of the year)], most hours first


def approved_hours_by_person(year):
    """{person id: approved hours in the year}, in one query."""
    rows = (
        VolunteerEntry.objects.approved()
        .of_year(year)
        .values("person")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    return {row["person"]: row["total"] for row in rows}


def award_standings(year):
    """Every active award kind with this year's grants and the people eligible: for an hours
    rule those with enough approved hours; for a chosen award every volunteer with approved
    hours this year. Someone already given the award this year is not eligible again."""
    hours = approved_hours_by_person(year)
    people = Person.objects.not_erased().in_bulk(list(hours))
    grants = list(
        AwardGrant.objects.filter(year=year).select_related("person", "kind", "granted_by")
    )
    standings = []
    for kind in AwardKind.objects.filter(active=True):
        granted = [grant for grant in grants if grant.kind_id == kind.pk]
        given = {grant.person_id for grant in granted}
        needed = kind.min_hours if kind.rule == AwardKind.Rule.HOURS else Decimal("0.01")
        eligible = sorted(
            (
                (people[person_id], total)
                for person_id, total in hours.items()
                if person_id in people
                and total >= needed
                and person_id not in given
                and kind.fits_age(people[person_id], year)
            ),
            key=lambda pair: (-pair[1], pair[0].last_name, pair[0].first_name),
        )
        standings.append(AwardStanding(kind=kind, granted=granted, eligible=eligible))
    return standings


@transaction.atomic
def grant_award(kind, person, *, by, year, granted_on, note=""):
    """Coordinators give an award; an hours award only to someone who has the hours."""
    if not (by.is_authenticated and by.is_coordinator):
        raise PermissionDenied
    if kind.rule == AwardKind.Rule.HOURS:
        total = approved_hours_by_person(year).get(person.pk, Decimal(0))
        if total < kind.min_hours:
            raise ValidationError(
                _("%(person)s has %(hours)s approved hours in %(year)s; %(needed)s are needed.")
                % {
                    "person": person.full_name,
                    "hours": hours_display(total),
                    "year": year,
                    "needed": hours_display(kind.min_hours),
                },
                code="not_eligible",
            )
    if year > timezone.localdate().year:
        raise ValidationError(_("Awards are given for this year or earlier."), code="future")
    if not kind.fits_age(person, year):
        raise ValidationError(
            _("%(award)s is for people of at most %(age)s.")
            % {"award": kind.display_name, "age": kind.max_age},
            code="age",
        )
    if kind.rule == AwardKind.Rule.CHOSEN and person.pk not in approved_hours_by_person(year):
        raise ValidationError(
            _("%(person)s has no approved volunteer hours in %(year)s.")
            % {"person": person.full_name, "year": year},
            code="not_eligible",
        )
    if AwardGrant.objects.filter(kind=kind, person=person, year=year).exists():
        raise ValidationError(
            _("%(person)s already has this award for %(year)s.")
            % {"person": person.full_name, "year": year},
            code="already",
        )
    return AwardGrant.objects.create(
        kind=kind, person=person, year=year, granted_on=granted_on, note=note, granted_by=by
    )


# Leaders' training -----------------------------------------------------------------------


def current_leaders():
    """People who lead or assist a club this year."""
    return (
        Person.objects.not_erased()
        .filter(memberships__in=Membership.objects.current().leading())
        .distinct()
        .order_by("last_name", "first_name")
    )


def training_hours(person, year):
    return TrainingRecord.objects.filter(person=person, date__year=year).aggregate(
        total=Sum("hours")
    )["total"] or Decimal(0)


@transaction.atomic
def record_training(*, by, person, course, provider, date, hours, event=None):
    """Coordinators enter a leader's training hours."""
    if not (by.is_authenticated and by.is_coordinator):
        raise PermissionDenied
    hours = Decimal(hours)
    if hours % QUARTER or hours < QUARTER:
        raise field_error(
            "hours", _("Hours are counted in quarters: e.g. 1, 1.25, 1.5 or 1.75."), "quarter"
        )
    if date > timezone.localdate():
        raise field_error("date", _("Training is recorded once it has taken place."), "future")
    if event is not None and TrainingRecord.objects.filter(person=person, event=event).exists():
        raise field_error(
            "event",
            _("This leader's hours for this event are already recorded (by hand or at check-in)."),
            "duplicate",
        )
    return TrainingRecord.objects.create(
        person=person,
        course=course,
        provider=provider,
        date=date,
        hours=hours,
        event=event,
        entered_by=by,
    )


def credit_event_training(person, event, *, by):
    """The event's training hours for a leader checked in at it, once per event; None if a
    coordinator already entered hours for this event by hand (they are not counted twice)."""
    if TrainingRecord.objects.filter(person=person, event=event, from_checkin=False).exists():
        return None
    record, _created = TrainingRecord.objects.get_or_create(
        person=person,
        event=event,
        from_checkin=True,
        defaults={
            "course": event.title,
            "provider": "Latvijas Mazpulki",
            "date": timezone.localtime(event.start).date(),
            "hours": event.training_hours,
            "entered_by": by,
        },
    )
    return record


def withdraw_event_training(person, event):
    """An undone check-in takes back the hours it credited (hours entered by hand stay)."""
    TrainingRecord.objects.filter(person=person, event=event, from_checkin=True).delete()


def training_overview(year):
    """[(leader, hours this year)] of every current leader, fewest hours first (who needs
    training most), in two queries."""
    leaders = list(current_leaders())
    totals = dict(
        TrainingRecord.objects.filter(person__in=leaders, date__year=year)
        .values("person")
        .annotate(total=Sum("hours"))
        .values_list("person", "total")
    )
    rows = [(leader, totals.get(leader.pk, Decimal(0))) for leader in leaders]
    return sorted(rows, key=lambda row: (row[1], row[0].last_name, row[0].first_name))
