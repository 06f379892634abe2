"""Applications and reports: writing, submitting, deciding, files, deadlines and e-mails."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image
from wagtail.models import Locale

from members_area.projects import services
from members_area.projects.models import Project, ProjectFile, ProjectThemePage
from tests.members import add_guardian, make_leader, make_member, make_person, make_user, years_ago
from tests.projects import make_project, make_theme, question, real_pdf
from tests.test_images import assert_no_metadata, photo_with_gps

pytestmark = pytest.mark.django_db

State = Project.State


@pytest.fixture
def theme(db):
    return make_theme(
        "Mans dārzs",
        application_questions=[
            question("garden-size", "number", label="Dārza platība", unit="m²"),
            question(
                "vegetable", "choice", label="Galvenais dārzenis", options=["Biete", "Burkāns"]
            ),
            question("neighbours", "short_text", label="Kaimiņi", required=False),
        ],
        report_questions=[question("harvest", "number", label="Raža", unit="kg")],
    )


def started(world, theme, by=None):
    return services.start_project(
        user=by or world.parent, theme=theme, club=world.club, person=world.child
    )


def fill(project, by, **answers):
    values = {"garden-size": "12", "vegetable": "Biete", **answers}
    return services.save_application(
        project,
        by=by,
        fields={"title": "Bietes", "goal": "Izaudzēt bietes", "plan": "Sēt", "timeline": "Maijs"},
        answers=services.build_answers(project.theme.questions("application"), values, []),
    )


# The application form filled in completely for the fixture's theme.
COMPLETE = {
    "title": "Bietes",
    "goal": "Izaudzēt bietes",
    "plan": "Sēt",
    "timeline": "Maijs",
    "answer_garden-size": "12",
    "answer_vegetable": "Biete",
}


def submitted(world, theme):
    project = fill(started(world, theme), world.parent)
    return services.submit_application(project, by=world.parent)


def lv(text):
    with translation.override("lv"):
        return str(text)


# Writing and submitting --------------------------------------------------------------------


def test_a_guardian_starts_and_saves_an_incomplete_draft_in_the_browser_form(client, world, theme):
    client.force_login(world.parent)
    response = client.post(
        reverse("projects:new"), {"theme": theme.pk, "start": f"{world.child.pk}-{world.club.pk}"}
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:edit", args=[project.pk])
    assert list(project.members.all()) == [world.child]
    assert project.state == State.DRAFT and project.created_by == world.parent

    response = client.post(
        reverse("projects:edit", args=[project.pk]), {"title": "Bietes", "action": "save"}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Bietes" and project.state == State.DRAFT
    assert mail.outbox == []


def test_submission_names_every_missing_field_and_required_question(client, world, theme):
    project = started(world, theme)
    client.force_login(world.parent)
    with translation.override("lv"):
        response = client.post(
            reverse("projects:edit", args=[project.pk]),
            {"title": "Bietes", "answer_vegetable": "Biete", "action": "submit"},
        )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dārza platība" in body  # the question's own words
    assert lv(services.application_problems(project)["answer_garden-size"]) in body
    assert "Kaimiņi" in body  # the optional question is a field, but never an error
    assert "answer_neighbours" not in services.application_problems(project)
    project.refresh_from_db()
    assert project.state == State.DRAFT
    assert project.title == "Bietes"  # what was typed is kept


def test_a_wrong_answer_type_is_explained_and_nothing_is_lost(client, world, theme):
    project = started(world, theme)
    client.force_login(world.parent)
    response = client.post(
        reverse("projects:edit", args=[project.pk]),
        {"title": "Bietes", "answer_garden-size": "daudz", "action": "save"},
    )
    assert response.status_code == 200
    assert 'value="daudz"' in response.content.decode()


def test_a_complete_application_is_submitted_and_the_leader_and_family_are_emailed(
    client, world, theme, django_capture_on_commit_callbacks
):
    project = fill(started(world, theme), world.parent)
    client.force_login(world.parent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("projects:edit", args=[project.pk]),
            {**COMPLETE, "answer_garden-size": "12.5", "action": "submit"},
        )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.state == State.SUBMITTED
    assert project.age_group == "10-12"
    change = project.changes.get()
    assert (change.from_state, change.to_state, change.by) == (
        State.DRAFT,
        State.SUBMITTED,
        world.parent,
    )
    recipients = {address for message in mail.outbox for address in message.to}
    assert world.parent.email in recipients  # the child's guardian
    assert world.leader.email in recipients  # the club's leader, asked to decide
    assert any(str(project.pk) in message.body for message in mail.outbox)
    answers = {answer["question"]["key"]: answer["value"] for answer in project.answers}
    assert answers["garden-size"] == "12.5"


def test_an_individual_project_has_one_author_and_a_group_needs_two(world):
    group_theme = make_theme("Kopā", kind="group")
    project = services.start_project(user=world.leader, theme=group_theme, club=world.club)
    fill(project, world.leader)
    with pytest.raises(ValidationError) as refused:
        services.submit_application(project, by=world.leader)
    assert "members" in refused.value.error_dict
    services.save_application(
        project, by=world.leader, fields={}, members=[world.child, world.youth, world.other_child]
    )
    # Only this year's members of the club can be on the team.
    assert set(project.members.all()) == {world.child, world.youth}
    services.submit_application(project, by=world.leader)
    assert project.state == State.SUBMITTED
    assert project.age_group == "13-17"  # the oldest member's group


def test_a_theme_for_other_ages_refuses_the_child_by_name(world):
    theme = make_theme("Jauniešiem", age_groups=["13-17"])
    project = fill(started(world, theme), world.parent)
    with pytest.raises(ValidationError) as refused:
        services.submit_application(project, by=world.parent)
    assert "Anna Ozola" in str(refused.value.error_dict["members"])


def test_applications_cannot_start_or_be_first_submitted_when_the_theme_is_closed(world):
    closed = make_theme("Slēgts", opens_in=-60, closes_in=-1)
    with pytest.raises(ValidationError):
        started(world, closed)
    theme = make_theme("Vēl atvērts", closes_in=0)
    project = fill(started(world, theme), world.parent)
    theme.application_closes = timezone.localdate() - datetime.timedelta(days=1)
    theme.save_revision().publish()
    project.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.submit_application(project, by=world.parent)
    assert refused.value.code == "closed"


def test_only_family_and_club_leader_may_start_for_a_member(world, theme):
    for outsider in (world.other_parent, world.other_leader, world.coordinator):
        with pytest.raises(PermissionDenied):
            started(world, theme, by=outsider)


# Deciding -------------------------------------------------------------------------------


def test_each_transition_only_for_the_right_role(world, theme):
    project = submitted(world, theme)
    for outsider in (world.parent, world.other_parent, world.other_leader):
        with pytest.raises(PermissionDenied):
            services.decide_application(project, by=outsider, approve=True)
    services.decide_application(project, by=world.leader, approve=True)
    project.refresh_from_db()
    assert project.state == State.APPROVED
    # Deciding twice is refused, not recorded twice.
    with pytest.raises(ValidationError):
        services.decide_application(project, by=world.coordinator, approve=True)

    for outsider in (world.other_parent, world.other_leader, world.coordinator):
        with pytest.raises(PermissionDenied):
            services.save_report(project, by=outsider, fields={"report_done": "x"})
    services.save_report(
        project,
        by=world.parent,
        fields={"report_done": "Izaudzēju", "report_learnt": "Laistīt"},
        answers=services.build_answers(project.theme.questions("report"), {"harvest": "7"}, []),
    )
    assert project.state == State.REPORT_DRAFT
    with pytest.raises(PermissionDenied):
        services.submit_report(project, by=world.other_parent)
    services.submit_report(project, by=world.parent)
    for outsider in (world.parent, world.other_leader):
        with pytest.raises(PermissionDenied):
            services.decide_report(project, by=outsider, accept=True)
    # Coordinators may act on any project.
    services.decide_report(project, by=world.coordinator, accept=True)
    project.refresh_from_db()
    assert project.state == State.ACCEPTED
    assert [change.to_state for change in project.changes.all()] == [
        State.SUBMITTED,
        State.APPROVED,
        State.REPORT_DRAFT,
        State.REPORT_SUBMITTED,
        State.ACCEPTED,
    ]
    assert [change.by for change in project.changes.all()][-1] == world.coordinator


def test_a_returned_application_is_edited_and_resubmitted(
    client, world, theme, django_capture_on_commit_callbacks
):
    project = submitted(world, theme)
    client.force_login(world.leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("projects:decide", args=[project.pk]), {"action": "return"})
    project.refresh_from_db()
    assert project.state == State.SUBMITTED  # a return needs a comment
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("projects:decide", args=[project.pk]),
            {"action": "return", "comment": "Lūdzu, precizē laika plānu."},
        )
    project.refresh_from_db()
    assert project.state == State.RETURNED
    assert "Lūdzu, precizē laika plānu." in mail.outbox[-1].body
    assert world.parent.email in mail.outbox[-1].to

    client.force_login(world.parent)
    page = client.get(reverse("projects:edit", args=[project.pk])).content.decode()
    assert "Lūdzu, precizē laika plānu." in page
    response = client.post(
        reverse("projects:edit", args=[project.pk]),
        {**COMPLETE, "timeline": "Maijs: sēja; augusts: raža", "action": "submit"},
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.state == State.SUBMITTED
    assert project.timeline.startswith("Maijs: sēja")
    # A submitted application is closed to changes.
    response = client.post(
        reverse("projects:edit", args=[project.pk]), {"title": "Cits", "action": "save"}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Bietes"


def test_changing_the_themes_questions_keeps_old_answers_readable(client, world, theme):
    project = submitted(world, theme)
    theme.application_questions = [
        ("long_text", {"key": "why", "label": "Kāpēc?", "help_text": "", "required": True})
    ]
    theme.save_revision().publish()
    client.force_login(world.parent)
    body = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert re.search(r"<dt>Dārza platība</dt>\s*<dd>12 m²</dd>", body)
    assert re.search(r"<dt>Galvenais dārzenis</dt>\s*<dd>Biete</dd>", body)
    assert "Kāpēc?" not in body  # a question asked later was not answered

    # Returned for changes, the new question is asked and the old answers are still kept.
    services.decide_application(project, by=world.leader, approve=False, comment="Papildini")
    client.post(
        reverse("projects:edit", args=[project.pk]),
        {
            "title": "Bietes",
            "goal": "g",
            "plan": "p",
            "timeline": "t",
            "answer_why": "Garšīgas",
            "action": "save",
        },
    )
    project.refresh_from_db()
    kept = {answer["question"]["key"]: answer for answer in project.answers}
    assert kept["why"]["value"] == "Garšīgas"
    assert kept["vegetable"]["value"] == "Biete" and kept["vegetable"]["retired"]


# Files -----------------------------------------------------------------------------------


def approved(world, theme):
    project = submitted(world, theme)
    return services.decide_application(project, by=world.leader, approve=True)


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_image(project_file):
    with project_file.file.open("rb") as stored:
        return Image.open(io.BytesIO(stored.read()))


def test_report_photos_lose_gps_heic_is_accepted_and_big_photos_shrink(client, world, theme):
    project = approved(world, theme)
    client.force_login(world.parent)
    response = client.post(
        reverse("projects:report", args=[project.pk]),
        {
            "report_done": "Izaudzēju",
            "photos": [
                upload("dobe.jpg", photo_with_gps("JPEG", size=(3000, 2000)), "image/jpeg"),
                upload("IMG_0001.HEIC", photo_with_gps("HEIF"), "image/heic"),
            ],
            "action": "save",
        },
    )
    assert response.status_code == 302
    photos = list(project.files.filter(kind=ProjectFile.Kind.PHOTO).order_by("pk"))
    assert len(photos) == 2
    big, heic = (stored_image(photo) for photo in photos)
    assert_no_metadata(big)
    assert_no_metadata(heic)
    assert big.size == (2560, 1707)
    assert heic.format == "JPEG"
    assert photos[0].file.name.startswith("people/projects/")
    # The family sees them through the site, named as stored.
    response = client.get(reverse("projects:file", args=[project.pk, photos[1].pk]))
    assert response.status_code == 200
    assert "IMG_0001.jpg" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_a_file_pretending_to_be_a_pdf_or_a_photo_is_refused(client, world, theme):
    project = approved(world, theme)
    client.force_login(world.parent)
    with translation.override("lv"):
        response = client.post(
            reverse("projects:report", args=[project.pk]),
            {
                "report_done": "Izaudzēju",
                "attachments": [
                    upload("budzets.pdf", b"<html>not a pdf</html>", "application/pdf")
                ],
                "photos": [upload("bilde.jpg", b"%PDF-1.4 not a photo", "image/jpeg")],
                "action": "save",
            },
        )
    assert response.status_code == 200
    body = response.content.decode()
    assert "budzets.pdf" in body and "bilde.jpg" in body
    assert not project.files.exists()
    project.refresh_from_db()
    assert project.report_done == "Izaudzēju"  # the text is kept

    # Text that only mentions the signature, and a PDF cut short, are refused too.
    for data in (b"Hello %PDF-1.4 %%EOF", real_pdf()[:-200]):
        with pytest.raises(ValidationError) as refused:
            services.add_pdf(project, upload("budzets.pdf", data), by=world.parent, stage="report")
        assert refused.value.code == "not_pdf"
    services.add_pdf(project, upload("budzets.pdf", real_pdf()), by=world.parent, stage="report")
    assert project.files.get().kind == ProjectFile.Kind.PDF


def test_only_photo_formats_phones_take_are_accepted(world, theme):
    project = approved(world, theme)
    gif = io.BytesIO()
    Image.new("RGB", (10, 10), "red").save(gif, "GIF")
    with pytest.raises(ValidationError) as refused:
        services.add_photo(
            project, upload("a.gif", gif.getvalue()), by=world.parent, stage="report"
        )
    assert refused.value.code == "invalid_image_format"


def test_at_most_ten_report_photos(world, theme):
    project = approved(world, theme)
    for number in range(services.MAX_REPORT_PHOTOS):
        services.add_photo(
            project, upload(f"{number}.png", photo_with_gps("PNG")), by=world.parent, stage="report"
        )
    with pytest.raises(ValidationError, match="10"):
        services.add_photo(
            project, upload("11.png", photo_with_gps("PNG")), by=world.parent, stage="report"
        )


def test_a_required_photo_question_is_answered_by_uploading_one(client, world):
    theme = make_theme(
        "Ar foto", application_questions=[question("site", "photo", label="Dobes foto")]
    )
    project = fill(started(world, theme), world.parent)
    assert "answer_site" in services.application_problems(project)
    client.force_login(world.parent)
    response = client.post(
        reverse("projects:edit", args=[project.pk]),
        {
            "title": "Bietes",
            "goal": "g",
            "plan": "p",
            "timeline": "t",
            "answer_site": upload("dobe.jpg", photo_with_gps(), "image/jpeg"),
            "action": "submit",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.state == State.SUBMITTED
    assert project.files.get().question_key == "site"


def test_others_cannot_open_a_projects_files(client, world, theme):
    project = approved(world, theme)
    photo = services.add_photo(
        project, upload("a.png", photo_with_gps("PNG")), by=world.parent, stage="report"
    )
    url = reverse("projects:file", args=[project.pk, photo.pk])
    for outsider in (world.other_parent, world.other_leader):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    # Nor under the media address (the web server refuses people/).
    assert client.get("/media/" + photo.file.name).status_code == 404


# Reports and deadlines --------------------------------------------------------------------


def test_a_late_report_needs_a_coordinators_permission(client, world, theme):
    project = approved(world, theme)
    services.save_report(
        project,
        by=world.parent,
        fields={"report_done": "d", "report_learnt": "l"},
        answers=services.build_answers(theme.questions("report"), {"harvest": "3"}, []),
    )
    theme.report_deadline = timezone.localdate() - datetime.timedelta(days=1)
    theme.application_closes = theme.report_deadline
    theme.save_revision().publish()
    project.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.submit_report(project, by=world.parent)
    assert refused.value.code == "late"
    with pytest.raises(PermissionDenied):
        services.allow_late_report(project, by=world.leader, until=timezone.localdate())

    client.force_login(world.coordinator)
    until = timezone.localdate() + datetime.timedelta(days=7)
    response = client.post(
        reverse("projects:late", args=[project.pk]), {"until": until.isoformat()}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.report_late_until == until
    assert project.changes.last().by == world.coordinator
    services.submit_report(project, by=world.parent)
    assert project.state == State.REPORT_SUBMITTED


def test_a_report_returned_is_changed_and_accepted(
    world, theme, django_capture_on_commit_callbacks
):
    project = approved(world, theme)
    services.save_report(
        project,
        by=world.parent,
        fields={"report_done": "d", "report_learnt": "l"},
        answers=services.build_answers(theme.questions("report"), {"harvest": "3"}, []),
    )
    services.submit_report(project, by=world.parent)
    with pytest.raises(ValidationError):
        services.decide_report(project, by=world.leader, accept=False)  # no comment
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_report(project, by=world.leader, accept=False, comment="Pievieno foto")
    assert project.state == State.REPORT_RETURNED
    assert "Pievieno foto" in mail.outbox[-1].body
    services.save_report(project, by=world.parent, fields={"report_done": "d2"})
    assert project.state == State.REPORT_RETURNED
    services.submit_report(project, by=world.parent)
    services.decide_report(project, by=world.leader, accept=True)
    assert project.state == State.ACCEPTED


def test_youths_own_login_gets_mail_and_guardian_is_copied(
    world, theme, django_capture_on_commit_callbacks
):
    project = services.start_project(
        user=world.youth.user, theme=theme, club=world.club, person=world.youth
    )
    fill(project, world.youth.user)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_application(project, by=world.youth.user)
    family_mail = [message for message in mail.outbox if world.youth.user.email in message.to]
    assert len(family_mail) == 1
    assert world.parent.email in family_mail[0].to  # a minor's guardian is copied


# Pages ----------------------------------------------------------------------------------


def test_list_and_detail_query_budgets(client, world, theme, django_assert_max_num_queries):
    def list_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("projects:list"))
        assert response.status_code == 200
        return len(queries), response.content.decode()

    project = submitted(world, theme)
    client.force_login(world.parent)
    list_queries()  # the site's own lookups are cached after the first request
    few, _body = list_queries()
    for number in range(6):
        make_project(
            theme,
            world.club,
            [world.child, world.youth],
            created_by=world.parent,
            state="submitted",
            title=f"P{number}",
        )
    many, body = list_queries()
    assert many <= few <= 18  # more projects, no more queries
    assert all(
        f'href="{reverse("projects:detail", args=[p.pk])}"' in body for p in Project.objects.all()
    )
    client.force_login(world.leader)
    with django_assert_max_num_queries(26):  # 4 of them write the record-access log
        assert client.get(reverse("projects:detail", args=[project.pk])).status_code == 200
    client.force_login(world.parent)
    project = fill(started(world, theme), world.parent)
    with django_assert_max_num_queries(24):
        assert client.get(reverse("projects:edit", args=[project.pk])).status_code == 200


def test_a_login_without_a_club_member_is_told_to_join_first(client, world, theme):
    lonely = make_person("Ieva", "Viena", years_ago(14), user=make_user("ieva@example.lv"))
    client.force_login(lonely.user)
    body = client.get(reverse("projects:new")).content.decode()
    assert reverse("clubs:join") in body and "<form" not in body.split("<main", 1)[-1]
    make_member(lonely, world.club)
    body = client.get(reverse("projects:new")).content.decode()
    assert theme.title in body and "Ieva Viena" in body


# Personal data ---------------------------------------------------------------------------


def test_my_data_lists_the_childs_projects_and_erasure_empties_them(world, theme):
    from members_area.accounts.services import erase_person, personal_data

    alone = approved(world, theme)
    photo = services.add_photo(
        alone, upload("a.png", photo_with_gps("PNG")), by=world.parent, stage="report"
    )
    group_theme = make_theme("Kopā", kind="group")
    together = make_project(
        group_theme, world.club, [world.child, world.other_child], state="approved", title="Kopā"
    )
    family_photo = services.add_photo(
        together, upload("b.png", photo_with_gps("PNG")), by=world.parent, stage="report"
    )
    other_photo = services.add_photo(
        together, upload("c.png", photo_with_gps("PNG")), by=world.other_parent, stage="report"
    )
    data = personal_data(world.parent)
    (child,) = [person for person in data["people"] if person["first_name"] == "Anna"]
    titles = {project["title"] for project in child["projects"]["projects"]}
    assert titles == {"Bietes", "Kopā"}

    erase_person(world.child)
    alone.refresh_from_db()
    assert (alone.title, alone.goal, alone.answers) == ("", "", [])
    assert alone.state == State.APPROVED and alone.year == theme.year  # still counted
    assert not ProjectFile.objects.filter(pk=photo.pk).exists()
    assert list(together.members.all()) == [world.other_child]
    assert together.title == "Kopā"
    assert list(together.files.all()) == [other_photo]
    assert not ProjectFile.objects.filter(pk=family_photo.pk).exists()


def test_families_add_teammates_by_number_and_first_name_and_see_only_first_names(client, world):
    group_theme = make_theme("Kopā", kind="group")
    stranger = make_person("Roberts", "Svešais", years_ago(12), member_number="M-2026-00042")
    make_member(stranger, world.club)
    project = services.start_project(
        user=world.parent, theme=group_theme, club=world.club, person=world.child
    )
    client.force_login(world.parent)
    url = reverse("projects:edit", args=[project.pk])
    assert "Roberts" not in client.get(url).content.decode()  # another family's child

    # A number alone, or with the wrong first name, finds nobody and says nothing about whom.
    for tried in (
        {"add_member": "M-2026-00042"},
        {"add_member": "M-2026-00042", "add_member_name": "Pēteris"},
    ):
        response = client.post(url, {"title": "Kopā", "members": [world.child.pk], **tried})
        assert response.status_code == 200
        body = response.content.decode()
        assert "Roberts" not in body and "Svešais" not in body
    assert list(project.members.all()) == [world.child]

    client.post(
        url,
        {
            "title": "Kopā",
            "members": [world.child.pk],
            "add_member": "m-2026-00042 ",
            "add_member_name": "roberts",
        },
    )
    assert set(project.members.all()) == {world.child, stranger}
    for page in (url, reverse("projects:detail", args=[project.pk])):
        body = client.get(page).content.decode()
        assert "Roberts" in body and "Svešais" not in body  # first name only
        assert "Anna Ozola" in body  # one's own child in full

    # A leader's own group project: he picks from every member of the club.
    client.force_login(world.leader)
    assert client.get(url).status_code == 403  # the family's project is not his to write
    own = services.start_project(user=world.leader, theme=group_theme, club=world.club)
    body = client.get(reverse("projects:edit", args=[own.pk])).content.decode()
    assert "Roberts Svešais" in body and "Anna Ozola" in body


def test_a_theme_with_projects_cannot_be_deleted_in_the_admin(client, world, theme, coordinator):
    make_project(theme, world.club, [world.child], state="submitted")
    client.force_login(coordinator)  # the demo's administrator, who may delete pages
    url = reverse("wagtailadmin_pages:delete", args=[theme.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert ProjectThemePage.objects.filter(pk=theme.pk).exists()
    empty = make_theme("Bez projektiem")
    client.post(reverse("wagtailadmin_pages:delete", args=[empty.pk]))
    assert not ProjectThemePage.objects.filter(pk=empty.pk).exists()


# Review: who decides, double submits, mail per family, second factor, languages ----------


def test_a_leader_does_not_decide_on_his_own_groups_application(
    world, django_capture_on_commit_callbacks
):
    group_theme = make_theme("Kopā", kind="group")
    project = services.start_project(user=world.leader, theme=group_theme, club=world.club)
    fill(project, world.leader)
    services.save_application(
        project, by=world.leader, fields={}, members=[world.child, world.youth]
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_application(project, by=world.leader)
    assert not services.may_review(world.leader, project)
    with pytest.raises(PermissionDenied):
        services.decide_application(project, by=world.leader, approve=True)
    # The coordinators are asked instead, and one of them decides.
    asked = [message for message in mail.outbox if world.coordinator.email in message.to]
    assert len(asked) == 1 and world.leader.email not in asked[0].to
    services.decide_application(project, by=world.coordinator, approve=True)
    assert project.state == State.APPROVED


def test_a_save_from_a_second_tab_does_not_undo_a_submission(client, world, theme):
    project = fill(started(world, theme), world.parent)
    client.force_login(world.parent)
    url = reverse("projects:edit", args=[project.pk])
    client.post(url, {**COMPLETE, "action": "submit"})
    response = client.post(url, {**COMPLETE, "title": "Cits", "action": "save"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.state, project.title) == (State.SUBMITTED, "Bietes")
    assert [change.to_state for change in project.changes.all()] == [State.SUBMITTED]
    with pytest.raises(ValidationError):
        services.save_application(project, by=world.parent, fields={"title": "Cits"})


def test_each_family_of_a_group_gets_its_own_email(world, django_capture_on_commit_callbacks):
    group_theme = make_theme("Kopā", kind="group")
    neighbour_parent = make_user("kaimins@example.lv")
    neighbour = make_person("Roberts", "Svešais", years_ago(12))
    add_guardian(neighbour, neighbour_parent)
    make_member(neighbour, world.club)
    project = services.start_project(
        user=world.parent, theme=group_theme, club=world.club, person=world.child
    )
    fill(project, world.parent)
    services.save_application(project, by=world.parent, fields={}, members=[world.child, neighbour])
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_application(project, by=world.parent)
    to_families = [message.to for message in mail.outbox if world.leader.email not in message.to]
    assert sorted(to_families) == [[neighbour_parent.email], [world.parent.email]]


def test_allowing_a_late_report_tells_the_family(world, theme, django_capture_on_commit_callbacks):
    project = approved(world, theme)
    until = timezone.localdate() + datetime.timedelta(days=90)
    with django_capture_on_commit_callbacks(execute=True):
        services.allow_late_report(project, by=world.coordinator, until=until)
    assert world.parent.email in mail.outbox[-1].to
    assert until.strftime("%d.%m.%Y") in mail.outbox[-1].body
    assert project.report_deadline() == until
    assert project.state == State.APPROVED


def test_a_leader_without_a_second_factor_is_sent_to_turn_it_on(client, world, theme):
    project = submitted(world, theme)
    leader = make_leader("bez.mfa@example.lv", world.club, "Ina", "Bezkoda")
    client.force_login(leader)
    for url in (
        reverse("projects:detail", args=[project.pk]),
        reverse("projects:decide", args=[project.pk]),
    ):
        response = client.post(url, {"action": "approve"})
        assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    project.refresh_from_db()
    assert project.state == State.SUBMITTED


def test_a_choice_answered_in_english_is_stored_as_the_latvian_option(client, world, theme):
    english = theme.copy_for_translation(Locale.objects.get(language_code="en"))
    raw = [dict(block) for block in english.application_questions.raw_data]
    for block in raw:
        if block["type"] == "choice":
            block["value"]["label"] = "Main vegetable"
            for item, word in zip(block["value"]["options"], ["Beetroot", "Carrot"], strict=True):
                item["value"] = word
    english.application_questions = raw
    english.save_revision().publish()
    project = started(world, theme)
    client.force_login(world.parent)
    with translation.override("en"):
        url = reverse("projects:edit", args=[project.pk])
    body = client.get(url).content.decode()
    assert "Main vegetable" in body and "Beetroot" in body and 'value="Biete"' in body
    client.post(url, {**COMPLETE, "answer_vegetable": "Biete", "action": "save"})
    project.refresh_from_db()
    stored = {answer["question"]["key"]: answer for answer in project.answers}
    assert stored["vegetable"]["value"] == "Biete"
    assert stored["vegetable"]["question"]["label"] == "Galvenais dārzenis"
    # Back in Latvian, the answer is still ticked.
    body = client.get(reverse("projects:edit", args=[project.pk])).content.decode()
    assert re.search(r'<input[^>]*value="Biete"[^>]*checked', body)
