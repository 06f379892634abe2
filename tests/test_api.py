"""The headless API (/api/v2/): public content for other software, nothing more."""

import base64
import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.models import SiteImage

pytestmark = pytest.mark.django_db


def get_json(client, url, **params):
    response = client.get(url, params)
    return response.status_code, response.json()


def test_pages_lists_the_demo_pages_in_both_languages(client):
    status, data = get_json(client, "/api/v2/pages/", type="home.ContentPage", limit=50)
    assert status == 200
    titles = {item["title"] for item in data["items"]}
    assert {"Par mums", "About us", "Kā iestāties", "How to join"} <= titles


def test_pages_filter_by_locale_and_translation(client, pages):
    status, data = get_json(client, "/api/v2/pages/", locale="en", limit=50)
    assert status == 200
    assert {item["meta"]["locale"] for item in data["items"]} == {"en"}

    status, data = get_json(client, "/api/v2/pages/", translation_of=pages["par-mums"].id)
    assert [item["title"] for item in data["items"]] == ["About us"]


def test_content_pages_expose_their_fields(client):
    status, data = get_json(
        client, "/api/v2/pages/", type="home.ContentPage", fields="intro,body", locale="lv"
    )
    assert status == 200
    about = next(item for item in data["items"] if item["title"] == "Par mums")
    assert about["intro"].startswith("Mazpulki ir Latvijas 4-H organizācija")
    assert [block["type"] for block in about["body"]][:2] == ["heading", "paragraph"]


def test_home_page_exposes_its_fields_with_an_image_rendition(client):
    status, data = get_json(client, "/api/v2/pages/", type="home.HomePage", fields="*", locale="en")
    assert status == 200
    home = data["items"][0]
    assert home["hero_heading"] == "Making the good even better"
    assert home["hero_image"]["url"].startswith("/media/images/")
    assert "<b>the largest and strongest" in home["intro"]


def test_unknown_fields_are_rejected(client):
    status, data = get_json(client, "/api/v2/pages/", fields="no_such_field")
    assert status == 400
    assert "no_such_field" in data["message"]
    status, _data = get_json(client, "/api/v2/pages/", type="home.ContentPage", fields="nope")
    assert status == 400


def test_limit_is_capped(client):
    status, data = get_json(client, "/api/v2/pages/", limit=1000)
    assert status == 400
    assert "limit" in data["message"]


def test_drafts_and_private_pages_are_not_listed(client, pages):
    pages["vesture"].unpublish()
    PageViewRestriction.objects.create(page=pages["ka-iestaties"], restriction_type="login")
    status, data = get_json(
        client, "/api/v2/pages/", locale="lv", type="home.ContentPage", limit=50
    )
    assert status == 200
    titles = {item["title"] for item in data["items"]}
    assert "Vēsture" not in titles
    assert "Kā iestāties" not in titles
    assert "Par mums" in titles


def test_images_give_renditions_never_the_original(client):
    status, listing = get_json(client, "/api/v2/images/")
    assert status == 200
    assert listing["meta"]["total_count"] == SiteImage.objects.count() > 0
    first = listing["items"][0]
    assert first["thumbnail"]["url"].startswith("/media/images/")
    assert first["alt"]

    status, detail = get_json(client, f"/api/v2/images/{first['id']}/", fields="*")
    assert status == 200
    assert detail["large"]["width"] <= 1600
    everything = json.dumps([listing, detail])
    assert "original_images" not in everything
    assert "download_url" not in everything

    status, _data = get_json(client, "/api/v2/images/", fields="download_url")
    assert status == 400


def test_documents_endpoint_lists_the_newspapers_pdfs(client):
    status, data = get_json(client, "/api/v2/documents/", limit=50)
    assert status == 200
    # All but those of private collections (the leaders' library).
    public = get_document_model().objects.filter(collection__view_restrictions__isnull=True)
    assert data["meta"]["total_count"] == public.count() > 0
    first = data["items"][0]
    assert first["meta"]["download_url"].endswith(".pdf")


def test_page_listing_query_budget(client, django_assert_max_num_queries):
    # Wagtail reads the groups of each private page's restriction (the leaders' library in
    # two languages) three times a listing: 6 of these.
    with django_assert_max_num_queries(12):
        assert client.get("/api/v2/pages/", {"limit": 50}).status_code == 200


def test_api_ignores_passwords_so_it_cannot_be_used_to_guess_them(client, coordinator, pages):
    """DRF's Basic authentication is off: no sign-in path around allauth's rate limits."""
    from tests.conftest import DEMO_ADMIN_PASSWORD

    PageViewRestriction.objects.create(page=pages["ka-iestaties"], restriction_type="login")

    def listing(password):
        credentials = base64.b64encode(f"{coordinator.email}:{password}".encode()).decode()
        response = client.get(
            "/api/v2/pages/", {"limit": 50}, headers={"authorization": f"Basic {credentials}"}
        )
        return response.status_code, {item["title"] for item in response.json()["items"]}

    right, wrong = listing(DEMO_ADMIN_PASSWORD), listing("nepareiza-parole")
    assert right == wrong  # the answer says nothing about the password
    assert right[0] == 200
    assert "Kā iestāties" not in right[1]  # and a valid password opens nothing


def test_documents_in_private_collections_stay_private(
    client, pages, django_capture_on_commit_callbacks
):
    private = Collection.get_first_root_node().add_child(name="Valdes dokumenti")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    Document = get_document_model()
    public = Document.objects.create(
        title="Publisks nolikums", file=ContentFile(b"%PDF-1.4", name="nolikums.pdf")
    )
    secret = Document.objects.create(
        title="Valdes protokols",
        file=ContentFile(b"%PDF-1.4", name="protokols.pdf"),
        collection=private,
    )

    page = pages["ka-iestaties"]
    page.body.append(
        (
            "documents",
            {"heading": "", "documents": [{"document": public, "title": ""}, {"document": secret}]},
        )
    )
    with django_capture_on_commit_callbacks(execute=True):  # the reference index
        page.save_revision().publish()

    status, data = get_json(client, "/api/v2/documents/", limit=50)
    assert status == 200
    titles = [item["title"] for item in data["items"]]
    assert "Publisks nolikums" in titles
    assert "Valdes protokols" not in titles
    assert client.get(secret.url).status_code == 302  # Wagtail's view asks to sign in


def test_rich_text_links_in_english_lead_to_english_pages(client, pages):
    english_home = pages["en:home"]
    english_home.intro = f'<p>Read <a linktype="page" id="{pages["par-mums"].id}">about us</a>.</p>'
    english_home.save_revision().publish()

    status, data = get_json(
        client, "/api/v2/pages/", type="home.HomePage", fields="intro", locale="en"
    )
    assert status == 200
    assert 'href="/en/about-us/"' in data["items"][0]["intro"]
    assert 'href="/en/about-us/"' in client.get("/en/").content.decode()


def test_search_with_punctuation_does_not_fail(client):
    status, data = get_json(client, "/api/v2/pages/", search='"stratēģija')
    assert status == 200
    assert "Stratēģija 2021–2027" in {item["title"] for item in data["items"]}
