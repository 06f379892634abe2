"""The strategy dashboard: each figure against a known data set (year boundaries by the Riga
calendar), figures entered by hand, editable targets, the XLSX table, and who may see it.

The data set is dated 2022–2024, years the demo content leaves empty; the demo's own
pages (brandbook, newspaper PDFs) are used where the site has only one of a thing. The
seeded period counts from 2026 (`records_from`): tests of the page move it back to 2021.
"""

import datetime
import io
import itertools
import zoneinfo
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from events.models import EventPage
from home.models import PriorityArea
from members_area.accounts.models import MemberCard
from members_area.accounts.services import erase_person
from members_area.checkin.models import Checkin, Desk
from members_area.clubs.models import Club, Membership
from members_area.council import services as council_services
from members_area.council.models import (
    CouncilMembership,
    Meeting,
    Proposal,
    ProposalStateChange,
    Survey,
)
from members_area.dashboard.models import (
    RECORDS_FROM,
    Comparison,
    EnteredFigure,
    Measure,
    StrategyPeriod,
    Target,
)
from members_area.dashboard.services import Figures, Status, build_table, figure, status_of
from members_area.international.models import Participation
from members_area.volunteering.models import AwardGrant, AwardKind, TrainingRecord, VolunteerEntry
from news.models import NewsPage
from newspaper.models import NewspaperIssuePage
from tests.conftest import at_noon_on, enrol_second_factor
from tests.members import make_club, make_person, years_ago
from tests.projects import make_project, make_theme

pytestmark = pytest.mark.django_db

RIGA = zoneinfo.ZoneInfo("Europe/Riga")
LAST, YEAR, NEXT = 2022, 2023, 2024
SLUGS = itertools.count()
DASHBOARD = "/admin/strategy/"


def riga(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=RIGA)


def area(slug):
    return PriorityArea.objects.get(slug=slug, locale__language_code="lv")


def add_event(index, start, **fields):
    number = next(SLUGS)
    areas = fields.pop("priority_areas", [])
    event = EventPage(
        title=f"Pārbaudes pasākums {number}",
        slug=f"parbaudes-pasakums-{number}",
        lead="Īsi.",
        start=start,
        end=start + datetime.timedelta(hours=3),
        venue="Skola",
        **{"kind": "hike", "scale": "national", **fields},
    )
    index.add_child(instance=event)
    if areas:
        event.priority_areas.set(areas)
        event.save()
    return event


def member(person, club, year, role="member", status="active"):
    return Membership.objects.create(person=person, club=club, year=year, role=role, status=status)


def figures(*years):
    return Figures(years or (LAST, YEAR, NEXT))


def values(method, *args, years=(LAST, YEAR, NEXT)):
    found = getattr(Figures(years), method)(*args)
    return [found[year].value for year in years]


# Projects ------------------------------------------------------------------------------------


@pytest.fixture
def projects(world):
    garden = make_theme("Dārzs 2023", year=YEAR)
    garden.priority_areas.set([area("lauku-attistiba")])
    garden.save()
    initiative = make_theme("Iniciatīva 2023", year=YEAR, kind="local-initiative")
    initiative.priority_areas.set([area("pilsoniska-lidzdaliba"), area("vides-izglitiba")])
    initiative.save()
    make_theme("Sava tēma 2023", year=YEAR, kind="own-theme")  # no priority area
    old = make_theme("Dārzs 2022", year=LAST)
    team = [world.youth]
    for state in ("submitted", "approved", "scored"):
        make_project(garden, world.club, team, state=state)
    make_project(garden, world.club, team, state="draft")
    make_project(initiative, world.club, team, state="report-submitted")
    make_project(initiative, world.club, team, state="draft")
    make_project(old, world.club, team, state="accepted")
    return garden


def test_projects_count_those_submitted_or_further_by_their_year(projects):
    assert values("projects") == [1, 4, 0]
    assert figure("projects", YEAR).value == 4
    assert values("local_initiatives") == [0, 1, 0]


def test_priority_themes_are_the_years_live_themes_with_a_priority_area(projects):
    assert values("priority_themes") == [0, 2, 0]
    projects.unpublish()
    assert values("priority_themes") == [0, 1, 0]


def test_project_figures_link_to_the_staff_list_of_exactly_those_projects(projects):
    found = figures(YEAR)
    assert found.projects()[YEAR].url == (
        reverse("projects:staff_list") + f"?year={YEAR}&state=counted"
    )
    assert found.local_initiatives()[YEAR].url.endswith(
        f"?year={YEAR}&state=counted&kind=local-initiative"
    )


# Events --------------------------------------------------------------------------------------


@pytest.fixture
def events(pages):
    index = pages["pasakumi"]
    made = {
        "camp": add_event(index, riga(YEAR, 7, 10), kind="camp"),
        "forum": add_event(index, riga(YEAR, 10, 1), kind="project_forum"),
        # National, but counted apart: not gatherings.
        "council": add_event(index, riga(YEAR, 2, 1), kind="council_meeting"),
        "info": add_event(index, riga(YEAR, 4, 1), kind="information"),
        # The last half hour of the year is that year's; the first of the next is the next's
        # (in UTC both are 31 December).
        "new_years_eve": add_event(index, riga(YEAR, 12, 31, 23, 30), scale="regional"),
        "new_year": add_event(index, riga(NEXT, 1, 1, 0, 30), scale="regional"),
        "first_night": add_event(index, riga(YEAR, 1, 1, 0, 15), kind="festival", scale="regional"),
        "recruitment": add_event(index, riga(YEAR, 5, 5), kind="recruitment", scale="regional"),
        "recruitment_2": add_event(index, riga(YEAR, 9, 5), kind="recruitment", scale="club"),
        "last_years": add_event(index, riga(LAST, 12, 31, 23, 59), kind="conference"),
        # Seminars: two in each of two areas; one with hours for leaders, one training too.
        "seminar_1": add_event(
            index,
            riga(YEAR, 3, 1),
            kind="seminar",
            training_hours=Decimal("6"),
            priority_areas=[area("lauku-attistiba"), area("vides-izglitiba")],
        ),
        "seminar_2": add_event(
            index, riga(YEAR, 3, 8), kind="seminar", priority_areas=[area("lauku-attistiba")]
        ),
        "seminar_3": add_event(
            index,
            riga(YEAR, 11, 8),
            kind="seminar",
            scale="regional",
            priority_areas=[area("vides-izglitiba")],
        ),
        "training": add_event(
            index, riga(YEAR, 6, 1), kind="training", scale="club", training_hours=Decimal("4")
        ),
    }
    # Neither an English page nor a draft is counted.
    add_event(pages["en:pasakumi"], riga(YEAR, 8, 1), kind="recruitment")
    draft = add_event(index, riga(YEAR, 8, 2), kind="recruitment")
    draft.unpublish()
    return made


def test_events_are_counted_by_the_riga_calendar_in_latvian_only(events):
    assert values("national_events") == [1, 2, 0]  # conference; camp and forum
    assert values("regional_events") == [0, 3, 1]  # new year's eve, first night, recruitment
    assert values("recruitment_events") == [0, 2, 0]
    assert values("info_events") == [0, 1, 0]
    assert values("leaders_seminars") == [0, 2, 0]  # seminar 1 and the training


def test_events_of_this_year_are_counted_once_they_have_begun(events):
    with at_noon_on(datetime.date(YEAR, 6, 15)):
        assert values("recruitment_events", years=(YEAR,)) == [1]
        assert values("national_events", years=(YEAR,)) == [0]


def test_event_figures_link_to_the_filtered_public_archive_named_as_such(events, pages, client):
    found = figures(YEAR)
    national = found.national_events()[YEAR]
    assert national.url == "/pasakumi/arhivs/?scale=national"
    assert "all years" in national.list_label or "visi gadi" in national.list_label
    assert found.recruitment_events()[YEAR].url == "/pasakumi/arhivs/?kind=recruitment"
    assert found.seminars_per_area()[YEAR].url == "/pasakumi/arhivs/?kind=seminar"
    # The archive takes the filters: a national event is listed, a regional one is not.
    with at_noon_on(datetime.date(NEXT, 2, 1)):
        html = client.get(national.url).content.decode()
    assert events["forum"].title in html
    assert events["recruitment"].title not in html
    # The same Latvian address with the admin in English (the route is translated).
    with translation.override("en"):
        assert figures(YEAR).national_events()[YEAR].url == national.url


def test_seminars_per_area_are_the_fewest_in_the_years_priority_areas(events, projects, pages):
    found = figures(LAST, YEAR)
    seminars = found.seminars_per_area()
    # 2023's themes name three areas: rural development 2, environment 2, civic 0.
    assert seminars[YEAR].value == 0
    assert "Lauku attīstība: 2" in seminars[YEAR].detail
    assert "Vides izglītība: 2" in seminars[YEAR].detail
    assert "Pilsoniskā līdzdalība: 0" in seminars[YEAR].detail
    assert "Modernās tehnoloģijas" not in seminars[YEAR].detail
    # 2022 has no themes: all seven areas are the year's.
    assert seminars[LAST].value == 0
    assert seminars[LAST].detail.count(":") == 7

    add_event(
        pages["pasakumi"],
        riga(YEAR, 5, 1),
        kind="seminar",
        priority_areas=[area("pilsoniska-lidzdaliba")],
    )
    assert figures(YEAR).seminars_per_area()[YEAR].value == 1


# Members and clubs ---------------------------------------------------------------------------


@pytest.fixture
def people(world):
    made = {
        name: make_person(name, "Pārbaude", years_ago(15))
        for name in ("p1", "p2", "p3", "p4", "p5", "p6")
    }
    made["l1"] = make_person("Līga", "Vadītāja", years_ago(40))
    made["l2"] = make_person("Laura", "Vadītāja", years_ago(35))
    club = world.club
    for person in ("p1", "p2"):
        member(made[person], club, LAST)
        member(made[person], club, YEAR)
    member(made["p3"], club, LAST)  # last year's member only
    member(made["p4"], club, YEAR)
    member(made["p6"], world.other_club, YEAR)
    member(made["p4"], world.online_club, YEAR)  # in two clubs: one member
    member(made["p5"], club, LAST, status="ended")
    member(made["p5"], club, YEAR, status="ended")
    member(made["l1"], club, LAST, role="leader")
    member(made["l1"], club, YEAR, role="leader")
    member(made["l2"], club, LAST)
    member(made["l2"], world.other_club, YEAR, role="assistant")
    return made


def test_members_growth_counts_people_with_an_active_membership(people):
    with translation.override("en"):
        growth = figures(LAST, YEAR).members_growth()
        member_list = reverse("clubs:staff_members")
    # 2022: p1, p2, p3, l1, l2; 2023: p1, p2, p4, p6, l1, l2 (p5's ended). 2021: none.
    assert growth[YEAR].value == Decimal("20.0")
    assert growth[YEAR].detail == "6 members (5 in 2022)"
    assert growth[LAST].value is None  # no members the year before: no growth to tell
    assert growth[YEAR].url == f"{member_list}?year={YEAR}"


def test_new_leaders_lead_for_the_first_time(people):
    # l1 led in 2022 (new then); l2 was a member in 2022 and assists a club in 2023.
    assert values("new_leaders") == [1, 1, 0]
    assert figures(YEAR).new_leaders()[YEAR].url is None  # no list shows only them


def test_online_club_members(people, world):
    member(people["p1"], world.online_club, LAST)  # last year's: not this year's
    online = figures(YEAR).online_club_members()[YEAR]
    assert online.value == 1  # p4
    assert values("online_club_members") == [1, 1, 0]
    assert online.url.endswith(f"?year={YEAR}&club={world.online_club.number}")


def test_members_with_a_card_issued_by_the_years_end(people):
    MemberCard.objects.create(person=people["p1"], issued_at=riga(YEAR, 2, 1))
    MemberCard.objects.create(person=people["p2"], issued_at=riga(NEXT, 1, 1, 0, 30))
    with translation.override("en"):
        cards = figures(LAST, YEAR).members_with_card()
    assert cards[YEAR].value == Decimal("16.7")  # p1 of six
    assert cards[YEAR].detail == "1 of 6 members"
    assert cards[LAST].value == Decimal("0.0")


def test_new_clubs_are_the_fewest_in_any_region(world):
    for number, place in enumerate(
        ["riga", "cesu-novads", "talsu-novads", "jelgava", "rezekne"], start=900
    ):
        make_club(f"Klubs {number}", number, place, founded=datetime.date(LAST, 6, 1))
    make_club("Jaunais Cēsu", 910, "cesu-novads", founded=datetime.date(YEAR, 1, 1))
    make_club("Jaunais Talsu", 911, "talsu-novads", founded=datetime.date(YEAR, 12, 31))
    make_club("Nākamais", 912, "rezekne", founded=datetime.date(NEXT, 1, 1))
    Club.objects.create(
        name="Otrs tiešsaistes", number=913, kind="online", founded=datetime.date(YEAR, 5, 1)
    )
    clubs = figures().new_clubs_per_region()
    assert [clubs[year].value for year in (LAST, YEAR, NEXT)] == [1, 0, 0]
    assert clubs[YEAR].detail == "Rīga: 0 · Vidzeme: 1 · Kurzeme: 1 · Zemgale: 0 · Latgale: 0"


# International -------------------------------------------------------------------------------


def participation(person, kind, start, end=None, activity="Apmaiņa", age=15):
    return Participation.objects.create(
        person=person,
        activity=activity,
        kind=kind,
        country="DE",
        start_date=start,
        end_date=end or start + datetime.timedelta(days=7),
        age_at_start=age,
    )


def test_international_figures_are_the_international_apps_counts(people, world):
    """Children and youths (5–25) in international activities, and the volunteer youths
    among them (a volunteer that year: not "volunteering abroad")."""
    participation(people["p1"], "youth-exchange", datetime.date(YEAR, 3, 1))
    participation(people["p1"], "training-course", datetime.date(YEAR, 8, 1), activity="Kurss")
    participation(
        people["p2"], "volunteering", datetime.date(YEAR, 12, 31), datetime.date(NEXT, 2, 1)
    )
    participation(people["l1"], "training-course", datetime.date(YEAR, 4, 1), age=40)
    participation(people["p4"], "volunteering", datetime.date(NEXT, 1, 1))
    # p1 volunteered in his club in 2023; p2's volunteering abroad does not make him one.
    volunteer_hours(people["p1"], world.club, datetime.date(YEAR, 5, 1))
    assert values("international_youths") == [0, 2, 1]
    assert values("international_volunteer_youths") == [0, 1, 0]
    found = figures(YEAR).international_youths()[YEAR]
    assert found.url == reverse("international:participations") + f"?year={YEAR}"
    assert found.list_label  # the list has every record, the adult's too


# Youth council -------------------------------------------------------------------------------


@pytest.fixture
def council(people, world):
    def meeting(start, **fields):
        return Meeting.objects.create(title="Sanāksme", starts_at=start, **fields)

    meeting(riga(YEAR, 3, 1))
    meeting(riga(YEAR, 5, 1))
    meeting(riga(YEAR, 6, 1), cancelled_at=riga(YEAR, 5, 30))
    meeting(riga(YEAR, 12, 31, 23, 30), kind="in_person", is_training=True)
    meeting(riga(YEAR, 9, 1), kind="in_person")
    meeting(riga(NEXT, 1, 1, 0, 30))
    CouncilMembership.objects.create(
        person=people["p1"], starts_on=datetime.date(LAST, 9, 1), ends_on=datetime.date(YEAR, 8, 31)
    )
    CouncilMembership.objects.create(
        person=people["p2"],
        starts_on=datetime.date(YEAR, 1, 1),
        ends_on=datetime.date(YEAR, 12, 31),
    )
    CouncilMembership.objects.create(
        person=people["p4"],
        starts_on=datetime.date(YEAR, 6, 1),
        ends_on=datetime.date(NEXT, 5, 31),
        withdrawn=True,
        ended_at=riga(YEAR, 5, 1),
    )
    for title, adopted_at in (("Vairāk nometņu", riga(YEAR, 6, 1)), ("Sporta spēles", None)):
        proposal = Proposal.objects.create(title=title, text="…", person=people["p1"])
        if adopted_at:
            ProposalStateChange.objects.create(
                proposal=proposal, from_state="discussion", to_state="adopted", at=adopted_at
            )
    late = Proposal.objects.create(title="Vecā", text="…", person=people["p2"])
    ProposalStateChange.objects.create(
        proposal=late, from_state="discussion", to_state="adopted", at=riga(LAST, 12, 31, 23, 30)
    )
    Survey.objects.create(title="Aptauja", state="closed", opened_at=riga(YEAR, 2, 1))
    Survey.objects.create(title="Melnraksts")


def test_council_figures_follow_the_councils_own_yearly_counts(council):
    found = figures(LAST, YEAR)
    for year in (LAST, YEAR):
        counts = council_services.yearly_counts(year)
        assert found.council_online_meetings()[year].value == counts.online_meetings
        assert found.council_trainings()[year].value == counts.in_person_trainings
        assert found.council_youths()[year].value == counts.youths_involved
        assert found.council_proposals()[year].value == counts.proposals_adopted
        assert found.council_surveys()[year].value == counts.surveys
    assert values("council_online_meetings") == [0, 2, 1]
    assert values("council_trainings") == [0, 1, 0]
    assert values("council_youths") == [1, 2, 0]
    assert values("council_proposals") == [1, 1, 0]
    assert values("council_surveys") == [0, 1, 0]


# Camp and check-in ---------------------------------------------------------------------------


def check_in(event, person, desk, by, method="card", undone=False):
    return Checkin.objects.create(
        event=event,
        person=person,
        desk=desk,
        method=method,
        checked_in_by=by,
        undone_at=timezone.now() if undone else None,
        undone_by=by if undone else None,
    )


def test_camp_attendance_is_the_largest_camp_and_ignores_undone_check_ins(events, people, world):
    camp = events["camp"]
    small_camp = add_event(camp.get_parent(), riga(YEAR, 8, 1), kind="camp", scale="club")
    by = world.coordinator
    gate = Desk.objects.create(event=camp, name="Vārti", opened_by=by)
    for name in ("p1", "p2", "p4"):
        check_in(camp, people[name], gate, by)
    check_in(camp, people["p5"], gate, by, undone=True)
    other = Desk.objects.create(event=small_camp, name="Galds", opened_by=by)
    check_in(small_camp, people["p1"], other, by, method="search")
    check_in(small_camp, people["p2"], other, by, method="search", undone=True)

    found = figures(LAST, YEAR)
    camp_figure = found.camp_participants()[YEAR]
    assert camp_figure.value == 3
    assert camp_figure.detail == camp.title
    assert camp_figure.url == reverse("checkin:attendance", args=[camp.pk])
    assert not camp_figure.list_label  # the camp's attendance list: the people counted
    assert found.camp_participants()[LAST].value == 0
    assert found.camp_participants()[LAST].url is None  # no camp, no list
    # Only the big camp had QR check-ins; the small one checked people in by name.
    assert found.qr_checkin_events()[YEAR].value == 1


# Volunteers and leaders ----------------------------------------------------------------------


def volunteer_hours(person, club, day, status="approved"):
    return VolunteerEntry.objects.create(
        person=person, club=club, date=day, hours=Decimal("2"), kind="event", description="…",
        status=status,
    )  # fmt: skip


def test_new_volunteers_have_their_first_approved_hours_in_the_year(people, world):
    club = world.club
    volunteer_hours(people["p1"], club, datetime.date(LAST, 5, 1))
    volunteer_hours(people["p1"], club, datetime.date(YEAR, 5, 1))
    volunteer_hours(people["p2"], club, datetime.date(YEAR, 12, 31))
    volunteer_hours(people["p4"], club, datetime.date(YEAR, 6, 1), status="submitted")
    volunteer_hours(people["p4"], club, datetime.date(YEAR, 7, 1), status="declined")
    volunteer_hours(people["p4"], club, datetime.date(NEXT, 1, 1))
    assert values("new_volunteers") == [1, 1, 1]


def test_awards_count_the_people_given_each_award(people):
    grown_up = AwardKind.objects.get(name="Izauguši Latvijai")
    prize = AwardKind.objects.get(name="Motivācijas balva")
    for name, kind, year in (
        ("p1", grown_up, YEAR),
        ("p2", grown_up, YEAR),
        ("p1", prize, YEAR),
        ("p4", grown_up, LAST),
    ):
        AwardGrant.objects.create(
            kind=kind, person=people[name], year=year, granted_on=datetime.date(year, 12, 1)
        )
    assert values("awards", grown_up) == [1, 2, 0]
    assert values("awards", prize.pk) == [0, 1, 0]


def test_leaders_trained_is_the_share_of_the_years_leaders_with_12_hours(people):
    def training(person, day, hours):
        TrainingRecord.objects.create(
            person=people[person], course="Kurss", date=day, hours=Decimal(hours)
        )

    training("l1", datetime.date(YEAR, 3, 1), "8")
    training("l1", datetime.date(YEAR, 12, 31), "4")
    training("l2", datetime.date(NEXT, 1, 1), "12")
    training("p1", datetime.date(YEAR, 1, 1), "20")  # not a leader
    with translation.override("en"):
        trained = figures(LAST, YEAR).leaders_trained()
    assert trained[YEAR].value == Decimal("50.0")
    assert trained[YEAR].detail == "1 of 2 leaders"
    assert trained[LAST].value == Decimal("0.0")


# Publicity ----------------------------------------------------------------------------------


def test_news_and_newspaper_by_the_year(pages):
    def news(day, index="jaunumi"):
        page = NewsPage(title=f"Ziņa {next(SLUGS)}", slug=f"zina-{next(SLUGS)}", lead="…", date=day)
        pages[index].add_child(instance=page)
        return page

    for day in ((1, 15), (1, 20), (3, 31), (12, 31)):
        news(datetime.date(YEAR, *day))
    news(datetime.date(YEAR, 5, 1), index="en:jaunumi")
    news(datetime.date(YEAR, 6, 1)).unpublish()

    pdf = NewspaperIssuePage.objects.filter(pdf__isnull=False).first().pdf
    for number in (1, 2):
        pages["avize-mazpulks"].add_child(
            instance=NewspaperIssuePage(
                title=f"Nr. {number}", slug=f"{YEAR}-nr-{number}", year=YEAR, number=number, pdf=pdf
            )
        )
    assert values("news_months", years=(LAST, YEAR)) == [0, 3]
    assert values("newspaper_issues", years=(LAST, YEAR)) == [0, 2]


def test_the_brandbook_counts_from_the_year_it_was_published(pages):
    this_year = timezone.localdate().year
    found = Figures([YEAR, this_year]).brandbook()
    assert found[YEAR].value == 0
    assert found[this_year].value == 1
    brandbook = pages["zimolgramata"]
    assert found[this_year].url == brandbook.url
    assert found[YEAR].url is None


# Status --------------------------------------------------------------------------------------


def test_a_past_year_is_met_or_behind():
    day = datetime.date(2026, 3, 1)
    assert status_of(500, 500, Comparison.AT_LEAST, 2025, day) == Status.MET
    assert status_of(499, 500, Comparison.AT_LEAST, 2025, day) == Status.BEHIND
    assert status_of(3, 2, Comparison.AT_MOST, 2025, day) == Status.BEHIND
    assert status_of(2, 2, Comparison.AT_MOST, 2025, day) == Status.MET
    assert status_of(None, 2, Comparison.AT_LEAST, 2025, day) is None


def test_a_count_that_builds_up_is_on_track_when_it_keeps_up_with_the_date():
    # 1 July 2025 is day 182 of 365: on track from 500 × 182 / 365 = 249.3 projects.
    day = datetime.date(2025, 7, 1)
    built_up = {"pro_rated": True}
    assert status_of(250, 500, Comparison.AT_LEAST, 2025, day, **built_up) == Status.ON_TRACK
    assert status_of(249, 500, Comparison.AT_LEAST, 2025, day, **built_up) == Status.BEHIND
    assert status_of(500, 500, Comparison.AT_LEAST, 2025, day, **built_up) == Status.MET
    # On 1 January a single seminar keeps two a year on track; none does not.
    new_year = datetime.date(2025, 1, 1)
    assert status_of(1, 2, Comparison.AT_LEAST, 2025, new_year, **built_up) == Status.ON_TRACK
    assert status_of(0, 2, Comparison.AT_LEAST, 2025, new_year, **built_up) == Status.BEHIND
    assert status_of(1, 2, Comparison.AT_MOST, 2025, day) == Status.ON_TRACK
    assert status_of(1, 2, Comparison.AT_LEAST, 2026, day, **built_up) is None  # not begun


def test_a_one_off_or_a_level_is_open_until_met_or_the_year_is_over():
    # The camp in July is not "behind" in March; 3 % growth so far is not either.
    march = datetime.date(2025, 3, 1)
    assert status_of(0, 300, Comparison.AT_LEAST, 2025, march) == Status.OPEN
    assert status_of(3, 5, Comparison.AT_LEAST, 2025, march) == Status.OPEN
    assert status_of(300, 300, Comparison.AT_LEAST, 2025, march) == Status.MET
    assert status_of(0, 300, Comparison.AT_LEAST, 2024, march) == Status.BEHIND
    with translation.override("en"):
        assert Status.label(Status.OPEN) == "still open"


# Targets -------------------------------------------------------------------------------------


def test_the_strategys_targets_are_seeded_in_its_words():
    period = StrategyPeriod.objects.get(first_year=2021, last_year=2027)
    assert period.records_from == RECORDS_FROM == 2026
    targets = {target.key: target for target in period.targets.all()}
    assert targets["projects"].target == 500
    assert targets["projects"].wording_lv == "Ik gadu īstenoti 500 projekti"
    assert targets["camp"].measure == Measure.CAMP_PARTICIPANTS
    assert targets["camp"].target == 300
    assert targets["award-izaugusi-latvijai"].award_kind.name == "Izauguši Latvijai"
    assert targets["motivation-prizes"].award_kind.name == "Motivācijas balva"
    assert targets["motivation-prizes"].target == 20
    assert targets["funding-growth"].measure == Measure.ENTERED
    assert targets["members-growth"].unit == "%"
    # The strategy's own words: no "every year" it does not say; the certificate is an
    # opportunity every leader is given; no library figure the strategy does not set.
    assert targets["council-surveys"].wording_lv == "Veiktas 3 jauniešu aptaujas"
    assert targets["leaders-trained"].wording_lv.startswith(
        "Nodrošināt iespēju katram mazpulku vadītājam gadā saņemt"
    )
    assert "opportunity" in targets["leaders-trained"].wording_en
    assert not any("bibliotēk" in target.wording_lv for target in targets.values())
    international = targets["international-volunteer-youths"]
    assert international.measure == Measure.INTERNATIONAL_VOLUNTEER_YOUTHS
    assert international.target == 15
    assert "starptautiskos jauniešu pasākumos" in international.wording_lv
    assert "ārzemēs" not in international.wording_lv
    # The targets the site cannot count are there, entered by hand.
    by_hand = {
        "volunteer-growth-seminars": 2,
        "volunteer-outdoor-activities": 3,
        "volunteers-trained": 20,
        "youth-council-of-latvia": 2,
        "youths-on-the-board": 2,
        "new-leaders-seminar": 1,
        "exchange-trip-latvia": 1,
        "exchange-trip-abroad": 1,
        "methodology-training": 1,
        "digital-tools": 5,
    }
    for key, number in by_hand.items():
        assert targets[key].measure == Measure.ENTERED, key
        assert targets[key].target == number, key
        assert not targets[key].pro_rated, key
    assert "Latvijas Jaunatnes padomes" in targets["youth-council-of-latvia"].wording_lv
    assert "metodiskajiem materiāliem" in targets["methodology-training"].wording_lv
    # Only counts that build up over the year are pro-rated.
    assert targets["projects"].pro_rated and targets["council-online-meetings"].pro_rated
    for key in ("camp", "members-growth", "council-youths", "leaders-trained", "brandbook"):
        assert not targets[key].pro_rated, key
    # Every measure the site counts has a target.
    counted = {target.measure for target in targets.values()}
    assert set(Measure.values) <= counted


# The dashboard page --------------------------------------------------------------------------


def user_in(group_name, email):
    user = get_user_model().objects.create_user(email=email, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return enrol_second_factor(user)


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world.coordinator)
    return client


def strategy():
    return StrategyPeriod.objects.get(first_year=2021)


def site_records_from(year):
    StrategyPeriod.objects.filter(first_year=2021).update(records_from=year)


@pytest.fixture
def dataset(projects, events, people, world):
    """The data set, counted by the site from 2021 (as if it had held the data then)."""
    camp = events["camp"]
    gate = Desk.objects.create(event=camp, name="Vārti", opened_by=world.coordinator)
    for name in ("p1", "p2"):
        check_in(camp, people[name], gate, world.coordinator)
    site_records_from(2021)


def test_the_dashboard_shows_every_target_with_its_figures(
    coordinator_client, dataset, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60):
        response = coordinator_client.get(DASHBOARD, {"year": YEAR})
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["table"].year == YEAR
    rows = {row.target.key: row for row in response.context["table"].rows}
    assert len(rows) == Target.objects.filter(period__first_year=2021).count()
    assert rows["projects"].cell.value == 4
    assert rows["projects"].last_year.value == 1
    assert rows["regional-events"].cell.value == 3
    assert rows["regional-events"].status == Status.MET
    assert rows["projects"].status == Status.BEHIND
    assert rows["camp"].cell.value == 2
    # Trend: one point a year from 2021 to this year, each in the text alternative.
    assert [cell.year for cell in rows["projects"].trend][:3] == [2021, 2022, 2023]
    assert "2022: 1; 2023: 4" in rows["projects"].chart.text
    table = html.split('<table class="listing strategy-table">')[1].split("</table>")[0]
    assert "<svg" in table and 'role="img"' in table
    assert "style=" not in table and "<script" not in table  # the site's CSP
    # The words, not only the colours, and each figure's list.
    assert f'strategy-status--met">{Status.label(Status.MET)}' in table
    assert f'strategy-status--behind">{Status.label(Status.BEHIND)}' in table
    assert reverse("projects:staff_list") + f"?year={YEAR}&amp;state=counted" in table
    assert "Ik gadu noorganizēti vismaz 3 reģionāla mēroga mazpulku pasākumi" in table


def test_the_query_count_does_not_grow_with_the_data(
    coordinator_client, dataset, pages, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    coordinator_client.get(DASHBOARD, {"year": YEAR})  # caches filled
    with CaptureQueriesContext(connection) as before:
        coordinator_client.get(DASHBOARD, {"year": YEAR})
    for number in range(5):
        add_event(pages["pasakumi"], riga(YEAR, 2, number + 1), kind="seminar", scale="regional")
    with django_assert_num_queries(len(before.captured_queries)):
        coordinator_client.get(DASHBOARD, {"year": YEAR})


def test_an_unknown_year_shows_this_year(coordinator_client):
    response = coordinator_client.get(DASHBOARD, {"year": "1999"})
    assert response.context["table"].year == min(timezone.localdate().year, 2027)
    assert response.status_code == 200


def test_a_figure_entered_by_hand_is_shown_and_marked(coordinator_client, world):
    funding = Target.objects.get(key="funding-growth")
    url = reverse("strategy_dashboard_enter", args=[funding.pk])
    prefix = f"target-{funding.pk}"
    response = coordinator_client.post(
        url,
        {f"{prefix}-year": YEAR, f"{prefix}-value": "12,5", f"{prefix}-note": "Gada pārskats"},
    )
    assert response.status_code == 302
    assert response.url == f"{DASHBOARD}?year={YEAR}#target-{funding.pk}"
    entered = EnteredFigure.objects.get(target=funding, year=YEAR)
    assert entered.value == Decimal("12.5")
    assert entered.entered_by == world.coordinator

    html = coordinator_client.get(DASHBOARD, {"year": YEAR}).content.decode()
    row = html.split(f'id="target-{funding.pk}"')[1].split("</tr>")[0]
    assert "12,5" in row
    assert "ievadīts ar roku" in row or "entered by hand" in row
    assert "Gada pārskats" in row
    table = coordinator_client.get(DASHBOARD, {"year": YEAR}).context["table"]
    rows = {row.target.key: row for row in table.rows}
    assert rows["funding-growth"].status == Status.BEHIND  # 12.5 % of 20 % in a past year
    assert rows["funding-growth"].cell.is_entered
    assert not rows["projects"].cell.is_entered

    # Replaced, then cleared.
    coordinator_client.post(url, {f"{prefix}-year": YEAR, f"{prefix}-value": "21"})
    assert EnteredFigure.objects.get(target=funding, year=YEAR).value == 21
    coordinator_client.post(url, {f"{prefix}-year": YEAR, f"{prefix}-value": ""})
    assert not EnteredFigure.objects.filter(target=funding).exists()


def test_bad_figures_change_nothing(coordinator_client):
    funding = Target.objects.get(key="funding-growth")
    url = reverse("strategy_dashboard_enter", args=[funding.pk])
    prefix = f"target-{funding.pk}"
    response = coordinator_client.post(
        url, {f"{prefix}-year": YEAR, f"{prefix}-value": "daudz"}, follow=True
    )
    assert "error" in [message.level_tag for message in response.context["messages"]]
    coordinator_client.post(url, {f"{prefix}-year": 2019, f"{prefix}-value": "5"})  # not 2021–27
    future = timezone.localdate().year + 1
    coordinator_client.post(url, {f"{prefix}-year": future, f"{prefix}-value": "5"})
    assert not EnteredFigure.objects.exists()


def test_coordinators_edit_targets_for_the_next_period(coordinator_client):
    target = Target.objects.get(key="camp")
    edit = reverse("strategy_targets:edit", args=[target.pk])
    assert coordinator_client.get(edit).status_code == 200
    response = coordinator_client.post(
        edit,
        {
            "period": target.period_id,
            "area": target.area,
            "key": target.key,
            "wording_lv": target.wording_lv,
            "wording_en": target.wording_en,
            "comparison": "gte",
            "target": "350",
            "unit": "",
            "measure": target.measure,
            "award_kind": "",
            "order": target.order,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    target.refresh_from_db()
    assert target.target == 350

    response = coordinator_client.post(
        reverse("strategy_periods:add"),
        {
            "name": "Stratēģija 2028–2034",
            "first_year": "2028",
            "last_year": "2034",
            "records_from": "2026",
        },
    )
    assert response.status_code == 302
    overlapping = coordinator_client.post(
        reverse("strategy_periods:add"),
        {"name": "Pārklājas", "first_year": "2027", "last_year": "2030", "records_from": "2026"},
    )
    assert overlapping.status_code == 200
    assert StrategyPeriod.objects.count() == 2


def test_the_xlsx_holds_the_whole_table(coordinator_client, dataset):
    response = coordinator_client.get(reverse("strategy_dashboard_xlsx"), {"year": YEAR})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="mazpulki-strategija-{YEAR}-'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[5] == str(YEAR) and header[7] == str(YEAR - 1)
    assert len(rows) == 1 + Target.objects.filter(period__first_year=2021).count()
    projects = next(row for row in rows if row[1] == "Ik gadu īstenoti 500 projekti")
    assert projects[3] == 500
    assert projects[5] == 4 and projects[7] == 1
    assert projects[8] == Status.label(Status.BEHIND)
    assert projects[9:12] == (0, 1, 4)  # 2021, 2022, 2023


# Access --------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (DASHBOARD, reverse("strategy_dashboard_xlsx")):
        response = client.get(url)
        assert response.status_code == 302
        assert "next=" in response.url


def test_editors_and_leaders_are_refused(client, world):
    funding = Target.objects.get(key="funding-growth")
    enter = reverse("strategy_dashboard_enter", args=[funding.pk])
    for user in (user_in("Redaktori", "redaktore@mazpulki.example"), world.leader):
        client.force_login(user)
        for url in (DASHBOARD, reverse("strategy_dashboard_xlsx")):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert not response.url.startswith(DASHBOARD)
        response = client.post(enter, {f"target-{funding.pk}-year": YEAR})
        assert response.status_code in (302, 403)
        assert not EnteredFigure.objects.exists()
    client.force_login(user_in("Redaktori", "otra.redaktore@mazpulki.example"))
    assert client.get(DASHBOARD).status_code == 403
    assert client.get(reverse("strategy_targets:index")).status_code in (302, 403)
    assert "strategy-dashboard" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_coordinators_see_the_dashboard_in_the_menu(coordinator_client):
    assert coordinator_client.get(DASHBOARD).status_code == 200
    home = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert DASHBOARD in home


# Years before the site's records, and figures entered by hand for any target --------------


def rows_of(table):
    return {row.target.key: row for row in table.rows}


def enter(client, key, year, value, note=""):
    target = Target.objects.get(key=key)
    prefix = f"target-{target.pk}"
    return client.post(
        reverse("strategy_dashboard_enter", args=[target.pk]),
        {f"{prefix}-year": year, f"{prefix}-value": value, f"{prefix}-note": note},
    )


def test_years_before_the_sites_records_show_no_figure_until_one_is_entered_by_hand(
    coordinator_client, projects, world
):
    # The seeded period counts from 2026: 2023's projects are not the year's real figure.
    rows = rows_of(coordinator_client.get(DASHBOARD, {"year": YEAR}).context["table"])
    assert rows["projects"].cell.value is None
    assert rows["projects"].status is None
    assert "2026" in rows["projects"].cell.missing
    assert all(cell.value is None for cell in rows["projects"].trend if cell.year < 2026)

    # The board's report for 2023 is completed by hand, for a target the site counts too.
    response = enter(coordinator_client, "projects", YEAR, "480", "Valdes gada pārskats")
    assert response.status_code == 302
    response = coordinator_client.get(DASHBOARD, {"year": YEAR})
    row = rows_of(response.context["table"])["projects"]
    assert row.cell.value == 480 and row.cell.is_entered
    assert row.cell.entered.entered_by == world.coordinator
    assert row.cell.counted is None  # the site counts nothing before its records
    assert row.status == Status.BEHIND  # 480 of 500 in a past year
    html = response.content.decode()
    cell = html.split(f'id="target-{row.target.pk}"')[1].split("</tr>")[0]
    assert "480" in cell and "Valdes gada pārskats" in cell
    assert "strategy-entered" in cell

    # Where the site does count, the figure entered by hand still wins; the site's is shown.
    site_records_from(2021)
    row = rows_of(coordinator_client.get(DASHBOARD, {"year": YEAR}).context["table"])["projects"]
    assert row.cell.value == 480 and row.cell.is_entered
    assert row.cell.counted.value == 4
    # Cleared: the site's figure again.
    enter(coordinator_client, "projects", YEAR, "")
    row = rows_of(coordinator_client.get(DASHBOARD, {"year": YEAR}).context["table"])["projects"]
    assert row.cell.value == 4 and not row.cell.is_entered


def test_new_leaders_and_volunteers_have_no_figure_in_the_first_year_of_records(people, world):
    """In the first year of the site's records everybody would be "new": there is nothing
    earlier to compare with, so those figures start the year after (growth too)."""
    volunteer_hours(people["p1"], world.club, datetime.date(YEAR, 5, 1))
    volunteer_hours(people["p2"], world.club, datetime.date(NEXT, 5, 1))
    site_records_from(YEAR)
    rows = rows_of(build_table(strategy(), NEXT, datetime.date(NEXT, 12, 31)))
    for key in ("new-leaders", "new-volunteers", "members-growth"):
        trend = {cell.year: cell for cell in rows[key].trend}
        assert trend[LAST].value is None and "2023" in trend[LAST].missing, key
        assert trend[YEAR].value is None and trend[YEAR].missing, key
        assert trend[YEAR].missing != trend[LAST].missing, key
    assert rows["new-volunteers"].cell.value == 1  # p2, new in 2024; p1 was 2023's
    assert rows["new-leaders"].cell.value == 0
    # Other counts begin with the first year of records.
    assert (
        rows_of(build_table(strategy(), YEAR, datetime.date(NEXT, 1, 5)))["online-club"].cell.value
        == 1
    )


def test_a_figure_entered_by_hand_is_not_pro_rated(coordinator_client, dataset):
    with at_noon_on(datetime.date(YEAR, 7, 1)):
        enter(coordinator_client, "council-online-meetings", YEAR, "1")
        table = coordinator_client.get(DASHBOARD).context["table"]
    row = rows_of(table)["council-online-meetings"]
    assert row.target.pro_rated and row.cell.is_entered
    assert row.status == Status.OPEN  # not "behind" 1 of 6 × ½ by hand


# This year, time zones -----------------------------------------------------------------------


def test_this_years_status_on_the_page_at_a_fixed_date(coordinator_client, dataset):
    """1 July 2023, day 182 of 365: counts that build up are pro-rated, the rest open."""
    with at_noon_on(datetime.date(YEAR, 7, 1)):
        response = coordinator_client.get(DASHBOARD)
    table = response.context["table"]
    assert table.year == YEAR and table.is_current_year
    rows = rows_of(table)
    # The first night's festival and May's recruitment: 2 of 3 by July keeps up (1.5).
    assert rows["regional-events"].cell.value == 2
    assert rows["regional-events"].status == Status.ON_TRACK
    assert rows["projects"].status == Status.BEHIND  # 4 of 500 × ½
    # The camp is on 10 July: none so far is not behind, it is still open.
    assert rows["camp"].cell.value == 0
    assert rows["camp"].status == Status.OPEN
    assert rows["members-growth"].status == Status.MET  # 20 % of 5 %
    html = response.content.decode()
    assert f'strategy-status--open">{Status.label(Status.OPEN)}' in html
    assert f'strategy-status--on-track">{Status.label(Status.ON_TRACK)}' in html


def test_years_follow_riga_whatever_the_coordinators_time_zone(client, dataset, world):
    from wagtail.users.models import UserProfile

    # In UTC the festival of 1 January 2023, 00:15 in Riga, would be 2022's.
    with timezone.override("UTC"):
        assert figures(LAST).regional_events()[LAST].value == 1
    profile = UserProfile.get_for_user(world.coordinator)
    profile.current_time_zone = "UTC"
    profile.save()
    client.force_login(world.coordinator)
    rows = rows_of(client.get(DASHBOARD, {"year": YEAR}).context["table"])
    assert rows["regional-events"].cell.value == 3
    assert rows["regional-events"].last_year.value == 0
    response = client.get(reverse("strategy_dashboard_xlsx"), {"year": YEAR})
    sheet = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    regional = next(row for row in sheet if "reģionāla mēroga" in (row[1] or ""))
    assert (regional[5], regional[7]) == (3, 0)


# Lists behind the figures ---------------------------------------------------------------------


def test_every_computed_figures_list_answers_a_coordinator(coordinator_client, dataset, world):
    """A renamed or removed view fails here instead of silently dropping a figure's link."""
    AwardGrant.objects.create(
        kind=AwardKind.objects.get(name="Izauguši Latvijai"),
        person=world.youth,
        year=YEAR,
        granted_on=datetime.date(YEAR, 12, 1),
    )
    with at_noon_on(datetime.date(YEAR, 12, 30)):
        table = build_table(strategy(), YEAR)
        linked = {row.target.measure: row.cell.url for row in table.rows if row.cell.url}
        for measure, url in linked.items():
            assert coordinator_client.get(url).status_code == 200, (measure, url)
    this_year = timezone.localdate().year
    brandbook = Figures([this_year]).brandbook()[this_year].url
    assert coordinator_client.get(brandbook).status_code == 200
    linked[Measure.BRANDBOOK] = brandbook
    # No list shows only the new leaders, nor the events checked in by QR code.
    unlinked = {Measure.ENTERED, Measure.NEW_LEADERS, Measure.QR_CHECKIN_EVENTS}
    assert set(linked) == set(Measure.values) - unlinked


def test_a_list_that_is_not_the_figures_own_is_named_not_put_on_the_figure(
    coordinator_client, dataset, events
):
    response = coordinator_client.get(DASHBOARD, {"year": YEAR})
    rows = rows_of(response.context["table"])
    html = response.content.decode()
    growth = rows["members-growth"].cell
    assert growth.list_label and not growth.links_figure
    cell = html.split(f'id="target-{rows["members-growth"].target.pk}"')[1].split("</tr>")[0]
    assert f'<a class="strategy-table__list" href="{growth.url.replace("&", "&amp;")}">' in cell
    assert '<a class="strategy-figure"' not in cell
    camp = rows["camp"].cell
    assert camp.links_figure
    assert camp.url == reverse("checkin:attendance", args=[events["camp"].pk])
    # The leaders' training list shows this year only: no link for a past year.
    assert rows["leaders-trained"].cell.url is None


# Deleting -------------------------------------------------------------------------------------


def test_a_target_with_figures_entered_by_hand_is_not_deleted(coordinator_client):
    funding = Target.objects.get(key="funding-growth")
    enter(coordinator_client, "funding-growth", YEAR, "12")
    delete = reverse("strategy_targets:delete", args=[funding.pk])
    page = coordinator_client.get(delete).content.decode()
    assert funding.deletion_refusal() in page.replace("&#x27;", "'")
    assert 'type="submit" class="button serious"' not in page
    response = coordinator_client.post(delete, follow=True)
    assert Target.objects.filter(pk=funding.pk).exists()
    assert EnteredFigure.objects.filter(target=funding).exists()
    assert [message.level_tag for message in response.context["messages"]] == ["error"]
    # Nor by the database, whatever view deletes it.
    with pytest.raises(ProtectedError):
        funding.delete()


def test_a_period_with_targets_is_not_deleted_an_empty_one_is(coordinator_client):
    period = strategy()
    delete = reverse("strategy_periods:delete", args=[period.pk])
    page = coordinator_client.get(delete).content.decode()
    assert period.deletion_refusal() and period.deletion_refusal() in page
    coordinator_client.post(delete)
    assert StrategyPeriod.objects.filter(pk=period.pk).exists()
    assert Target.objects.filter(period=period).count() > 40

    # A target without figures, and an empty period, go.
    camp = Target.objects.get(key="camp")
    assert camp.deletion_refusal() == ""
    coordinator_client.post(reverse("strategy_targets:delete", args=[camp.pk]))
    assert not Target.objects.filter(pk=camp.pk).exists()
    spare = StrategyPeriod.objects.create(name="Lieka", first_year=2030, last_year=2031)
    coordinator_client.post(reverse("strategy_periods:delete", args=[spare.pk]))
    assert not StrategyPeriod.objects.filter(pk=spare.pk).exists()


# Erased people, English, the spreadsheet -----------------------------------------------------


def test_an_erased_person_is_still_counted_where_the_counts_are_historical(dataset, people, world):
    volunteer_hours(people["p1"], world.club, datetime.date(YEAR, 5, 1))
    participation(people["p1"], "youth-exchange", datetime.date(YEAR, 3, 1))
    AwardGrant.objects.create(
        kind=AwardKind.objects.get(name="Izauguši Latvijai"),
        person=people["p1"],
        year=YEAR,
        granted_on=datetime.date(YEAR, 12, 1),
    )
    measures = (
        "members_growth",
        "new_volunteers",
        "camp_participants",
        "international_youths",
        "online_club_members",
    )

    def counted():
        found = figures(YEAR)
        grown_up = AwardKind.objects.get(name="Izauguši Latvijai")
        return [getattr(found, name)()[YEAR].value for name in measures] + [
            found.awards(grown_up)[YEAR].value
        ]

    before = counted()
    assert before[1:4] == [1, 2, 1]
    erase_person(people["p1"])
    people["p1"].refresh_from_db()
    assert people["p1"].status == "erased"
    assert counted() == before


def test_the_page_speaks_english_with_the_admin_in_english(coordinator_client, dataset, world):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world.coordinator)
    profile.preferred_language = "en"
    profile.save()
    html = coordinator_client.get(DASHBOARD, {"year": YEAR}).content.decode()
    assert "500 projects carried out every year" in html
    assert "Ik gadu īstenoti 500 projekti" not in html
    assert "Youth council" in html and "behind" in html
    assert "national events in the public archive" in html
    xlsx = coordinator_client.get(reverse("strategy_dashboard_xlsx"), {"year": YEAR})
    header = next(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert header[:2] == ("Area", "Target")


def test_a_note_typed_as_a_formula_stays_text_in_the_xlsx(coordinator_client, world):
    enter(coordinator_client, "staff-training", YEAR, "31,5", '=HYPERLINK("http://x","y")')
    response = coordinator_client.get(reverse("strategy_dashboard_xlsx"), {"year": YEAR})
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = next(
        row
        for row in sheet.iter_rows()
        if row[1].value and "personāla apmācības" in str(row[1].value)
    )
    assert row[5].value == Decimal("31.5") or row[5].value == 31.5
    assert str(world.coordinator) in row[6].value
    note = row[-1]
    assert note.value == '=HYPERLINK("http://x","y")'
    assert note.data_type == "s"
