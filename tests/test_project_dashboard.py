"""The yearly picture of projects for leaders and coordinators, its list and its exports."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from members_area.projects.models import ProjectFile, ProjectThemePage, current_year
from tests.members import make_club, make_member, make_person, years_ago
from tests.projects import make_project, make_theme

pytestmark = pytest.mark.django_db

YEAR = current_year()
LAST_YEAR = YEAR - 1


def url(name, *args, language="en"):
    """Pages are tested in English where their text is read (the Latvian is merged later)."""
    with translation.override(language):
        return reverse(name, args=args)


def demo_theme(slug):
    """A demo theme of this year (it has an English translation)."""
    return ProjectThemePage.objects.get(slug=f"{slug}-{YEAR}", locale__language_code="lv")


@pytest.fixture
def data(world):
    """Two years of projects in four clubs (three regions and the online club).

    This year: 8 counted (5 individual, 1 group, 2 local initiatives) and 2 drafts, done by
    6 people; last year: 3 counted (2 individual, 1 local initiative) and 1 draft, by 3.
    """
    riga_club = make_club("Rīgas mazpulks", 303, "riga")
    extra = make_person("Pēteris", "Liepa", years_ago(12), place="talsu-novads")
    make_member(extra, world.other_club)
    online_youth = make_person("Zane", "Tīkla", years_ago(16))
    make_member(online_youth, world.online_club)
    riga_youth = make_person("Rita", "Kalniņa", years_ago(11), place="riga")
    make_member(riga_youth, riga_club)
    garden = make_theme("Dārza projekts", kind="individual", year=YEAR)
    together = make_theme("Kopā darām", kind="group", year=YEAR)
    deeds = demo_theme("labie-darbi-pagasta")  # local initiative
    own = demo_theme("savs-temats")
    old_garden = make_theme("Dārza projekts", kind="individual", year=LAST_YEAR)
    old_local = make_theme("Vietējā iniciatīva", kind="local-initiative", year=LAST_YEAR)
    club, other, online = world.club, world.other_club, world.online_club
    child, youth, other_child = world.child, world.youth, world.other_child
    projects = {
        "garden": make_project(garden, club, [child], state="submitted", title="Burkāni"),
        "approved": make_project(garden, club, [youth], state="approved", title="Gurķi"),
        "group": make_project(together, club, [child, youth], state="report-submitted"),
        "deeds": make_project(deeds, club, [child, youth], state="scored", title="Soliņi"),
        "draft": make_project(own, club, [youth], title="Melnraksts"),
        "talsi": make_project(garden, other, [other_child], state="accepted", title="Ziedi"),
        "talsi_deeds": make_project(deeds, other, [other_child, extra], state="returned"),
        "online": make_project(garden, online, [online_youth], state="report-returned"),
        "talsi_draft": make_project(together, other, [other_child]),
        "riga": make_project(garden, riga_club, [riga_youth], state="report-draft"),
        "old": make_project(old_garden, club, [child], state="scored"),
        "old_local": make_project(old_local, club, [child, youth], state="accepted"),
        "old_talsi": make_project(old_garden, other, [other_child], state="submitted"),
        "old_draft": make_project(old_garden, club, [youth]),
    }
    world.riga_club = riga_club
    world.projects = projects
    return world


def figures(rows):
    return {row.label: (row.this_year.count, row.last_year.count) for row in rows}


def dashboard(client, user, **params):
    client.force_login(user)
    response = client.get(url("projects:dashboard"), params)
    assert response.status_code == 200
    return response


# The figures -----------------------------------------------------------------------------------


def test_a_coordinator_sees_the_year_against_the_targets(client, data):
    response = dashboard(client, data.coordinator)
    picture = response.context["picture"]
    assert (picture.year, picture.last_year) == (YEAR, LAST_YEAR)
    assert (picture.projects.this_year.count, picture.projects.last_year.count) == (8, 3)
    assert picture.projects.signed_change == "+5"
    assert (picture.projects_target, picture.projects_share) == (500, 2)
    assert (picture.local_initiatives.this_year.count, picture.local_initiatives_target) == (2, 20)
    assert picture.local_initiatives.last_year.count == 1
    assert (picture.participants.this_year.count, picture.participants.last_year.count) == (6, 3)
    assert (picture.drafts.this_year.count, picture.drafts.last_year.count) == (2, 1)
    content = response.content.decode()
    assert "of the target 500 (2%)" in content and "of the target 20 (10%)" in content
    assert "no-store" in response["Cache-Control"]


def test_the_figures_are_broken_down_by_kind_region_club_age_and_state(client, data):
    picture = dashboard(client, data.coordinator).context["picture"]
    assert figures(picture.by_kind) == {
        "Individual project": (5, 2),
        "Group project": (1, 0),
        "Local initiative": (2, 1),
        "Own theme": (0, 0),
    }
    assert figures(picture.by_region) == {
        "Riga": (1, 0),
        "Vidzeme": (4, 2),
        "Kurzeme": (2, 1),
        "Zemgale": (0, 0),
        "Latgale": (0, 0),
        "No region (online club)": (1, 0),
    }
    assert figures(picture.by_club) == {
        "Cēsu mazpulks": (4, 2),
        "Rīgas mazpulks": (1, 0),
        "Talsu mazpulks": (2, 1),
        data.online_club.name: (1, 0),
    }
    assert figures(picture.by_age_group) == {
        "5–9 years": (1, 1),
        "10–12 years": (3, 1),
        "13–17 years": (4, 1),
        "18–25 years": (0, 0),
    }
    assert figures(picture.by_state) == {
        "submitted": (1, 1),
        "returned for changes": (1, 0),
        "approved": (1, 0),
        "report in progress": (1, 0),
        "report submitted": (1, 0),
        "report returned for changes": (1, 0),
        "report accepted": (1, 1),
        "scored": (1, 1),
    }
    assert sum(count for count, _last in figures(picture.by_state).values()) == 8


def test_themes_are_named_in_the_visitors_language_beside_last_years_edition(client, data):
    picture = dashboard(client, data.coordinator).context["picture"]
    themes = figures(picture.by_theme)
    # Same Latvian title: the year before's edition of the theme.
    assert themes["Dārza projekts"] == (5, 2)
    assert themes["Kopā darām"] == (1, 0)
    assert themes["Good deeds in the parish"] == (2, 0)  # the demo theme's English title
    assert themes["Own theme"] == (0, 0)
    assert themes["Vietējā iniciatīva"] == (0, 1)  # not run this year
    assert sum(this for this, _last in themes.values()) == 8
    assert sum(last for _this, last in themes.values()) == 3
    latvian = client.get(url("projects:dashboard", language="lv")).context["picture"]
    assert figures(latvian.by_theme)["Labie darbi pagastā"] == (2, 0)
    assert figures(latvian.by_region)["Rīga"] == (1, 0)


def every_figure(picture):
    """(what, figure) of every project count of the picture (participants are people)."""
    rows = [picture.projects, picture.local_initiatives, picture.drafts]
    for breakdown in ("theme", "kind", "region", "club", "age_group", "state"):
        rows += getattr(picture, f"by_{breakdown}")
    for row in rows:
        for figure in (row.this_year, row.last_year):
            yield row.label, figure


def test_every_figure_links_to_a_list_of_exactly_its_projects(client, data):
    picture = dashboard(client, data.coordinator).context["picture"]
    checked = 0
    for label, figure in every_figure(picture):
        if figure.url is None:  # a theme that did not exist that year
            assert figure.count == 0
            continue
        response = client.get(figure.url)
        assert response.status_code == 200
        assert not response.context["filter_form"].errors, (label, figure.url)
        assert response.context["page_obj"].paginator.count == figure.count, (label, figure.url)
        checked += 1
    assert checked > 50
    # The participants' figure opens their projects.
    response = client.get(picture.participants.this_year.url)
    assert response.context["page_obj"].paginator.count == 8


def test_the_figures_link_from_the_page(client, data):
    response = dashboard(client, data.coordinator)
    picture = response.context["picture"]
    content = response.content.decode()
    by_club = {row.label: row for row in picture.by_club}
    link = by_club["Talsu mazpulks"].this_year.url
    assert link.startswith(url("projects:staff_list"))
    assert f'<a href="{link.replace("&", "&amp;")}">2</a>' in content


def test_another_year_is_shown_beside_the_one_before(client, data):
    picture = dashboard(client, data.coordinator, year=LAST_YEAR).context["picture"]
    assert (picture.year, picture.last_year) == (LAST_YEAR, LAST_YEAR - 1)
    assert (picture.projects.this_year.count, picture.projects.last_year.count) == (3, 0)
    assert picture.projects.signed_change == "+3"


def test_an_unknown_year_is_reported_and_this_year_shown(client, data):
    response = dashboard(client, data.coordinator, year="1999")
    assert response.context["filter_form"].errors
    assert response.context["picture"].year == YEAR


# Leaders -----------------------------------------------------------------------------------------


def test_a_leader_sees_his_clubs_figures_without_the_national_targets(client, data):
    response = dashboard(client, data.leader)
    picture = response.context["picture"]
    assert (picture.projects.this_year.count, picture.projects.last_year.count) == (4, 2)
    assert picture.projects_target is None and picture.local_initiatives_target is None
    assert figures(picture.by_club) == {"Cēsu mazpulks": (4, 2)}
    assert figures(picture.by_region)["Kurzeme"] == (0, 0)
    assert (picture.participants.this_year.count, picture.drafts.this_year.count) == (2, 1)
    content = response.content.decode()
    assert "of the target" not in content and "Talsu mazpulks" not in content
    for label, figure in every_figure(picture):
        if figure.url:
            listed = client.get(figure.url).context["page_obj"].paginator.count
            assert listed == figure.count, (label, figure.url)


def test_a_leader_cannot_reach_another_clubs_projects_through_filters(client, data):
    client.force_login(data.leader)
    response = client.get(url("projects:staff_list"), {"club": "202", "year": YEAR})
    assert "club" in response.context["filter_form"].errors
    assert {p.club_id for p in response.context["projects"]} == {data.club.pk}
    response = client.get(url("projects:staff_list"), {"region": "kurzeme", "year": YEAR})
    assert response.context["page_obj"].paginator.count == 0
    talsi_theme = data.projects["talsi"].theme_id
    response = client.get(url("projects:staff_list"), {"theme": talsi_theme, "q": "Ziedi"})
    assert response.context["page_obj"].paginator.count == 0
    response = client.get(url("projects:export_csv"), {"club": "202", "state": "counted"})
    titles = [row[8] for row in read_csv(response)[1:]]
    assert "Ziedi" not in titles and sorted(titles) == [
        "Burkāni",
        "Gurķi",
        "Mans projekts",
        "Soliņi",
    ]


# The list ----------------------------------------------------------------------------------------


def test_the_list_filters_and_links_each_project(client, data):
    client.force_login(data.coordinator)
    response = client.get(
        url("projects:staff_list"), {"kind": "individual", "state": "counted", "q": "bur"}
    )
    assert [p.title for p in response.context["projects"]] == ["Burkāni"]
    content = response.content.decode()
    assert url("projects:detail", data.projects["garden"].pk) in content
    assert "Anna Ozola" in content and "Vidzeme" in content and "Dārza projekts" in content
    # Without filters: this year's projects, drafts too.
    response = client.get(url("projects:staff_list"))
    assert response.context["page_obj"].paginator.count == 10
    response = client.get(url("projects:staff_list"), {"age_group": "none"})
    assert {p.title for p in response.context["projects"]} == {"Melnraksts", "Mans projekts"}


def test_a_theme_alone_picks_its_year(client, data):
    client.force_login(data.coordinator)
    old_garden = data.projects["old"].theme_id
    response = client.get(url("projects:staff_list"), {"theme": old_garden})
    assert response.context["year"] == LAST_YEAR
    assert response.context["page_obj"].paginator.count == 3
    # Chosen beside another year (the form's year was left as it was): the theme's year.
    response = client.get(url("projects:staff_list"), {"theme": old_garden, "year": YEAR})
    assert response.context["year"] == LAST_YEAR
    assert response.context["page_obj"].paginator.count == 3
    assert f'<option value="{LAST_YEAR}" selected>' in response.content.decode()


def test_the_list_is_paginated_by_fifty(client, data):
    theme = data.projects["garden"].theme
    for number in range(45):
        make_project(theme, data.club, [data.child], state="submitted", title=f"P{number:02}")
    client.force_login(data.coordinator)
    response = client.get(url("projects:staff_list"))
    assert response.context["page_obj"].paginator.count == 55
    assert len(response.context["projects"]) == 50
    response = client.get(url("projects:staff_list"), {"page": 2})
    assert len(response.context["projects"]) == 5


# Exports -----------------------------------------------------------------------------------------


def read_csv(response):
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.fixture
def written(data):
    """A scored project with answers, files and a title meant to become a formula."""
    project = data.projects["deeds"]
    project.title = '=HYPERLINK("http://evil.example","Soliņi")'
    project.goal = "+1 solis"
    project.answers = [
        {"question": {"key": "vieta", "kind": "short_text", "label": "Kur?"}, "value": "Parkā"},
        {
            "question": {"key": "garums", "kind": "number", "label": "Garums", "unit": "m"},
            "value": "2.5",
        },
        {"question": {"key": "skice", "kind": "photo", "label": "Skice"}, "value": None},
    ]
    project.report_done = "Uzbūvējām"
    project.report_answers = [
        {"question": {"key": "prieks", "kind": "long_text", "label": "Prieks"}, "value": "Liels"}
    ]
    project.score = "87.50"
    project.place = 1
    project.save()
    for stage, kind, key, name in (
        ("application", "photo", "skice", "skice.jpg"),
        ("report", "photo", "", "solins.jpg"),
        ("report", "photo", "", "solins2.jpg"),
        ("report", "pdf", "", "atskaite.pdf"),
    ):
        ProjectFile.objects.create(
            project=project,
            stage=stage,
            kind=kind,
            question_key=key,
            file=f"people/projects/{name}",
            original_name=name,
        )
    return project


def test_the_csv_has_a_row_per_project_with_its_application_and_report(client, written, data):
    client.force_login(data.coordinator)
    response = client.get(
        url("projects:export_csv"), {"state": "counted", "kind": "local-initiative"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"mazpulki-projekti-{YEAR}-" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    header, *rows = read_csv(response)
    assert header[:9] == [
        "Project number", "Theme", "Kind", "Club", "Region", "Year", "State", "Age group", "Title",
    ]  # fmt: skip
    assert len(rows) == 2
    row = dict(zip(header, next(r for r in rows if r[0] == str(written.pk)), strict=True))
    assert row["Title"] == '\'=HYPERLINK("http://evil.example","Soliņi")'  # not a formula
    assert row["Goal"] == "'+1 solis"
    assert row["Theme"] == "Good deeds in the parish"
    assert row["Kind"] == "Local initiative"
    assert row["Club"] == "Cēsu mazpulks" and row["Region"] == "Vidzeme"
    assert row["State"] == "scored" and row["Age group"] == "13–17 years"
    assert row["Team"] == "Anna Ozola, Jānis Ozols"
    assert row["Submitted"] == timezone.localdate().isoformat()
    assert row["State changed"] == timezone.localdate().isoformat()
    assert row["Application answers"] == "Kur?: Parkā\nGarums: 2.5 m\nSkice: skice.jpg"
    assert row["What was done"] == "Uzbūvējām"
    assert row["Report answers"] == "Prieks: Liels"
    assert (row["Photos"], row["Attachments (PDF)"]) == ("3", "1")
    assert (row["Score"], row["Place"]) == ("87.50", "1")


def test_the_xlsx_keeps_every_text_a_text(client, written, data):
    client.force_login(data.coordinator)
    response = client.get(url("projects:export_xlsx"), {"state": "counted"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Project number" and len(rows) == 1 + 8
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    title = cells[written.pk][8]
    assert title.value == '=HYPERLINK("http://evil.example","Soliņi")'
    assert title.data_type == "s"  # a string, never a formula
    assert cells[written.pk][9].data_type == "s"
    assert cells[written.pk][13].value.date() == timezone.localdate()  # a real date
    assert cells[written.pk][21].value == 87.5


# Query budgets ----------------------------------------------------------------------------------


def more_projects(data, count):
    """Projects over both years, every club, kind and state: the data grows."""
    themes = [data.projects[name].theme for name in ("garden", "group", "deeds", "old")]
    clubs = [data.club, data.other_club, data.online_club, data.riga_club]
    states = ["draft", "submitted", "approved", "accepted", "scored"]
    for number in range(count):
        theme = themes[number % len(themes)]
        club = clubs[number % len(clubs)]
        person = make_person(f"Bērns{number}", "Egle", years_ago(8 + number % 10))
        make_project(theme, club, [person], state=states[number % len(states)])


@pytest.mark.parametrize(
    ("name", "budget"),
    [
        ("projects:dashboard", 28),
        ("projects:staff_list", 24),
        ("projects:export_csv", 17),
        ("projects:export_xlsx", 17),
    ],
)
@pytest.mark.parametrize("role", ["coordinator", "leader"])
def test_the_pages_have_a_query_budget(
    client, data, name, budget, role, django_assert_max_num_queries
):
    client.force_login(getattr(data, role))
    address = url(name)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    count_queries()  # the first request fills the site-wide caches (menu, colours)
    few = count_queries()
    more_projects(data, 30)
    assert count_queries() == few
    with django_assert_max_num_queries(budget):
        client.get(address)
