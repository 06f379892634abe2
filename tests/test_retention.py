"""Personal data is kept no longer than docs/privacy.md says: `apply_retention`, run daily."""

import datetime
import io

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from members_area.accounts.models import Person, RecordAccess, User
from members_area.checkin.models import FailedScan
from members_area.clubs.models import JoinRequest, MemberExport
from tests.checkin import checkin_arguments
from tests.members import add_guardian, make_member, make_person, make_user, years_ago

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def run():
    output = io.StringIO()
    call_command("apply_retention", stdout=output)
    return output.getvalue()


def declined(world, first_name, days_ago, *, member=False):
    person = make_person(first_name, "Ozola", years_ago(9), status=Person.Status.APPLICANT)
    add_guardian(person, world.parent)
    if member:
        make_member(person, world.other_club)
    return JoinRequest.objects.create(
        person=person, club=world.club, year=timezone.localdate().year,
        status=JoinRequest.Status.DECLINED, submitted_by=world.parent,
        message="Mana meita ļoti grib", decline_reason="Pulciņš ir pilns",
        decided_at=timezone.now() - days_ago * DAY,
    )  # fmt: skip


def test_declined_join_requests_are_forgotten_after_six_months(world):
    old = declined(world, "Elza", 190)
    recent = declined(world, "Emīlija", 170)
    member_elsewhere = declined(world, "Ella", 190, member=True)
    # Declined twice, the second time recently: the newer decision is kept whole.
    twice = declined(world, "Marta", 400)
    JoinRequest.objects.create(
        person=twice.person, club=world.other_club, year=timezone.localdate().year,
        status=JoinRequest.Status.DECLINED, decline_reason="Nav vietu",
        decided_at=timezone.now() - 30 * DAY,
    )  # fmt: skip
    # A youth with his own login, declined twice long ago: erased once, his login with him.
    youth_request = declined(world, "Roberts", 300)
    youth = youth_request.person
    youth.user = make_user("roberts@example.lv")
    youth.save()
    JoinRequest.objects.create(
        person=youth, club=world.other_club, year=timezone.localdate().year - 1,
        status=JoinRequest.Status.DECLINED, decided_at=timezone.now() - 500 * DAY,
    )  # fmt: skip
    assert "declined_join_requests: 0" not in run()

    old.refresh_from_db()
    assert (old.message, old.decline_reason) == ("", "")
    assert old.person.status == Person.Status.ERASED and old.person.first_name == ""
    assert old.status == JoinRequest.Status.DECLINED  # still counted as a declined request
    recent.refresh_from_db()
    assert recent.person.first_name == "Emīlija" and recent.decline_reason == "Pulciņš ir pilns"
    member_elsewhere.refresh_from_db()
    assert member_elsewhere.decline_reason == ""
    assert member_elsewhere.person.first_name == "Ella"  # a member of another club stays
    twice.refresh_from_db()
    assert twice.decline_reason == "" and twice.person.first_name == "Marta"
    assert twice.person.join_requests.get(club=world.other_club).decline_reason == "Nav vietu"
    youth.refresh_from_db()
    assert youth.status == Person.Status.ERASED and youth.user is None
    assert not User.objects.filter(email="roberts@example.lv").exists()
    # Nothing left to do the next day.
    assert "declined_join_requests: 0" in run()


def test_members_are_erased_three_whole_years_after_their_last_year(world):
    year = timezone.localdate().year
    lapsed = make_person("Kārlis", "Vecais", years_ago(20))
    make_member(lapsed, world.club, year=year - 4)
    resting = make_person("Rūta", "Pauze", years_ago(17))
    make_member(resting, world.club, year=year - 3)
    back = make_person("Pēteris", "Atpakaļ", years_ago(16))
    make_member(back, world.club, year=year - 5)
    JoinRequest.objects.create(
        person=back, club=world.club, year=year, status=JoinRequest.Status.PENDING
    )
    # The office's own record: its login is closed by the office, not by a rule.
    office = make_person("Kora", "Koordinatore", years_ago(40), user=world.coordinator)
    make_member(office, world.club, year=year - 6)
    assert "lapsed_members: 1" in run()
    lapsed.refresh_from_db()
    assert lapsed.status == Person.Status.ERASED and lapsed.first_name == ""
    assert lapsed.memberships.get().year == year - 4  # counted, anonymous
    assert lapsed.member_number  # never given again
    for kept in (resting, back, world.child, office):
        kept.refresh_from_db()
        assert kept.status != Person.Status.ERASED


def test_logs_and_ended_sessions_are_deleted_when_their_time_is_up(world):
    now = timezone.now()
    for days in (731, 729):
        access = RecordAccess.objects.create(
            by=world.leader, by_email=world.leader.email, what="card", path="/k/x/",
            at=now - days * DAY,
        )  # fmt: skip
        access.people.add(world.child)
        MemberExport.objects.create(
            exported_by=world.coordinator, format="csv", row_count=3,
            exported_at=now - days * DAY,
        )  # fmt: skip
    (desk_pk,) = checkin_arguments(world, "checkin_desk")
    for days in (366, 364):
        FailedScan.objects.create(
            desk_id=desk_pk, outcome="unknown", method="code", at=now - days * DAY
        )
    ended, live = SessionStore(), SessionStore()
    ended.create()
    live.create()
    Session.objects.filter(session_key=ended.session_key).update(expire_date=now - DAY)

    output = run()
    assert "record_accesses: 1" in output and "member_exports: 1" in output
    assert "failed_scans: 1" in output
    assert [a.at.date() for a in RecordAccess.objects.all()] == [(now - 729 * DAY).date()]
    assert MemberExport.objects.count() == 1 and FailedScan.objects.count() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
