"""The headless API (/api/v2/): public content for other software, nothing more."""

import json

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def get_json(client, url, **params):
    response = client.get(url, params)
    return response.status_code, response.json()


def test_pages_lists_the_demo_pages_in_both_languages(client):
    status, data = get_json(client, "/api/v2/pages/", limit=50)
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
    status, data = get_json(client, "/api/v2/pages/", locale="lv", limit=50)
    assert status == 200
    titles = {item["title"] for item in data["items"]}
    assert "Vēsture" not in titles
    assert "Kā iestāties" not in titles
    assert "Par mums" in titles


def test_images_give_renditions_never_the_original(client):
    status, listing = get_json(client, "/api/v2/images/")
    assert status == 200
    assert listing["meta"]["total_count"] == 3
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


def test_documents_endpoint_answers(client):
    status, data = get_json(client, "/api/v2/documents/")
    assert status == 200
    assert data["meta"]["total_count"] == 0


def test_page_listing_query_budget(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get("/api/v2/pages/", {"limit": 50}).status_code == 200
