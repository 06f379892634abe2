"""The library in the admin: the coordinators' alone, out of the newspaper editors' reach."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks import StreamBlockValidationError
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import SiteImage
from members_area.library import demo_content as library_demo
from members_area.library.models import (
    LIBRARY_COLLECTION,
    LIBRARY_WORKFLOW,
    PUBLIC_COLLECTION,
    LibraryBodyBlock,
    LibraryPage,
)
from members_area.library.services import library_collection, public_collection
from tests.conftest import enrol_second_factor
from tests.members import make_coordinator

pytestmark = pytest.mark.django_db


def user_in(group_name, email):
    user = get_user_model().objects.create_user(email=email, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return enrol_second_factor(user)


@pytest.fixture(params=["Redaktori", "Galvenais redaktors"])
def editor(request, client):
    client.force_login(user_in(request.param, "redaktore@mazpulki.example"))
    return client


@pytest.fixture
def keeper(client):
    """A coordinator who is not a superuser: the group alone lets him keep the library."""
    client.force_login(enrol_second_factor(make_coordinator()))
    return client


@pytest.fixture
def keeper_client():
    client = Client()
    client.force_login(enrol_second_factor(make_coordinator()))
    return client


@pytest.fixture
def handbook_pdf(db):
    title = library_demo.DEMO_DOCUMENTS["leader-handbook-2027"][0]
    return get_document_model().objects.get(title=title)


def public_document(title="Stratēģija"):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4\n%%EOF", name="strategija.pdf"),
        collection=public_collection(),
    )


def library_urls(pages):
    index, material = pages["vaditaju-biblioteka"], pages["vaditaja-rokasgramata-2027"]
    return [
        reverse("wagtailadmin_pages:edit", args=[index.pk]),
        reverse("wagtailadmin_pages:edit", args=[material.pk]),
        reverse("wagtailadmin_pages:edit", args=[pages["en:vaditaja-rokasgramata-2027"].pk]),
        reverse("wagtailadmin_pages:view_draft", args=[material.pk]),
        reverse("wagtailadmin_pages:history", args=[material.pk]),
        reverse(
            "wagtailadmin_pages:revisions_view", args=[material.pk, material.latest_revision_id]
        ),
        reverse("wagtailadmin_pages:move", args=[material.pk]),
        reverse("wagtailadmin_pages:copy", args=[material.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[material.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[index.pk]),
        reverse("wagtailadmin_pages:add", args=["library", "librarypage", index.pk]),
    ]


def is_refused(response):
    """Wagtail answers a refused admin page with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def test_editors_cannot_open_or_change_library_pages_in_the_admin(editor, pages):
    for url in library_urls(pages):
        assert is_refused(editor.get(url)), url
    # Their own pages still open.
    url = reverse("wagtailadmin_pages:edit", args=[pages["par-mums"].pk])
    assert editor.get(url).status_code == 200


def test_editors_cannot_move_a_public_page_into_the_library(editor, pages):
    about, library = pages["par-mums"], pages["vaditaju-biblioteka"]
    url = reverse("wagtailadmin_pages:move_confirm", args=[about.pk, library.pk])
    assert is_refused(editor.post(url))
    about.refresh_from_db()
    assert about.get_parent().pk == pages["home"].pk


def links_to(page, response):
    """Whether the explorer or the chooser lists a page (its title also names its type)."""
    html = response.json()["html"] if response["Content-Type"].endswith("json") else None
    html = html or response.content.decode()
    return f"/admin/pages/{page.pk}/" in html or f'data-id="{page.pk}"' in html


def test_editors_do_not_see_the_library_in_the_explorer_or_the_page_chooser(
    editor, keeper_client, pages
):
    library, material = pages["vaditaju-biblioteka"], pages["vaditaja-rokasgramata-2027"]
    explorer = reverse("wagtailadmin_explore", args=[pages["home"].pk])
    chooser = reverse("wagtailadmin_choose_page_child", args=[pages["home"].pk])
    library_chooser = reverse("wagtailadmin_choose_page_child", args=[library.pk])
    assert links_to(pages["par-mums"], editor.get(explorer))
    for client, sees in [(editor, False), (keeper_client, True)]:
        assert links_to(library, client.get(explorer)) is sees
        assert links_to(library, client.get(chooser)) is sees
        assert links_to(material, client.get(library_chooser)) is sees


def test_editors_cannot_open_or_move_a_library_document(editor, handbook_pdf):
    url = reverse("wagtaildocs:edit", args=[handbook_pdf.pk])
    assert is_refused(editor.get(url))
    response = editor.post(url, {"title": handbook_pdf.title, "collection": public_collection().pk})
    assert is_refused(response)
    handbook_pdf.refresh_from_db()
    assert handbook_pdf.collection.name == LIBRARY_COLLECTION
    listing = editor.get(reverse("wagtaildocs:index")).content.decode()
    assert handbook_pdf.title not in listing

    # The public site's documents are theirs to edit.
    strategy = public_document()
    assert editor.get(reverse("wagtaildocs:edit", args=[strategy.pk])).status_code == 200
    assert strategy.title in editor.get(reverse("wagtaildocs:index")).content.decode()


def test_no_right_but_the_coordinators_reaches_the_librarys_collection():
    library = library_collection()
    grants = GroupCollectionPermission.objects.exclude(group__name="Koordinatori")
    assert grants.filter(group__name="Redaktori").exists()
    for grant in grants.select_related("collection", "group"):
        assert not library.is_descendant_of(grant.collection), grant.group.name
        assert grant.collection != library


def test_the_demos_public_files_are_in_the_editors_collection(pages):
    public = Collection.objects.get(name=PUBLIC_COLLECTION)
    assert SiteImage.objects.exists()
    assert not SiteImage.objects.exclude(collection=public).exists()
    documents = get_document_model().objects.all()
    assert set(documents.values_list("collection__name", flat=True)) == {
        PUBLIC_COLLECTION,
        LIBRARY_COLLECTION,
    }


def test_a_coordinator_keeps_the_library_in_the_admin(keeper, pages, handbook_pdf):
    for url in library_urls(pages)[:3]:
        assert keeper.get(url).status_code == 200, url
    listing = keeper.get(reverse("wagtailadmin_explore", args=[pages["home"].pk])).content
    assert pages["vaditaju-biblioteka"].title.encode() in listing
    url = reverse("wagtaildocs:edit", args=[handbook_pdf.pk])
    assert keeper.get(url).status_code == 200


def library_page_form(page, body, action="action-publish"):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "last_reviewed": timezone.localdate().isoformat(),
        "reviewed_by": "",
        "body": streamfield(body),
        "documents": streamfield([]),
    }
    return {**nested_form_data(data), action: action.removeprefix("action-")}


def document_link(document):
    return rich_text(f'<p><a linktype="document" id="{document.pk}">{document.title}</a></p>')


def test_a_library_text_linking_a_public_document_is_refused_in_the_admin(keeper, pages):
    page = pages["projektu-darba-metodika"]
    strategy = public_document()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = keeper.post(url, library_page_form(page, [("paragraph", document_link(strategy))]))
    assert response.status_code == 200
    assert "Vadītāju bibliotēka" in response.content.decode()
    page.refresh_from_db()
    assert f'id="{strategy.pk}"' not in str(page.body.raw_data)


def test_a_library_text_linking_its_own_documents_is_saved(keeper, pages, handbook_pdf):
    page = pages["projektu-darba-metodika"]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = keeper.post(
        url, library_page_form(page, [("paragraph", document_link(handbook_pdf))])
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = LibraryPage.objects.get(pk=page.pk)
    assert f'id="{handbook_pdf.pk}"' in str(page.body.raw_data)


def test_document_blocks_in_a_library_text_must_be_private_too(handbook_pdf):
    block = LibraryBodyBlock()
    strategy = public_document()
    value = block.to_python(
        [
            {"type": "paragraph", "value": "<p>Ievads</p>"},
            {
                "type": "documents",
                "value": {"heading": "", "documents": [{"document": strategy.pk, "title": ""}]},
            },
            {
                "type": "documents",
                "value": {"heading": "", "documents": [{"document": handbook_pdf.pk, "title": ""}]},
            },
        ]
    )
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {1}


def test_library_materials_submitted_for_moderation_go_to_the_coordinators(pages):
    material = pages["vaditaja-rokasgramata-2027"]
    assert material.get_workflow().name == LIBRARY_WORKFLOW
    assert pages["en:vaditaja-rokasgramata-2027"].get_workflow().name == LIBRARY_WORKFLOW
    task = material.get_workflow().tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Koordinatori"]
    assert pages["par-mums"].get_workflow().name != LIBRARY_WORKFLOW


@pytest.fixture
def chief_editor(client):
    client.force_login(user_in("Galvenais redaktors", "galvena@mazpulki.example"))
    return client


def test_the_chief_editor_cannot_translate_library_pages(chief_editor, pages):
    from wagtail_localize.models import TranslationSource

    material = pages["vaditaja-rokasgramata-2027"]
    url = reverse("wagtail_localize:submit_page_translation", args=[material.pk])
    assert is_refused(chief_editor.get(url))
    source, _created = TranslationSource.get_or_create_from_instance(material)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert is_refused(chief_editor.get(url))
    assert is_refused(chief_editor.post(url, {"publish_translations": "on"}))

    # The home page alone, yes; with everything under it (the library too), no.
    home = reverse("wagtail_localize:submit_page_translation", args=[pages["home"].pk])
    assert chief_editor.get(home).status_code == 200
    assert is_refused(chief_editor.post(home, {"locales": [], "include_subtree": "on"}))


def test_the_chief_editor_cannot_delete_move_or_copy_the_library_with_its_home_page(
    chief_editor, pages
):
    home = pages["home"]
    for url in [
        reverse("wagtailadmin_pages:delete", args=[home.pk]),
        reverse("wagtailadmin_pages:copy", args=[home.pk]),
    ]:
        assert is_refused(chief_editor.post(url, {"new_title": "Kopija", "new_slug": "kopija"}))
    bulk_delete = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    assert is_refused(chief_editor.post(f"{bulk_delete}?id={home.pk}"))
    assert LibraryPage.objects.filter(pk=pages["vaditaja-rokasgramata-2027"].pk).exists()


def test_the_review_report_is_the_coordinators(chief_editor, keeper_client):
    url = reverse("library_due_for_review")
    assert is_refused(chief_editor.get(url))
    assert keeper_client.get(url).status_code == 200
