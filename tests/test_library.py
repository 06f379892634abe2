"""The leaders' library: only this year's leaders and coordinators read its pages and files."""

import datetime
import html as html_module
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, PageViewRestriction
from wagtail_localize.synctree import synchronize_tree

from home.views import PRIVATE_MEDIA_FOLDERS, serve_media
from members_area.accounts.models import COORDINATORS_GROUP
from members_area.clubs.models import Membership
from members_area.library import demo_content as library_demo
from members_area.library.models import (
    LEADERS_GROUP,
    LIBRARY_COLLECTION,
    LibraryDocumentBlock,
    LibraryIndexPage,
    LibraryPage,
)
from members_area.library.services import due_for_review, library_collection
from tests.members import make_member, make_person, make_user, years_ago

pytestmark = pytest.mark.django_db

INDEX = "/vaditaju-biblioteka/"
HANDBOOK = "/vaditaju-biblioteka/vaditaja-rokasgramata-2027/"
METHODOLOGY = "/vaditaju-biblioteka/projektu-darba-metodika/"
ENGLISH_INDEX = "/en/leaders-library/"
ENGLISH_HANDBOOK = "/en/leaders-library/leader-handbook-2027/"
HANDBOOK_TITLE = "Mazpulka vadītāja rokasgrāmata 2027 (projekts)"
LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def handbook_pdf(db):
    title = library_demo.DEMO_DOCUMENTS["leader-handbook-2027"][0]
    return get_document_model().objects.get(title=title)


def lv(text):
    """An interface string as Latvian visitors read it (whether translated yet or not)."""
    with translation.override("lv"):
        return gettext(text)


def file_bytes(document):
    with document.file.open("rb") as file:
        return file.read()


def content(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def leaders():
    return set(Group.objects.get(name=LEADERS_GROUP).user_set.all())


def last_years_leader(world):
    person = make_person("Olga", "Pērnā", years_ago(45), user=make_user("perna@example.lv"))
    make_member(person, world.club, role="leader", year=LAST_YEAR)
    return person.user


def login_as(client, world, who):
    user = {
        "anonymous": None,
        "parent": world.parent,
        "youth": world.youth.user,
        "last year's leader": last_years_leader(world),
        "leader": world.leader,
        "coordinator": world.coordinator,
    }[who]
    if user is not None:
        client.force_login(user)
    return user


# Who gets in --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "parent", "youth", "last year's leader"])
def test_only_leaders_open_the_library_or_download_its_documents(client, world, handbook_pdf, who):
    user = login_as(client, world, who)
    secret = file_bytes(handbook_pdf)
    assert secret.startswith(b"%PDF-")
    urls = [INDEX, HANDBOOK, ENGLISH_INDEX, ENGLISH_HANDBOOK, handbook_pdf.url]
    assert handbook_pdf.url.startswith("/documents/")
    for url in urls:
        response = client.get(url)
        body = content(response)
        if user is None:  # sent to sign in, and back here afterwards
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("account_login")), url
        else:  # signed in: told it is for leaders, not sent to sign in again (a loop)
            assert response.status_code == 403, url
            language = "en" if url.startswith("/en/") else "lv"
            with translation.override(language):
                expected = html_module.escape(gettext("For club leaders only"))
            assert expected in body.decode(), url
        assert secret not in body and secret[:200] not in body, url
        for title in [HANDBOOK_TITLE, "Projektu darba metodika", "Drošība nometnēs"]:
            assert title.encode() not in body, url
        if not url.startswith("/documents/"):
            assert "no-cache" in response["Cache-Control"], url
    # Nor is the file under /media/: the web server refuses that folder (see the README).
    assert handbook_pdf.file.name.startswith(PRIVATE_MEDIA_FOLDERS)
    with pytest.raises(Http404):  # the development server's /media/ refuses it too
        serve_media(RequestFactory().get("/"), handbook_pdf.file.name)


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_leaders_and_coordinators_read_the_library_and_download_its_documents(
    client, world, handbook_pdf, who
):
    login_as(client, world, who)
    index = client.get(INDEX).content.decode()
    assert HANDBOOK_TITLE in index
    assert "Drošība nometnēs" in index
    page = client.get(HANDBOOK)
    assert page.status_code == 200
    assert handbook_pdf.url in page.content.decode()
    assert client.get(ENGLISH_HANDBOOK).status_code == 200
    download = client.get(handbook_pdf.url)
    assert download.status_code == 200
    assert content(download) == file_bytes(handbook_pdf)
    assert "no-store" in download["Cache-Control"]  # never kept by a shared cache


def test_the_library_shows_when_each_material_was_last_reviewed(client, world):
    client.force_login(world.leader)
    html = client.get(INDEX).content.decode()
    # By title; each with its review date, and the one over a year old marked.
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)
    assert titles == sorted(titles) and len(titles) == 3
    stale = library_demo.days_ago(420)
    assert f'datetime="{stale.isoformat()}"' in html
    assert html.count(lv("due for review")) == 1

    page = client.get(HANDBOOK).content.decode()
    assert f'datetime="{library_demo.days_ago(30).isoformat()}"' in page
    assert "Metodikas darba grupa" in page


# The privacy cannot be forgotten ------------------------------------------------------------


def restriction_groups(page):
    (restriction,) = PageViewRestriction.objects.filter(page=page)
    assert restriction.restriction_type == "groups"
    return set(restriction.groups.values_list("name", flat=True))


def test_each_language_of_the_demo_library_is_restricted_to_leaders_and_coordinators(pages):
    for slug in ["vaditaju-biblioteka", "en:vaditaju-biblioteka"]:
        assert restriction_groups(pages[slug]) == {LEADERS_GROUP, COORDINATORS_GROUP}
    collection = Collection.objects.get(name=LIBRARY_COLLECTION)
    (restriction,) = collection.get_view_restrictions()
    assert restriction.restriction_type == "groups"
    assert {group.name for group in restriction.groups.all()} == {LEADERS_GROUP, COORDINATORS_GROUP}
    assert library_collection() == collection


def test_a_library_made_by_anyone_is_private_from_its_first_save_in_every_language(pages):
    pages["vaditaju-biblioteka"].delete()
    pages["en:vaditaju-biblioteka"].delete()
    library = pages["home"].add_child(
        instance=LibraryIndexPage(title="Jaunā bibliotēka", slug="jauna-biblioteka")
    )
    assert restriction_groups(library) == {LEADERS_GROUP, COORDINATORS_GROUP}

    # The English tree shows it as an alias first, then as a translation: both private.
    synchronize_tree(Locale.objects.get(language_code="lv"), Locale.objects.get(language_code="en"))
    alias = library.get_translation(Locale.objects.get(language_code="en"))
    assert alias.alias_of_id == library.pk
    assert restriction_groups(alias) == {LEADERS_GROUP, COORDINATORS_GROUP}
    alias.delete()
    translation = library.copy_for_translation(Locale.objects.get(language_code="en"))
    assert restriction_groups(translation) == {LEADERS_GROUP, COORDINATORS_GROUP}


def test_a_library_made_in_the_admin_is_private_in_both_languages(client, coordinator, pages):
    pages["vaditaju-biblioteka"].delete()
    pages["en:vaditaju-biblioteka"].delete()
    client.force_login(coordinator)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["library", "libraryindexpage", pages["home"].id]),
        {"title": "Bibliotēka", "slug": "biblioteka", "intro": "", "action-publish": "publish"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    library = LibraryIndexPage.objects.get(slug="biblioteka", locale__language_code="lv")
    assert library.live
    assert restriction_groups(library) == {LEADERS_GROUP, COORDINATORS_GROUP}
    alias = library.get_translation(Locale.objects.get(language_code="en"))
    assert restriction_groups(alias) == {LEADERS_GROUP, COORDINATORS_GROUP}
    client.logout()
    assert client.get("/biblioteka/").status_code == 302
    assert client.get("/en/biblioteka/").status_code == 302


def test_library_pages_open_in_the_admin(client, coordinator, pages):
    client.force_login(coordinator)
    for slug in ["vaditaju-biblioteka", "vaditaja-rokasgramata-2027", "en:drosiba-nometnes"]:
        url = reverse("wagtailadmin_pages:edit", args=[pages[slug].id])
        assert client.get(url).status_code == 200, slug


def test_the_daily_command_restores_a_library_made_public(pages):
    PageViewRestriction.objects.filter(page=pages["vaditaju-biblioteka"]).delete()
    output = io.StringIO()
    call_command("sync_leaders_group", stdout=output)
    assert "restored on 1" in output.getvalue()
    assert restriction_groups(pages["vaditaju-biblioteka"]) == {LEADERS_GROUP, COORDINATORS_GROUP}


def test_a_library_page_takes_only_documents_of_the_private_collection(handbook_pdf):
    block = LibraryDocumentBlock()
    today = timezone.localdate()
    public = get_document_model().objects.create(
        title="Publisks fails", file=ContentFile(b"%PDF-1.4", name="publisks.pdf")
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean({"document": public, "title": "", "last_reviewed": today})
    assert isinstance(error.value.block_errors["document"], ValidationError)
    assert block.clean({"document": handbook_pdf, "title": "", "last_reviewed": today})


# The leaders' group -------------------------------------------------------------------------


def test_the_leaders_group_follows_this_years_leading_memberships(world):
    assert {world.leader, world.other_leader} <= leaders()
    assert not {world.parent, world.youth.user, world.coordinator} & leaders()

    assistant = make_person("Ieva", "Palīdze", years_ago(30), user=make_user("ieva@example.lv"))
    membership = make_member(assistant, world.club, role="assistant")
    assert assistant.user in leaders()

    membership.role = "volunteer"
    membership.save()
    assert assistant.user not in leaders()

    (leading,) = Membership.objects.filter(person__user=world.leader)
    leading.delete()
    assert world.leader not in leaders()


def test_a_leaders_record_linked_to_another_login_moves_the_access(world):
    person = world.leader.person
    new_login = make_user("vita.jauna@example.lv")
    person.user = new_login
    person.save()
    assert new_login in leaders()
    assert world.leader not in leaders()


def test_last_years_leaders_are_dropped_by_the_daily_sync(world, monkeypatch):
    assert last_years_leader(world) not in leaders()

    # The year turns: this year's memberships become last year's, and nothing is saved.
    next_year = timezone.localdate().year + 1
    monkeypatch.setattr("members_area.clubs.models.current_year", lambda: next_year)
    assert world.leader in leaders()
    output = io.StringIO()
    call_command("sync_leaders_group", stdout=output)
    assert world.leader not in leaders() and world.other_leader not in leaders()
    assert "2 removed" in output.getvalue()

    monkeypatch.undo()
    call_command("sync_leaders_group", stdout=io.StringIO())
    assert {world.leader, world.other_leader} <= leaders()


def test_a_deactivated_login_leaves_the_group_at_the_daily_sync(world):
    world.leader.is_active = False
    world.leader.save()
    call_command("sync_leaders_group", stdout=io.StringIO())
    assert world.leader not in leaders()


def test_the_group_opens_nothing_in_the_admin(world):
    assert not Group.objects.get(name=LEADERS_GROUP).permissions.exists()
    assert not world.leader.has_perm("wagtailadmin.access_admin")


# Search, and where the library must not appear ----------------------------------------------


def test_the_library_search_finds_a_material_by_a_word_of_its_text(client, world):
    client.force_login(world.leader)
    html = client.get(INDEX, {"q": "dienasgrāmatu"}).content.decode()
    assert re.findall(r'<h3><a href="([^"]+)">', html) == [METHODOLOGY]

    # Only the library is searched: words of public pages find nothing here.
    html = client.get(INDEX, {"q": "Erasmus"}).content.decode()
    assert not re.findall(r'<h3><a href="([^"]+)">', html)
    assert 'value="Erasmus"' in html and 'id="site-search-q" name="q" value=""' in html

    english = client.get(ENGLISH_INDEX, {"q": "diary"}).content.decode()
    assert re.findall(r'<h3><a href="([^"]+)">', english) == [
        "/en/leaders-library/methodology-for-project-work/"
    ]


@pytest.mark.parametrize("who", ["anonymous", "leader"])
def test_library_pages_are_not_in_the_site_search_sitemap_api_or_home_page(
    client, world, handbook_pdf, who
):
    login_as(client, world, who)
    for query in ["dienasgrāmatu", "rokasgrāmata 2027", "bibliotēka"]:
        html = client.get("/meklet/", {"q": query}).content.decode()
        assert "vaditaju-biblioteka" not in html, query
    assert "leaders-library" not in client.get("/en/search/", {"q": "diary"}).content.decode()

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "vaditaju-biblioteka" not in sitemap and "leaders-library" not in sitemap

    listing = client.get("/api/v2/pages/", {"limit": 50, "search": "bibliotēka"}).json()
    assert not [item for item in listing["items"] if "bibliot" in item["title"].lower()]
    for page_type in ["library.LibraryPage", "library.LibraryIndexPage"]:
        response = client.get("/api/v2/pages/", {"type": page_type})
        assert response.status_code == 200 and response.json()["meta"]["total_count"] == 0
    library = LibraryPage.objects.filter(locale__language_code="lv").first()
    assert client.get(f"/api/v2/pages/{library.pk}/").status_code == 404
    documents = client.get("/api/v2/documents/", {"limit": 50}).json()
    assert handbook_pdf.title not in {item["title"] for item in documents["items"]}
    assert client.get(f"/api/v2/documents/{handbook_pdf.pk}/").status_code == 404

    for home in ["/", "/en/"]:
        html = client.get(home).content.decode()
        assert "vaditaju-biblioteka" not in html and "leaders-library" not in html


# The reminder of what is due for review -----------------------------------------------------


REPORT = "/admin/library/due-for-review/"


def test_the_report_lists_what_was_not_reviewed_for_a_year_oldest_first(client, world):
    client.force_login(world.coordinator)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Drošība nometnēs" in html
    assert "Projektu darba metodika" not in html and HANDBOOK_TITLE not in html
    assert "Safety at camps" not in html  # each material once, in its original language
    safety = LibraryPage.objects.get(slug="drosiba-nometnes")
    assert reverse("wagtailadmin_pages:edit", args=[safety.pk]) in html
    assert REPORT in client.get("/admin/").content.decode()  # in the Reports menu


def test_the_report_lists_stale_documents_and_pages_never_reviewed_first(handbook_pdf):
    handbook = LibraryPage.objects.get(slug="vaditaja-rokasgramata-2027")
    old = datetime.date(2020, 5, 4)
    handbook.documents = [
        (
            "document",
            {"document": handbook_pdf, "title": "Vecā rokasgrāmata", "last_reviewed": old},
        )
    ]
    handbook.save_revision().publish()
    due = due_for_review()
    assert [(material.title, material.last_reviewed) for material in due] == [
        ("Vecā rokasgrāmata", old),
        ("Drošība nometnēs", library_demo.days_ago(420)),
    ]
    assert due[0].document == handbook_pdf and due[0].page == handbook

    # A year from now everything is due, the oldest first.
    later = due_for_review(timezone.localdate() + datetime.timedelta(days=366))
    assert [material.last_reviewed for material in later] == sorted(
        material.last_reviewed for material in later
    )
    assert len(later) == 4


def test_the_report_is_for_coordinators_only(client, world):
    client.force_login(world.leader)  # a leader reads the library, but has no admin
    assert client.get(REPORT).status_code in (302, 403)


# Query budgets ------------------------------------------------------------------------------


def test_library_pages_have_a_query_budget(client, world, django_assert_max_num_queries):
    client.force_login(world.leader)
    # About what a public page of text costs (/par-mums/: 23 for a signed-in member).
    for url in [INDEX, HANDBOOK, ENGLISH_INDEX]:
        client.get(url)
        with django_assert_max_num_queries(26):
            assert client.get(url).status_code == 200
    with django_assert_max_num_queries(26):
        assert client.get(INDEX, {"q": "nometnē"}).status_code == 200


def test_the_library_index_costs_the_same_however_many_materials(
    client, world, pages, django_assert_num_queries
):
    client.force_login(world.leader)
    client.get(INDEX)
    with CaptureQueriesContext(connection) as before:
        client.get(INDEX)
    for number in range(5):
        pages["vaditaju-biblioteka"].add_child(
            instance=LibraryPage(
                title=f"Papildu materiāls {number}",
                slug=f"papildu-{number}",
                summary="Īss apraksts.",
                last_reviewed=timezone.localdate(),
            )
        )
    with django_assert_num_queries(len(before.captured_queries)):
        html = client.get(INDEX).content.decode()
    assert "Papildu materiāls 4" in html


def test_the_report_has_a_query_budget(client, world, django_assert_max_num_queries):
    client.force_login(world.coordinator)
    client.get(REPORT)
    with django_assert_max_num_queries(16):
        assert client.get(REPORT).status_code == 200


def test_a_review_recorded_in_latvian_is_the_english_pages_review_too(pages):
    safety = pages["drosiba-nometnes"]
    safety.last_reviewed = timezone.localdate()
    safety.reviewed_by = "Drošības darba grupa, 2. lasījums"
    safety.save_revision().publish()
    english = LibraryPage.objects.get(pk=pages["en:drosiba-nometnes"].pk)
    assert english.last_reviewed == timezone.localdate()
    assert english.reviewed_by == "Drošības darba grupa, 2. lasījums"
    assert not due_for_review()


def test_removing_the_librarys_privacy_undoes_itself(pages, django_capture_on_commit_callbacks):
    index = pages["vaditaju-biblioteka"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=index).delete()  # "Public" in the Privacy dialog
    assert restriction_groups(index) == {LEADERS_GROUP, COORDINATORS_GROUP}
    collection = library_collection()
    with django_capture_on_commit_callbacks(execute=True):
        collection.view_restrictions.all().delete()
    assert collection.get_view_restrictions().exists()


def test_images_of_the_library_are_not_in_the_images_api(client, db):
    from wagtail.images import get_image_model

    image = get_image_model().objects.first()
    url = f"/api/v2/images/{image.pk}/"
    assert client.get(url).status_code == 200
    total = client.get("/api/v2/images/").json()["meta"]["total_count"]
    image.collection = library_collection()
    image.save()
    assert client.get(url).status_code == 404
    assert client.get("/api/v2/images/").json()["meta"]["total_count"] == total - 1
