"""`manage.py load_demo_content`: a whole bilingual site, and nothing more the second time."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from home.models import PriorityArea, Region, SiteImage
from mazpulki.management.commands.load_demo_content import demo_pages
from news.models import NewsPage, NewsTag
from newspaper.models import NewspaperIssuePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "latest_revision_id", "live", "path")),
        "revisions": Revision.objects.count(),
        "images": sorted(SiteImage.objects.values_list("id", "file", "file_hash")),
        "translations": StringTranslation.objects.count(),
        "users": get_user_model().objects.count(),
        "taxonomy": (
            PriorityArea.objects.count(),
            Region.objects.count(),
            NewsTag.objects.count(),
        ),
        "documents": sorted(get_document_model().objects.values_list("id", "file", "file_hash")),
    }


def test_running_the_loader_again_changes_nothing():
    before = snapshot()
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert snapshot() == before
    assert "nothing changed" in output.getvalue()


def test_every_latvian_page_has_a_complete_english_translation():
    english = Locale.objects.get(language_code="en")
    latvian_pages = Page.objects.filter(depth__gte=2, locale__language_code="lv")
    assert latvian_pages.count() == len(demo_pages()) + 1 > 40  # the home page too
    for page in latvian_pages:
        translation = page.get_translation(english)
        assert translation.live and translation.alias_of_id is None, page.title
        progress = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=english
        ).get_progress()
        total, translated = progress
        assert translated == total, f"{page.title}: {translated} of {total} strings in English"


def test_the_page_tree_is_sound():
    """Translations made in one go must not corrupt the tree (child counts, paths)."""
    assert all(not problems for problems in Page.find_problems())


def test_taxonomy_is_seeded_in_both_languages():
    assert PriorityArea.objects.filter(locale__language_code="lv").count() == 7
    assert PriorityArea.objects.filter(locale__language_code="en").count() == 7
    assert Region.objects.filter(locale__language_code="lv").count() == 5
    riga = Region.objects.get(slug="riga", locale__language_code="lv")
    assert riga.name == "Rīga"
    assert riga.get_translation(Locale.objects.get(language_code="en")).name == "Riga"


def test_demo_coordinator_can_sign_in_to_the_admin(client):
    from tests.conftest import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD

    assert EmailAddress.objects.get(email=DEMO_ADMIN_EMAIL).verified
    response = client.post(
        "/konts/login/", {"login": DEMO_ADMIN_EMAIL, "password": DEMO_ADMIN_PASSWORD}
    )
    assert response.status_code == 302
    # Staff turn on a second factor before the admin opens (see test_second_factor).
    assert client.get("/admin/")["Location"] == "/konts/2fa/totp/activate/"


def test_a_new_coordinator_password_is_printed_once(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_EMAIL", "jauns@mazpulki.example")
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo_content", stdout=first)
    call_command("load_demo_content", stdout=second)

    password = first.getvalue().split("password: ")[1].split()[0]
    assert get_user_model().objects.get(email="jauns@mazpulki.example").check_password(password)
    assert "password" not in second.getvalue()


def test_news_span_three_years_in_both_languages():
    latvian = NewsPage.objects.live().filter(locale__language_code="lv")
    assert latvian.count() >= 30
    assert {article.date.year for article in latvian} >= {2024, 2025, 2026}
    assert NewsPage.objects.live().filter(locale__language_code="en", alias_of=None).count() == (
        latvian.count()
    )
    assert all(article.priority_areas.exists() and article.main_image for article in latvian)
    english_tags = NewsTag.objects.filter(locale__language_code="en")
    assert english_tags.count() == NewsTag.objects.filter(locale__language_code="lv").count()
    assert "camp" in {tag.name for tag in english_tags}


def test_newspaper_issues_have_a_pdf_a_cover_and_contents():
    issues = NewspaperIssuePage.objects.live().filter(locale__language_code="lv")
    assert issues.count() >= 6
    for issue in issues:
        assert issue.cover_image and issue.contents
        with issue.pdf.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
