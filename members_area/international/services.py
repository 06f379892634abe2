"""Who may mark interest in an opportunity, how participation is recorded, what is counted.

- Interest is marked by a family (a login for its own people) from an opportunity's page, for
  a person who is a member of a club this year (any role) and whose age on the activity's
  first day fits the opportunity's range, while the opportunity is open (until the end of its
  deadline day, Riga time: `opportunities.models.today()`), once per person and opportunity.
  It is always stored on the Latvian page, so the English page leads to the same interest.
  It may be withdrawn while the opportunity is open and no participation in it is recorded.
  The coordinators are e-mailed about each new interest.
- Participation is recorded by coordinators: from interests (the opportunity's title, kind,
  country and dates proposed) or directly, for a person found by member number. The same
  person, activity and start day is recorded once; a second time says so.
- The strategy counts, per calendar year of the start day (`counts_by_year`): the children
  and youths (5 to 25 on the first day, the age kept on the record) who took part in an
  activity that has begun, and among them the volunteer youths, who were volunteers that
  year (a club volunteer, or approved volunteer hours). Adults, such as the leaders who go
  with a group, are recorded but not counted.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from members_area.accounts.models import Person, current_year
from members_area.clubs.models import Membership
from members_area.international.models import Interest, Participation
from opportunities.models import OpportunityIndexPage, OpportunityPage


def short_date(day):
    return date_format(day, "SHORT_DATE_FORMAT")


# Opportunities -------------------------------------------------------------------------------


def original_opportunity(page_id):
    """The live, public Latvian page of the opportunity behind a page id in any language (an
    English translation or alias), or None."""
    page = OpportunityPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return (
        OpportunityPage.objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale=default)
        .first()
    )


def in_active_language(opportunities, locale=None):
    """{Latvian page pk: the live page to show} in the visitor's language (the Latvian page
    where there is no translation), in one query."""
    opportunities = [page for page in opportunities if page is not None]
    shown = {page.pk: page for page in opportunities}
    locale = locale or Locale.get_active()
    keys = {page.translation_key: page.pk for page in opportunities if page.locale_id != locale.pk}
    if keys:
        for page in OpportunityPage.objects.live().filter(locale=locale, translation_key__in=keys):
            shown[keys[page.translation_key]] = page
    return shown


def recorded_opportunities():
    """The Latvian opportunity pages a participation may point to (live or not: an activity
    may have been unpublished since), newest first."""
    return OpportunityPage.objects.filter(locale=Locale.get_default(), alias_of=None).order_by(
        "-start_date", "-pk"
    )


def opportunity_index(locale=None):
    """The opportunities section in the visitor's language (the Latvian one if untranslated),
    for a link to it."""
    sections = OpportunityIndexPage.objects.live().order_by("path")
    return (
        sections.filter(locale=locale or Locale.get_active()).first()
        or sections.filter(locale=Locale.get_default()).first()
    )


def activity_days(opportunity):
    """(first day, last day) of the activity: a one-day activity ends on its start day."""
    return opportunity.start_date, opportunity.last_day


# Interest ------------------------------------------------------------------------------------


def family_people(user):
    return Person.objects.of_family(user).not_erased().order_by("first_name", "last_name")


def members_this_year(people):
    """The ids among `people` with a place in a club this year (any role)."""
    return set(
        Membership.objects.current().filter(person__in=people).values_list("person", flat=True)
    )


class AlreadyMarked(ValidationError):
    """A second interest for the same person: says when the first one was marked."""

    def __init__(self, interest, person):
        self.interest = interest
        moment = timezone.localtime(interest.marked_at)
        super().__init__(
            _("Interest for %(name)s was already marked on %(date)s at %(time)s.")
            % {
                "name": person.full_name,
                "date": short_date(moment),
                "time": time_format(moment, "H:i"),
            },
            code="already_marked",
        )


def closed_message(opportunity):
    return _(
        "Applications for this opportunity closed on %(date)s: interest can no longer be marked."
    ) % {"date": short_date(opportunity.application_deadline)}


def refusal(opportunity, person, *, is_member, interest=None):
    """Why `person` cannot mark interest in `opportunity` (a ValidationError), or None.

    The same reasons, in the same order, on the form (next to each name) and on saving."""
    if not opportunity.is_open:
        return ValidationError(closed_message(opportunity), code="closed")
    if interest is not None:
        return AlreadyMarked(interest, person)
    if not is_member:
        return ValidationError(
            _(
                "%(name)s is not a member of a club this year: interest is marked for this "
                "year's members."
            )
            % {"name": person.full_name},
            code="not_member",
        )
    limited = opportunity.min_age is not None or opportunity.max_age is not None
    age = person.age(opportunity.start_date)
    if limited and age is None:
        return ValidationError(
            _(
                "The date of birth of %(name)s is not known, and this opportunity has an age "
                "limit. Add it in the person's details first."
            )
            % {"name": person.full_name},
            code="no_date_of_birth",
        )
    too_young = opportunity.min_age is not None and age < opportunity.min_age
    too_old = opportunity.max_age is not None and age > opportunity.max_age
    if too_young or too_old:
        return ValidationError(
            _(
                "%(name)s will be %(age)s when the activity starts; the opportunity is for "
                "people %(range)s."
            )
            % {
                "name": person.full_name,
                "age": age,
                "range": opportunity.age_range_display(),
            },
            code="age",
        )
    return None


@dataclass
class FamilyChoice:
    """One of the family's people on an opportunity's interest page."""

    person: Person
    interest: Interest | None
    refusal: ValidationError | None
    recorded: bool  # his participation in the opportunity is recorded

    @property
    def may_mark(self):
        return self.refusal is None

    @property
    def may_withdraw(self):
        return self.interest is not None and self.interest.opportunity.is_open and not self.recorded

    @property
    def reason(self):
        return self.refusal.messages[0] if self.refusal is not None else ""


def family_choices(user, opportunity):
    """Each of the login's people with his interest in the opportunity and why he may not
    mark one, in four queries however big the family."""
    people = list(family_people(user))
    members = members_this_year(people)
    interests = {
        interest.person_id: interest
        for interest in Interest.objects.filter(opportunity=opportunity, person__in=people)
    }
    for interest in interests.values():
        interest.opportunity = opportunity
    recorded = set(
        Participation.objects.filter(opportunity=opportunity, person__in=people).values_list(
            "person", flat=True
        )
    )
    return [
        FamilyChoice(
            person,
            interests.get(person.pk),
            refusal(
                opportunity,
                person,
                is_member=person.pk in members,
                interest=interests.get(person.pk),
            ),
            recorded=person.pk in recorded,
        )
        for person in people
    ]


def mark_interest(opportunity, person, *, by, message=""):
    """The family's "I'm interested"; the coordinators are e-mailed once it is saved.

    `person` must come from `family_people(by)` (the view fetches him so); `opportunity` is
    the Latvian page (`original_opportunity`)."""
    from members_area.international import tasks

    problem = refusal(
        opportunity,
        person,
        is_member=bool(members_this_year([person])),
        interest=Interest.objects.filter(opportunity=opportunity, person=person).first(),
    )
    if problem is not None:
        raise problem
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                opportunity=opportunity,
                person=person,
                message=message.strip(),
                marked_by=by,
                marked_at=timezone.now(),
            )
            transaction.on_commit(
                lambda: tasks.notify_coordinators_of_interest.enqueue(interest.pk)
            )
    except IntegrityError:
        # A double click: the other request's interest was first.
        raise AlreadyMarked(
            Interest.objects.get(opportunity=opportunity, person=person), person
        ) from None
    return interest


def withdraw_interest(interest):
    """The family takes an interest back while the opportunity still takes applications and
    the office has not yet recorded the person's participation in it (the interest is what
    the record came from)."""
    if Participation.objects.filter(
        person=interest.person_id, opportunity=interest.opportunity_id
    ).exists():
        raise ValidationError(
            _(
                "The participation of %(name)s is already recorded: the interest can no longer "
                "be withdrawn. Write to the office if plans have changed."
            )
            % {"name": interest.person.full_name},
            code="recorded",
        )
    if not interest.opportunity.is_open:
        raise ValidationError(
            _(
                "Applications for this opportunity closed on %(date)s: the interest can no "
                "longer be withdrawn. Write to the office if plans have changed."
            )
            % {"date": short_date(interest.opportunity.application_deadline)},
            code="closed",
        )
    interest.delete()


# The family's record -------------------------------------------------------------------------


class InterestState:
    WAITING = "waiting"
    CLOSED = "closed"
    PLANNED = "planned"  # participation recorded, the activity not yet begun
    TOOK_PART = "took_part"


INTEREST_STATE_LABELS = {
    InterestState.WAITING: _("Interest marked; applications are open"),
    InterestState.CLOSED: _("Applications closed"),
    InterestState.PLANNED: _("Will take part"),
    InterestState.TOOK_PART: _("Took part"),
}


def has_begun(participation, today=None):
    """An activity has been taken part in from its first day (Riga); before, it is planned."""
    return participation.start_date <= (today or timezone.localdate())


def interest_state(interest, participation, today=None):
    """`participation`: the person's recorded participation in the opportunity, or None."""
    if participation is not None:
        return InterestState.TOOK_PART if has_begun(participation, today) else InterestState.PLANNED
    if interest.opportunity.is_open:
        return InterestState.WAITING
    return InterestState.CLOSED


def family_record(user, locale=None):
    """Each of the login's people with his interests (and their state), the activities he
    took part in and those he will (recorded, not yet begun), in a fixed number of queries."""
    today = timezone.localdate()
    people = list(family_people(user))
    interests = list(
        Interest.objects.filter(person__in=people)
        .select_related("opportunity")
        .order_by("-marked_at", "-pk")
    )
    participations = list(
        Participation.objects.filter(person__in=people).order_by("-start_date", "-pk")
    )
    # The earliest recorded participation per person and opportunity decides the state.
    recorded = {}
    for participation in reversed(participations):
        if participation.opportunity_id:
            recorded.setdefault(
                (participation.person_id, participation.opportunity_id), participation
            )
    shown = in_active_language([interest.opportunity for interest in interests], locale)
    for interest in interests:
        interest.shown = shown.get(interest.opportunity_id, interest.opportunity)
        interest.state = interest_state(
            interest, recorded.get((interest.person_id, interest.opportunity_id)), today
        )
        interest.state_label = INTEREST_STATE_LABELS[interest.state]
        interest.may_withdraw = interest.state == InterestState.WAITING
    for person in people:
        person.international_interests = [i for i in interests if i.person_id == person.pk]
        own = [p for p in participations if p.person_id == person.pk]
        person.planned = [p for p in own if not has_begun(p, today)]
        person.participations = [p for p in own if has_begun(p, today)]
    return people


# Participation -------------------------------------------------------------------------------


def find_member(number):
    """The non-erased person with this member number, or a ValidationError that says so."""
    number = (number or "").strip().upper()
    person = (
        Person.objects.not_erased().filter(member_number__iexact=number).first() if number else None
    )
    if person is None:
        raise ValidationError(
            {"member_number": _("No member has the number “%(number)s”.") % {"number": number}},
            code="unknown_member",
        )
    return person


def already_recorded_message(participation):
    return _("%(name)s is already recorded for “%(activity)s” from %(date)s.") % {
        "name": participation.person.full_name,
        "activity": participation.activity,
        "date": short_date(participation.start_date),
    }


def _existing(person, activity, start_date, exclude=None):
    found = Participation.objects.select_related("person").filter(
        person=person, activity=activity, start_date=start_date
    )
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return found.first()


def age_at_start(participation):
    """The person's age on the activity's first day, from his date of birth. An erased person
    has none any more: his record keeps the age it was saved with, so the counts stay."""
    person = participation.person
    if person.date_of_birth is None and person.status == Person.Status.ERASED:
        return participation.age_at_start
    return person.age(participation.start_date)


def save_participation(participation, *, by):
    """Record a participation, or correct one; the same person, activity and start day twice
    is refused with a message saying so, never an error page."""
    participation.activity = participation.activity.strip()
    if participation.end_date is None:
        participation.end_date = participation.start_date
    participation.age_at_start = age_at_start(participation)
    participation.full_clean(validate_unique=False, validate_constraints=False)
    existing = _existing(
        participation.person,
        participation.activity,
        participation.start_date,
        exclude=participation if participation.pk else None,
    )
    if existing is not None:
        raise ValidationError(already_recorded_message(existing), code="already_recorded")
    moment = timezone.now()
    if participation.pk:
        participation.changed_by, participation.changed_at = by, moment
    else:
        participation.recorded_by, participation.recorded_at = by, moment
    try:
        with transaction.atomic():
            participation.save()
    except IntegrityError:
        # Recorded meanwhile by another coordinator.
        existing = _existing(participation.person, participation.activity, participation.start_date)
        if existing is None:
            raise
        raise ValidationError(already_recorded_message(existing), code="already_recorded") from None
    return participation


def describe_interests(interests):
    """Give each interest of the coordinators' list the person's age on the activity's first
    day, his clubs this year and whether his participation is recorded (two queries)."""
    people = {interest.person_id for interest in interests}
    recorded = set(
        Participation.objects.filter(
            person__in=people,
            opportunity__in={interest.opportunity_id for interest in interests},
        ).values_list("person", "opportunity")
    )
    clubs = {}
    for membership in (
        Membership.objects.current()
        .filter(person__in=people)
        .select_related("club")
        .order_by("club__name")
    ):
        clubs.setdefault(membership.person_id, []).append(membership.club)
    for interest in interests:
        interest.age = interest.person.age(interest.opportunity.start_date)
        interest.clubs = clubs.get(interest.person_id, [])
        interest.recorded = (interest.person_id, interest.opportunity_id) in recorded
    return interests


def interested_people(opportunity):
    """The non-erased people who marked interest in the opportunity, each with his interest
    and whether he is recorded as having taken part in it."""
    interests = list(
        Interest.objects.filter(opportunity=opportunity)
        .exclude(person__status=Person.Status.ERASED)
        .select_related("person")
        .order_by("person__first_name", "person__last_name", "pk")
    )
    recorded = set(
        Participation.objects.filter(opportunity=opportunity).values_list("person", flat=True)
    )
    people = []
    for interest in interests:
        person = interest.person
        person.interest = interest
        person.recorded = person.pk in recorded
        people.append(person)
    return people


@dataclass
class Recorded:
    created: list
    already: list  # messages, one per person already recorded


def record_from_interests(
    opportunity, people, *, by, activity, kind, country, start_date, end_date
):
    """A participation for each of `people` (who marked interest in the opportunity); those
    already recorded for the same activity and start day are reported, not recorded twice.
    All or nothing: any other refusal records nobody."""
    created, already = [], []
    with transaction.atomic():
        for person in people:
            participation = Participation(
                person=person,
                opportunity=opportunity,
                activity=activity,
                kind=kind,
                country=country,
                start_date=start_date,
                end_date=end_date,
            )
            try:
                created.append(save_participation(participation, by=by))
            except ValidationError as error:
                if error.code != "already_recorded":
                    raise
                already.append(error.messages[0])
    return Recorded(created, already)


PARTICIPATION_FIELDS = ("activity", "kind", "country", "start_date", "end_date")


def participation_defaults(opportunity):
    """What a participation in the opportunity is recorded with, unless changed."""
    start, end = activity_days(opportunity)
    return {
        "activity": opportunity.title,
        "kind": opportunity.opportunity_type,
        "country": opportunity.country,
        "start_date": start,
        "end_date": end,
    }


# What the strategy counts --------------------------------------------------------------------

TARGET_PARTICIPANTS = 50
TARGET_VOLUNTEERS = 15


@dataclass(frozen=True)
class InternationalYear:
    year: int
    participants: int  # children and youths who took part (`with_counting().is_counted`)
    volunteers: int  # those among them who were volunteers that year
    participations: int  # every record starting in the year (adults and planned ones too)

    @property
    def targets(self):
        return {"participants": TARGET_PARTICIPANTS, "volunteers": TARGET_VOLUNTEERS}


def counts_by_year(years):
    """{year: InternationalYear} for each of `years`, in one query, by the calendar year of
    each activity's first day (a date, so no time zone can move it). Only activities begun
    by today count; a person counts once a year however many activities he took part in.
    The strategy dashboard asks for several years at once."""
    years = sorted(set(years))
    found = {}
    if years:
        rows = (
            Participation.objects.filter(
                start_date__gte=datetime.date(years[0], 1, 1),
                start_date__lte=datetime.date(years[-1], 12, 31),
            )
            .with_counting()
            .filter(start_year__in=years)
            .order_by()
            .values("start_year")
            .annotate(
                participants=Count("person", distinct=True, filter=Q(is_counted=True)),
                volunteers=Count(
                    "person", distinct=True, filter=Q(is_counted=True, is_volunteer=True)
                ),
                participations=Count("pk"),
            )
        )
        found = {row.pop("start_year"): row for row in rows}
    return {
        year: InternationalYear(
            year=year,
            **found.get(year, {"participants": 0, "volunteers": 0, "participations": 0}),
        )
        for year in years
    }


def yearly_counts(year):
    """One year's figures (`counts_by_year`)."""
    return counts_by_year([year])[year]


def counting_note(participation, today=None):
    """Whether a record of `participations_of` counts, and why not, for the list and the
    exports (so their figures can be checked against the counts)."""
    if participation.is_counted:
        return _("yes, a volunteer youth") if participation.is_volunteer else _("yes")
    if not has_begun(participation, today):
        return _("not yet: the activity has not begun")
    if participation.age_at_start is None:
        return _("no: age unknown")
    return _("no: %(age)s years old at the start") % {"age": participation.age_at_start}


def participations_of(year):
    """A year's participations for the coordinators' list and export, first day first."""
    return (
        Participation.objects.started_in(year)
        .with_counting()
        .select_related("person", "recorded_by", "changed_by")
        .order_by("start_date", "activity", "person__last_name", "person__first_name", "pk")
    )


FIRST_YEAR = 2000  # the earliest year a list may be asked for (the dashboard links by year)


def years_asked_for():
    """The years whose list may be asked for, even one without records."""
    return range(FIRST_YEAR, current_year() + 2)


def years_with_participations(*also):
    """This year, every year with a record and `also`, newest first (for the year picker)."""
    years = {current_year(), *also}
    years.update(date.year for date in Participation.objects.dates("start_date", "year"))
    return sorted(years, reverse=True)
