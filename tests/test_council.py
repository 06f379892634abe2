"""The youth council: terms, meetings, proposals and votes, surveys and their anonymity, the
yearly figures, the pages and who may open them."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from home.models import Region
from members_area.council import services
from members_area.council.models import (
    CouncilMembership,
    Meeting,
    NamedAnswer,
    Proposal,
    ProposalStateChange,
    ProposalVote,
    Survey,
    SurveyParticipation,
    SurveyQuestion,
    SurveyStateChange,
    SurveyTally,
    SurveyTextAnswers,
)
from tests.conftest import at_noon_on
from tests.council import council_arguments
from tests.members import add_guardian, make_member, make_person, make_user, years_ago

pytestmark = pytest.mark.django_db

RIGA = zoneinfo.ZoneInfo(settings.TIME_ZONE)
# Mid-June, far from the new year: the tests run on this day, whatever day the suite runs.
TODAY = datetime.date(timezone.localdate().year, 6, 15)
State = Proposal.State


@pytest.fixture(autouse=True)
def _mid_june():
    """Autouse, so the clock is set before `world` gives this year's memberships."""
    with at_noon_on(TODAY):
        yield


def riga(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=RIGA)


def youth(first_name, email, club, *, age=16, place="cesu-novads"):
    """A member of `club` with his own login."""
    person = make_person(
        first_name, "Jaunietis", years_ago(age), user=make_user(email), place=place
    )
    make_member(person, club)
    return person


def appoint(world, person, *, role=CouncilMembership.Role.MEMBER, **dates):
    return services.appoint(
        by=world.coordinator,
        person=person,
        starts_on=dates.get("starts_on", TODAY - datetime.timedelta(days=30)),
        ends_on=dates.get("ends_on", TODAY + datetime.timedelta(days=300)),
        role=role,
    )


def english(name, *args):
    """A page's address in English: for new strings, whether or not their Latvian is in yet."""
    with translation.override("en"):
        return reverse(name, args=args)


def fresh(user):
    """The login as a new request sees it (its council term and roles not yet read)."""
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def council(world):
    """Jānis (15, own login) chairs the council; Marta and Oskars are members."""
    world.marta = youth("Marta", "marta@example.lv", world.club)
    world.oskars = youth("Oskars", "oskars@example.lv", world.other_club, place="talsu-novads")
    appoint(world, world.youth, role=CouncilMembership.Role.CHAIR)
    appoint(world, world.marta)
    appoint(world, world.oskars)
    return world


def proposal_in_discussion(world, title="Vairāk nometņu"):
    proposal = services.submit_proposal(
        by=world.parent, person=world.child, title=title, text="Lūdzu vairāk nometņu vasarā."
    )
    services.change_state(proposal, "discuss", by=world.coordinator)
    return proposal


# Membership -----------------------------------------------------------------------------------


def test_coordinators_appoint_youths_with_own_login_for_one_term_at_a_time(world):
    term = appoint(world, world.youth)
    assert term.appointed_by == world.coordinator
    assert services.is_council_member(fresh(world.youth.user))
    with pytest.raises(ValidationError) as twice:
        appoint(world, world.youth, starts_on=TODAY + datetime.timedelta(days=10))
    assert "starts_on" in twice.value.error_dict
    # Anna (10) has no login of her own; the leader is no youth; a leader cannot appoint.
    for person in (world.child, world.leader.person):
        with pytest.raises(ValidationError):
            appoint(world, person)
    marta = youth("Marta", "marta@example.lv", world.club)
    with pytest.raises(PermissionDenied):
        services.appoint(by=world.leader, person=marta, starts_on=TODAY, ends_on=TODAY)


def test_ending_a_term_stops_the_vote_from_today_and_withdraws_a_term_not_begun(world):
    term = appoint(world, world.youth)
    services.end_term(term, by=world.coordinator)
    term.refresh_from_db()
    assert term.ends_on == TODAY - datetime.timedelta(days=1)
    assert term.ended_by == world.coordinator
    assert not services.is_council_member(fresh(world.youth.user))
    later = appoint(world, world.youth, starts_on=TODAY + datetime.timedelta(days=5))
    services.end_term(later, by=world.coordinator)
    # Withdrawn, not deleted: kept with who withdrew it and when, its dates as appointed.
    later.refresh_from_db()
    assert later.withdrawn and later.ended_by == world.coordinator and later.ended_at
    assert later.starts_on == TODAY + datetime.timedelta(days=5)
    with pytest.raises(ValidationError):
        services.end_term(later, by=world.coordinator)


def test_a_withdrawn_term_never_counts_and_frees_its_dates(client, world):
    marta = youth("Marta", "marta@example.lv", world.club)
    coming = appoint(world, marta, starts_on=TODAY + datetime.timedelta(days=5))
    assert services.yearly_counts(TODAY.year).youths_involved == 1
    services.end_term(coming, by=world.coordinator)
    assert services.yearly_counts(TODAY.year).youths_involved == 0
    with time_machine.travel(riga(TODAY.year, 7, 1), tick=False):
        assert not services.is_council_member(fresh(marta.user))
        assert not services.members_on(TODAY + datetime.timedelta(days=10)).exists()
    # The dates are free for a new appointment; the coordinators' page lists it as withdrawn.
    appoint(world, marta, starts_on=TODAY + datetime.timedelta(days=5))
    client.force_login(world.coordinator)
    page = client.get(english("council:members")).content.decode()
    assert "withdrawn before it began" in page


def test_erasure_withdraws_a_term_not_begun_and_keeps_it(world):
    from members_area.accounts.services import erase_person

    marta = youth("Marta", "marta@example.lv", world.club)
    coming = appoint(world, marta, starts_on=TODAY + datetime.timedelta(days=5))
    erase_person(marta)
    coming.refresh_from_db()
    assert coming.withdrawn and coming.ended_at and coming.ended_by is None
    assert services.yearly_counts(TODAY.year).youths_involved == 0


def test_one_chair_at_a_time(council):
    with pytest.raises(ValidationError) as refused:
        appoint(
            council,
            youth("Roberts", "roberts@example.lv", council.club),
            role=CouncilMembership.Role.CHAIR,
        )
    assert "role" in refused.value.error_dict


def test_appointing_a_chair_waits_for_another_coordinators_chair(world, monkeypatch):
    """Two coordinators appointing two chairs at once: with no chair yet there is no term to
    lock, so appointing a chair first locks one row that always exists (the coordinators'
    group), and only then looks for a chair. (SQLite locks the whole database anyway, so the
    test watches what is locked, and in which order.)"""
    from django.contrib.auth.models import Group
    from django.db.models import QuerySet

    events = []
    select_for_update = QuerySet.select_for_update

    def recording(queryset, *args, **kwargs):
        events.append(("lock", queryset.model))
        return select_for_update(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", recording)
    with CaptureQueriesContext(connection) as captured:
        appoint(world, world.youth, role=CouncilMembership.Role.CHAIR)
    assert ("lock", Group) in events
    sql = [query["sql"] for query in captured]
    group_lock = next(i for i, q in enumerate(sql) if 'FROM "auth_group" WHERE' in q)
    chair_check = next(
        i for i, q in enumerate(sql) if 'FROM "council_councilmembership"' in q and "'chair'" in q
    )
    assert group_lock < chair_check


# Proposals and votes ------------------------------------------------------------------------------


def test_a_family_proposes_for_its_child_a_youth_for_himself_not_for_another(world):
    anna = services.submit_proposal(
        by=world.parent, person=world.child, title="Vairāk nometņu", text="Vasarā."
    )
    assert anna.submitted_by == world.parent and anna.state == State.SUBMITTED
    jana = services.submit_proposal(
        by=world.youth.user, person=world.youth, title="Jaunatnes dienas", text="Rudenī."
    )
    assert jana.person == world.youth
    # Jānis has his own login: his proposals and answers are his, not his parent's.
    with pytest.raises(PermissionDenied):
        services.submit_proposal(by=world.parent, person=world.youth, title="X", text="Y")
    with pytest.raises(PermissionDenied):
        services.submit_proposal(by=world.other_parent, person=world.child, title="X", text="Y")


def test_one_vote_per_council_member_changeable_while_open(council):
    proposal = proposal_in_discussion(council)
    marta = council.marta.user
    services.cast_vote(proposal, by=marta, choice="for")
    services.cast_vote(proposal, by=marta, choice="against")
    (vote,) = ProposalVote.objects.filter(proposal=proposal)
    assert (vote.person, vote.choice) == (council.marta, "against")
    assert vote.changed_at >= vote.cast_at
    # The database holds to it too.
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalVote.objects.create(proposal=proposal, person=council.marta, choice="for")


def test_only_current_council_members_vote(council):
    proposal = proposal_in_discussion(council)
    # The parent acts for Jānis elsewhere, not on the council; leaders and coordinators
    # have no vote either.
    for user in (council.parent, council.leader, council.coordinator, council.other_parent):
        with pytest.raises(PermissionDenied):
            services.cast_vote(proposal, by=fresh(user), choice="for")
    term = CouncilMembership.objects.get(person=council.oskars)
    services.end_term(term, by=council.coordinator)
    with pytest.raises(PermissionDenied):
        services.cast_vote(proposal, by=fresh(council.oskars.user), choice="for")
    assert not proposal.votes.exists()


def test_voting_page_refuses_non_members_and_counts_members(client, council):
    proposal = proposal_in_discussion(council)
    url = reverse("council:vote", args=[proposal.pk])
    client.force_login(council.parent)
    assert client.post(url, {"choice": "for"}).status_code == 403
    client.force_login(council.marta.user)
    response = client.post(url, {"choice": "for"}, follow=True)
    assert response.status_code == 200
    assert list(proposal.votes.values_list("person", "choice")) == [(council.marta.pk, "for")]


def test_state_changes_are_recorded_and_the_vote_decides(council):
    proposal = proposal_in_discussion(council)
    chair = fresh(council.youth.user)
    for member, choice in ((council.marta, "for"), (council.oskars, "for")):
        services.cast_vote(proposal, by=member.user, choice=choice)
    services.cast_vote(proposal, by=chair, choice="abstain")
    # The chair closes the vote; forwarding to the board is for coordinators.
    services.change_state(proposal, "close", by=chair, comment="Balsojums slēgts")
    proposal.refresh_from_db()
    assert proposal.state == State.ADOPTED
    assert (proposal.votes_for, proposal.votes_against, proposal.votes_abstained) == (2, 0, 1)
    with pytest.raises(ValidationError):
        services.cast_vote(proposal, by=council.marta.user, choice="against")
    with pytest.raises(PermissionDenied):
        services.change_state(proposal, "forward", by=chair)
    with pytest.raises(PermissionDenied):
        services.change_state(proposal, "forward", by=fresh(council.parent))
    services.change_state(proposal, "forward", by=council.coordinator, comment="Valdei 3. maijā")
    with pytest.raises(ValidationError):  # what was done must be said
        services.change_state(proposal, "implement", by=council.coordinator)
    services.change_state(proposal, "implement", by=council.coordinator, comment="Ieviests")
    steps = list(
        ProposalStateChange.objects.filter(proposal=proposal).values_list(
            "from_state", "to_state", "by", "comment"
        )
    )
    assert steps == [
        ("", State.SUBMITTED, council.parent.pk, ""),
        (State.SUBMITTED, State.DISCUSSION, council.coordinator.pk, ""),
        (State.DISCUSSION, State.ADOPTED, chair.pk, "Balsojums slēgts"),
        (State.ADOPTED, State.FORWARDED, council.coordinator.pk, "Valdei 3. maijā"),
        (State.FORWARDED, State.IMPLEMENTED, council.coordinator.pk, "Ieviests"),
    ]
    assert all(change.at for change in proposal.changes.all())


def test_a_tie_is_not_adopted_and_a_vote_nobody_cast_cannot_close(council):
    proposal = proposal_in_discussion(council)
    with pytest.raises(ValidationError):
        services.change_state(proposal, "close", by=council.coordinator)
    services.cast_vote(proposal, by=council.marta.user, choice="for")
    services.cast_vote(proposal, by=council.oskars.user, choice="against")
    services.change_state(proposal, "close", by=council.coordinator)
    proposal.refresh_from_db()
    assert proposal.state == State.NOT_ADOPTED
    assert services.available_actions(council.coordinator, proposal) == []


def test_the_chair_cannot_adopt_a_proposal_alone(client, council):
    """A vote closes once more than half of the council (here 2 of 3) has voted."""
    proposal = proposal_in_discussion(council)
    chair = fresh(council.youth.user)
    services.cast_vote(proposal, by=chair, choice="for")
    with pytest.raises(ValidationError) as refused:
        services.change_state(proposal, "close", by=chair)
    assert refused.value.code == "no_quorum"
    proposal.refresh_from_db()
    assert proposal.state == State.DISCUSSION
    # Through the page the chair is told why.
    client.force_login(council.youth.user)
    response = client.post(
        english("council:proposal_state", proposal.pk), {"action": "close"}, follow=True
    )
    assert "Votes so far: 1 of the council&#x27;s 3 members" in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).state == State.DISCUSSION
    # With a second vote the council decides.
    services.cast_vote(proposal, by=council.marta.user, choice="for")
    services.change_state(proposal, "close", by=fresh(council.youth.user))
    proposal.refresh_from_db()
    assert (proposal.state, proposal.votes_for) == (State.ADOPTED, 2)


def test_without_a_quorum_a_coordinator_closes_the_vote_only_as_not_adopted(council):
    proposal = proposal_in_discussion(council)
    services.cast_vote(proposal, by=council.marta.user, choice="for")
    with pytest.raises(ValidationError) as no_reason:
        services.change_state(proposal, "close", by=council.coordinator)
    assert "comment" in no_reason.value.error_dict
    services.change_state(
        proposal, "close", by=council.coordinator, comment="Padome nesanāca trīs mēnešus"
    )
    proposal.refresh_from_db()
    assert (proposal.state, proposal.votes_for, proposal.votes_against) == (
        State.NOT_ADOPTED,
        1,
        0,
    )


def test_comments_close_with_the_vote(client, council):
    proposal = proposal_in_discussion(council)
    services.add_comment(proposal, by=council.marta.user, text="Atbalstu")
    for member in (council.marta, council.oskars):
        services.cast_vote(proposal, by=member.user, choice="for")
    services.change_state(proposal, "close", by=council.coordinator)
    with pytest.raises(ValidationError) as refused:
        services.add_comment(proposal, by=council.oskars.user, text="Par vēlu")
    assert refused.value.code == "closed"
    client.force_login(council.oskars.user)
    response = client.post(
        english("council:comment", proposal.pk), {"text": "Arī par vēlu"}, follow=True
    )
    body = response.content.decode()
    assert "The discussion of this proposal is closed" in body
    assert 'name="text"' not in body  # no comment form on a decided proposal
    assert list(proposal.comments.values_list("text", flat=True)) == ["Atbalstu"]


def test_the_family_sees_its_proposal_and_its_way_not_the_discussion(client, council):
    proposal = proposal_in_discussion(council)
    services.add_comment(proposal, by=council.marta.user, text="Labs priekšlikums, Marta")
    url = reverse("council:proposal", args=[proposal.pk])
    client.force_login(council.parent)
    body = client.get(url).content.decode()
    assert "Vairāk nometņu" in body and "Labs priekšlikums" not in body
    client.force_login(council.marta.user)
    body = client.get(url).content.decode()
    assert "Labs priekšlikums" in body
    client.force_login(council.other_parent)
    assert client.get(url).status_code == 404


def test_proposing_through_the_page(client, world):
    client.force_login(world.parent)
    page = client.get(reverse("council:proposal_new")).content.decode()
    assert "Anna" in page and "Jānis" not in page  # Jānis proposes himself
    response = client.post(
        reverse("council:proposal_new"),
        {"person": world.child.pk, "title": "Kino vakari", "text": "Reizi mēnesī."},
    )
    proposal = Proposal.objects.get(title="Kino vakari")
    assert response.status_code == 302 and proposal.person == world.child
    refused = client.post(
        reverse("council:proposal_new"),
        {"person": world.youth.pk, "title": "Cits", "text": "Cits."},
    )
    assert refused.status_code == 200 and not Proposal.objects.filter(title="Cits").exists()


# Meetings -------------------------------------------------------------------------------------


def test_meetings_need_a_place_in_person_and_attendance_only_of_council_members(council):
    meeting = Meeting(
        title="Mācības", kind=Meeting.Kind.IN_PERSON, is_training=True,
        starts_at=riga(TODAY.year, 6, 1, 10),
    )  # fmt: skip
    with pytest.raises(ValidationError) as no_place:
        services.save_meeting(meeting, by=council.coordinator)
    assert "place" in no_place.value.error_dict
    meeting.place = "Rīga"
    with pytest.raises(ValidationError) as outsider:
        services.save_meeting(meeting, by=council.coordinator, attendees=[council.child])
    assert "attendees" in outsider.value.error_dict and meeting.pk is None
    services.save_meeting(meeting, by=council.coordinator, attendees=[council.marta, council.youth])
    assert set(meeting.attendance.values_list("person", "recorded_by")) == {
        (council.marta.pk, council.coordinator.pk),
        (council.youth.pk, council.coordinator.pk),
    }
    services.save_meeting(meeting, by=council.coordinator, attendees=[council.marta])
    assert list(meeting.attendees.all()) == [council.marta]
    with pytest.raises(PermissionDenied):
        services.save_meeting(meeting, by=fresh(council.youth.user))
    coming = Meeting(title="Nākamā", starts_at=riga(TODAY.year, 7, 1, 18))
    with pytest.raises(ValidationError):  # nobody is present before it begins
        services.save_meeting(coming, by=council.coordinator, attendees=[council.marta])


def test_a_cancelled_meeting_records_who_and_takes_no_changes_or_attendance(client, council):
    meeting = services.save_meeting(
        Meeting(title="Jūlija sanāksme", starts_at=riga(TODAY.year, 7, 1, 18)),
        by=council.coordinator,
    )
    services.cancel_meeting(meeting, by=council.coordinator)
    meeting.refresh_from_db()
    assert meeting.cancelled_by == council.coordinator and meeting.cancelled_at
    meeting.title = "Pārcelta"
    with pytest.raises(ValidationError) as refused:
        services.save_meeting(meeting, by=council.coordinator)
    assert refused.value.code == "cancelled"
    with pytest.raises(ValidationError):
        services.cancel_meeting(meeting, by=council.coordinator)
    with time_machine.travel(riga(TODAY.year, 7, 1, 19), tick=False):
        with pytest.raises(ValidationError):
            services.save_meeting(
                Meeting.objects.get(pk=meeting.pk),
                by=council.coordinator,
                attendees=[council.marta],
            )
        client.force_login(council.coordinator)
        edit = english("council:meeting_edit", meeting.pk)
        response = client.get(edit, follow=True)
        assert "This meeting is cancelled: it cannot be changed." in response.content.decode()
        client.post(
            edit,
            {"title": "Pārcelta", "kind": "online", "starts_at": f"{TODAY.year}-07-01T18:00",
             "attendees": [council.marta.pk]},
        )  # fmt: skip
    meeting.refresh_from_db()
    assert meeting.title == "Jūlija sanāksme" and not meeting.attendance.exists()


def test_council_members_read_minutes_and_the_link_others_do_not(client, council):
    meeting = services.save_meeting(
        Meeting(
            title="Jūnija sanāksme", starts_at=riga(TODAY.year, 6, 10, 18),
            link="https://meet.example/padome", minutes="Nolēmām rīkot aptauju.",
        ),
        by=council.coordinator,
    )  # fmt: skip
    url = reverse("council:meeting", args=[meeting.pk])
    client.force_login(council.marta.user)
    body = client.get(url).content.decode()
    assert "Nolēmām rīkot aptauju" in body and "https://meet.example/padome" in body
    assert client.get(reverse("council:meeting_edit", args=[meeting.pk])).status_code == 403
    client.force_login(council.parent)
    assert client.get(url).status_code == 403
    home = client.get(reverse("council:home")).content.decode()
    assert "meet.example" not in home


# Surveys ------------------------------------------------------------------------------------


def open_survey(world, *, anonymous=True, **fields):
    survey = services.save_survey(
        Survey(title=fields.pop("title", "Nometnes aptauja"), anonymous=anonymous, **fields),
        by=world.coordinator,
    )
    services.add_question(
        survey, by=world.coordinator, kind="single", text="Kur?", choices="Jūra\nMežs\nKalni"
    )
    services.add_question(
        survey, by=world.coordinator, kind="multiple", text="Ko?", choices="Sports\nMāksla"
    )
    services.add_question(survey, by=world.coordinator, kind="scale", text="Cik labi?")
    services.add_question(
        survey, by=world.coordinator, kind="text", text="Ieteikumi?", required=False
    )
    return services.open_survey(survey, by=world.coordinator)


def answer(survey, user, person, where=0, what=(0,), scale=4, text=""):
    questions = {question.kind: question.pk for question in survey.questions.all()}
    services.answer_survey(
        survey,
        by=user,
        person=person,
        raw_answers={
            questions["single"]: [str(where)],
            questions["multiple"]: [str(value) for value in what],
            questions["scale"]: [str(scale)],
            questions["text"]: [text],
        },
    )


def test_one_answer_per_member_per_survey(world):
    survey = open_survey(world)
    answer(survey, world.parent, world.child)
    with pytest.raises(ValidationError) as twice:
        answer(survey, world.parent, world.child, where=1)
    assert twice.value.code == "answered"
    assert SurveyParticipation.objects.filter(survey=survey).count() == 1
    assert (
        sum(SurveyTally.objects.filter(question__kind="single").values_list("count", flat=True))
        == 1
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyParticipation.objects.create(survey=survey, person=world.child)


def test_a_family_answers_for_its_child_a_youth_for_himself(world):
    survey = open_survey(world)
    assert list(services.waiting_people(world.parent, survey)) == [world.child]
    assert list(services.waiting_people(world.youth.user, survey)) == [world.youth]
    with pytest.raises(PermissionDenied):
        answer(survey, world.parent, world.youth)
    with pytest.raises(PermissionDenied):
        answer(survey, world.other_parent, world.child)


def test_answers_are_checked_against_the_questions(world):
    survey = open_survey(world)
    for bad in ({"where": 7}, {"scale": 6}, {"what": ()}, {"text": "x" * 1001}):
        with pytest.raises(ValidationError):
            answer(survey, world.parent, world.child, **bad)
    assert not SurveyParticipation.objects.exists()
    services.close_survey(survey, by=world.coordinator)
    with pytest.raises(ValidationError):
        answer(survey, world.parent, world.child)


def column_names(model):
    with connection.cursor() as cursor:
        return {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, model._meta.db_table
            )
        }


def test_an_anonymous_surveys_answers_cannot_be_joined_to_a_person(world):
    survey = open_survey(world)
    tallies_when_opened = set(SurveyTally.objects.values_list("pk", "question", "value"))
    respondents = [
        youth(f"Jaunietis{number}", f"j{number}@example.lv", world.club) for number in range(8)
    ]
    for number, person in enumerate(respondents):
        answer(survey, person.user, person, where=number % 3, text=f"Ieteikums {number}")
    # What is stored: who answered (to answer once), and counters.
    assert SurveyParticipation.objects.filter(survey=survey).count() == 8
    assert not NamedAnswer.objects.exists()
    # No column of the answers names a person, a participation or a time.
    for model in (SurveyTally, SurveyTextAnswers, SurveyQuestion):
        columns = column_names(model)
        assert not {c for c in columns if "person" in c or "participation" in c or "_at" in c}
        assert not any(
            field.related_model in (SurveyParticipation, type(world.child))
            for field in model._meta.get_fields()
            if field.is_relation
        )
    # Answering inserted no rows (their ids would follow the participations' order) …
    assert set(SurveyTally.objects.values_list("pk", "question", "value")) == tallies_when_opened
    counts = dict(SurveyTally.objects.filter(question__kind="single").values_list("value", "count"))
    assert counts == {0: 3, 1: 3, 2: 2}
    # … and the free texts are not kept in the order they came (1 in 8! by chance).
    texts = SurveyTextAnswers.objects.get(question__survey=survey).texts
    in_order = [f"Ieteikums {number}" for number in range(8)]
    assert sorted(texts) == in_order and texts != in_order
    # The participations carry the day only.
    assert set(SurveyParticipation.objects.values_list("answered_on", flat=True)) == {TODAY}
    assert "answered_at" not in column_names(SurveyParticipation)
    if connection.vendor == "postgresql":
        # Every counter of the survey carries the last answer's transaction, whatever it chose.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT DISTINCT t.xmin::text FROM {SurveyTally._meta.db_table} t "  # noqa: S608
                f"JOIN {SurveyQuestion._meta.db_table} q ON q.id = t.question_id "
                "WHERE q.survey_id = %s",
                [survey.pk],
            )
            assert len(cursor.fetchall()) == 1


def test_a_named_survey_stores_who_answered_what(world):
    survey = open_survey(world, anonymous=False)
    answer(survey, world.parent, world.child, where=2, what=(0, 1), text="Vairāk sporta")
    stored = {
        answer.question.kind: answer.value
        for answer in NamedAnswer.objects.filter(person=world.child).select_related("question")
    }
    assert stored == {"single": [2], "multiple": [0, 1], "scale": 4, "text": "Vairāk sporta"}


def test_audience_by_age_group_and_region(world):
    teens = open_survey(world, audience="age_group", age_group="13-17", title="Pusaudži")
    assert set(services.audience(teens)) == {world.youth}
    kurzeme = Region.objects.get(slug="kurzeme", locale__language_code="lv")
    vidzeme = Region.objects.get(slug="vidzeme", locale__language_code="lv")
    # Lives in Riga, her club is in Cēsis (Vidzeme): Vidzeme asks her.
    rigan = make_person("Elza", "Rīdziniece", years_ago(12), place="riga")
    add_guardian(rigan, world.other_parent)
    make_member(rigan, world.club)
    west = open_survey(world, audience="region", region=kurzeme, title="Kurzeme")
    east = open_survey(world, audience="region", region=vidzeme, title="Vidzeme")
    assert set(services.audience(west)) == {world.other_child}
    assert set(services.audience(east)) == {world.child, world.youth, rigan}
    everyone = open_survey(world, title="Visi")
    # Leaders are not asked: the surveys are the members'.
    assert world.leader.person not in services.audience(everyone)
    assert services.surveys_to_answer(world.other_parent) == [everyone, east, west]
    assert services.surveys_to_answer(world.parent) == [everyone, east]
    assert services.surveys_to_answer(world.youth.user) == [everyone, east, teens]
    # The other family answers the Vidzeme survey for Elza, not for Līga in Kurzeme.
    assert list(services.waiting_people(world.other_parent, east)) == [rigan]


def test_an_audience_needs_its_group_or_region(world):
    with pytest.raises(ValidationError) as refused:
        services.save_survey(Survey(title="X", audience="age_group"), by=world.coordinator)
    assert "age_group" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        services.save_survey(Survey(title="X", audience="region"), by=world.coordinator)
    assert "region" in refused.value.error_dict


def test_survey_states_are_recorded_and_only_drafts_change(council):
    survey = services.save_survey(Survey(title="Aptauja"), by=council.marta.user)
    with pytest.raises(ValidationError):  # no questions yet
        services.open_survey(survey, by=council.marta.user)
    services.add_question(survey, by=council.marta.user, kind="scale", text="Cik?")
    with pytest.raises(PermissionDenied):
        services.open_survey(survey, by=fresh(council.parent))
    services.open_survey(survey, by=council.marta.user)
    with pytest.raises(ValidationError):
        services.add_question(survey, by=council.marta.user, kind="text", text="Vēl?")
    services.close_survey(survey, by=council.coordinator)
    assert list(SurveyStateChange.objects.values_list("from_state", "to_state", "by")) == [
        ("draft", "open", council.marta.user.pk),
        ("open", "closed", council.coordinator.pk),
    ]
    survey.refresh_from_db()
    assert survey.opened_at and survey.closed_at and survey.state == "closed"


def test_building_answering_and_reading_a_survey_through_the_pages(client, council):
    client.force_login(council.marta.user)
    response = client.post(
        reverse("council:survey_new"),
        {"title": "Vasaras aptauja", "audience": "all", "anonymous": "on"},
    )
    survey = Survey.objects.get(title="Vasaras aptauja")
    edit = reverse("council:survey_edit", args=[survey.pk])
    assert response.status_code == 302 and response["Location"] == edit
    client.post(
        edit,
        {"form": "question", "question-kind": "single", "question-text": "Kur?",
         "question-required": "on", "question-choices_text": "Jūra\nMežs"},
    )  # fmt: skip
    client.post(edit, {"form": "question", "question-kind": "text", "question-text": "Ko vēl?"})
    assert [q.kind for q in survey.questions.all()] == ["single", "text"]
    client.post(reverse("council:survey_state", args=[survey.pk]), {"action": "open"})
    single, text = survey.questions.all()
    client.force_login(council.parent)
    answer_url = reverse("council:survey_answer", args=[survey.pk])
    field = f'name="q{single.pk}"'
    assert field in client.get(answer_url).content.decode()
    client.post(answer_url, {f"q{single.pk}": "1", f"q{text.pk}": "Vairāk pārgājienu"})
    # Anna has answered: the page no longer offers the questions.
    assert field not in client.get(answer_url).content.decode()
    assert SurveyParticipation.objects.filter(survey=survey, person=council.child).exists()
    # Four more answers (the results of fewer than five are withheld), all for Mežs.
    for person in (council.youth, council.marta, council.oskars, council.other_child):
        services.answer_survey(
            survey,
            by=council.other_parent if person == council.other_child else person.user,
            person=person,
            raw_answers={single.pk: ["1"]},
        )
    client.force_login(council.marta.user)
    results_url = reverse("council:survey_results", args=[survey.pk])
    # An anonymous survey's answers show once it is closed.
    assert "Vairāk pārgājienu" not in client.get(results_url).content.decode()
    client.post(reverse("council:survey_state", args=[survey.pk]), {"action": "close"})
    results = client.get(results_url).content.decode()
    assert "Vairāk pārgājienu" in results
    assert "100%" in results  # Mežs: 5 of 5, the number in text beside its bar
    client.force_login(council.parent)
    assert client.get(results_url).status_code == 403


def test_a_family_with_two_children_answers_one_after_the_other(client, world):
    peteris = make_person("Pēteris", "Ozols", years_ago(8))
    add_guardian(peteris, world.parent)
    make_member(peteris, world.club)
    survey = open_survey(world)
    questions = {question.kind: question.pk for question in survey.questions.all()}
    answers = {
        f"q{questions['single']}": "0",
        f"q{questions['multiple']}": ["1"],
        f"q{questions['scale']}": "3",
    }
    url = reverse("council:survey_answer", args=[survey.pk])
    client.force_login(world.parent)
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="person"' in body and "Anna" in body and "Pēteris" in body
    assert client.post(url, {"person": peteris.pk, **answers}).status_code == 302
    # Only Anna is left: the page answers for her without asking who.
    body = client.get(url).content.decode()
    assert 'name="person"' not in body and "Anna" in body
    assert f'name="q{questions["scale"]}"' in body
    assert client.post(url, answers).status_code == 302
    answered = SurveyParticipation.objects.filter(survey=survey)
    assert set(answered.values_list("person", flat=True)) == {peteris.pk, world.child.pk}
    assert f'name="q{questions["scale"]}"' not in client.get(url).content.decode()


def test_an_anonymous_surveys_results_wait_for_five_answers(client, council):
    people = [youth(f"Atbildētājs{n}", f"a{n}@example.lv", council.club) for n in range(5)]
    few = open_survey(council, title="Maz atbilžu")
    enough = open_survey(council, title="Pietiekami")
    for number, person in enumerate(people):
        if number < 4:
            answer(few, person.user, person, text=f"Retais ieteikums {number}")
        answer(enough, person.user, person, text=f"Ieteikums {number}")
    for survey in (few, enough):
        services.close_survey(survey, by=council.coordinator)
    # Not even a coordinator sees four answers, nor a council member.
    for user in (council.coordinator, council.marta.user):
        client.force_login(user)
        body = client.get(english("council:survey_results", few.pk)).content.decode()
        assert "fewer than 5 people answered" in body
        assert "Retais ieteikums" not in body and "Jūra" not in body
        body = client.get(english("council:survey_results", enough.pk)).content.decode()
        assert "fewer than" not in body
        assert "Ieteikums 3" in body and "Jūra" in body


def test_a_named_surveys_results_show_to_the_council_only_as_an_anonymous_ones(client, council):
    survey = open_survey(council, anonymous=False)
    people = [youth(f"Atbildētājs{n}", f"a{n}@example.lv", council.club) for n in range(2)]
    for number, person in enumerate(people):
        answer(survey, person.user, person, text=f"Ieteikums {number}")
    url = english("council:survey_results", survey.pk)
    # Coordinators see who answered what, so the counts too, from the first answer.
    client.force_login(council.coordinator)
    assert "Ieteikums 1" in client.get(url).content.decode()
    # A council member: once it is closed, and not for fewer than five answers.
    client.force_login(council.marta.user)
    body = client.get(url).content.decode()
    assert "shown once the survey is closed" in body and "Ieteikums" not in body
    services.close_survey(survey, by=council.coordinator)
    body = client.get(url).content.decode()
    assert "fewer than 5 people answered" in body and "Ieteikums" not in body
    client.force_login(council.coordinator)
    assert "Ieteikums 1" in client.get(url).content.decode()


def test_required_fields_say_so_to_screen_readers(client, world):
    survey = open_survey(world)  # the free-text question may stay empty
    questions = {question.kind: question.pk for question in survey.questions.all()}
    required = '<span aria-hidden="true">*</span><span class="visually-hidden">(required)</span>'
    client.force_login(world.parent)
    body = client.get(english("council:survey_answer", survey.pk)).content.decode()
    (scale,) = re.findall(r"<legend>Cik labi\?.*?</legend>", body, re.S)
    assert required in scale
    (text,) = re.findall(rf'<label for="id_q{questions["text"]}">.*?</label>', body, re.S)
    assert "required" not in text
    body = client.get(english("council:proposal_new")).content.decode()
    (title,) = re.findall(r'<label for="id_title">.*?</label>', body, re.S)
    assert required in title


def test_my_data_lists_the_meetings_attended(council):
    from members_area.accounts.services import personal_data

    services.save_meeting(
        Meeting(title="Jūnija sanāksme", starts_at=riga(TODAY.year, 6, 10, 18)),
        by=council.coordinator,
        attendees=[council.marta],
    )
    (marta,) = personal_data(council.marta.user)["people"]
    assert marta["council"]["council_meetings_attended"] == [
        {"meeting": "Jūnija sanāksme", "on": f"{TODAY.year}-06-10"}
    ]
    people = personal_data(council.parent)["people"]
    assert all(not person["council"]["council_meetings_attended"] for person in people)


def test_my_data_lists_the_council_and_erasure_ends_the_term(council):
    from members_area.accounts.services import erase_person, personal_data

    proposal = proposal_in_discussion(council)
    services.add_comment(proposal, by=council.marta.user, text="Marta par nometnēm")
    services.cast_vote(proposal, by=council.marta.user, choice="for")
    data = personal_data(council.marta.user)
    (marta,) = [entry for entry in data["people"] if entry["first_name"] == "Marta"]
    assert marta["council"]["council_votes"] == [{"proposal": "Vairāk nometņu", "vote": "for"}]
    assert marta["council"]["council_comments"][0]["text"] == "Marta par nometnēm"
    erase_person(council.marta)
    assert not services.members_on(TODAY).filter(pk=council.marta.pk).exists()
    assert not proposal.comments.filter(text__contains="Marta").exists()
    assert proposal.votes.count() == 1  # the vote still counts


# The yearly figures ---------------------------------------------------------------------------


def test_yearly_counts_follow_the_calendar_year_in_riga(council):
    last = TODAY.year - 1  # boundaries between last year and this one, both in the past
    for starts_at, kind, training in (
        (riga(last, 12, 31, 23, 30), "online", False),
        (riga(last + 1, 1, 1, 0, 30), "online", False),
        (riga(last + 1, 3, 1, 10), "in_person", True),
    ):
        services.save_meeting(
            Meeting(title="Sanāksme", starts_at=starts_at, kind=kind, is_training=training,
                    place="Rīga"),
            by=council.coordinator,
        )  # fmt: skip
    cancelled = services.save_meeting(
        Meeting(title="Atcelta", starts_at=riga(last + 1, 8, 1)), by=council.coordinator
    )
    services.cancel_meeting(cancelled, by=council.coordinator)
    # A meeting still to come this year is not counted yet.
    services.save_meeting(
        Meeting(title="Vēl būs", starts_at=riga(last + 1, 9, 1)), by=council.coordinator
    )
    # Anna was a member last year too: she proposes on its last evening. Marta's term runs
    # into January, when she is the council (the vote closes with her: a quorum).
    make_member(council.child, council.club, year=last)
    CouncilMembership.objects.create(
        person=council.marta,
        starts_on=datetime.date(last, 6, 1),
        ends_on=datetime.date(last + 1, 1, 31),
    )
    with time_machine.travel(riga(last, 12, 31, 23, 50), tick=False):
        proposal = services.submit_proposal(
            by=council.parent, person=council.child, title="Gadu mijā", text="…"
        )
        services.change_state(proposal, "discuss", by=council.coordinator)
        services.cast_vote(proposal, by=fresh(council.marta.user), choice="for")
        survey = Survey.objects.create(title="Vecgada", created_by=council.coordinator)
        survey.questions.create(kind="scale", text="?")
        services.open_survey(survey, by=council.coordinator)
    with time_machine.travel(riga(last + 1, 1, 1, 0, 10), tick=False):
        services.change_state(proposal, "close", by=council.coordinator)
    last_year = services.yearly_counts(last)
    this_year = services.yearly_counts(last + 1)
    assert (last_year.meetings, last_year.online_meetings, last_year.in_person_trainings) == (
        1,
        1,
        0,
    )
    assert (this_year.meetings, this_year.online_meetings, this_year.in_person_trainings) == (
        2,
        1,
        1,
    )
    # Marta had a term last year; this year's council: Jānis, Marta, Oskars.
    assert (last_year.youths_involved, this_year.youths_involved) == (1, 3)
    assert (last_year.proposals_submitted, last_year.proposals_adopted) == (1, 0)
    assert (this_year.proposals_submitted, this_year.proposals_adopted) == (0, 1)
    assert (last_year.surveys, this_year.surveys) == (1, 0)
    assert this_year.targets["online_meetings"] == 6


# Pages: query budgets and who may open them ---------------------------------------------------


def queries(client, user, url):
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def grow(world, survey, proposal, meeting, number):
    """More of everything the pages list: proposals, comments, votes, answers, attendance."""
    for index in range(number):
        person = youth(f"Jaunietis{number}{index}", f"j{number}{index}@example.lv", world.club)
        appoint(world, person)
        services.cast_vote(proposal, by=person.user, choice="for")
        services.add_comment(proposal, by=person.user, text=f"Komentārs {index}")
        answer(survey, person.user, person, where=index % 3, text=f"Teksts {index}")
        services.submit_proposal(by=person.user, person=person, title=f"P{index}", text="…")
        meeting.attendance.create(person=person, recorded_by=world.coordinator)
        services.save_meeting(
            Meeting(title=f"S{number}{index}", starts_at=riga(TODAY.year, 5, 1 + index)),
            by=world.coordinator,
        )
        other = services.save_survey(Survey(title=f"A{number}{index}"), by=world.coordinator)
        services.add_question(other, by=world.coordinator, kind="scale", text="?")
        services.open_survey(other, by=world.coordinator)


def test_page_query_budgets_stay_flat_as_the_council_grows(client, council):
    survey = open_survey(council, anonymous=False)
    proposal = proposal_in_discussion(council)
    meeting = services.save_meeting(
        Meeting(title="Sanāksme", starts_at=riga(TODAY.year, 6, 1)), by=council.coordinator
    )
    pages = [
        ("council:home", [], council.parent),
        ("council:home", [], council.marta.user),
        ("council:home", [], council.coordinator),
        ("council:proposals", [], council.marta.user),
        ("council:proposals", [], council.parent),
        ("council:proposal", [proposal.pk], council.marta.user),
        ("council:proposal", [proposal.pk], council.coordinator),
        ("council:proposal_new", [], council.parent),
        ("council:meetings", [], council.marta.user),
        ("council:meeting", [meeting.pk], council.marta.user),
        ("council:meeting_edit", [meeting.pk], council.coordinator),
        ("council:members", [], council.coordinator),
        ("council:surveys", [], council.marta.user),
        ("council:survey_edit", [survey.pk], council.marta.user),
        ("council:survey_answer", [survey.pk], council.parent),
        ("council:survey_results", [survey.pk], council.marta.user),
        ("council:survey_results", [survey.pk], council.coordinator),
    ]
    grow(council, survey, proposal, meeting, 1)
    before = [queries(client, user, reverse(name, args=args)) for name, args, user in pages]
    grow(council, survey, proposal, meeting, 4)
    after = [queries(client, user, reverse(name, args=args)) for name, args, user in pages]
    assert after == before, [
        page[0] for page, b, a in zip(pages, before, after, strict=True) if a != b
    ]
    assert max(after) <= 27, dict(zip([page[0] for page in pages], after, strict=True))


def test_page_budget_of_the_council_home(client, council, django_assert_max_num_queries):
    client.force_login(council.marta.user)
    client.get(reverse("council:home"))
    with django_assert_max_num_queries(27):
        assert client.get(reverse("council:home")).status_code == 200


COUNCIL_MEMBER_ACCESS = {
    # name: (method, status for a council member who is no coordinator)
    "council:home": ("get", 200),
    "council:members": ("get", 403),
    "council:meetings": ("get", 200),
    "council:meeting_new": ("get", 403),
    "council:meeting": ("get", 200),
    "council:meeting_edit": ("get", 403),
    "council:meeting_cancel": ("post", 403),
    "council:proposals": ("get", 200),
    "council:proposal_new": ("get", 200),
    "council:proposal": ("get", 200),
    "council:comment": ("post", 302),
    "council:vote": ("post", 302),
    "council:proposal_state": ("post", 403),  # the chair and coordinators steer
    "council:surveys": ("get", 200),
    "council:survey_new": ("get", 200),
    "council:survey_edit": ("get", 200),
    "council:question_remove": ("post", 302),
    "council:survey_state": ("post", 404),  # no action given
    "council:survey_answer": ("get", 200),
    "council:survey_results": ("get", 200),
    "council:end_term": ("post", 403),
}


@pytest.mark.parametrize("name", sorted(COUNCIL_MEMBER_ACCESS))
def test_what_a_council_member_may_open(client, council, name):
    method, expected = COUNCIL_MEMBER_ACCESS[name]
    kind = {
        "council:meeting": "council_meeting",
        "council:meeting_edit": "council_meeting",
        "council:meeting_cancel": "council_meeting",
        "council:proposal": "council_proposal",
        "council:comment": "council_proposal",
        "council:vote": "council_proposal",
        "council:proposal_state": "council_proposal",
        "council:survey_edit": "council_survey",
        "council:survey_state": "council_survey",
        "council:survey_results": "council_survey",
        "council:question_remove": "council_question",
        "council:survey_answer": "council_open_survey",
        "council:end_term": "council_term",
    }.get(name)
    url = reverse(name, args=council_arguments(council, kind) if kind else [])
    client.force_login(council.marta.user)
    response = getattr(client, method)(url)
    assert response.status_code == expected, (name, response.status_code)


def test_every_council_url_is_in_the_council_members_list():
    from tests.test_member_access import RULES

    council_names = {name for name in RULES if name.startswith("council:")}
    assert council_names == set(COUNCIL_MEMBER_ACCESS)
