"""What the council app holds about a person, for "My data" and for erasure.

On erasure the person's comments lose their text, his named survey answers go and his
council terms end (a term not yet begun is withdrawn); his past terms, votes, meeting
attendance, proposals (their text included: the organisation's working record, shown under
the name "Erased member") and survey participations stay, as the council's counted figures.
Anonymous answers hold nothing of him to export or erase (see models.Survey).
"""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from members_area.accounts.models import Person
from members_area.accounts.services import register_personal_data
from members_area.council.models import (
    CouncilMembership,
    MeetingAttendance,
    NamedAnswer,
    Proposal,
    ProposalComment,
    ProposalVote,
    SurveyParticipation,
)

SECTION = "council"


def _terms(records):
    return [
        {
            "from": term.starts_on.isoformat(),
            "to": term.ends_on.isoformat(),
            "role": term.role,
            "withdrawn": term.withdrawn,
            "ended_at": term.ended_at.isoformat() if term.ended_at else None,
        }
        for term in records
    ]


def _meetings_attended(records):
    return [
        {
            "meeting": record.meeting.title,
            "on": timezone.localdate(record.meeting.starts_at).isoformat(),
        }
        for record in records.select_related("meeting").order_by("meeting__starts_at")
    ]


def _proposals(records):
    return [
        {
            "title": proposal.title,
            "text": proposal.text,
            "submitted": proposal.submitted_at.isoformat(),
            "state": proposal.state,
        }
        for proposal in records
    ]


def _comments(records):
    return [
        {"proposal": comment.proposal.title, "text": comment.text}
        for comment in records.select_related("proposal")
    ]


def _votes(records):
    return [
        {"proposal": vote.proposal.title, "vote": vote.choice}
        for vote in records.select_related("proposal")
    ]


def _surveys_answered(records):
    return [
        {"survey": participation.survey.title, "on": participation.answered_on.isoformat()}
        for participation in records.select_related("survey")
    ]


def _named_answers(records):
    return [
        {
            "survey": answer.question.survey.title,
            "question": answer.question.text,
            "answer": answer.value,
        }
        for answer in records.select_related("question__survey")
    ]


# What the council holds of a person: the export's name, the model (each with a `person`
# field) and how its records are written out.
RECORDS = {
    "council_terms": (CouncilMembership, _terms),
    "council_meetings_attended": (MeetingAttendance, _meetings_attended),
    "council_proposals": (Proposal, _proposals),
    "council_comments": (ProposalComment, _comments),
    "council_votes": (ProposalVote, _votes),
    "surveys_answered": (SurveyParticipation, _surveys_answered),
    "named_survey_answers": (NamedAnswer, _named_answers),
}


def register():
    register_personal_data(SECTION, collect, erase)


def _held(person):
    """The names of RECORDS with something of the person, in one query: most members have
    nothing here, and an export reads every person of the family."""
    found = (
        Person.objects.filter(pk=person.pk)
        .values(
            **{
                f"has_{name}": Exists(model.objects.filter(person=OuterRef("pk")))
                for name, (model, _write) in RECORDS.items()
            }
        )
        .first()
    ) or {}
    return {name for name in RECORDS if found.get(f"has_{name}")}


def collect(person):
    held = _held(person)
    return {
        name: write(model.objects.filter(person=person)) if name in held else []
        for name, (model, write) in RECORDS.items()
    }


def erase(person):
    ProposalComment.objects.filter(person=person).update(text="")
    NamedAnswer.objects.filter(person=person).delete()
    # An erased member is on the council no more: his term ends yesterday and a later one is
    # withdrawn, kept with no one named as having ended it (models.CouncilMembership).
    now = timezone.now()
    yesterday = timezone.localdate(now) - datetime.timedelta(days=1)
    terms = CouncilMembership.objects.in_force().filter(person=person, ends_on__gt=yesterday)
    terms.filter(starts_on__gt=yesterday).update(withdrawn=True, ended_at=now, ended_by=None)
    terms.filter(starts_on__lte=yesterday).update(ends_on=yesterday, ended_at=now, ended_by=None)
