"""The public pages as a visitor sees them, in Latvian and English."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.synctree import synchronize_tree

from home.blocks import CallToActionBlock, TranslatableTableBlock
from home.models import ContentPage, SiteImage

pytestmark = pytest.mark.django_db


def language_link(html, code):
    match = re.search(rf'<a href="([^"]+)" hreflang="{code}" lang="{code}"', html)
    assert match, f"no {code} link in the language switcher"
    return match.group(1)


def test_home_page_is_latvian_at_the_root(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="lv">' in html
    assert "Labo padarīt vēl labāku" in html
    assert "Pāriet uz saturu" in html  # the interface is Latvian too
    assert "Uzņēmējdarbība laukos" in html  # the seven priority areas, in Latvian
    assert 'href="/ka-iestaties/"' in html  # the call to join


def test_english_home_page_under_en(client):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Making the good even better" in html
    assert "Skip to content" in html
    assert "Rural entrepreneurship" in html
    assert "Uzņēmējdarbība laukos" not in html
    assert 'href="/en/how-to-join/"' in html  # the join button leads to the English page


def test_language_switcher_leads_to_the_translated_page(client):
    html = client.get("/par-mums/").content.decode()
    english_url = language_link(html, "en")
    assert english_url == "/en/about-us/"

    english = client.get(english_url).content.decode()
    assert "<h1>About us</h1>" in english
    assert language_link(english, "lv") == "/par-mums/"


def test_language_switcher_leads_to_the_english_home_when_there_is_no_translation(client, pages):
    draft = ContentPage(title="Tikai latviski", slug="tikai-latviski", intro="Vēl netulkots.")
    pages["home"].add_child(instance=draft)
    synchronize_tree(Locale.objects.get(language_code="lv"), Locale.objects.get(language_code="en"))

    html = client.get("/tikai-latviski/").content.decode()
    assert language_link(html, "en") == "/en/"
    # Only real translations are announced to search engines.
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_hreflang_alternates_name_both_languages(client):
    head = client.get("/par-mums/vesture/").content.decode().split("</head>")[0]
    assert re.search(
        r'<link rel="alternate" hreflang="lv" href="http://[^"]+/par-mums/vesture/">', head
    )
    assert re.search(
        r'<link rel="alternate" hreflang="en" href="http://[^"]+/en/about-us/history/">', head
    )
    assert 'hreflang="x-default"' in head


def test_content_page_shows_its_blocks_and_section(client):
    html = client.get("/par-mums/").content.decode()
    assert "<h1>Par mums</h1>" in html
    assert "<h2>Vīzija</h2>" in html
    assert "Galvu – skaidrai domāšanai" in html  # quote
    assert "<picture>" in html and 'alt="Mazpulcēnu projektu dobes pavasarī"' in html
    assert "© Latvijas Mazpulki" in html  # the image's credit
    assert 'href="/ka-iestaties/"' in html  # call to action to another page
    assert 'href="/par-mums/vesture/"' in html  # the section's subpages

    strategy = client.get("/par-mums/strategija/").content.decode()
    assert "<caption>Stratēģijas galvenie mērķi</caption>" in strategy
    assert "<summary>Iespējas mazpulcēniem</summary>" in strategy
    assert 'aria-label="Navigācijas ceļš"' in strategy


def test_translated_table_and_accordion(client):
    html = client.get("/en/about-us/strategy/").content.decode()
    assert "<caption>The strategy&#x27;s main targets</caption>" in html
    assert "500 members&#x27; projects" in html
    assert "<summary>Opportunities for members</summary>" in html


def test_unpublished_and_private_pages_are_not_shown(client, pages):
    pages["vesture"].unpublish()
    assert client.get("/par-mums/vesture/").status_code == 404

    PageViewRestriction.objects.create(page=pages["ka-iestaties"], restriction_type="login")
    response = client.get("/ka-iestaties/")
    assert response.status_code == 302
    assert response["Location"] == "/konts/login/?next=/ka-iestaties/"


def test_wagtails_own_sign_in_for_private_pages_leads_to_the_sites(client):
    response = client.get("/_util/login/?next=/ka-iestaties/")
    assert response.status_code == 302
    assert response["Location"] == "/konts/login/?next=/ka-iestaties/"


@pytest.mark.parametrize(
    ("url", "language", "message"),
    [
        ("/sadf-nav-tadas-lapas/", "lv", "Lapa nav atrasta"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_not_found_page_in_the_visitors_language(client, url, language, message):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{language}">' in html
    assert f"<h1>{message}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html


@override_settings(ROOT_URLCONF="tests.urls_failing")
@pytest.mark.parametrize(
    ("url", "language", "message"),
    [("/kluda/", "lv", "Kaut kas nogāja greizi"), ("/en/kluda/", "en", "Something went wrong")],
)
def test_server_error_page_in_the_visitors_language(client, url, language, message):
    client.raise_request_exception = False
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html
    assert f"<h1>{message}</h1>" in html


def test_home_page_query_budget(client, django_assert_max_num_queries):
    client.get("/")  # renditions are made on the first view
    # Four sections of other content (news, newspaper, events, opportunities): four each.
    with django_assert_max_num_queries(32):
        assert client.get("/").status_code == 200
    client.get("/en/")
    with django_assert_max_num_queries(35):
        assert client.get("/en/").status_code == 200


def test_content_page_query_budget(client, django_assert_max_num_queries):
    client.get("/par-mums/")
    with django_assert_max_num_queries(19):
        assert client.get("/par-mums/").status_code == 200
    client.get("/en/about-us/strategy/")
    with django_assert_max_num_queries(19):
        assert client.get("/en/about-us/strategy/").status_code == 200


def test_anonymous_pages_can_be_cached(client):
    """No cookie and no `Vary: Cookie` for visitors who are not signed in."""
    response = client.get("/par-mums/")
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_editor_sees_the_wagtail_user_bar(client, coordinator):
    client.force_login(coordinator)
    assert "wagtail-userbar" in client.get("/par-mums/").content.decode()


def test_public_pages_have_a_strict_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_no_page_may_use_the_camera_microphone_or_location(client, world):
    client.force_login(world.parent)
    for address in ("/", "/biedri/", "/admin/login/"):
        policy = client.get(address).headers["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in policy, (address, feature)


def test_search_finds_pages_in_the_visitors_language(client):
    html = client.get("/meklet/", {"q": "stratēģija"}).content.decode()
    assert 'href="/par-mums/strategija/"' in html
    assert "/en/" not in re.sub(r'<link[^>]+>|<a href="/en/[^"]*" hreflang[^>]+>', "", html)

    english = client.get("/en/search/", {"q": "strategy"}).content.decode()
    assert 'href="/en/about-us/strategy/"' in english
    assert 'href="/par-mums/strategija/"' not in english


def test_search_says_when_nothing_is_found(client):
    html = client.get("/meklet/", {"q": "zvaigžņukuģis"}).content.decode()
    assert "0 rezultātu vaicājumam “zvaigžņukuģis”" in html
    assert "Nekas netika atrasts" in html


def test_search_without_a_query_shows_just_the_form(client):
    html = client.get("/meklet/").content.decode()
    assert 'id="search-page-q"' in html
    assert "search-results" not in html


def test_search_page_switches_language_keeping_the_query(client):
    html = client.get("/meklet/", {"q": "mazpulki"}).content.decode()
    assert language_link(html, "en") == "/en/search/?q=mazpulki"


def test_sitemap_lists_pages_in_both_languages(client):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    locations = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", xml)
    assert {"/", "/par-mums/", "/par-mums/strategija/", "/en/", "/en/about-us/strategy/"} <= set(
        locations
    )
    # Private pages (the leaders' library) are not listed.
    assert len(locations) == Page.objects.live().public().filter(depth__gte=2).count()
    assert re.search(r'hreflang="en" href="https?://[^/]+/en/about-us/history/"', xml)


def test_sitemap_leaves_out_aliases_and_drafts(client, pages):
    pages["home"].add_child(instance=ContentPage(title="Jauna", slug="jauna"))
    pages["home"].add_child(instance=ContentPage(title="Melnraksts", slug="melnraksts", live=False))
    synchronize_tree(Locale.objects.get(language_code="lv"), Locale.objects.get(language_code="en"))
    assert client.get("/en/jauna/").status_code == 200  # the alias exists for visitors

    xml = client.get("/sitemap.xml").content.decode()
    assert re.search(r"<loc>https?://[^/]+/jauna/</loc>", xml)
    assert "/en/jauna/" not in xml  # an alias repeats the Latvian text
    assert "melnraksts" not in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in text
    assert "Disallow: /konts/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_documents_video_and_external_call_to_action_blocks(client, pages):
    document = get_document_model().objects.create(
        title="Nolikums 2027", file=ContentFile(b"%PDF-1.4 nolikums", name="nolikums.pdf")
    )
    video = "https://www.youtube.com/watch?v=mazpulki01"
    # The video's embed code as YouTube's oEmbed gives it, kept where Wagtail caches embeds.
    Embed.objects.create(
        url=video,
        hash=get_embed_hash(video),
        type="video",
        html=(
            '<iframe src="https://www.youtube-nocookie.com/embed/mazpulki01" title="Video">'
            "</iframe>"
        ),
        width=640,
        height=360,
    )
    page = ContentPage(
        title="Bloki",
        slug="bloki",
        body=[
            {
                "type": "documents",
                "value": {
                    "heading": "Nolikumi",
                    "documents": [
                        {
                            "type": "item",
                            "id": "5b0e1c4e-2f7a-4c1e-9d3b-1a2b3c4d5e6f",
                            "value": {"document": document.pk, "title": ""},
                        }
                    ],
                },
            },
            {"type": "embed", "value": video},
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Rural Youth Europe",
                    "text": "",
                    "button_label": "Uz vietni",
                    "page": None,
                    "url": "https://www.ruralyoutheurope.com/",
                },
            },
        ],
    )
    pages["home"].add_child(instance=page)

    html = client.get("/bloki/").content.decode()
    assert f'href="{document.url}">Nolikums 2027</a>' in html
    assert "(PDF, " in html
    assert 'src="https://www.youtube-nocookie.com/embed/mazpulki01"' in html
    assert 'href="https://www.ruralyoutheurope.com/">Uz vietni</a>' in html
    policy = client.get("/bloki/").headers["Content-Security-Policy"]
    assert "https://www.youtube-nocookie.com" in policy  # the video may play


def test_call_to_action_needs_a_page_or_an_address_not_both(pages):
    block = CallToActionBlock()
    value = {"heading": "Nāc!", "text": "", "button_label": "Uz priekšu", "page": None, "url": ""}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))
    value |= {"page": pages["par-mums"].pk, "url": "https://mazpulki.lv/"}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))
    value["url"] = ""
    assert block.clean(block.to_python(value))["page"].pk == pages["par-mums"].pk


def test_join_button_needs_its_page(pages):
    home = pages["home"]
    home.join_page = None
    with pytest.raises(ValidationError) as error:
        home.full_clean()
    assert "join_page" in error.value.message_dict


def test_table_block_offers_its_cells_for_translation_and_takes_them_back():
    block = TranslatableTableBlock()
    value = {"data": [["Gads", "Notikums"], ["1928", None]], "table_caption": "Vēsture"}
    segments = block.get_translatable_segments(value)
    assert [(s.path, s.render_text()) for s in segments] == [
        ("caption", "Vēsture"),
        ("r0c0", "Gads"),
        ("r0c1", "Notikums"),
        ("r1c0", "1928"),
    ]
    english = {"caption": "History", "r0c0": "Year", "r0c1": "Event", "r1c0": "1928"}
    translated = block.restore_translated_segments(
        value, [StringSegmentValue(path, text) for path, text in english.items()]
    )
    assert translated == {"data": [["Year", "Event"], ["1928", None]], "table_caption": "History"}
    assert value["data"][0] == ["Gads", "Notikums"]  # the Latvian original is untouched


def test_a_deleted_picture_or_document_leaves_the_page_working(client, pages):
    document = get_document_model().objects.create(
        title="Vecs nolikums", file=ContentFile(b"%PDF-1.4", name="vecs.pdf")
    )
    page = pages["vesture"]
    page.body.append(("documents", {"heading": "Arhīvs", "documents": [{"document": document}]}))
    page.save_revision().publish()
    document.delete()
    SiteImage.objects.get(title="Projektu dobes").delete()  # shown on /par-mums/

    for url in ["/par-mums/vesture/", "/par-mums/"]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Vecs nolikums" not in client.get("/par-mums/vesture/").content.decode()


def test_an_untranslated_page_under_en_points_search_engines_to_the_latvian_one(client, pages):
    pages["home"].add_child(instance=ContentPage(title="Tikai latviski", slug="tikai-latviski"))
    synchronize_tree(Locale.objects.get(language_code="lv"), Locale.objects.get(language_code="en"))

    html = client.get("/en/tikai-latviski/").content.decode()
    assert re.search(r'<link rel="canonical" href="https?://[^/]+/tikai-latviski/">', html)
    assert '<main id="main" tabindex="-1" lang="lv">' in html  # the text is Latvian


def test_absolute_addresses_use_the_sites_address(client, settings, pages):
    settings.SITE_BASE_URL = "https://mazpulki.lv"
    call_command("sync_site_address", stdout=io.StringIO())

    head = client.get("/par-mums/").content.decode().split("</head>")[0]
    assert '<link rel="canonical" href="https://mazpulki.lv/par-mums/">' in head
    assert '<link rel="alternate" hreflang="en" href="https://mazpulki.lv/en/about-us/">' in head
    assert (
        "<loc>https://mazpulki.lv/en/about-us/</loc>" in client.get("/sitemap.xml").content.decode()
    )


def test_search_with_punctuation_still_searches(client):
    response = client.get("/meklet/", {"q": '"stratēģija (2021)'})
    assert response.status_code == 200
    assert 'href="/par-mums/strategija/"' in response.content.decode()


def test_search_results_summarise_rich_text_as_plain_text(client, pages):
    home = pages["home"]
    home.search_description = ""
    home.intro = "<p>Pētniecība &amp; <b>prakse</b> laukos.</p>"
    home.save_revision().publish()
    html = client.get("/meklet/", {"q": "prakse laukos"}).content.decode()
    assert "<p>Pētniecība &amp; prakse laukos.</p>" in html
    assert "&amp;amp;" not in html and "&lt;b&gt;" not in html
