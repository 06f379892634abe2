"""The editors' side: the Wagtail admin works for the site's own models."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Site

from home.models import ContentPage, PriorityArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, coordinator):
    client.force_login(coordinator)
    return client


def test_admin_pages_for_the_sites_models_open(editor, pages):
    area = PriorityArea.objects.filter(locale__language_code="lv").first()
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[pages["home"].id]),
        reverse("wagtailadmin_pages:edit", args=[pages["par-mums"].id]),
        reverse("wagtailadmin_pages:edit", args=[pages["en:par-mums"].id]),
        reverse("wagtailadmin_pages:add", args=["home", "contentpage", pages["home"].id]),
        reverse("wagtailimages:add"),
        reverse("wagtailsnippets_home_priorityarea:list"),
        reverse("wagtailsnippets_home_priorityarea:edit", args=[area.pk]),
        reverse("wagtailsnippets_home_region:list"),
        reverse(
            "wagtailsettings:edit",
            args=["home", "organisationsettings", Site.objects.get(is_default_site=True).pk],
        ),
    ]
    for url in urls:
        assert editor.get(url).status_code == 200, url


def test_admin_sends_no_editors_address_to_gravatar(editor):
    assert "gravatar.com" not in editor.get(reverse("wagtailadmin_home")).content.decode()


def test_a_page_made_in_the_admin_appears_in_english_as_an_alias(editor, pages):
    """Tree sync: a new Latvian page exists under /en/ until it is translated."""
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=["home", "contentpage", pages["home"].id]),
        {
            "title": "Jaunumi no biroja",
            "slug": "jaunumi-no-biroja",
            "intro": "Ievads",
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(slug="jaunumi-no-biroja", locale__language_code="lv")
    alias = page.get_translation(Locale.objects.get(language_code="en"))
    assert alias.alias_of_id == page.id
    assert editor.get("/en/jaunumi-no-biroja/").status_code == 200


def test_organisation_details_are_edited_in_the_admin_and_shown_in_the_footer(editor):
    site = Site.objects.get(is_default_site=True)
    response = editor.post(
        reverse("wagtailsettings:edit", args=["home", "organisationsettings", site.pk]),
        {
            "organisation_name": "Biedrība „Latvijas Mazpulki”",
            "address": "Rīga, Latvija",
            "email": "birojs@mazpulki.lv",
            "phone": "+371 6700 0000",
            "facebook_url": "https://www.facebook.com/mazpulki",
        },
    )
    assert response.status_code == 302
    editor.logout()
    html = editor.get("/").content.decode()
    assert 'href="mailto:birojs@mazpulki.lv"' in html
    assert 'href="tel:+37167000000"' in html
    assert 'href="https://www.facebook.com/mazpulki"' in html
    assert "instagram" not in html.lower()  # emptied in the form


def test_admin_pages_for_news_and_the_newspaper_open(editor, pages):
    from news.models import NewsPage, NewsTag
    from newspaper.models import NewspaperIssuePage

    article = NewsPage.objects.filter(locale__language_code="lv").first()
    issue = NewspaperIssuePage.objects.filter(locale__language_code="lv").first()
    tag = NewsTag.objects.filter(locale__language_code="lv").first()
    urls = [
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:edit", args=[issue.pk]),
        reverse("wagtailadmin_pages:edit", args=[pages["jaunumi"].pk]),
        reverse("wagtailadmin_pages:edit", args=[pages["avize-mazpulks"].pk]),
        reverse("wagtailadmin_pages:add", args=["news", "newspage", pages["jaunumi"].pk]),
        reverse(
            "wagtailadmin_pages:add",
            args=["newspaper", "newspaperissuepage", pages["avize-mazpulks"].pk],
        ),
        reverse("wagtailsnippets_news_newstag:list"),
        reverse("wagtailsnippets_news_newstag:edit", args=[tag.pk]),
    ]
    for url in urls:
        assert editor.get(url).status_code == 200, url


def test_the_topic_choices_in_the_editor_are_the_latvian_terms(editor, pages):
    from news.models import NewsPage

    article = NewsPage.objects.filter(locale__language_code="lv").first()
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Vides izglītība" in html
    assert "Environmental education" not in html  # each term once, not once per language


def test_a_new_article_can_be_previewed_before_it_is_saved(editor, pages):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    from home.models import PriorityArea

    area = PriorityArea.objects.get(locale__language_code="lv", slug="vides-izglitiba")
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["news", "newspage", pages["jaunumi"].pk]
    )
    data = nested_form_data(
        {
            "title": "Priekšskatījuma ziņa",
            "slug": "prieksskatijuma-zina",
            "date": "2026-11-26",
            "lead": "Ievads priekšskatījumam.",
            "body": streamfield([]),
            "author_name": "",
            "related_article_links": inline_formset([]),
        }
    )
    data["priority_areas"] = [str(area.pk)]  # a multiple choice: one key, several values
    assert editor.post(url, data).json()["is_valid"] is True
    html = editor.get(url).content.decode()
    assert "Priekšskatījuma ziņa" in html
    assert "Ievads priekšskatījumam." in html
    assert f'href="/jaunumi/?area={area.slug}">{area.name}</a>' in html
    assert "Saistītās ziņas" in html  # computed from the chosen area, before any save
