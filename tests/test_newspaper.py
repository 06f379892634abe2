"""The newspaper "Mazpulks": the archive, the issues, their PDFs and how they get published."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import SiteImage
from newspaper import models as newspaper_models
from newspaper.models import NewspaperIndexPage, NewspaperIssuePage
from tests.conftest import enrol_second_factor

pytestmark = pytest.mark.django_db

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n%%EOF\n"


def live_issues(language="lv"):
    return NewspaperIssuePage.objects.live().filter(locale__language_code=language)


def make_pdf(title="Mazpulks (PDF)", content=MINIMAL_PDF, name="mazpulks.pdf"):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def archive():
    return NewspaperIndexPage.objects.get(locale__language_code="lv")


# The public side --------------------------------------------------------------------------


def test_archive_groups_the_issues_by_year_newest_first(client, monkeypatch):
    monkeypatch.setattr(newspaper_models, "current_year", lambda: 2026)
    html = client.get("/avize-mazpulks/").content.decode()
    years = [int(year) for year in re.findall(r'<h2 id="year-(\d{4})">', html)]
    assert years == sorted({issue.year for issue in live_issues()}, reverse=True)
    shown = re.findall(r'class="issue-card__title"><a href="[^"]+">([^<]+)</a>', html)
    assert shown == [
        issue.title.replace("„", "„").replace("”", "”")
        for issue in live_issues().order_by("-year", "-number")
    ]
    assert html.count('class="issue-card__cover"') >= len(shown)  # each with its cover
    out_in_2026 = live_issues().filter(year=2026).count()
    assert f"Iznākuši {out_in_2026} no 3 2026. gada numuriem." in html


def test_this_years_count_follows_the_calendar(client, monkeypatch):
    monkeypatch.setattr(newspaper_models, "current_year", lambda: 2027)
    html = client.get("/en/newspaper-mazpulks/").content.decode()
    assert "0 of the 3 issues of 2027 are out." in html


def test_issue_page_shows_cover_contents_reader_and_download(client):
    issue = live_issues().filter(year=2025, number=2).get()
    response = client.get(issue.url)
    html = response.content.decode()
    assert f"<h1>{issue.title}</h1>" in html
    for entry in issue.contents:
        assert entry.value["title"] in html
    pdf_url = issue.pdf.url
    assert f'<object class="pdf-reader" data="{pdf_url}" type="application/pdf"' in html
    assert f'href="{pdf_url}" download' in html  # the fallback link
    assert "object-src 'self'" in response["Content-Security-Policy"]
    assert re.search(r"frame-src [^;]*'self'", response["Content-Security-Policy"])
    linked = [entry.value["article"] for entry in issue.contents if entry.value["article"]]
    assert linked, "the demo issue links a news article"
    assert f'href="{linked[0].url}"' in html


def test_english_issue_links_the_english_articles(client):
    english = Locale.objects.get(language_code="en")
    latvian = live_issues().filter(year=2025, number=2).get()
    issue = latvian.get_translation(english)
    html = client.get(issue.url).content.decode()
    article = next(entry.value["article"] for entry in latvian.contents if entry.value["article"])
    assert f'href="{article.get_translation(english).url}"' in html
    assert "In this issue" in html


def test_the_pdf_is_served_for_embedding_by_this_site_only(client):
    issue = live_issues().first()
    response = client.get(issue.pdf.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    # Every other page still refuses to be framed.
    page = client.get(issue.url)
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_home_page_shows_the_newest_issue(client):
    newest = live_issues().order_by("-year", "-number").first()
    html = client.get("/").content.decode()
    section = html.split('id="newest-issue-heading"', 1)[1]
    assert f'<a href="{newest.url}">{newest.title}</a>' in section


def test_search_finds_issues_by_their_table_of_contents(client):
    issue = live_issues().filter(year=2024, number=3).get()
    summary = issue.contents[0].value["summary"]
    words = sorted(re.findall(r"\w{6,}", summary), key=len)[-2:]
    html = client.get("/meklet/", {"q": " ".join(words)}).content.decode()
    assert f">{issue.title}</a>" in html


def test_archive_and_issue_query_counts_do_not_grow_with_the_issues(
    client, django_assert_max_num_queries
):
    index = archive()
    issue = live_issues().first()
    urls = ["/avize-mazpulks/", issue.url]
    counts = {}
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[url] = len(queries)
    assert counts["/avize-mazpulks/"] <= 16 and counts[issue.url] <= 20, counts
    pdf, cover = make_pdf(), SiteImage.objects.first()
    for number in range(1, 13):
        index.add_child(
            instance=NewspaperIssuePage(
                title=f"Mazpulks Nr. {number}, 2019",
                year=2019,
                number=number,
                pdf=pdf,
                cover_image=cover,
            )
        ).save_revision().publish()
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(counts[url]):
            client.get(url)


def test_api_lists_issues_with_their_pdf_and_cover(client, django_assert_max_num_queries):
    params = {
        "type": "newspaper.NewspaperIssuePage",
        "fields": "year,number,publication_date,cover_image,pdf,contents",
        "locale": "lv",
        "order": "-publication_date",
    }
    data = client.get("/api/v2/pages/", params).json()
    newest = live_issues().order_by("-publication_date").first()
    item = data["items"][0]
    assert (item["year"], item["number"]) == (newest.year, newest.number)
    assert item["pdf"]["url"].startswith("http")
    assert item["pdf"]["url"].endswith(newest.pdf.url)
    assert item["pdf"]["size"] == newest.pdf.file_size
    assert item["cover_image"]["url"].startswith("/media/images/")
    assert item["contents"][0]["value"]["title"] == newest.contents[0].value["title"]
    assert client.get(newest.pdf.url)["Content-Type"] == "application/pdf"
    with django_assert_max_num_queries(12):
        client.get("/api/v2/pages/", params)


# The editors' side ------------------------------------------------------------------------


def user_in(group_name, email):
    user = get_user_model().objects.create_user(email=email, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return enrol_second_factor(user)  # editors must have one


@pytest.fixture
def editor(client):
    client.force_login(user_in("Redaktori", "redaktore@mazpulki.example"))
    return client


@pytest.fixture
def chief_editor():
    return user_in("Galvenais redaktors", "galvena.redaktore@mazpulki.example")


def issue_form(action, **fields):
    data = {
        "title": "„Mazpulks” Nr. 3, 2026",
        "slug": "2026-nr-3",
        "year": "2026",
        "number": "3",
        "publication_date": "2026-11-25",
        "theme": "Projektu forums",
        "cover_image": "",
        "pdf": "",
        "contents": streamfield(
            [("article", {"title": "Forums Jelgavā", "page": "3", "summary": "", "article": ""})]
        ),
        **fields,
    }
    return {**nested_form_data(data), f"action-{action}": action}


def add_issue_url():
    return reverse("wagtailadmin_pages:add", args=["newspaper", "newspaperissuepage", archive().pk])


def test_a_duplicate_number_in_the_same_year_is_refused_in_the_editors_language(editor):
    taken = live_issues().filter(year=2025).first()
    pdf = make_pdf()
    form = issue_form("submit", year=str(taken.year), number=str(taken.number), pdf=str(pdf.pk))
    response = editor.post(add_issue_url(), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        f"{taken.year}. gada numurs Nr. {taken.number} jau ir: “{taken.title}”." in html
        or f"Issue No. {taken.number} of {taken.year} already exists" in html
    )
    assert not NewspaperIssuePage.objects.filter(slug="2026-nr-3").exists()

    editor.post(reverse("wagtailadmin_account"), {"locale-preferred_language": "en"})
    user = get_user_model().objects.get(email="redaktore@mazpulki.example")
    user.wagtail_userprofile.preferred_language = "en"
    user.wagtail_userprofile.save()
    html = editor.post(add_issue_url(), form).content.decode()
    assert f"Issue No. {taken.number} of {taken.year} already exists: “{taken.title}”." in html


def test_the_same_number_in_another_year_is_fine():
    taken = live_issues().first()
    issue = NewspaperIssuePage(
        title="x", year=taken.year - 10, number=taken.number, pdf=make_pdf(), locale=taken.locale
    )
    issue.clean()  # no error


def test_publishing_without_a_pdf_is_refused_but_a_draft_may_wait_for_it(client, coordinator):
    client.force_login(coordinator)
    response = client.post(add_issue_url(), issue_form("publish"))
    assert response.status_code == 200
    assert not NewspaperIssuePage.objects.filter(slug="2026-nr-3").exists()
    assert "Šis lauks ir nepieciešams" in response.content.decode()  # the editor's language

    response = client.post(add_issue_url(), issue_form("save"))  # save a draft
    assert response.status_code == 302
    draft = NewspaperIssuePage.objects.get(slug="2026-nr-3", locale__language_code="lv")
    assert not draft.live and draft.pdf is None

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), issue_form("publish")
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert not draft.live


def test_a_file_that_is_not_a_pdf_is_refused(client, coordinator):
    client.force_login(coordinator)
    fake = make_pdf(content=b"PK\x03\x04 this is a zip", name="mazpulks.pdf")
    response = client.post(add_issue_url(), issue_form("publish", pdf=str(fake.pk)))
    assert response.status_code == 200
    assert not NewspaperIssuePage.objects.filter(slug="2026-nr-3").exists()
    html = response.content.decode()
    assert "nav PDF" in html or "is not a PDF" in html


def api_document_titles(client):
    return {item["title"] for item in client.get("/api/v2/documents/?limit=50").json()["items"]}


def test_workflow_editor_submits_only_the_chief_editor_publishes(
    editor, client, chief_editor, django_capture_on_commit_callbacks
):
    pdf = make_pdf(title="Jaunais numurs (PDF)")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(add_issue_url(), issue_form("submit", pdf=str(pdf.pk)))
    assert response.status_code == 302, response.content.decode()[:2000]
    issue = NewspaperIssuePage.objects.get(slug="2026-nr-3", locale__language_code="lv")
    assert not issue.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(issue.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Waiting for approval, its PDF is not announced by the API.
    assert pdf.title not in api_document_titles(client)
    task_state = state.current_task_state
    action_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[issue.pk, "approve", task_state.pk]
    )

    # The editor cannot approve his own issue, nor publish it past the workflow.
    editor.post(action_url, {"comment": ""})
    editor.post(reverse("wagtailadmin_pages:edit", args=[issue.pk]), issue_form("publish"))
    issue.refresh_from_db()
    assert not issue.live

    client.force_login(chief_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url, {"comment": "Labs numurs!"})
    assert response.status_code in (200, 302)
    issue.refresh_from_db()
    assert issue.live
    assert pdf.title in api_document_titles(client)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert client.get(issue.url).status_code == 200


def test_the_chief_editor_can_send_an_issue_back_with_a_comment(editor, client, chief_editor):
    response = editor.post(add_issue_url(), issue_form("submit", pdf=str(make_pdf().pk)))
    assert response.status_code == 302
    issue = NewspaperIssuePage.objects.get(slug="2026-nr-3", locale__language_code="lv")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(issue.pk))

    client.force_login(chief_editor)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[issue.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Trūkst vāka."},
    )
    state.refresh_from_db()
    issue.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not issue.live
    assert state.current_task_state.comment == "Trūkst vāka."


def test_only_the_chief_editor_can_publish_translations(editor, client, chief_editor):
    """wagtail-localize publishes translations past the workflow: editors may not use it."""
    from wagtail_localize.models import TranslationSource

    issue = live_issues().first()
    source = TranslationSource.objects.get_for_instance(issue)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert editor.get(url).status_code in (302, 403)
    client.force_login(chief_editor)
    assert client.get(url).status_code == 200
