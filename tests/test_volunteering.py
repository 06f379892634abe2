"""Volunteer hours: logging within the rules, the right leader deciding, totals by year."""

import datetime
import html
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members_area.volunteering import services
from members_area.volunteering.models import VolunteerEntry
from tests.conftest import at_noon_on
from tests.members import add_guardian, make_club, make_leader, make_member, make_person, years_ago

pytestmark = pytest.mark.django_db

Status = VolunteerEntry.Status
# Mid-June, far from the new year: the tests run on this day, whatever day the suite runs.
TODAY = datetime.date(timezone.localdate().year, 6, 15)


@pytest.fixture(autouse=True)
def _mid_june():
    """Autouse, so the clock is set before `world` gives this year's memberships."""
    with at_noon_on(TODAY):
        yield


def log(world, hours, day=TODAY, person=None, by=None, **fields):
    return services.log_hours(
        by=by or world.parent,
        person=person or world.youth,
        club=fields.pop("club", world.club),
        date=day,
        hours=Decimal(str(hours)),
        kind=fields.pop("kind", "event"),
        description=fields.pop("description", "Palīdzēju pasākumā"),
        **fields,
    )


def test_the_tests_run_on_today_with_this_years_memberships(world):
    # Were `world` built before the clock is set, its memberships would be of the real year.
    assert timezone.localdate() == services.today() == TODAY
    assert set(world.youth.memberships.values_list("year", "starts_on")) == {(TODAY.year, TODAY)}


def test_at_most_16_hours_a_day_across_entries_declined_ones_not_counted(world):
    log(world, 10)
    log(world, 6)
    with pytest.raises(ValidationError) as refused:
        log(world, "0.25")
    (problem,) = refused.value.error_dict["hours"]
    assert problem.code == "daily_limit" and "16" in problem.messages[0]
    other_day = TODAY - datetime.timedelta(days=1)
    log(world, 16, day=other_day)
    # A declined entry frees its hours.
    entry = VolunteerEntry.objects.filter(date=TODAY, hours=6).get()
    services.decide(entry, by=world.leader, approve=False, reason="Nebija pasākuma")
    log(world, 6)
    assert VolunteerEntry.objects.counting().filter(date=TODAY).total_hours() == 16


@pytest.mark.parametrize("hours", ["1.3", "0", "0.1", "16.25", "-1"])
def test_hours_are_quarters_between_a_quarter_and_16(world, hours):
    with pytest.raises(ValidationError) as refused:
        log(world, hours)
    assert "hours" in refused.value.error_dict
    assert not VolunteerEntry.objects.exists()


@pytest.mark.parametrize("hours", ["0.25", "1.5", "2.75", "16"])
def test_quarters_are_accepted(world, hours):
    assert log(world, hours).hours == Decimal(hours)


@pytest.fixture
def on_day(monkeypatch):
    """Fix the day the logging rules go by (this year's, so the memberships are current)."""

    def fix(month, day):
        fixed = datetime.date(TODAY.year, month, day)
        monkeypatch.setattr(services, "today", lambda: fixed)
        return fixed

    return fix


def refusal(world, day):
    with pytest.raises(ValidationError) as refused:
        log(world, 1, day=day)
    (problem,) = refused.value.error_dict["date"]
    return problem.code


def member_last_year_too(person, club):
    """Hours dated last year need a membership of last year as well."""
    make_member(person, club, year=TODAY.year - 1)


def test_last_years_hours_are_logged_until_31_january(world, on_day):
    member_last_year_too(world.youth, world.club)
    last_december = datetime.date(TODAY.year - 1, 12, 15)
    on_day(1, 31)
    assert log(world, 1, day=last_december).date == last_december
    assert log(world, 1, day=datetime.date(TODAY.year - 1, 1, 1))
    assert refusal(world, datetime.date(TODAY.year - 2, 12, 31)) == "too_old"
    on_day(2, 1)
    assert refusal(world, last_december) == "year_closed"
    assert log(world, 1, day=datetime.date(TODAY.year, 1, 1))
    assert VolunteerEntry.objects.count() == 3


def test_hours_are_logged_once_done(world, on_day):
    today = on_day(6, 10)
    assert refusal(world, today + datetime.timedelta(days=1)) == "future"
    assert log(world, 1, day=today).date == today


def log_in_the_form(client, world, day):
    client.force_login(world.parent)
    return client.post(
        reverse("volunteering:log"),
        {
            "person": world.child.pk,
            "club": world.club.pk,
            "date": day.isoformat(),
            "hours": "2",
            "kind": "club",
            "description": "Sakopām telpu",
        },
    )


def test_a_closed_date_is_refused_on_the_form_in_latvian(client, world, on_day):
    on_day(2, 1)
    response = log_in_the_form(client, world, datetime.date(TODAY.year - 1, 12, 15))
    assert response.status_code == 200 and not VolunteerEntry.objects.exists()
    assert response.context["form"].has_error("date", "year_closed")
    body = html.unescape(response.content.decode())
    assert "Pagājušā gada stundas varēja ierakstīt līdz 31. janvārim" in body


def test_the_date_picker_offers_the_days_that_may_be_logged(client, world, on_day):
    client.force_login(world.parent)

    def limits():
        field = client.get(reverse("volunteering:log")).context["form"]["date"]
        attrs = field.field.widget.attrs
        return attrs["min"], attrs["max"]

    on_day(1, 31)
    assert limits() == (f"{TODAY.year - 1}-01-01", f"{TODAY.year}-01-31")
    on_day(2, 1)
    assert limits() == (f"{TODAY.year}-01-01", f"{TODAY.year}-02-01")
    page = client.get(reverse("volunteering:log")).content.decode()
    assert f'min="{TODAY.year}-01-01"' in page and f'max="{TODAY.year}-02-01"' in page


def test_leaders_still_approve_last_years_hours_waiting_in_march(client, world, on_day):
    member_last_year_too(world.youth, world.club)
    on_day(1, 20)
    entry = log(world, 3, day=datetime.date(TODAY.year - 1, 12, 15))
    on_day(3, 10)
    client.force_login(world.leader)
    client.post(reverse("volunteering:decide", args=[entry.pk]), {"action": "approve"})
    entry.refresh_from_db()
    assert (entry.status, entry.decided_by) == (Status.APPROVED, world.leader)
    assert services.yearly_totals(world.youth) == [(TODAY.year - 1, Decimal(3))]


@pytest.fixture
def karlis(world):
    """A son of the family who was in the Talsi club last year and has not renewed yet."""
    person = make_person("Kārlis", "Ozols", years_ago(14))
    add_guardian(person, world.parent)
    make_member(person, world.other_club, year=TODAY.year - 1)
    return person


def log_form_choices(client, world):
    client.force_login(world.parent)
    form = client.get(reverse("volunteering:log")).context["form"]
    return list(form.fields["person"].queryset), list(form.fields["club"].queryset)


def test_last_years_member_logs_last_december_in_january(client, world, on_day, karlis):
    on_day(1, 20)
    people, clubs = log_form_choices(client, world)
    assert karlis in people and clubs == [world.club, world.other_club]
    december = datetime.date(TODAY.year - 1, 12, 15)
    entry = log(world, 3, day=december, person=karlis, club=world.other_club)
    # The Talsi club's leader of this year decides on it.
    services.decide(entry, by=world.other_leader, approve=True)
    assert services.yearly_totals(karlis) == [(TODAY.year - 1, Decimal(3))]
    _rows, overall = services.totals(
        VolunteerEntry.objects.filter(club=world.other_club), TODAY.year - 1
    )
    assert (overall.hours, overall.volunteers) == (Decimal(3), 1)


def test_hours_of_this_year_need_this_years_membership(client, world, on_day, karlis):
    on_day(1, 20)
    january = datetime.date(TODAY.year, 1, 10)
    with pytest.raises(ValidationError) as refused:
        log(world, 2, day=january, person=karlis, club=world.other_club)
    (problem,) = refused.value.error_dict["club"]
    assert problem.code == "not_in_club"
    assert "Kārlis Ozols" in problem.messages[0] and str(TODAY.year) in problem.messages[0]
    client.force_login(world.parent)
    response = client.post(
        reverse("volunteering:log"),
        {"person": karlis.pk, "club": world.other_club.pk, "date": january.isoformat(),
         "hours": "2", "kind": "club", "description": "Sakopām telpu"},
    )  # fmt: skip
    assert response.context["form"].has_error("club", "not_in_club")
    assert problem.messages[0] in html.unescape(response.content.decode())
    assert not VolunteerEntry.objects.filter(person=karlis).exists()
    # Nor last December in a club he was not in last year.
    with pytest.raises(ValidationError) as refused:
        log(world, 2, day=datetime.date(TODAY.year - 1, 12, 15), person=karlis)
    assert refused.value.error_dict["club"][0].code == "not_in_club"


def test_last_years_member_is_no_longer_offered_from_february(client, world, on_day, karlis):
    on_day(2, 1)
    people, clubs = log_form_choices(client, world)
    assert karlis not in people and world.youth in people
    assert clubs == [world.club]
    with pytest.raises(PermissionDenied):
        log(world, 1, day=datetime.date(TODAY.year, 1, 10), person=karlis, club=world.other_club)


def test_only_the_family_logs_and_only_for_the_persons_clubs(world):
    with pytest.raises(PermissionDenied):
        log(world, 1, by=world.other_parent)
    with pytest.raises(PermissionDenied):
        log(world, 1, by=world.leader)  # a leader decides; he does not log for the family
    with pytest.raises(ValidationError):
        log(world, 1, club=world.other_club)
    # A youth with his own login logs his own hours.
    assert log(world, 1, by=world.youth.user).submitted_by == world.youth.user


def test_only_the_clubs_leader_or_a_coordinator_decides(world):
    entry = log(world, 2)
    for outsider in (world.parent, world.other_parent, world.other_leader, world.youth.user):
        with pytest.raises(PermissionDenied):
            services.decide(entry, by=outsider, approve=True)
    services.decide(entry, by=world.leader, approve=True)
    entry.refresh_from_db()
    assert (entry.status, entry.decided_by) == (Status.APPROVED, world.leader)
    assert entry.decided_at is not None
    with pytest.raises(ValidationError):
        services.decide(entry, by=world.coordinator, approve=False, reason="x")
    other = log(world, 1, day=TODAY - datetime.timedelta(days=2))
    services.decide(other, by=world.coordinator, approve=True)


def test_a_leader_does_not_approve_his_own_hours_nor_the_central_teams(world):
    leader_person = world.leader.person
    own = services.log_hours(
        by=world.leader, person=leader_person, club=world.club, date=TODAY, hours=Decimal(3),
        kind="club", description="Vadīju nodarbību",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.decide(own, by=world.leader, approve=True)
    central = make_club("Rīgas centrālā komanda", 1, "riga", is_central_team=True)
    make_member(world.youth, central, role="volunteer")
    central_leader = make_leader("centrs@example.lv", central, "Ilga", "Centra")
    entry = log(world, 2, club=central)
    with pytest.raises(PermissionDenied):
        services.decide(entry, by=central_leader, approve=True)
    services.decide(entry, by=world.coordinator, approve=True)


def test_declining_needs_a_reason_which_the_family_sees(client, world):
    entry = log(world, 2)
    with pytest.raises(ValidationError):
        services.decide(entry, by=world.leader, approve=False)
    client.force_login(world.leader)
    client.post(
        reverse("volunteering:decide", args=[entry.pk]),
        {"action": "decline", "reason": "Šajā dienā nodarbības nebija"},
    )
    entry.refresh_from_db()
    assert entry.status == Status.DECLINED
    client.force_login(world.parent)
    body = client.get(reverse("volunteering:mine")).content.decode()
    assert "Šajā dienā nodarbības nebija" in body  # kept, never deleted
    assert VolunteerEntry.objects.filter(pk=entry.pk).exists()


def test_yearly_totals_split_at_the_year_boundary(world, on_day):
    member_last_year_too(world.youth, world.club)
    on_day(1, 15)
    december = datetime.date(TODAY.year - 1, 12, 31)
    january = datetime.date(TODAY.year, 1, 1)
    for day, hours in ((december, 5), (january, 3), (january, "1.5")):
        services.decide(log(world, hours, day=day), by=world.leader, approve=True)
    log(world, 4, day=january)  # waiting: not counted
    assert services.yearly_totals(world.youth) == [
        (TODAY.year, Decimal("4.5")),
        (TODAY.year - 1, Decimal("5")),
    ]


def test_leaders_approve_many_at_once_but_only_their_clubs(client, world):
    mine = [log(world, 1, day=TODAY - datetime.timedelta(days=n)) for n in range(3)]
    foreign = services.log_hours(
        by=world.other_parent, person=world.other_child, club=world.other_club, date=TODAY,
        hours=Decimal(2), kind="club", description="Talsos",
    )  # fmt: skip
    client.force_login(world.leader)
    page = client.get(reverse("volunteering:review")).content.decode()
    assert "Jānis Ozols" in page and "Līga" not in page
    client.post(reverse("volunteering:review"), {"entry": [mine[0].pk, mine[1].pk, foreign.pk]})
    states = dict(VolunteerEntry.objects.values_list("pk", "status"))
    assert [states[entry.pk] for entry in mine] == [
        Status.APPROVED,
        Status.APPROVED,
        Status.SUBMITTED,
    ]
    assert states[foreign.pk] == Status.SUBMITTED
    response = client.post(reverse("volunteering:decide", args=[foreign.pk]), {"action": "approve"})
    assert response.status_code == 404


def test_totals_count_active_and_new_volunteers_of_the_year(client, world):
    veteran = world.youth
    VolunteerEntry.objects.create(
        person=veteran, club=world.club, date=datetime.date(TODAY.year - 1, 6, 1),
        hours=Decimal(2), kind="event", description="Pērn", status=Status.APPROVED,
        decided_by=world.leader, decided_at=timezone.now(),
    )  # fmt: skip
    services.decide(log(world, 3, person=veteran), by=world.leader, approve=True)
    services.decide(log(world, "1.5", person=world.child), by=world.leader, approve=True)
    log(world, 7, day=TODAY - datetime.timedelta(days=1), person=world.child)  # waiting
    rows, overall = services.totals(VolunteerEntry.objects.all(), TODAY.year)
    assert (overall.hours, overall.volunteers, overall.new_volunteers) == (Decimal("4.5"), 2, 1)
    assert [(row.club, row.hours) for row in rows] == [(world.club, Decimal("4.5"))]
    client.force_login(world.other_leader)
    body = client.get(reverse("volunteering:totals")).content.decode()
    assert "Cēsu mazpulks" not in body  # another club's leader sees his own only


def test_the_family_logs_hours_in_the_form(client, world):
    client.force_login(world.parent)
    response = client.post(
        reverse("volunteering:log"),
        {
            "person": world.child.pk,
            "club": world.club.pk,
            "date": TODAY.isoformat(),
            "hours": "1.3",
            "kind": "club",
            "description": "Sakopām telpu",
        },
    )
    assert response.status_code == 200 and not VolunteerEntry.objects.exists()
    response = client.post(
        reverse("volunteering:log"),
        {
            "person": world.child.pk,
            "club": world.club.pk,
            "date": TODAY.isoformat(),
            "hours": "1.25",
            "kind": "club",
            "description": "Sakopām telpu",
        },
    )
    assert response.status_code == 302
    entry = VolunteerEntry.objects.get()
    assert (entry.person, entry.hours, entry.status) == (
        world.child,
        Decimal("1.25"),
        Status.SUBMITTED,
    )


def test_page_query_budgets_do_not_grow_with_entries(client, world):
    def queries(name, user):
        client.force_login(user)
        client.get(reverse(name))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        return len(captured)

    services.decide(log(world, 1), by=world.leader, approve=True)
    log(world, 1)
    before = {
        name: queries(name, user)
        for name, user in (
            ("volunteering:mine", world.parent),
            ("volunteering:review", world.leader),
            ("volunteering:totals", world.leader),
        )
    }
    for days in range(1, 9):
        services.decide(
            log(world, 2, day=TODAY - datetime.timedelta(days=days), person=world.child),
            by=world.leader,
            approve=days % 2 == 0,
            reason="Nē",
        )
    for days in range(10, 14):  # and more left waiting for the leader
        log(world, 1, day=TODAY - datetime.timedelta(days=days), person=world.child)
    after = {
        name: queries(name, user)
        for name, user in (
            ("volunteering:mine", world.parent),
            ("volunteering:review", world.leader),
            ("volunteering:totals", world.leader),
        )
    }
    for name, count in after.items():
        assert count <= before[name] <= 20, name


# Awards and leaders' training --------------------------------------------------------------


def approved_hours(world, person, hours, days_ago=1):
    entry = log(world, hours, day=TODAY - datetime.timedelta(days=days_ago), person=person)
    return services.decide(entry, by=world.leader, approve=True)


def standing(name):
    return next(s for s in services.award_standings(TODAY.year) if s.kind.name == name)


def test_award_eligibility_counts_approved_hours_only(world):
    approved_hours(world, world.youth, 12, days_ago=1)
    approved_hours(world, world.youth, 7, days_ago=2)
    log(world, 10, day=TODAY - datetime.timedelta(days=3))  # waiting: not counted
    declined = log(world, 8, day=TODAY - datetime.timedelta(days=4))
    services.decide(declined, by=world.leader, approve=False, reason="Nē")
    prize = standing("Motivācijas balva")
    assert prize.kind.min_hours == 20 and prize.kind.yearly_target == 20
    assert prize.eligible == []
    with pytest.raises(ValidationError) as refused:
        services.grant_award(
            prize.kind, world.youth, by=world.coordinator, year=TODAY.year, granted_on=TODAY
        )
    assert refused.value.code == "not_eligible"

    approved_hours(world, world.youth, 1, days_ago=5)  # 20 approved now
    assert standing("Motivācijas balva").eligible == [(world.youth, Decimal("20"))]
    # Every volunteer with approved hours may be chosen for "Izauguši Latvijai".
    approved_hours(world, world.child, 2)
    chosen = standing("Izauguši Latvijai")
    assert [person for person, _hours in chosen.eligible] == [world.youth, world.child]


def test_coordinators_give_awards_once_a_year_and_the_member_sees_them(client, world):
    approved_hours(world, world.youth, 16, days_ago=1)
    approved_hours(world, world.youth, 4, days_ago=2)
    prize = standing("Motivācijas balva").kind
    with pytest.raises(PermissionDenied):
        services.grant_award(prize, world.youth, by=world.leader, year=TODAY.year, granted_on=TODAY)
    client.force_login(world.coordinator)
    page = client.get(reverse("volunteering:awards")).content.decode()
    assert "Jānis Ozols" in page
    client.post(
        reverse("volunteering:grant"),
        {"kind": prize.pk, "person": world.youth.pk, "year": TODAY.year,
         "granted_on": TODAY.isoformat(), "note": "Par palīdzību nometnē"},
    )  # fmt: skip
    after = standing("Motivācijas balva")
    assert [grant.person for grant in after.granted] == [world.youth]
    assert after.eligible == []  # not twice in a year
    with pytest.raises(ValidationError):
        services.grant_award(
            prize, world.youth, by=world.coordinator, year=TODAY.year, granted_on=TODAY
        )
    client.force_login(world.parent)
    assert "Motivācijas balva" in client.get(reverse("volunteering:mine")).content.decode()


def test_leaders_training_hours_towards_twelve(client, world):
    leader = world.leader.person
    with pytest.raises(PermissionDenied):
        services.record_training(
            by=world.leader, person=leader, course="Pirmā palīdzība", provider="SPKC",
            date=TODAY, hours=Decimal(8),
        )  # fmt: skip
    for hours, course in ((8, "Pirmā palīdzība"), ("2.5", "Projektu metodika")):
        services.record_training(
            by=world.coordinator, person=leader, course=course, provider="LM",
            date=TODAY, hours=Decimal(str(hours)),
        )  # fmt: skip
    services.record_training(
        by=world.coordinator, person=leader, course="Pērnais kurss", provider="LM",
        date=datetime.date(TODAY.year - 1, 12, 31), hours=Decimal(5),
    )  # fmt: skip
    assert services.training_hours(leader, TODAY.year) == Decimal("10.5")
    with pytest.raises(ValidationError):
        services.record_training(
            by=world.coordinator, person=leader, course="X", provider="", date=TODAY,
            hours=Decimal("1.1"),
        )  # fmt: skip
    overview = dict(services.training_overview(TODAY.year))
    assert overview[leader] == Decimal("10.5") and overview[world.other_leader.person] == 0
    client.force_login(world.leader)
    body = client.get(reverse("volunteering:mine")).content.decode()
    assert "10,5" in body and "12" in body


def test_nobody_decides_on_his_own_or_his_familys_hours(world, coordinator):
    leaders_child = make_person("Toms", "Vadītājs", years_ago(12))
    add_guardian(leaders_child, world.leader)
    make_member(leaders_child, world.club)
    entry = services.log_hours(
        by=world.leader, person=leaders_child, club=world.club, date=TODAY, hours=Decimal(4),
        kind="club", description="Palīdzēja",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.decide(entry, by=world.leader, approve=True)
    # A coordinator who volunteers in the central team does not approve his own hours either.
    central = make_club("Rīgas centrālā komanda", 1, "riga", is_central_team=True)
    own = make_person("Kora", "Koordinatore", years_ago(30), user=world.coordinator)
    make_member(own, central, role="volunteer")
    mine = services.log_hours(
        by=world.coordinator, person=own, club=central, date=TODAY, hours=Decimal(3),
        kind="organising", description="Birojā",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.decide(mine, by=world.coordinator, approve=True)
    services.decide(mine, by=coordinator, approve=True)  # another coordinator
    services.decide(entry, by=coordinator, approve=True)


def test_a_chosen_award_needs_hours_that_year_and_no_future_years(world):
    chosen = standing("Izauguši Latvijai").kind
    with pytest.raises(ValidationError) as refused:
        services.grant_award(
            chosen, world.youth, by=world.coordinator, year=TODAY.year, granted_on=TODAY
        )
    assert refused.value.code == "not_eligible"
    approved_hours(world, world.youth, 1)
    with pytest.raises(ValidationError):
        services.grant_award(
            chosen, world.youth, by=world.coordinator, year=TODAY.year + 1, granted_on=TODAY
        )
    assert services.grant_award(
        chosen, world.youth, by=world.coordinator, year=TODAY.year, granted_on=TODAY
    )


def test_the_motivation_prize_is_for_youths(world):
    leader = world.leader.person  # 40
    for days, hours in ((1, 12), (2, 10)):
        entry = services.log_hours(
            by=world.leader, person=leader, club=world.club,
            date=TODAY - datetime.timedelta(days=days), hours=Decimal(hours), kind="club",
            description="Nodarbības",
        )  # fmt: skip
        services.decide(entry, by=world.coordinator, approve=True)
    prize = standing("Motivācijas balva")
    assert prize.kind.max_age == 25
    assert leader not in [person for person, _hours in prize.eligible]
    with pytest.raises(ValidationError) as refused:
        services.grant_award(
            prize.kind, leader, by=world.coordinator, year=TODAY.year, granted_on=TODAY
        )
    assert refused.value.code == "age"
    # "Izauguši Latvijai" has no age limit.
    assert leader in [person for person, _hours in standing("Izauguši Latvijai").eligible]
