"""The youth council's rules: who is on it, who may do what, each step recorded with who/when.

- Coordinators appoint youths for a term and end terms; they plan meetings, write minutes and
  mark attendance.
- Council members act through their own login only (a parent's family login does not vote or
  comment for a youth): `council_membership(user)` is the login's own current term.
- Any member proposes (a family login for one of its people with no login of his own, a youth
  with his own login for himself: `speaks_for`). Coordinators, and the council's chair, open a
  proposal for discussion and close its vote; the result follows the votes (more for than
  against: adopted) once more than half of the council has voted (`change_state`).
  Coordinators forward an adopted proposal to the board and mark it implemented. A vote may be
  changed while the proposal is under discussion; comments close with the vote.
- Council members and coordinators build surveys, open and close them. Each person in the
  audience answers once; the login that speaks for him answers (see `speaks_for`). How the
  answers of an anonymous survey are kept apart from people: models.Survey.
"""

import datetime
import secrets
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members_area.accounts.models import (
    COORDINATORS_GROUP,
    OWN_LOGIN_MIN_AGE,
    YOUTH_MAX_AGE,
    AgeGroup,
    Person,
    current_year,
)
from members_area.clubs.models import Membership
from members_area.council.models import (
    TARGETS,
    CouncilMembership,
    Meeting,
    MeetingAttendance,
    NamedAnswer,
    Proposal,
    ProposalComment,
    ProposalStateChange,
    ProposalVote,
    Survey,
    SurveyParticipation,
    SurveyQuestion,
    SurveyStateChange,
    SurveyTally,
    SurveyTextAnswers,
)

State = Proposal.State
MAX_TEXT_ANSWER = 1000
MAX_CHOICES = 20
# Results of fewer answers than this are withheld: a count or a text would point at someone.
MIN_RESPONDENTS = 5
NOT_READ = object()


def today():
    """The local date the rules go by; a function so tests can fix the day."""
    return timezone.localdate()


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# Who is on the council ------------------------------------------------------------------------


def council_membership(user):
    """The login's own current council term, or None; read once per login object."""
    if not user.is_authenticated:
        return None
    # getattr, not __dict__: request.user is a lazy object that passes attributes through.
    if getattr(user, "_council_membership", NOT_READ) is NOT_READ:
        user._council_membership = (
            CouncilMembership.objects.current(today())
            .filter(person__user=user)
            .exclude(person__status=Person.Status.ERASED)
            .select_related("person")
            .first()
            if user.is_active
            else None
        )
    return user._council_membership


def is_council_member(user):
    return council_membership(user) is not None


def is_chair(user):
    membership = council_membership(user)
    return membership is not None and membership.role == CouncilMembership.Role.CHAIR


def may_see_council(user):
    """Council members and coordinators read meetings, proposals and survey results."""
    return user.is_authenticated and (user.is_coordinator or is_council_member(user))


def may_steer(user):
    """Coordinators and the chair open proposals for discussion and close their votes."""
    return user.is_authenticated and (user.is_coordinator or is_chair(user))


def current_members():
    return (
        CouncilMembership.objects.current(today())
        .select_related("person")
        .order_by("person__first_name", "person__last_name")
    )


def eligible_youths():
    """Whom a coordinator may appoint: youths of 13–25 who are members this year and have
    their own login (council members act through it)."""
    now = today()
    return (
        Person.objects.not_erased()
        .filter(
            user__isnull=False,
            user__is_active=True,
            date_of_birth__lte=_years_before(now, OWN_LOGIN_MIN_AGE),
            date_of_birth__gt=_years_before(now, YOUTH_MAX_AGE + 1),
            memberships__in=Membership.objects.current(),
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def _require_coordinator(user):
    if not (user.is_authenticated and user.is_coordinator):
        raise PermissionDenied


def _lock_chair_appointments():
    """Hold one row that always exists, the coordinators' group, until the transaction ends:
    two coordinators appointing two chairs at once would each find no chair yet (there is no
    chair term to lock), so the second must wait for the first and then see its chair."""
    Group.objects.select_for_update().get_or_create(name=COORDINATORS_GROUP)


@transaction.atomic
def appoint(*, by, person, starts_on, ends_on, role=CouncilMembership.Role.MEMBER):
    """A youth joins the council for a term; one term at a time, one chair at a time."""
    _require_coordinator(by)
    if not eligible_youths().filter(pk=person.pk).exists():
        raise ValidationError(
            {
                "person": _(
                    "Only a youth of 13–25 who is a member this year and has his own login "
                    "can be on the council."
                )
            }
        )
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The term ends after it begins.")})
    # Lock the person: two coordinators appointing him at once make one term.
    list(Person.objects.select_for_update().filter(pk=person.pk).values_list("pk"))
    if role == CouncilMembership.Role.CHAIR:
        _lock_chair_appointments()
    overlapping = CouncilMembership.objects.in_force().filter(
        starts_on__lte=ends_on, ends_on__gte=starts_on
    )
    if overlapping.filter(person=person).exists():
        raise ValidationError(
            {"starts_on": _("%(name)s already has a term in these dates.") % {"name": person}}
        )
    if role == CouncilMembership.Role.CHAIR and overlapping.filter(role=role).exists():
        raise ValidationError({"role": _("The council already has a chair in these dates.")})
    return CouncilMembership.objects.create(
        person=person, role=role, starts_on=starts_on, ends_on=ends_on, appointed_by=by
    )


@transaction.atomic
def end_term(membership, *, by):
    """The term ends yesterday, so from today he no longer votes. A term that had not begun
    is withdrawn, kept with who withdrew it and when: it never happened, so it does not count
    the youth as involved (CouncilMembershipQuerySet.in_force)."""
    _require_coordinator(by)
    membership = CouncilMembership.objects.select_for_update().get(pk=membership.pk)
    last_day = today() - datetime.timedelta(days=1)
    if membership.withdrawn or membership.ends_on <= last_day:
        raise ValidationError(_("This term has already ended."))
    membership.ended_by = by
    membership.ended_at = timezone.now()
    if last_day < membership.starts_on:
        membership.withdrawn = True
    else:
        membership.ends_on = last_day
    membership.save(update_fields=["ends_on", "withdrawn", "ended_by", "ended_at"])
    return membership


# Meetings -------------------------------------------------------------------------------------


def visible_meetings(user):
    if not may_see_council(user):
        return Meeting.objects.none()
    return Meeting.objects.all()


def members_on(day):
    """Council members whose term includes the day: who may be marked present."""
    return (
        Person.objects.filter(council_memberships__in=CouncilMembership.objects.current(day))
        .distinct()
        .order_by("first_name", "last_name")
    )


def check_meeting(meeting):
    if meeting.kind == Meeting.Kind.IN_PERSON and not meeting.place.strip():
        raise ValidationError({"place": _("Say where the meeting is.")})
    if meeting.is_training and meeting.kind != Meeting.Kind.IN_PERSON:
        raise ValidationError({"is_training": _("The training is held in person.")})
    if meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": _("The meeting ends after it starts.")})


def _refuse_cancelled(meeting):
    """Lock a saved meeting's row and refuse it if it is cancelled (by now, not as read)."""
    if meeting.pk is None:
        return
    cancelled_at = (
        Meeting.objects.select_for_update()
        .values_list("cancelled_at", flat=True)
        .get(pk=meeting.pk)
    )
    if cancelled_at is not None:
        raise ValidationError(
            _("This meeting is cancelled: it cannot be changed."), code="cancelled"
        )


@transaction.atomic
def save_meeting(meeting, *, by, attendees=None):
    """Save a meeting (new or changed); `attendees`, when given, replaces who was present.
    A cancelled meeting stays as it was cancelled: no changes, no attendance."""
    _require_coordinator(by)
    _refuse_cancelled(meeting)
    check_meeting(meeting)
    if attendees is not None:
        allowed = set(
            members_on(timezone.localdate(meeting.starts_at)).values_list("pk", flat=True)
        )
        wanted = {person.pk for person in attendees}
        if wanted - allowed:
            raise ValidationError(
                {"attendees": _("Only council members of the meeting's day can be present.")}
            )
        if wanted and not meeting.has_begun:
            raise ValidationError(
                {"attendees": _("Attendance is marked once the meeting has begun.")}
            )
    now = timezone.now()
    if meeting.pk is None:
        meeting.created_by = by
    meeting.updated_by = by
    meeting.updated_at = now
    meeting.save()
    if attendees is not None:
        meeting.attendance.exclude(person_id__in=wanted).delete()
        present = set(meeting.attendance.values_list("person_id", flat=True))
        MeetingAttendance.objects.bulk_create(
            MeetingAttendance(meeting=meeting, person_id=pk, recorded_by=by, recorded_at=now)
            for pk in sorted(wanted - present)
        )
    return meeting


@transaction.atomic
def cancel_meeting(meeting, *, by):
    """Cancel a meeting not yet begun, recording who cancelled it and when."""
    _require_coordinator(by)
    _refuse_cancelled(meeting)
    meeting.refresh_from_db()
    if meeting.has_begun:
        raise ValidationError(_("A meeting that has begun cannot be cancelled."))
    meeting.cancelled_at = timezone.now()
    meeting.cancelled_by = by
    meeting.updated_by = by
    meeting.updated_at = meeting.cancelled_at
    meeting.save(update_fields=["cancelled_at", "cancelled_by", "updated_by", "updated_at"])
    return meeting


# Proposals ----------------------------------------------------------------------------------


def speaks_for(user):
    """The people a login answers and proposes for: its own member record, and the family's
    children who have no login of their own (a youth with one speaks for himself)."""
    return (
        Person.objects.of_family(user)
        .not_erased()
        .filter(Q(user=user) | Q(user=None))
        .order_by("first_name", "last_name")
    )


def proposers(user):
    """Those of `speaks_for` who are members this year: any member may propose."""
    return speaks_for(user).filter(memberships__in=Membership.objects.current()).distinct()


def visible_proposals(user):
    """Council members and coordinators see all; a family its own people's proposals."""
    if not user.is_authenticated:
        return Proposal.objects.none()
    if may_see_council(user):
        return Proposal.objects.all()
    return Proposal.objects.filter(
        Q(person__in=Person.objects.of_family(user)) | Q(submitted_by=user)
    ).distinct()


@transaction.atomic
def submit_proposal(*, by, person, title, text):
    if not proposers(by).filter(pk=person.pk).exists():
        raise PermissionDenied
    proposal = Proposal.objects.create(
        person=person, submitted_by=by, title=title.strip(), text=text.strip()
    )
    ProposalStateChange.objects.create(
        proposal=proposal, from_state="", to_state=State.SUBMITTED, by=by, at=proposal.submitted_at
    )
    return proposal


def _lock_proposal(proposal):
    """Hold the row until the transaction ends and read the state as it is now."""
    list(Proposal.objects.select_for_update().filter(pk=proposal.pk).values_list("pk"))
    proposal.refresh_from_db()


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    from_state: str
    needs_comment: bool
    coordinators_only: bool


ACTIONS = {
    action.name: action
    for action in (
        Action("discuss", _("Open for discussion and voting"), State.SUBMITTED, False, False),
        Action("close", _("Close the vote"), State.DISCUSSION, False, False),
        Action("forward", _("Forward to the board"), State.ADOPTED, False, True),
        Action("implement", _("Mark as implemented"), State.FORWARDED, True, True),
    )
}


def available_actions(user, proposal):
    if not may_steer(user):
        return []
    return [
        action
        for action in ACTIONS.values()
        if action.from_state == proposal.state
        and (user.is_coordinator or not action.coordinators_only)
    ]


def tally(proposal):
    counts = dict(
        proposal.votes.values_list("choice").annotate(count=Count("pk")).order_by("choice")
    )
    return {choice: counts.get(choice, 0) for choice in ProposalVote.Choice.values}


@dataclass(frozen=True)
class Turnout:
    """How many of the council's current members have voted on a proposal."""

    voted: int
    members: int

    @property
    def quorate(self):
        """More than half of the current members have voted."""
        return 2 * self.voted > self.members


def turnout(proposal):
    """One query: the current members, and those of them with a vote on the proposal (the
    vote of a member whose term has ended stays in the tally, not in the quorum)."""
    counts = CouncilMembership.objects.current(today()).aggregate(
        members=Count("person", distinct=True),
        voted=Count(
            "person",
            distinct=True,
            filter=Q(person__in=ProposalVote.objects.filter(proposal=proposal).values("person")),
        ),
    )
    return Turnout(voted=counts["voted"], members=counts["members"])


@transaction.atomic
def change_state(proposal, action_name, *, by, comment=""):
    """Take one step of the proposal's life; closing the vote decides by the votes.

    A vote closes with a quorum: more than half of the council's current members have voted
    (`turnout`); then more for than against adopts the proposal. Without a quorum the council
    has not decided, so the chair cannot close the vote (neither could he adopt a proposal
    alone). A coordinator still may, so that a proposal does not wait for ever on a council
    that does not gather, but only as not adopted and saying why in the comment; the
    proposer may submit it again.
    """
    _lock_proposal(proposal)
    action = ACTIONS.get(action_name)
    if action is None or action not in available_actions(by, proposal):
        if action is not None and may_steer(by) and proposal.state != action.from_state:
            raise ValidationError(_("The proposal has moved on; reload the page."))
        raise PermissionDenied
    comment = comment.strip()
    if action.needs_comment and not comment:
        raise ValidationError({"comment": _("Say what was done.")})
    to_state = {
        "discuss": State.DISCUSSION,
        "forward": State.FORWARDED,
        "implement": State.IMPLEMENTED,
    }.get(action.name)
    if action.name == "close":
        votes = tally(proposal)
        count = turnout(proposal)
        if not count.quorate:
            message = _(
                "Votes so far: %(voted)s of the council's %(members)s members. The vote "
                "closes once more than half of them have voted."
            ) % {"voted": count.voted, "members": count.members}
            if not by.is_coordinator:
                raise ValidationError(message, code="no_quorum")
            if not comment:
                raise ValidationError(
                    {
                        "comment": _(
                            "%(message)s Without that it closes as not adopted: say why it "
                            "closes now."
                        )
                        % {"message": message}
                    }
                )
        proposal.votes_for = votes[ProposalVote.Choice.FOR]
        proposal.votes_against = votes[ProposalVote.Choice.AGAINST]
        proposal.votes_abstained = votes[ProposalVote.Choice.ABSTAIN]
        adopted = count.quorate and proposal.votes_for > proposal.votes_against
        to_state = State.ADOPTED if adopted else State.NOT_ADOPTED
    change = ProposalStateChange.objects.create(
        proposal=proposal, from_state=proposal.state, to_state=to_state, by=by, comment=comment
    )
    proposal.state = to_state
    proposal.state_changed_at = change.at
    proposal.save()
    return change


@transaction.atomic
def cast_vote(proposal, *, by, choice):
    """One vote per council member and proposal; changing it replaces it (while open)."""
    membership = council_membership(by)
    if membership is None:
        raise PermissionDenied
    if choice not in ProposalVote.Choice.values:
        raise ValidationError({"choice": _("Choose for, against or abstain.")})
    _lock_proposal(proposal)
    if not proposal.voting_is_open:
        raise ValidationError(_("Voting on this proposal is not open."), code="closed")
    vote, created = ProposalVote.objects.get_or_create(
        proposal=proposal, person=membership.person, defaults={"choice": choice}
    )
    if not created and vote.choice != choice:
        vote.choice = choice
        vote.changed_at = timezone.now()
        vote.save(update_fields=["choice", "changed_at"])
    return vote


def may_comment(user):
    return may_see_council(user)


@transaction.atomic
def add_comment(proposal, *, by, text):
    """A comment while the proposal is submitted or under discussion, not once decided."""
    if not may_comment(by):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the comment.")})
    _lock_proposal(proposal)
    if not proposal.is_open_for_comments:
        raise ValidationError(
            _("The discussion of this proposal is closed: the council has voted on it."),
            code="closed",
        )
    membership = council_membership(by)
    return ProposalComment.objects.create(
        proposal=proposal,
        person=membership.person if membership else None,
        written_by=by,
        text=text,
    )


# Surveys ------------------------------------------------------------------------------------


def may_build_surveys(user):
    return may_see_council(user)


def visible_surveys(user):
    """Council members and coordinators see every survey and its results."""
    if not may_build_surveys(user):
        return Survey.objects.none()
    return Survey.objects.all()


def audience_q(survey, day=None):
    """Who a survey asks, as a condition on people: members (role member) this year, and of
    the age group, or of the region — where they live, or where their club is.

    One condition for one filter() call, so the membership it names is one and the same row.
    """
    day = day or today()
    condition = Q(
        memberships__year=current_year(),
        memberships__status=Membership.Status.ACTIVE,
        memberships__role=Membership.Role.MEMBER,
    ) & ~Q(status=Person.Status.ERASED)
    if survey.audience == Survey.Audience.AGE_GROUP:
        earliest, latest = AgeGroup(survey.age_group).birth_dates(day)
        condition &= Q(date_of_birth__lte=latest)
        if earliest:
            condition &= Q(date_of_birth__gte=earliest)
    elif survey.audience == Survey.Audience.REGION:
        condition &= Q(municipality__region_id=survey.region_id) | Q(
            memberships__club__municipality__region_id=survey.region_id
        )
    return condition


def audience(survey):
    return Person.objects.filter(audience_q(survey)).distinct()


def _answered(survey):
    return Exists(SurveyParticipation.objects.filter(survey=survey, person=OuterRef("pk")))


def waiting_people(user, survey):
    """The people this login answers for who are asked and have not answered yet."""
    return speaks_for(user).filter(audience_q(survey)).exclude(_answered(survey)).distinct()


def surveys_to_answer(user):
    """Open surveys with someone this login answers for still to answer: one query for the
    surveys and one for all of them (a filtered count each), however many are open."""
    surveys = list(Survey.objects.filter(state=Survey.State.OPEN).order_by("-opened_at"))
    if not surveys or not user.is_authenticated:
        return []
    # Counted over the people by id: a filtered count cannot look into a DISTINCT subquery.
    people = Person.objects.filter(pk__in=speaks_for(user).values("pk"))
    counts = people.aggregate(
        **{
            f"s{survey.pk}": Count(
                "pk", filter=audience_q(survey) & ~Q(_answered(survey)), distinct=True
            )
            for survey in surveys
        }
    )
    return [survey for survey in surveys if counts[f"s{survey.pk}"]]


def _require_draft(survey):
    if survey.state != Survey.State.DRAFT:
        raise ValidationError(_("Only a draft survey can be changed."), code="not_draft")


def check_audience(survey):
    if survey.audience == Survey.Audience.AGE_GROUP and not survey.age_group:
        raise ValidationError({"age_group": _("Choose the age group.")})
    if survey.audience == Survey.Audience.REGION and survey.region_id is None:
        raise ValidationError({"region": _("Choose the region.")})
    if survey.audience != Survey.Audience.AGE_GROUP:
        survey.age_group = ""
    if survey.audience != Survey.Audience.REGION:
        survey.region = None


@transaction.atomic
def save_survey(survey, *, by):
    if not may_build_surveys(by):
        raise PermissionDenied
    if survey.pk is not None:
        state = Survey.objects.select_for_update().values_list("state", flat=True).get(pk=survey.pk)
        if state != Survey.State.DRAFT:
            raise ValidationError(_("Only a draft survey can be changed."), code="not_draft")
    else:
        survey.created_by = by
    check_audience(survey)
    survey.save()
    return survey


def parse_choices(kind, lines):
    """The choices of a question from the builder's lines (one a line)."""
    choices = [line.strip() for line in lines.splitlines() if line.strip()]
    if kind not in (SurveyQuestion.Kind.SINGLE, SurveyQuestion.Kind.MULTIPLE):
        return []
    if len(choices) < 2:
        raise ValidationError({"choices": _("Give at least two choices, one a line.")})
    if len(choices) > MAX_CHOICES:
        raise ValidationError({"choices": _("At most 20 choices.")})
    if len(set(choices)) != len(choices):
        raise ValidationError({"choices": _("Each choice once.")})
    return choices


@transaction.atomic
def add_question(survey, *, by, kind, text, required=True, choices=""):
    if not may_build_surveys(by):
        raise PermissionDenied
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_draft(survey)
    last = survey.questions.order_by("-position").values_list("position", flat=True).first()
    return SurveyQuestion.objects.create(
        survey=survey,
        kind=kind,
        text=text.strip(),
        required=required,
        choices=parse_choices(kind, choices),
        position=(last or 0) + 1,
    )


@transaction.atomic
def remove_question(question, *, by):
    if not may_build_surveys(by):
        raise PermissionDenied
    _require_draft(Survey.objects.select_for_update().get(pk=question.survey_id))
    question.delete()


def _change_survey_state(survey, to_state, *, by):
    change = SurveyStateChange.objects.create(
        survey=survey, from_state=survey.state, to_state=to_state, by=by
    )
    survey.state = to_state
    if to_state == Survey.State.OPEN:
        survey.opened_at = change.at
    else:
        survey.closed_at = change.at
    survey.save(update_fields=["state", "opened_at", "closed_at"])
    return change


@transaction.atomic
def open_survey(survey, *, by):
    """Open a draft for answers, with every counter made at zero (see models.Survey)."""
    if not may_build_surveys(by):
        raise PermissionDenied
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_draft(survey)
    questions = list(survey.questions.all())
    if not questions:
        raise ValidationError(_("Add at least one question first."))
    tallies = []
    for question in questions:
        if question.kind == SurveyQuestion.Kind.SCALE:
            values = SurveyQuestion.SCALE_VALUES
        else:
            values = range(len(question.choices))
        tallies += [SurveyTally(question=question, value=value) for value in values]
    SurveyTally.objects.bulk_create(tallies)
    SurveyTextAnswers.objects.bulk_create(
        SurveyTextAnswers(question=question)
        for question in questions
        if question.kind == SurveyQuestion.Kind.TEXT
    )
    _change_survey_state(survey, Survey.State.OPEN, by=by)
    return survey


@transaction.atomic
def close_survey(survey, *, by):
    if not may_build_surveys(by):
        raise PermissionDenied
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.state != Survey.State.OPEN:
        raise ValidationError(_("Only an open survey can be closed."))
    _change_survey_state(survey, Survey.State.CLOSED, by=by)
    return survey


def clean_answers(questions, raw):
    """Answers as stored: {question pk: list of choice indexes | scale value | text}, only for
    questions answered. `raw`: {question pk: list of strings from the form}. Refusals are
    attached to the question's field (q<pk>)."""
    answers, problems = {}, {}
    for question in questions:
        values = [value.strip() for value in raw.get(question.pk, []) if value.strip()]
        name = f"q{question.pk}"
        if not values:
            if question.required:
                problems[name] = _("Answer this question.")
            continue
        if question.kind == SurveyQuestion.Kind.TEXT:
            text = values[0]
            if len(text) > MAX_TEXT_ANSWER:
                problems[name] = _("At most 1000 characters.")
            else:
                answers[question.pk] = text
            continue
        if not all(value.isdecimal() for value in values):
            problems[name] = _("Choose from the list.")
            continue
        numbers = sorted({int(value) for value in values})
        if question.kind == SurveyQuestion.Kind.SCALE:
            if len(numbers) != 1 or numbers[0] not in SurveyQuestion.SCALE_VALUES:
                problems[name] = _("Choose one point of the scale.")
            else:
                answers[question.pk] = numbers[0]
            continue
        if numbers[-1] >= len(question.choices) or (
            question.kind == SurveyQuestion.Kind.SINGLE and len(numbers) != 1
        ):
            problems[name] = _("Choose from the list.")
        else:
            answers[question.pk] = numbers
    if problems:
        raise ValidationError(problems)
    return answers


@transaction.atomic
def answer_survey(survey, *, by, person, raw_answers):
    """Record one person's answers: the participation, then the counters (see models.Survey)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.state != Survey.State.OPEN:
        raise ValidationError(_("This survey is not open."), code="not_open")
    if not speaks_for(by).filter(audience_q(survey)).filter(pk=person.pk).exists():
        raise PermissionDenied
    questions = list(survey.questions.all())
    answers = clean_answers(questions, raw_answers)
    try:
        with transaction.atomic():
            SurveyParticipation.objects.create(survey=survey, person=person)
    except IntegrityError:
        raise ValidationError(
            _("%(name)s has already answered this survey.") % {"name": person.full_name},
            code="answered",
        ) from None
    chosen = [
        Q(question_id=question_pk, value=value)
        for question_pk, answer in answers.items()
        for value in (answer if isinstance(answer, list) else [answer])
        if not isinstance(answer, str)
    ]
    # Every counter of the survey is written, the chosen ones +1 (see models.Survey).
    SurveyTally.objects.filter(question__survey=survey).update(
        count=F("count")
        + (Case(When(reduce(or_, chosen), then=Value(1)), default=Value(0)) if chosen else 0)
    )
    SurveyQuestion.objects.filter(survey=survey).update(
        answer_count=F("answer_count")
        + (Case(When(pk__in=list(answers), then=Value(1)), default=Value(0)) if answers else 0)
    )
    lists = list(
        SurveyTextAnswers.objects.select_for_update().filter(question__survey=survey).order_by()
    )
    for text_list in lists:
        text = answers.get(text_list.question_id)
        if text is not None:
            text_list.texts.insert(secrets.randbelow(len(text_list.texts) + 1), text)
    SurveyTextAnswers.objects.bulk_update(lists, ["texts"])
    if not survey.anonymous:
        NamedAnswer.objects.bulk_create(
            NamedAnswer(question_id=question_pk, person=person, value=value)
            for question_pk, value in answers.items()
        )


@dataclass
class ChoiceResult:
    label: str
    count: int
    percent: int


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int
    rows: list = field(default_factory=list)
    texts: list = field(default_factory=list)


def results_withheld(survey, *, user, respondents):
    """Why the login may not see the survey's results yet, or None when it may.

    "open": the results show once the survey is closed, as counts watched while it is open
    tell what the one who just answered chose; "few": fewer than MIN_RESPONDENTS answered,
    and then a count or a free text points at someone. A coordinator sees a named survey's
    results from its first answer (he sees who answered what anyway); anyone else sees them
    as those of an anonymous survey.
    """
    if not survey.anonymous and user.is_coordinator:
        return "open" if survey.state == Survey.State.DRAFT else None
    if survey.state != Survey.State.CLOSED:
        return "open"
    if respondents < MIN_RESPONDENTS:
        return "few"
    return None


def results(survey):
    """Per question: how many answered, the count and share of each choice or point, and the
    free texts (in their stored, random order). Three queries whatever the answers."""
    questions = survey.questions.prefetch_related("tallies").select_related("text_answers")
    found = []
    for question in questions:
        result = QuestionResult(question=question, answered=question.answer_count)
        if question.kind == SurveyQuestion.Kind.TEXT:
            text_answers = getattr(question, "text_answers", None)
            result.texts = list(text_answers.texts) if text_answers else []
        else:
            counts = {tally.value: tally.count for tally in question.tallies.all()}
            if question.kind == SurveyQuestion.Kind.SCALE:
                labels = [(value, str(value)) for value in SurveyQuestion.SCALE_VALUES]
            else:
                labels = list(enumerate(question.choices))
            for value, label in labels:
                count = counts.get(value, 0)
                share = round(100 * count / result.answered) if result.answered else 0
                result.rows.append(ChoiceResult(label, count, share))
        found.append(result)
    return found


def named_answers(survey):
    """A named survey's answers by person, for coordinators: [(person, [answer text])]."""
    if survey.anonymous:
        return []
    questions = list(survey.questions.all())
    by_person = {}
    for answer in NamedAnswer.objects.filter(question__survey=survey).select_related("person"):
        by_person.setdefault(answer.person, {})[answer.question_id] = answer.value
    rows = []
    for person, values in sorted(by_person.items(), key=lambda item: item[0].full_name):
        cells = []
        for question in questions:
            value = values.get(question.pk)
            if value is None:
                cells.append("")
            elif question.has_choices:
                cells.append(", ".join(question.choices[index] for index in value))
            else:
                cells.append(str(value))
        rows.append((person, cells))
    return rows


# The strategy's yearly figures ----------------------------------------------------------------


@dataclass(frozen=True)
class CouncilYear:
    """The council's figures for a year, against the strategy's targets (TARGETS)."""

    year: int
    meetings: int
    online_meetings: int
    in_person_trainings: int
    youths_involved: int
    proposals_submitted: int
    proposals_adopted: int
    surveys: int

    @property
    def targets(self):
        return TARGETS


def yearly_counts(year):
    """Meetings held (begun, not cancelled), youths with a term in the year, proposals
    submitted and adopted (by the day the council adopted them), surveys opened; each by the
    local (Riga) calendar year. For the strategy dashboard."""
    meetings = Meeting.objects.held_in(year).aggregate(
        meetings=Count("pk"),
        online=Count("pk", filter=Q(kind=Meeting.Kind.ONLINE)),
        trainings=Count("pk", filter=Q(kind=Meeting.Kind.IN_PERSON, is_training=True)),
    )
    return CouncilYear(
        year=year,
        meetings=meetings["meetings"],
        online_meetings=meetings["online"],
        in_person_trainings=meetings["trainings"],
        youths_involved=CouncilMembership.objects.in_year(year).values("person").distinct().count(),
        proposals_submitted=Proposal.objects.filter(submitted_at__year=year).count(),
        proposals_adopted=ProposalStateChange.objects.filter(to_state=State.ADOPTED, at__year=year)
        .values("proposal")
        .distinct()
        .count(),
        surveys=Survey.objects.filter(opened_at__year=year).count(),
    )
