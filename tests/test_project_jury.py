"""The project forum: jurors score accepted projects, coordinators seat them and publish."""

import html as html_module
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members_area.projects import demo_content as projects_demo
from members_area.projects import jury, services
from members_area.projects.models import Juror, Project, Score, ThemeResults
from tests.conftest import enrol_second_factor
from tests.members import make_member, make_person, make_user, years_ago
from tests.projects import make_project, make_theme

pytestmark = pytest.mark.django_db

State = Project.State


def plain(text, **values):
    """An interface message in Latvian (translated yet or not), as a service raises it."""
    with translation.override("lv"):
        return _(text) % values if values else _(text)


def lv(text, **values):
    """An interface message as Latvian visitors read it in HTML."""
    return html_module.escape(plain(text, **values))


def seat(theme, email, first_name="Jura", last_name="Vērtētāja"):
    """A juror of the theme, with the second factor every juror must have."""
    user = enrol_second_factor(make_user(email, first_name=first_name, last_name=last_name))
    Juror.objects.create(theme=theme, user=user)
    return user


def member(first_name, age, club, consent="none", last_name="Bērziņa"):
    person = make_person(first_name, last_name, years_ago(age), photo_consent=consent)
    make_member(person, club)
    return person


def points(theme, *values):
    """Points by criterion id, in the theme's order (tests' themes: Ideja 10, Darbs 20)."""
    ids = [criterion["id"] for criterion in jury.criteria_of(theme)]
    return dict(zip(ids, values, strict=True))


def accepted(theme, club, members, title, **fields):
    return make_project(theme, club, members, state=State.ACCEPTED, title=title, **fields)


@pytest.fixture
def theme(db):
    return make_theme("Mans dārzs")


@pytest.fixture
def juror(theme):
    return seat(theme, "juris@example.lv", "Juris", "Vērtētājs")


@pytest.fixture
def second_juror(theme):
    return seat(theme, "daina@example.lv", "Daina", "Vērtētāja")


@pytest.fixture
def project(world, theme):
    return accepted(theme, world.club, [world.child], "Bietes", created_by=world.parent)


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


# Criteria, scores and totals ----------------------------------------------------------------


def test_criteria_come_from_the_latvian_page_with_their_block_ids(theme):
    criteria = jury.criteria_of(theme)
    assert [(c["name"], c["max_points"]) for c in criteria] == [("Ideja", 10), ("Darbs", 20)]
    assert [c["id"] for c in criteria] == [child.id for child in theme.criteria]
    assert all(criteria_id for criteria_id in (c["id"] for c in criteria))


def test_the_total_is_the_mean_of_the_jurors_who_scored_every_criterion(
    world, theme, project, juror, second_juror
):
    assert jury.project_total(project) is None
    jury.record_scores(project, juror, points(theme, 8, 15))  # 23
    assert jury.project_total(project) == Decimal("23.00")
    jury.record_scores(project, second_juror, points(theme, 6, 14))  # 20
    assert jury.project_total(project) == Decimal("21.50")
    # A third juror who has scored only one criterion (the theme got a criterion later) is
    # not counted yet.
    third = seat(theme, "tresais@example.lv")
    Score.objects.create(
        project=project, juror=third, criterion=jury.criteria_of(theme)[0]["id"],
        criterion_name="Ideja", max_points=10, points=1,
    )  # fmt: skip
    assert jury.project_total(project) == Decimal("21.50")
    jury.record_scores(project, third, points(theme, 10, 11))  # 21: (23 + 20 + 21) / 3
    assert jury.project_total(project) == Decimal("21.33")
    # A juror taken off the theme no longer counts.
    Juror.objects.filter(user=third).delete()
    assert jury.project_total(project) == Decimal("21.50")


def test_means_are_rounded_to_cents_halves_up():
    assert jury.mean_total([2, 2, 2, 2, 2, 1, 1, 1]) == Decimal("1.63")  # 13 / 8 = 1.625
    assert jury.mean_total([]) is None


def test_scores_are_stored_with_the_criterions_name_and_maximum_and_replaced(theme, project, juror):
    jury.record_scores(project, juror, points(theme, 8, 15))
    jury.record_scores(project, juror, points(theme, 9, 20))
    stored = sorted(Score.objects.filter(project=project), key=lambda s: s.max_points)
    assert [(s.criterion_name, s.max_points, s.points) for s in stored] == [
        ("Ideja", 10, 9),
        ("Darbs", 20, 20),
    ]
    assert {s.criterion for s in stored} == set(points(theme, 0, 0))


def test_points_out_of_range_or_missing_are_refused_with_a_message(theme, project, juror):
    ideja, darbs = (criterion["id"] for criterion in jury.criteria_of(theme))
    with pytest.raises(ValidationError) as refused:
        jury.record_scores(project, juror, {ideja: 11, darbs: -1})
    assert set(refused.value.message_dict) == {ideja, darbs}
    assert refused.value.message_dict[ideja] == [
        plain("“%(name)s” is scored with 0 to %(max)s whole points.", name="Ideja", max=10)
    ]
    with pytest.raises(ValidationError) as refused:
        jury.record_scores(project, juror, {ideja: 5})
    assert refused.value.message_dict == {
        darbs: [
            plain(
                "Score every criterion: “%(name)s” has no points yet (0 to %(max)s).",
                name="Darbs",
                max=20,
            )
        ]
    }
    assert not Score.objects.exists()


def test_only_jurors_of_the_theme_score_and_only_accepted_projects(world, theme, project, juror):
    other_theme = make_theme("Cits temats")
    other_juror = seat(other_theme, "cits@example.lv")
    for outsider in (other_juror, world.coordinator, world.leader, world.parent):
        with pytest.raises(PermissionDenied):
            jury.record_scores(project, outsider, points(theme, 5, 5))
    waiting = make_project(theme, world.club, [world.youth], state=State.REPORT_SUBMITTED)
    with pytest.raises(ValidationError) as refused:
        jury.record_scores(waiting, juror, points(theme, 5, 5))
    assert refused.value.messages == [
        plain("Only a project whose report has been accepted can be scored.")
    ]
    assert not Score.objects.exists()


# The ranking ----------------------------------------------------------------------------------


@pytest.fixture
def forum(world, theme, juror, second_juror):
    """A known data set: four teens' projects (two tied), one preteen's, one unscored.

    Totals (mean of two jurors): Āboli 25, Bietes 25, Ceriņi 20, Dālijas none;
    preteens: Egles 18.
    """
    teens = [member(name, 15, world.club) for name in ("Zane", "Rūta", "Pēteris", "Ieva")]
    data = [
        ("Bietes", teens[0], (10, 15), (10, 15)),
        ("Āboli", teens[1], (10, 16), (9, 15)),
        ("Ceriņi", teens[2], (5, 15), (5, 15)),
        ("Dālijas", teens[3], None, None),
        ("Egles", world.child, (8, 10), (8, 10)),
    ]
    projects = {}
    for title, person, first, second in data:
        project = accepted(theme, world.club, [person], title, created_by=world.parent)
        if first:
            jury.record_scores(project, juror, points(theme, *first))
            jury.record_scores(project, second_juror, points(theme, *second))
        projects[title] = project
    return projects


def test_ranking_per_age_group_with_shared_places_and_unscored_last(theme, forum):
    groups = jury.ranking(theme)
    assert [group.age_group for group in groups] == ["10-12", "13-17"]
    table = {
        group.age_group: [(e.project.title, e.total, e.place) for e in group.entries]
        for group in groups
    }
    assert table == {
        "10-12": [("Egles", Decimal("18.00"), 1)],
        "13-17": [
            ("Āboli", Decimal("25.00"), 1),
            ("Bietes", Decimal("25.00"), 1),
            ("Ceriņi", Decimal("20.00"), 3),
            ("Dālijas", None, None),
        ],
    }
    teens = groups[1].entries
    assert [e.jurors_complete for e in teens] == [2, 2, 2, 0]


def test_ranking_takes_a_fixed_number_of_queries(
    world, theme, forum, juror, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6) as few:
        jury.ranking(theme)
    count = len(few)
    for number in range(5):
        project = accepted(theme, world.club, [world.youth], f"Vēl {number}")
        jury.record_scores(project, juror, points(theme, 3, 3))
    with django_assert_max_num_queries(count):
        groups = jury.ranking(theme)
    assert sum(len(group.entries) for group in groups) == 10


# Publishing -----------------------------------------------------------------------------------


def test_publishing_is_refused_while_a_project_is_unscored_naming_it(world, theme, forum):
    with pytest.raises(ValidationError) as refused:
        jury.publish_results(theme, world.coordinator)
    assert "“Dālijas” (Cēsu mazpulks)" in refused.value.messages[0]
    assert "Bietes" not in refused.value.messages[0]
    assert not ThemeResults.objects.exists()
    assert set(Project.objects.values_list("state", flat=True)) == {State.ACCEPTED}
    assert not Project.objects.filter(place__isnull=False).exists()


def test_only_coordinators_publish(world, theme, project, juror):
    jury.record_scores(project, juror, points(theme, 5, 5))
    for someone in (juror, world.leader, world.parent):
        with pytest.raises(PermissionDenied):
            jury.publish_results(theme, someone)
    assert not ThemeResults.objects.exists()


def test_publishing_stores_places_scores_the_projects_and_emails_the_families(
    client, world, theme, forum, juror, second_juror, django_capture_on_commit_callbacks
):
    jury.record_scores(forum["Dālijas"], juror, points(theme, 1, 1))  # 2: one juror suffices
    client.force_login(world.coordinator)
    url = reverse("projects:results", args=[theme.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "publish"}, follow=True)
    body = html_of(response)
    assert lv("The results are published; the families have been e-mailed.") in body
    stored = {p.title: (p.state, p.score, p.place) for p in Project.objects.all()}
    assert stored == {
        "Āboli": (State.SCORED, Decimal("25.00"), 1),
        "Bietes": (State.SCORED, Decimal("25.00"), 1),
        "Ceriņi": (State.SCORED, Decimal("20.00"), 3),
        "Dālijas": (State.SCORED, Decimal("2.00"), 4),
        "Egles": (State.SCORED, Decimal("18.00"), 1),
    }
    results = ThemeResults.objects.get(theme=theme)
    assert results.published_by == world.coordinator
    assert all(p.changes.get().by == world.coordinator for p in Project.objects.all())
    assert len(mail.outbox) == 5
    assert all(world.parent.email in message.to for message in mail.outbox)
    assert {message.subject.split(": ", 1)[1] for message in mail.outbox} == set(forum)

    # Once only, and the scores are locked.
    with pytest.raises(ValidationError) as refused:
        jury.publish_results(theme, world.coordinator)
    assert refused.value.messages == [plain("The results of this theme are already published.")]
    with pytest.raises(ValidationError) as refused:
        jury.record_scores(forum["Ceriņi"], juror, points(theme, 10, 20))
    assert refused.value.messages == [
        plain("The results of this theme are published: scores can no longer be changed.")
    ]
    client.force_login(juror)
    score_url = reverse("projects:score", args=[forum["Ceriņi"].pk])
    body = html_of(client.get(score_url))
    locked = lv("The results of this theme are published: scores can no longer be changed.")
    assert locked in body and 'name="criterion-' not in body
    response = client.post(score_url, {f"criterion-{k}": 1 for k in points(theme, 0, 0)})
    assert locked in html_of(response)
    assert Project.objects.get(title="Ceriņi").score == Decimal("20.00")


# Scoring in the browser -----------------------------------------------------------------------


def test_a_juror_sees_the_accepted_reports_of_his_themes_with_his_progress(
    client, world, theme, project, juror
):
    make_project(theme, world.club, [world.youth], state=State.REPORT_SUBMITTED, title="Gaida")
    other_theme = make_theme("Cits temats")
    accepted(other_theme, world.club, [world.youth], "Svešs")
    jury.record_scores(project, juror, points(theme, 5, 5))
    client.force_login(juror)
    body = html_of(client.get(reverse("projects:jury")))
    assert reverse("projects:score", args=[project.pk]) in body
    assert "Bietes" in body and "Gaida" not in body and "Svešs" not in body
    assert lv("Scored") in body
    assert f'href="{reverse("projects:jury")}"' in body  # the menu's "Project forum"


def test_a_juror_scores_a_project_on_its_page(client, world, theme, project, juror):
    ideja, darbs = (criterion["id"] for criterion in jury.criteria_of(theme))
    project.report_done = "Izaudzējām bietes."
    project.save()
    client.force_login(juror)
    url = reverse("projects:score", args=[project.pk])
    body = html_of(client.get(url))
    assert "Izaudzējām bietes." in body
    assert f'name="criterion-{ideja}"' in body and 'max="20"' in body
    assert "Ozola" not in body  # the team by first name only

    response = client.post(url, {f"criterion-{ideja}": "11", f"criterion-{darbs}": ""})
    body = html_of(response)
    assert lv("“%(name)s” is scored with 0 to %(max)s whole points.", name="Ideja", max=10) in body
    assert (
        lv(
            "Score every criterion: “%(name)s” has no points yet (0 to %(max)s).",
            name="Darbs",
            max=20,
        )
        in body
    )
    assert not Score.objects.exists()

    response = client.post(
        url, {f"criterion-{ideja}": "7", f"criterion-{darbs}": "18"}, follow=True
    )
    body = html_of(response)
    assert lv("Your scores for “%(title)s” are saved.", title="Bietes") in body
    assert jury.project_total(project) == Decimal("25.00")
    body = html_of(client.get(url))
    assert 'value="7"' in body and 'value="18"' in body


def test_only_a_juror_of_the_theme_opens_a_projects_scoring_page(
    client, world, theme, project, juror
):
    url = reverse("projects:score", args=[project.pk])
    other_juror = seat(make_theme("Cits temats"), "cits@example.lv")
    client.force_login(other_juror)
    assert client.get(url).status_code == 404
    for someone in (world.parent, world.leader, world.coordinator):
        client.force_login(someone)
        assert client.get(url).status_code == 403
    waiting = make_project(theme, world.club, [world.youth], state=State.REPORT_SUBMITTED)
    client.force_login(juror)
    assert client.get(reverse("projects:score", args=[waiting.pk])).status_code == 404
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # anonymous, other family, leader, coordinator, juror of the theme
        ("projects:jury", ("login", 403, 403, 200, 200)),
        ("projects:score", ("login", 403, 403, 403, 200)),
        ("projects:results", ("login", 403, 403, 200, 403)),
    ],
)
def test_who_opens_each_forum_page(client, world, theme, project, juror, name, expected):
    args = {"projects:score": [project.pk], "projects:results": [theme.pk]}.get(name, [])
    url = reverse(name, args=args)
    roles = (None, world.other_parent, world.leader, world.coordinator, juror)
    for user, wanted in zip(roles, expected, strict=True):
        client.logout()
        if user:
            client.force_login(user)
        response = client.get(url)
        if wanted == "login":
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("account_login"))
        else:
            assert response.status_code == wanted, (name, user)


def test_a_juror_without_a_second_factor_is_asked_to_turn_it_on(client, theme, project):
    user = make_user("bez.mfa@example.lv")
    Juror.objects.create(theme=theme, user=user)
    client.force_login(user)
    for url in (reverse("projects:jury"), reverse("projects:score", args=[project.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")


def test_the_menu_shows_the_forum_to_coordinators_and_jurors_only(client, world, juror):
    link = f'href="{reverse("projects:jury")}"'
    for user, shown in ((juror, True), (world.coordinator, True), (world.parent, False)):
        client.force_login(user)
        assert (link in html_of(client.get(reverse("members:my_data")))) is shown


# Coordinators: jurors and results -------------------------------------------------------------


def test_coordinators_seat_and_remove_jurors_by_email(client, world, theme):
    client.force_login(world.coordinator)
    url = reverse("projects:results", args=[theme.pk])
    body = html_of(client.post(url, {"action": "assign", "email": "nav.tada@example.lv"}))
    assert (
        lv(
            "No active login uses the e-mail address %(email)s. The juror first creates an account "
            "on the site, then you can add him.",
            email="nav.tada@example.lv",
        )
        in body
    )
    gone = make_user("aizgajis@example.lv", is_active=False)
    html_of(client.post(url, {"action": "assign", "email": gone.email}))
    assert not Juror.objects.exists()

    response = client.post(url, {"action": "assign", "email": "  VADITAJA@example.lv "})
    assert response.status_code == 302
    seated = Juror.objects.get()
    assert (seated.user, seated.theme, seated.assigned_by) == (
        world.leader,
        theme,
        world.coordinator,
    )
    body = html_of(client.post(url, {"action": "assign", "email": world.leader.email}))
    assert lv("%(email)s is already a juror of this theme.", email=world.leader.email) in body

    body = html_of(client.get(url))
    assert world.leader.email in body
    response = client.post(url, {"action": "remove", "juror": seated.pk}, follow=True)
    assert lv("The juror is removed from this theme.") in html_of(response)
    assert not Juror.objects.exists()


def test_only_coordinators_seat_jurors(world, theme, juror):
    for someone in (juror, world.leader):
        with pytest.raises(PermissionDenied):
            jury.assign_juror(theme, world.parent.email, by=someone)
        with pytest.raises(PermissionDenied):
            jury.remove_juror(theme, Juror.objects.get().pk, by=someone)


def test_the_results_page_shows_the_ranking_and_each_jurors_progress(
    client, world, theme, forum, juror
):
    client.force_login(world.coordinator)
    body = html_of(client.get(reverse("projects:results", args=[theme.pk])))
    assert body.index("Āboli") < body.index("Ceriņi") < body.index("Dālijas")
    assert "25.00" in body or "25,00" in body
    assert lv("scored %(done)s of %(total)s", done=4, total=5) in body
    with translation.override("lv"):
        not_yet = ngettext("%(scored)s of %(of)s criterion", "%(scored)s of %(of)s criteria", 2) % {
            "scored": 0,
            "of": 2,
        }
    assert not_yet == "0 no 2 kritērijiem" and not_yet in body  # Dālijas
    body = html_of(
        client.post(
            reverse("projects:results", args=[theme.pk]), {"action": "publish"}, follow=True
        )
    )
    assert "Dālijas" in body and "Ozola" not in body


def test_the_coordinators_overview_lists_the_years_themes_with_jurors(client, world, theme, juror):
    client.force_login(world.coordinator)
    body = html_of(client.get(reverse("projects:jury")))
    assert reverse("projects:results", args=[theme.pk]) in body
    assert "Mans dārzs" in body and "Juris Vērtētājs" in body


# The public page ------------------------------------------------------------------------------


def results_section(html):
    found = re.search(r'<section class="project-results".*?</section>', html, re.S)
    return found.group(0) if found else ""


@pytest.fixture
def demo_theme(pages):
    return pages[f"mans-biznesa-sakums-{projects_demo.YEAR}"]


def scored_and_published(world, theme, juror, projects_points):
    for project, values in projects_points:
        jury.record_scores(project, juror, values)
    jury.publish_results(theme, world.coordinator)


def test_the_theme_page_names_only_publicly_consenting_members_after_publishing(
    client, world, pages, demo_theme
):
    juror = seat(demo_theme, "juris@example.lv")
    maxima = [criterion["max_points"] for criterion in jury.criteria_of(demo_theme)]
    world.child.photo_consent = "public"
    world.child.save()
    zane = member("Zane", 11, world.other_club, consent="internal", last_name="Liepa")
    marta = member("Marta", 12, world.other_club, consent="public", last_name="Egle")
    first = accepted(demo_theme, world.club, [world.child], "Anna bizness")
    hidden = accepted(demo_theme, world.other_club, [zane], "Zanes bizness")
    group = accepted(demo_theme, world.other_club, [zane, marta], "Kopā")
    html = html_of(client.get(demo_theme.url))
    assert results_section(html) == ""
    for project, share in ((first, 1), (hidden, 0.5), (group, 0.75)):
        jury.record_scores(project, juror, points(demo_theme, *[int(m * share) for m in maxima]))
    html = html_of(client.get(demo_theme.url))
    assert results_section(html) == ""  # scored, but not published

    jury.publish_results(demo_theme, world.coordinator)
    section = results_section(html_of(client.get(demo_theme.url)))
    assert "<td>1</td><td>Anna</td><td>Cēsu mazpulks</td>" in section
    assert "<td>2</td><td>Marta</td><td>Talsu mazpulks</td>" in section
    assert "Zane" not in section and "<td>3</td>" not in section
    for private in ("Ozola", "Egle", "Liepa", "bizness", "Kopā", str(group.score)):
        assert private not in section
    english = pages[f"en:mans-biznesa-sakums-{projects_demo.YEAR}"]
    section = results_section(html_of(client.get(english.url)))
    assert "Results" in section and "<td>2</td><td>Marta</td><td>Talsu mazpulks</td>" in section
    assert "10–12 years" in section


# Query budgets --------------------------------------------------------------------------------


def test_the_theme_page_with_ten_published_results_keeps_its_query_budget(
    client, world, demo_theme, django_assert_max_num_queries
):
    juror = seat(demo_theme, "juris@example.lv")
    criteria = jury.criteria_of(demo_theme)
    for number in range(10):
        person = member(f"Bērns{number}", 11 + number % 5, world.club, consent="public")
        project = accepted(demo_theme, world.club, [person], f"Projekts {number}")
        jury.record_scores(
            project, juror, {c["id"]: min(number, c["max_points"]) for c in criteria}
        )
    jury.publish_results(demo_theme, world.coordinator)
    client.get(demo_theme.url)
    with django_assert_max_num_queries(20):
        html = html_of(client.get(demo_theme.url))
    assert results_section(html).count("<tr>") == 10 + 2  # two age groups' header rows


def page_queries(client, user, url, assert_max):
    """How many queries a page takes (at most 28, 4 of them the record-access log of a
    project's page), read once its caches are warm."""
    client.force_login(user)
    html_of(client.get(url))
    with assert_max(28) as queries:
        html_of(client.get(url))
    return len(queries)


def test_forum_pages_query_budgets_do_not_grow_with_projects(
    client, world, theme, forum, juror, second_juror, django_assert_max_num_queries
):
    pages = [
        (juror, reverse("projects:jury")),
        (juror, reverse("projects:score", args=[forum["Bietes"].pk])),
        (world.coordinator, reverse("projects:results", args=[theme.pk])),
        (world.coordinator, reverse("projects:jury")),
    ]
    before = [page_queries(client, user, url, django_assert_max_num_queries) for user, url in pages]
    for number in range(5):
        project = accepted(theme, world.club, [world.youth], f"Vēl {number}")
        jury.record_scores(project, juror, points(theme, 3, 3))
        jury.record_scores(project, second_juror, points(theme, 4, 4))
        make_theme(f"Vēl viens temats {number}")
    after = [page_queries(client, user, url, django_assert_max_num_queries) for user, url in pages]
    assert after == before


def test_publishing_waits_for_reports_still_waiting_and_no_report_is_accepted_after(
    world, theme, project, juror
):
    jury.record_scores(project, juror, points(theme, 5, 5))
    waiting = make_project(
        theme, world.club, [world.youth], state=State.REPORT_SUBMITTED, title="Ceriņi",
        report_done="Izaudzēju", report_learnt="Laistīt",
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        jury.publish_results(theme, world.coordinator)
    assert refused.value.code == "waiting" and "Ceriņi" in refused.value.messages[0]
    assert not ThemeResults.objects.exists()

    services.decide_report(waiting, by=world.leader, accept=False, comment="Pievieno foto")
    jury.publish_results(theme, world.coordinator)
    services.submit_report(waiting, by=world.parent)
    with pytest.raises(ValidationError) as refused:
        services.decide_report(waiting, by=world.leader, accept=True)
    assert refused.value.code == "published"


def test_a_criterions_new_maximum_asks_the_jurors_to_score_it_again(world, theme, project, juror):
    jury.record_scores(project, juror, points(theme, 10, 20))
    assert jury.project_total(project) == Decimal("30.00")
    raw = [dict(block) for block in theme.criteria.raw_data]
    raw[0]["value"] = {**raw[0]["value"], "max_points": 5}  # Ideja: 10 → 5
    theme.criteria = raw
    theme.save_revision().publish()
    project.refresh_from_db()
    assert jury.project_total(project) is None  # 10 of 5 no longer counts
    jury.record_scores(project, juror, points(theme, 5, 20))
    assert jury.project_total(project) == Decimal("25.00")
