"""The youth council (mazpulcēnu padome): its members, meetings, proposals and surveys.

The rules and state changes live in services.py; these models only hold what was decided, by
whom and when. Council members act through their own login (youths of 13 and over have one),
never through a parent's: a vote or a comment is the youth's own.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import in_default_language
from members_area.accounts.models import AgeGroup, Person

# The strategy's yearly targets for the council (DESIGN.md).
TARGETS = {
    "online_meetings": 6,
    "in_person_trainings": 1,
    "youths_involved": 30,
    "proposals_adopted": 5,
    "surveys": 3,
}


# Membership ----------------------------------------------------------------------------------


class CouncilMembershipQuerySet(models.QuerySet):
    def in_force(self):
        """Terms not withdrawn: a withdrawn term never began, so it never counted."""
        return self.filter(withdrawn=False)

    def current(self, day=None):
        """Terms that include `day` (today by default)."""
        day = day or timezone.localdate()
        return self.in_force().filter(starts_on__lte=day, ends_on__gte=day)

    def in_year(self, year):
        """Terms that overlap the calendar year, if only by a day."""
        return self.in_force().filter(
            starts_on__lte=datetime.date(year, 12, 31), ends_on__gte=datetime.date(year, 1, 1)
        )


class CouncilMembership(models.Model):
    """A youth's term on the council, appointed by a coordinator. Terms are never deleted:
    ending one early moves its end to the day it ended, and ending one that has not begun
    withdraws it (its dates stay as appointed); both record who ended it and when. An erasure
    ends or withdraws the person's terms with no one named (ended_by empty)."""

    class Role(models.TextChoices):
        MEMBER = "member", _("council member")
        CHAIR = "chair", _("chair of the council")

    person = models.ForeignKey(
        Person,
        verbose_name=_("youth"),
        on_delete=models.CASCADE,
        related_name="council_memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    appointed_at = models.DateTimeField(default=timezone.now)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    withdrawn = models.BooleanField(
        _("withdrawn"), default=False, help_text=_("Ended before it began: it never counted.")
    )

    objects = CouncilMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "person__last_name", "person__first_name"]
        verbose_name = _("council membership")
        verbose_name_plural = _("council memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="council_term_ends_after_start",
                violation_error_message=_("The term ends after it begins."),
            ),
            models.CheckConstraint(
                condition=Q(withdrawn=False) | Q(ended_at__isnull=False),
                name="council_term_withdrawn_when",
            ),
        ]

    def __str__(self):
        return f"{self.person} {self.starts_on}–{self.ends_on}"

    @property
    def is_current(self):
        return not self.withdrawn and self.starts_on <= timezone.localdate() <= self.ends_on


# Meetings -----------------------------------------------------------------------------------


class MeetingQuerySet(models.QuerySet):
    def held_in(self, year):
        """Meetings of the year that have taken place (begun) and were not cancelled."""
        return self.filter(starts_at__year=year, starts_at__lte=timezone.now(), cancelled_at=None)

    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now(), cancelled_at=None).order_by("starts_at")


class Meeting(models.Model):
    """A council meeting, online (with a link) or in person (with a place); a training is an
    in-person meeting the strategy counts apart."""

    class Kind(models.TextChoices):
        ONLINE = "online", _("online")
        IN_PERSON = "in_person", _("in person")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ONLINE)
    is_training = models.BooleanField(
        _("training"),
        default=False,
        help_text=_("The council's in-person training the strategy asks for once a year."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("video call link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attendees = models.ManyToManyField(
        Person, through="MeetingAttendance", related_name="council_meetings", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at=None) | Q(ends_at__gt=models.F("starts_at")),
                name="council_meeting_ends_after_start",
                violation_error_message=_("The meeting ends after it starts."),
            )
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d})"

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def has_begun(self):
        return self.starts_at <= timezone.now()


class MeetingAttendance(models.Model):
    """A council member present at a meeting, marked by a coordinator."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting attendance")
        verbose_name_plural = _("meeting attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="present_once_a_meeting")
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.person}"


# Proposals ----------------------------------------------------------------------------------


class Proposal(models.Model):
    """An improvement proposal for the organisation, from any member (or his family).

    States: submitted → under discussion (council members comment and vote) → adopted or not
    adopted (the vote is closed; the result follows the votes) → forwarded to the board →
    implemented. Every change is a ProposalStateChange.
    """

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        DISCUSSION = "discussion", _("under discussion")
        ADOPTED = "adopted", _("adopted by the council")
        NOT_ADOPTED = "not_adopted", _("not adopted")
        FORWARDED = "forwarded", _("forwarded to the board")
        IMPLEMENTED = "implemented", _("implemented")

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("proposal"), max_length=5000)
    person = models.ForeignKey(
        Person,
        verbose_name=_("proposed by"),
        on_delete=models.CASCADE,
        related_name="council_proposals",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    state = models.CharField(
        _("status"), max_length=12, choices=State.choices, default=State.SUBMITTED
    )
    state_changed_at = models.DateTimeField(default=timezone.now)
    # The tally when the vote was closed: the decision stays readable if terms end later.
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_abstained = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return self.title

    @property
    def voting_is_open(self):
        return self.state == self.State.DISCUSSION

    @property
    def is_open_for_comments(self):
        """Until the vote closes: after it, the council has decided."""
        return self.state in (self.State.SUBMITTED, self.State.DISCUSSION)


class ProposalStateChange(models.Model):
    """One step of a proposal: from which state to which, who, when and why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="changes")
    from_state = models.CharField(
        _("from"), max_length=12, choices=Proposal.State.choices, blank=True
    )
    to_state = models.CharField(_("to"), max_length=12, choices=Proposal.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("proposal state change")
        verbose_name_plural = _("proposal state changes")

    def __str__(self):
        return f"{self.proposal_id}: {self.from_state} → {self.to_state}"


class ProposalComment(models.Model):
    """A council member's (or a coordinator's) word in the discussion of a proposal."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    # The council member who wrote it; empty for a coordinator, who has no member record.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=3000)
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "pk"]
        verbose_name = _("comment on a proposal")
        verbose_name_plural = _("comments on proposals")

    def __str__(self):
        return f"{self.proposal_id}: {self.text[:40]}"


class ProposalVote(models.Model):
    """A council member's vote: one per member and proposal (the database holds to it). It may
    be changed while the proposal is under discussion; closing the vote freezes it."""

    class Choice(models.TextChoices):
        FOR = "for", _("for")
        AGAINST = "against", _("against")
        ABSTAIN = "abstain", _("abstain")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    cast_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "person"], name="one_vote_per_council_member"
            )
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.person} {self.choice}"


# Surveys ------------------------------------------------------------------------------------


class Survey(models.Model):
    """A survey the council runs among members: draft → open → closed.

    How an anonymous survey keeps answers apart from people:
    - Who has answered is a SurveyParticipation (survey, person), needed so that each person
      answers once. Nothing points from the stored answers to it, and no id is shared.
    - The answers themselves are not stored as rows of a respondent. Choices and scale values
      are counters (SurveyTally), all created with zeros when the survey opens, so answering
      only adds one to counters: no row is inserted, so neither row ids nor the order of rows
      says who answered what. Free-text answers go into one list per question
      (SurveyTextAnswers), each at a random place, so their order says nothing either.
    - Nothing of the answers carries a time; a participation carries only the day.
    - Each answer rewrites all the survey's counters and text lists in one statement each
      (adding one to the chosen values, nothing to the others). A database stamps every row
      it writes with the writing transaction (PostgreSQL's xmin), which is also the stamp of
      the new participation; as every counter of the survey carries it, it says who answered
      last, not what he chose.
    - Its results are shown once it is closed, and only when at least
      services.MIN_RESPONDENTS people answered: counts watched while it is open would tell what
      the one who just answered chose, and among a few answers a count or a text points at
      someone.
    So even someone with a copy of the database sees who answered and how many chose what,
    never who chose what. (A database's own history — write-ahead logs, not yet vacuumed old
    row versions — is outside what the application can control.)

    A named (not anonymous) survey keeps the same counters for its results and also a
    NamedAnswer per person and question, which coordinators see. Coordinators see its results
    from the first answer; anyone else as those of an anonymous survey (services.results_withheld).
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    class Audience(models.TextChoices):
        ALL = "all", _("all members")
        AGE_GROUP = "age_group", _("an age group")
        REGION = "region", _("a region")

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, max_length=3000)
    anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_("Answers are stored with no link to who gave them."),
    )
    audience = models.CharField(
        _("who is asked"), max_length=10, choices=Audience.choices, default=Audience.ALL
    )
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, blank=True
    )
    region = models.ForeignKey(
        "home.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
    )
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=~Q(audience="age_group") | ~Q(age_group=""),
                name="survey_age_group_audience_names_a_group",
                violation_error_message=_("Choose the age group."),
            ),
            models.CheckConstraint(
                condition=~Q(audience="region") | Q(region__isnull=False),
                name="survey_region_audience_names_a_region",
                violation_error_message=_("Choose the region."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def audience_label(self):
        if self.audience == self.Audience.AGE_GROUP:
            return AgeGroup(self.age_group).label
        if self.audience == self.Audience.REGION:
            return str(self.region)
        return self.get_audience_display()


class SurveyStateChange(models.Model):
    """A survey opened or closed: who and when."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="changes")
    from_state = models.CharField(max_length=10, choices=Survey.State.choices)
    to_state = models.CharField(max_length=10, choices=Survey.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.survey_id}: {self.from_state} → {self.to_state}"


class SurveyQuestion(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("one choice")
        MULTIPLE = "multiple", _("several choices")
        SCALE = "scale", _("scale from 1 to 5")
        TEXT = "text", _("free text")

    SCALE_VALUES = (1, 2, 3, 4, 5)

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    required = models.BooleanField(_("an answer is required"), default=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    # How many people answered this question: a counter (see Survey), for shares of choices.
    answer_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self):
        return self.text

    @property
    def has_choices(self):
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class SurveyTally(models.Model):
    """How many answers chose a value: a choice's index, or a point of the scale. Created with
    a zero for every value when the survey opens; answering adds one (see Survey)."""

    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="tallies")
    value = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="one_tally_per_value")
        ]

    def __str__(self):
        return f"{self.question_id}/{self.value}: {self.count}"


class SurveyTextAnswers(models.Model):
    """All free-text answers to a question, in a random order (see Survey)."""

    question = models.OneToOneField(
        SurveyQuestion, on_delete=models.CASCADE, related_name="text_answers"
    )
    texts = models.JSONField(default=list)

    def __str__(self):
        return f"{self.question_id}: {len(self.texts)}"


class SurveyParticipation(models.Model):
    """That a person has answered a survey (each answers once: the database holds to it).
    Only the day is kept; nothing in the answers points here (see Survey)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    answered_on = models.DateField(default=timezone.localdate)

    class Meta:
        verbose_name = _("survey participation")
        verbose_name_plural = _("survey participations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "person"], name="one_answer_per_person")
        ]

    def __str__(self):
        return f"{self.survey_id}: {self.person}"


class NamedAnswer(models.Model):
    """A person's answer to a question of a named (not anonymous) survey.

    `value`: the chosen indexes (a list) for choices, the number for a scale, the text."""

    question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, related_name="named_answers"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    value = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "person"], name="one_named_answer")
        ]

    def __str__(self):
        return f"{self.question_id}: {self.person}"
