"""The brandbook: the palette (one source for the site's CSS), logo files, promotional materials."""

import csv
import html as html_module
import io
import itertools
import re
import time
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from brandbook import colours, demo_content, documents, services
from brandbook.blocks import LogoVariantBlock
from brandbook.models import (
    BrandbookPage,
    BrandColour,
    PromoItem,
    PromoMaterialsPage,
    PromoOrder,
)
from home.models import OrganisationSettings, SiteImage

pytestmark = pytest.mark.django_db

SLUGS = itertools.count()
SCRIPTED_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<script>alert("owned")</script><rect width="10" height="10" onload="alert(1)"/></svg>'
)
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n%%EOF\n"


# Helpers and fixtures -------------------------------------------------------------------------


def make_document(name, content, title=None):
    document = get_document_model()(title=title or name)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def make_image(title="Prezentmateriāls", make=demo_content.photo_badge):
    image = SiteImage(title=title, description=f"{title}: bilde")
    image.file.save(f"{title}.jpg", ContentFile(make()), save=False)
    image.save()
    return image


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def logo_files():
    return {
        "svg": make_document("logo.svg", demo_content.logo_svg(), "Logotips (SVG)"),
        "png": make_document("logo.png", demo_content.logo_png(), "Logotips (PNG)"),
        "pdf": make_document("logo.pdf", demo_content.logo_pdf(), "Logotips (PDF)"),
    }


def logo_variant(files, name="Krāsainais logotips", preview=None):
    return {
        "name": name,
        "description": "Uz gaiša fona.",
        "background": "light",
        "preview": preview.pk if preview else None,
        "svg": files["svg"].pk if files.get("svg") else None,
        "png": files["png"].pk if files.get("png") else None,
        "pdf": files["pdf"].pk if files.get("pdf") else None,
    }


def rule(image, verdict="do", text="Atstājiet brīvu vietu ap logotipu."):
    return {
        "verdict": verdict,
        "text": text,
        "image": {"image": image.pk, "alt_text": f"Piemērs: {text}", "decorative": False},
    }


def brandbook_body(files, variants=None, rules=None, roles=()):
    template = make_document("veidlapa.pdf", MINIMAL_PDF, "Vēstules veidlapa")
    image = SiteImage.objects.first()
    return [
        {
            "type": "logos",
            "value": {
                "heading": "Logotips",
                "intro": "Četrlapu āboliņš.",
                "variants": variants or [logo_variant(files)],
            },
        },
        {
            "type": "palette",
            "value": {"heading": "Krāsas", "intro": "", "roles": list(roles)},
        },
        {
            "type": "typography",
            "value": {
                "heading": "Burti",
                "intro": "",
                "typefaces": [
                    {
                        "name": "Sistēmas fonts",
                        "usage": "Virsraksti",
                        "sample": "Četrlapu āboliņš: galva, sirds, rokas, veselība",
                        "style": "heading",
                        "weights": "400, 700",
                        "download": None,
                        "link": "",
                    }
                ],
            },
        },
        {
            "type": "templates",
            "value": {
                "heading": "Veidnes",
                "intro": "",
                "templates": [{"name": "Vēstule", "description": "A4", "document": template.pk}],
            },
        },
        {
            "type": "rules",
            "value": {
                "heading": "Lietošanas noteikumi",
                "intro": "",
                "rules": rules or [rule(image), rule(image, "dont", "Neizstiepiet logotipu.")],
            },
        },
    ]


def publish_brandbook(parent, body, slug=None):
    page = BrandbookPage(
        title="Zīmolgrāmata",
        slug=slug or f"zimolgramata-{next(SLUGS)}",
        intro="Logotips, krāsas un burti.",
        body=body,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, english, title, slug):
    translation = page.copy_for_translation(english)
    translation.title = title
    translation.slug = slug
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)  # with its new address


@pytest.fixture
def brandbook(pages, logo_files):
    return publish_brandbook(pages["home"], brandbook_body(logo_files))


@pytest.fixture
def english_brandbook(brandbook, english):
    return translate(brandbook, english, "Brandbook", f"brandbook-{next(SLUGS)}")


def add_items(count=0, photo=None):
    """The demo's items (Latvian and English), and `count` more in Latvian."""
    latvian, english = (
        Locale.objects.get(language_code="lv"),
        Locale.objects.get(language_code="en"),
    )
    images = dict.fromkeys(demo_content.DEMO_IMAGES, photo) if photo else {}
    items = demo_content.ensure_promo_items(latvian, english, images)
    for number in range(count):
        items.append(
            PromoItem.objects.create(
                locale=latvian,
                name=f"Zīmulis {number}",
                price=Decimal("0.80"),
                photo=photo,
                sort_order=100 + number,
            )
        )
    return items


@pytest.fixture
def items():
    return {item.name: item for item in add_items(photo=make_image())}


@pytest.fixture
def promo_page(brandbook, items):
    page = PromoMaterialsPage(
        title="Prezentmateriāli",
        slug="prezentmateriali",
        intro="Krekli un nozīmītes.",
        next_steps="Atbildēsim trīs darba dienās.",
    )
    brandbook.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def english_promo_page(promo_page, english_brandbook, english):
    page = promo_page.copy_for_translation(english)
    page.title = "Promotional materials"
    page.slug = "promotional-materials"
    page.intro = "T-shirts and badges."
    page.next_steps = "We answer within three working days."
    page.save_revision().publish()
    return PromoMaterialsPage.objects.get(pk=page.pk)


@pytest.fixture
def office():
    settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = "birojs@mazpulki.example"
    settings.save()
    return settings.email


def order_data(page, items, now=None, **changes):
    """A filled-in order form, shown `now` (ten seconds ago unless said)."""
    shown = time.time() - 10 if now is None else now
    data = {
        "name": "Ilze Ozola",
        "organisation": "Cesvaines mazpulks",
        "email": "ilze@example.com",
        "phone": "+371 20000000",
        "message": "Krekli: 5 × M, 5 × L.",
        "website": "",
        "started": services.form_token(page.pk, now=shown),
        f"quantity_{items['T-krekls'].pk}": "10",
        f"quantity_{items['Nozīmīte'].pk}": "25",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def post_order(client, page, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(page.url, data)


def colour_item(html, hex_value):
    """The HTML of one colour of the palette section, found by its HEX."""
    for chunk in html.split('<li class="palette__colour">')[1:]:
        if f"<code>{hex_value}</code>" in chunk:
            return chunk.split("</table>", 1)[0]
    raise AssertionError(f"{hex_value} is not in the palette")


# Contrast -------------------------------------------------------------------------------------


def test_contrast_ratios_of_known_pairs():
    assert colours.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert colours.contrast_ratio("#fff", "#000") == pytest.approx(21.0)  # either order
    assert colours.contrast_ratio("#17602e", "#17602e") == pytest.approx(1.0)
    # #777777: each channel 119/255 = 0.4667 -> ((0.4667 + 0.055) / 1.055) ** 2.4 = 0.1845;
    # (1.05) / (0.1845 + 0.05) = 4.478: just below AA for normal text.
    assert colours.relative_luminance("#777777") == pytest.approx(0.1845, abs=1e-4)
    assert colours.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.478, abs=1e-3)
    # #17602e: R 23 -> 0.00857, G 96 -> 0.1170, B 46 -> 0.0273;
    # L = 0.2126 * 0.00857 + 0.7152 * 0.1170 + 0.0722 * 0.0273 = 0.0875;
    # (1.05) / (0.0875 + 0.05) = 7.64 (site.css's comment says 7.3: it is 7.64).
    assert colours.relative_luminance("#17602e") == pytest.approx(0.0875, abs=1e-4)
    assert colours.contrast_ratio("#17602e", "#ffffff") == pytest.approx(7.64, abs=0.01)
    assert colours.contrast_ratio("#17602e", "#000000") == pytest.approx(2.75, abs=0.01)
    assert colours.relative_luminance("#ffffff") == pytest.approx(1.0)
    assert colours.relative_luminance("#000") == 0


def test_aa_verdicts_use_the_exact_ratio():
    assert colours.passes_aa(4.5) and colours.passes_aa(3.0, large_text=True)
    assert not colours.passes_aa(4.478)
    assert colours.passes_aa(4.478, large_text=True)
    assert not colours.passes_aa(2.99, large_text=True)
    on_white, on_black = colours.contrasts("#777777")
    assert (on_white.normal_text, on_white.large_text) == (False, True)
    assert (on_black.normal_text, on_black.large_text) == (True, True)  # 4.69:1
    assert on_white.display == "4.48:1"  # rounded, and still shown failing
    assert colours.display_ratio(7.639) == 7.64
    assert colours.display_ratio(4.497) == 4.49
    assert colours.display_ratio(2.996) == 2.99


def test_colour_values_are_normalised_and_checked():
    assert colours.normalise_hex("17602E") == "#17602e"
    assert colours.normalise_hex("#abc") == "#aabbcc"
    assert colours.hex_to_rgb("#17602e") == (23, 96, 46)
    assert colours.approximate_cmyk("#17602e") == (76, 0, 52, 62)
    assert colours.approximate_cmyk("#000000") == (0, 0, 0, 100)
    assert colours.parse_cmyk("C76 M0 Y52 K62") == (76, 0, 52, 62)
    assert colours.parse_cmyk("76/0/52/62") == (76, 0, 52, 62)
    for bad in ("#12345g", "red", "#1234"):
        with pytest.raises(ValueError):
            colours.normalise_hex(bad)
    with pytest.raises(ValueError):
        colours.parse_cmyk("120 0 0 0")


# The palette ----------------------------------------------------------------------------------


def test_the_site_colours_are_seeded_as_the_palette_in_both_languages():
    latvian = dict(BrandColour.objects.source().values_list("css_name", "hex"))
    assert latvian == {
        "clover": "#17602e",
        "clover-dark": "#0f4320",
        "leaf": "#d9efd9",
        "sun": "#f4c542",
        "sun-light": "#fdf3d0",
        "ink": "#1b1f1c",
        "muted": "#4a534d",
        "paper": "#ffffff",
        "mist": "#f4f6f4",
        "line": "#c9d1cb",
        "error": "#a4161a",
        "focus": "#1a56db",
    }
    clover = BrandColour.objects.get(locale__language_code="lv", css_name="clover")
    assert clover.name == "Āboliņa zaļā"
    translation = BrandColour.objects.get(
        locale__language_code="en", translation_key=clover.translation_key
    )
    assert (translation.name, translation.hex) == ("Clover green", "#17602e")


def test_the_palette_shows_hex_rgb_cmyk_pantone_contrast_and_verdicts(client, english_brandbook):
    sun = BrandColour.objects.get(locale__language_code="lv", css_name="sun")
    sun.cmyk, sun.pantone = "0 20 80 0", "PMS 123 C"
    sun.save()

    html = client.get(english_brandbook.url).content.decode()
    clover = colour_item(html, "#17602e")
    assert "Clover green" in clover  # named in the page's language
    assert "23, 96, 46" in clover
    assert "≈ 76 / 0 / 52 / 62" in clover and "computed" in clover  # no print value: computed
    assert "var(--color-clover)" in clover
    assert 'class="palette__swatch brand-swatch--clover"' in clover
    white, black = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", clover, re.S)
    assert white.startswith("White") and "7.64:1" in white
    assert white.count("Passes") == 2  # normal and large text
    assert black.startswith("Black") and "2.75:1" in black
    assert black.count("Fails") == 2  # 2.75 is below 3

    sun_html = colour_item(html, "#f4c542")
    assert "0 / 20 / 80 / 0" in sun_html and "≈" not in sun_html  # the printer's values
    assert "PMS 123 C" in sun_html
    sun_white, sun_black = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", sun_html, re.S)
    assert "1.63:1" in sun_white and "Passes" not in sun_white
    assert "12.91:1" in sun_black and sun_black.count("Passes") == 2

    grey = colour_item(html, "#4a534d")  # muted: 7.97:1 on white
    assert "7.97:1" in grey

    latvian_html = client.get(
        english_brandbook.get_translation(Locale.objects.get(language_code="lv")).url
    ).content.decode()
    assert "Āboliņa zaļā" in colour_item(latvian_html, "#17602e")


def test_a_palette_section_may_show_only_some_kinds_of_colours(client, pages, logo_files):
    page = publish_brandbook(pages["home"], brandbook_body(logo_files, roles=["interface"]))
    html = client.get(page.url).content.decode()
    shown = re.findall(r"<dd><code>(#[0-9a-f]{6})</code></dd>", html)
    assert shown == ["#a4161a", "#1a56db"]


def test_the_page_has_every_section_with_its_files_and_pictures(client, brandbook, logo_files):
    html = client.get(brandbook.url).content.decode()
    for heading in ("Logotips", "Krāsas", "Burti", "Veidnes", "Lietošanas noteikumi"):
        assert f">{heading}</h2>" in html
        assert f">{heading}</a></li>" in html  # in the table of contents
    for document in logo_files.values():
        assert f'<a href="{document.url}" download>' in html
    assert "Četrlapu āboliņš: galva, sirds, rokas, veselība" in html
    assert 'class="type-sample type-sample--heading"' in html
    assert "Vēstule</a>" in html and "(PDF" in html
    assert html.count('class="card rule rule--do"') == 1
    assert html.count('class="card rule rule--dont"') == 1
    assert 'alt="Piemērs: Neizstiepiet logotipu."' in html


def test_the_stylesheet_is_made_from_the_palette():
    css = colours.stylesheet([("clover", "#17602E"), ("sun", "#f4c542")])
    # html:root: wins over the fallback :root of site.css, linked before or after it.
    assert "html:root {\n    --color-clover: #17602e;\n    --color-sun: #f4c542;\n}" in css
    assert ".brand-swatch--clover { background-color: var(--color-clover); }" in css


def test_the_css_view_serves_the_palette_and_follows_an_edit_in_the_admin(client, coordinator):
    response = client.get("/brand-colours.css")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    for colour in BrandColour.objects.source():
        assert f"--color-{colour.css_name}: {colour.hex};" in css
    assert css.index("--color-clover:") < css.index("--color-focus:")  # in the palette's order
    etag = response["ETag"]
    assert response["Cache-Control"] == "public, max-age=300"  # no version: a short while

    from brandbook.templatetags.brandbook_tags import brand_colours_css_url

    versioned = brand_colours_css_url()
    assert versioned.startswith("/brand-colours.css?v=")
    response = client.get(versioned)
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert client.get(versioned, HTTP_IF_NONE_MATCH=etag).status_code == 304

    # An editor changes the clover green in the admin.
    clover = BrandColour.objects.get(locale__language_code="lv", css_name="clover")
    client.force_login(coordinator)
    response = client.post(
        reverse("wagtailsnippets_brandbook_brandcolour:edit", args=[clover.pk]),
        {
            "name": clover.name,
            "hex": "#1B7A3A",
            "css_name": "clover",
            "role": "brand",
            "usage": clover.usage,
            "cmyk": "",
            "pantone": "",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()

    response = client.get("/brand-colours.css")
    assert "--color-clover: #1b7a3a;" in response.content.decode()  # stored normalised
    assert response["ETag"] != etag
    assert client.get("/brand-colours.css", HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert brand_colours_css_url() != versioned  # pages link the new stylesheet
    assert client.get(versioned)["Cache-Control"] == "public, max-age=300"  # old link: short
    # The English colour follows the Latvian one at once.
    assert (
        BrandColour.objects.get(
            locale__language_code="en", translation_key=clover.translation_key
        ).hex
        == "#1b7a3a"
    )


def test_a_deleted_colour_leaves_the_stylesheet():
    focus = BrandColour.objects.filter(css_name="focus")
    assert "--color-focus" in Client().get("/brand-colours.css").content.decode()
    focus.delete()
    assert "--color-focus" not in Client().get("/brand-colours.css").content.decode()


def test_bad_colour_values_are_refused_with_a_message(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("wagtailsnippets_brandbook_brandcolour:add"),
        {
            "name": "Nepareiza",
            "hex": "#12345g",
            "css_name": "Clover Green",
            "role": "brand",
            "usage": "",
            "cmyk": "120 0 0 0",
            "pantone": "",
            "sort_order": "0",
            "locale": Locale.objects.get(language_code="lv").pk,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"hex", "css_name", "cmyk"}
    assert not BrandColour.objects.filter(name="Nepareiza").exists()


# Logo files and SVG ---------------------------------------------------------------------------


def test_an_svg_with_a_script_is_served_only_as_a_download_that_cannot_run_scripts(client):
    document = make_document("evil.svg", SCRIPTED_SVG, "Logotips")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"].startswith("attachment")
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_brandbook_never_puts_svg_markup_in_its_page(client, pages, logo_files):
    evil = make_document("evil.svg", SCRIPTED_SVG, "Logotips ar skriptu")
    files = {**logo_files, "svg": evil}
    page = publish_brandbook(pages["home"], brandbook_body(files))  # stored past the checks
    html = client.get(page.url).content.decode()
    assert "<svg" not in html and "alert(" not in html
    # The SVG appears only as a picture (where scripts never run) and as a download.
    assert f'<img src="{evil.url}" alt="Logotips: Krāsainais logotips" loading="lazy">' in html
    assert f'<a href="{evil.url}" download>' in html
    uses = [match.start() for match in re.finditer(re.escape(evil.url), html)]
    assert len(uses) == 2


def test_a_logo_variant_refuses_an_unsafe_svg_or_a_file_of_the_wrong_kind(logo_files):
    block = LogoVariantBlock()
    good = block.to_python(logo_variant(logo_files))
    assert block.clean(good)

    evil = make_document("evil.svg", SCRIPTED_SVG)
    for files in ({**logo_files, "svg": evil}, {**logo_files, "png": logo_files["pdf"]}, {}):
        with pytest.raises(Exception) as error:
            block.clean(block.to_python(logo_variant(files)))
        assert error.typename == "StructBlockValidationError"


def list_block(items):
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def brandbook_form(files, action="publish"):
    variant = {
        "name": "Krāsainais logotips",
        "description": "",
        "background": "light",
        "preview": "",
        **{kind: str(files[kind].pk) if kind in files else "" for kind in ("svg", "png", "pdf")},
    }
    data = {
        "title": "Zīmolgrāmata",
        "slug": f"zimolgramata-{next(SLUGS)}",
        "intro": "",
        "body": streamfield(
            [
                ("logos", {"heading": "Logotips", "intro": "", "variants": list_block([variant])}),
                ("palette", {"heading": "Krāsas", "intro": ""}),
            ]
        ),
    }
    return {**nested_form_data(data), f"action-{action}": action}


def test_an_editor_cannot_publish_a_logo_whose_svg_could_run_code(
    client, coordinator, pages, logo_files
):
    client.force_login(coordinator)
    url = reverse("wagtailadmin_pages:add", args=["brandbook", "brandbookpage", pages["home"].pk])
    evil = make_document("evil.svg", SCRIPTED_SVG, "Logotips ar skriptu")
    latvian = BrandbookPage.objects.filter(locale__language_code="lv")
    before = latvian.count()  # the demo has one
    response = client.post(url, brandbook_form({**logo_files, "svg": evil}))
    assert response.status_code == 200
    error = response.context["form"].errors["body"].as_data()[0]
    variant_error = error.block_errors[0].block_errors["variants"].block_errors[0]
    assert "Logotips ar skriptu" in str(variant_error.block_errors["svg"])
    assert latvian.count() == before  # nothing saved

    response = client.post(url, brandbook_form(logo_files))
    assert response.status_code == 302
    assert latvian.count() == before + 1
    page = latvian.filter(live=True).latest("pk")
    assert page.body[0].value["variants"][0]["svg"] == logo_files["svg"]


@pytest.fixture
def svg_uploads(settings):
    """The settings the engineer adds: SVG and PNG logos, and the checking upload form."""
    settings.WAGTAILDOCS_EXTENSIONS = [*settings.WAGTAILDOCS_EXTENSIONS, "svg", "png"]
    settings.WAGTAILDOCS_DOCUMENT_FORM_BASE = "brandbook.forms.SafeDocumentForm"


@pytest.mark.parametrize(
    "svg",
    [
        SCRIPTED_SVG,
        b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1" ONCLICK="x()"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>hi</p></foreignObject></svg>',
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>',
    ],
)
def test_the_admin_refuses_to_upload_an_svg_that_could_run_code(
    client, coordinator, svg_uploads, svg
):
    client.force_login(coordinator)
    Document = get_document_model()
    before = Document.objects.count()
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Logotips", "file": SimpleUploadedFile("logo.svg", svg, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert "Šajā SVG failā ir skripti, notikumu apstrādātāji vai saites" in (
        response.content.decode()
    )  # the editor's language
    assert Document.objects.count() == before


def test_the_admin_accepts_a_plain_svg_logo_also_several_at_once(client, coordinator, svg_uploads):
    client.force_login(coordinator)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Logotips",
            "file": SimpleUploadedFile("logo.svg", demo_content.logo_svg(), "image/svg+xml"),
            # With the leaders' library there is more than one collection to choose from.
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Logotips").exists()

    # The multiple uploader uses the same form.
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("evil.svg", SCRIPTED_SVG, "image/svg+xml")},
    )
    assert response.json()["success"] is False
    assert not get_document_model().objects.filter(title="evil").exists()


# Promotional materials ------------------------------------------------------------------------


def test_the_promo_page_lists_items_with_prices_availability_and_quantities(
    client, english_promo_page, items
):
    html = client.get(english_promo_page.url).content.decode()
    names = [
        html_module.unescape(name) for name in re.findall(r'class="card__title">([^<]+)<', html)
    ]
    assert names == ["T-shirt", "Cap", "Notebook", "Badge", "Reflective band", "Tote bag"]
    assert "8.50 €" in html and "1.20 €" in html
    assert "Out of stock" in html and "Made to order" in html and "In stock" in html
    for name, item in items.items():
        field = f'name="quantity_{item.pk}"'
        assert (field in html) is (item.availability != "out_of_stock"), name
    assert 'method="post"' in html and 'name="csrfmiddlewaretoken"' in html
    assert 'name="started"' in html and 'name="website"' in html
    assert 'class="promo-item__photo"' in html  # photos as renditions

    latvian = client.get(
        english_promo_page.get_translation(Locale.objects.get(language_code="lv")).url
    ).content.decode()
    assert "T-krekls" in latvian and "8,50 €" in latvian


def test_an_order_is_stored_emailed_to_the_office_and_confirmed_in_english(
    client, english_promo_page, items, office, django_capture_on_commit_callbacks
):
    response = post_order(
        client,
        english_promo_page,
        order_data(english_promo_page, items),
        django_capture_on_commit_callbacks,
    )
    order = PromoOrder.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(f"{english_promo_page.url}thank-you/?ref=")
    assert (order.name, order.organisation, order.email, order.language) == (
        "Ilze Ozola",
        "Cesvaines mazpulks",
        "ilze@example.com",
        "en",
    )
    lines = [(line.item_name, line.quantity, line.unit_price) for line in order.lines.all()]
    assert lines == [("T-krekls", 10, Decimal("8.50")), ("Nozīmīte", 25, Decimal("1.20"))]
    assert order.total == Decimal("115.00")

    to_office, confirmation = mail.outbox
    assert to_office.to == [office]
    assert to_office.reply_to == ["ilze@example.com"]
    assert order.reference in to_office.subject
    assert "T-krekls × 10" in to_office.body and "Nozīmīte × 25" in to_office.body
    assert "115,00 €" in to_office.body  # the office reads Latvian
    assert "Cesvaines mazpulks" in to_office.body and "Krekli: 5 × M" in to_office.body

    assert confirmation.to == ["ilze@example.com"]
    assert confirmation.subject == f"We have received your order request {order.reference}"
    assert confirmation.body.startswith("Hello,")  # what a stranger typed is not mailed back
    assert "Ilze Ozola" not in confirmation.body
    assert "T-shirt × 10" in confirmation.body and "Badge × 25" in confirmation.body
    assert "115.00 €" in confirmation.body
    assert "We answer within three working days." in confirmation.body

    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you: we have received your request" in thanks
    assert order.reference in thanks and "T-shirt" in thanks and "115.00" in thanks
    assert "What happens next" in thanks and "We answer within three working days." in thanks


def test_a_latvian_order_is_confirmed_in_latvian_and_goes_to_the_default_address(
    client, promo_page, items, settings, django_capture_on_commit_callbacks
):
    OrganisationSettings.objects.update(email="")
    response = post_order(
        client, promo_page, order_data(promo_page, items), django_capture_on_commit_callbacks
    )
    assert response["Location"].startswith(f"{promo_page.url}paldies/?ref=")
    to_office, confirmation = mail.outbox
    assert to_office.to == [settings.DEFAULT_FROM_EMAIL]
    assert "T-krekls × 10" in confirmation.body and "115,00 €" in confirmation.body
    assert "Atbildēsim trīs darba dienās." in confirmation.body
    assert PromoOrder.objects.get().language == "lv"


BAD_INPUT = {
    "no items": (
        lambda items: {
            f"quantity_{items['T-krekls'].pk}": "",
            f"quantity_{items['Nozīmīte'].pk}": "",
        },
        "Choose at least one item",
    ),
    "zero": (lambda items: {f"quantity_{items['T-krekls'].pk}": "0"}, "from 1 to 500"),
    "negative": (lambda items: {f"quantity_{items['T-krekls'].pk}": "-1"}, "from 1 to 500"),
    "too many": (lambda items: {f"quantity_{items['T-krekls'].pk}": "1000"}, "from 1 to 500"),
    "not a number": (lambda items: {f"quantity_{items['T-krekls'].pk}": "abc"}, "from 1 to 500"),
    "a fraction": (lambda items: {f"quantity_{items['T-krekls'].pk}": "2.5"}, "from 1 to 500"),
    "bad e-mail": (lambda items: {"email": "ilze@@example"}, "Enter a valid email address."),
    "no name": (lambda items: {"name": ""}, "This field is required."),
    "a line break in the name": (lambda items: {"name": "Ilze\nBcc: x@y.z"}, "one line"),
    "bad phone": (lambda items: {"phone": "call me"}, "Enter a phone number"),
    "out of stock only": (
        lambda items: {
            f"quantity_{items['T-krekls'].pk}": "",
            f"quantity_{items['Nozīmīte'].pk}": "",
            f"quantity_{items['Cepure ar nagu'].pk}": "3",
        },
        "Choose at least one item",
    ),
    "the trap filled in": (
        lambda items: {"website": "https://spam.example"},
        "could not be checked",
    ),
    "no timestamp": (lambda items: {"started": None}, "could not be checked"),
    "a forged timestamp": (
        lambda items: {"started": "eyJwYWdlIjoxfQ:forged"},
        "could not be checked",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_is_shown_again_with_messages_and_nothing_is_stored_or_sent(
    client, english_promo_page, items, django_capture_on_commit_callbacks, case
):
    changes, message = BAD_INPUT[case]
    data = order_data(english_promo_page, items, **changes(items))
    response = post_order(client, english_promo_page, data, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    html = html_module.unescape(response.content.decode())
    summary = html.split('id="form-errors">', 1)[1].split("</div>", 1)[0]
    assert message in summary
    assert PromoOrder.objects.count() == 0
    assert mail.outbox == []
    if case not in ("the trap filled in",):
        assert 'value="Cesvaines mazpulks"' in html  # what was typed is kept


def test_a_bad_quantity_is_marked_next_to_its_field(client, english_promo_page, items):
    item = items["T-krekls"]
    data = order_data(english_promo_page, items, **{f"quantity_{item.pk}": "0"})
    html = client.post(english_promo_page.url, data).content.decode()
    field_id = f"id_quantity_{item.pk}"
    assert f'<a href="#{field_id}">T-shirt: Enter a whole number from 1 to 500' in html
    assert f'<ul class="errorlist" id="{field_id}_error">' in html
    assert re.search(rf'<input[^>]*aria-invalid="true"[^>]*id="{field_id}"', html) or re.search(
        rf'<input[^>]*id="{field_id}"[^>]*aria-invalid="true"', html
    )


@pytest.mark.parametrize(
    ("seconds_ago", "message"),
    [(0.5, "faster than a person"), (2 * 24 * 3600, "more than a day")],
)
def test_a_form_sent_too_soon_or_too_late_is_refused(
    client, english_promo_page, items, seconds_ago, message
):
    data = order_data(english_promo_page, items, now=time.time() - seconds_ago)
    html = client.post(english_promo_page.url, data).content.decode()
    assert message in html
    assert PromoOrder.objects.count() == 0 and mail.outbox == []
    # The form shown again carries a new timestamp: a person can simply send it again.
    fresh = re.search(r'name="started" value="([^"]+)"', html).group(1)
    assert fresh != data["started"]


def test_the_form_of_one_page_cannot_be_replayed_on_another(client, english_promo_page, items):
    data = order_data(english_promo_page, items)
    data["started"] = services.form_token(english_promo_page.pk + 1000, now=time.time() - 10)
    assert "could not be checked" in client.post(english_promo_page.url, data).content.decode()
    assert PromoOrder.objects.count() == 0


def test_orders_from_one_address_are_limited(
    client, promo_page, items, django_capture_on_commit_callbacks
):
    for _ in range(services.ORDERS_PER_HOUR):
        response = post_order(
            client, promo_page, order_data(promo_page, items), django_capture_on_commit_callbacks
        )
        assert response.status_code == 302
    response = post_order(
        client, promo_page, order_data(promo_page, items), django_capture_on_commit_callbacks
    )
    assert response.status_code == 429
    assert "form-errors" in response.content.decode()
    assert PromoOrder.objects.count() == services.ORDERS_PER_HOUR
    # Another address may still order.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert (
        post_order(
            other, promo_page, order_data(promo_page, items), django_capture_on_commit_callbacks
        ).status_code
        == 302
    )


def test_the_order_form_is_protected_against_cross_site_requests(promo_page, items):
    client = Client(enforce_csrf_checks=True)
    response = client.post(promo_page.url, order_data(promo_page, items))
    assert response.status_code == 403
    assert PromoOrder.objects.count() == 0


def test_a_thank_you_page_without_a_valid_reference_shows_no_order(
    client, english_promo_page, items
):
    html = client.get(f"{english_promo_page.url}thank-you/?ref=forged").content.decode()
    assert "What happens next" in html and "What you asked for" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_orders_are_read_only_for_staff_in_the_admin(
    client, coordinator, promo_page, items, django_capture_on_commit_callbacks
):
    post_order(
        client, promo_page, order_data(promo_page, items), django_capture_on_commit_callbacks
    )
    order = PromoOrder.objects.get()
    client.force_login(coordinator)
    listing = client.get(reverse("wagtailsnippets_brandbook_promoorder:list"))
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "Cesvaines mazpulks" in content and order.reference in content
    assert reverse("wagtailsnippets_brandbook_promoorder:add") not in content
    export = client.get(reverse("wagtailsnippets_brandbook_promoorder:list"), {"export": "csv"})
    exported = b"".join(export.streaming_content).decode()
    assert "Cesvaines mazpulks" in exported and "T-krekls × 10" in exported
    inspect = client.get(reverse("wagtailsnippets_brandbook_promoorder:inspect", args=[order.pk]))
    assert inspect.status_code == 200 and "T-krekls × 10" in inspect.content.decode()
    for url in (
        reverse("wagtailsnippets_brandbook_promoorder:add"),
        reverse("wagtailsnippets_brandbook_promoorder:edit", args=[order.pk]),
        reverse("wagtailsnippets_brandbook_promoorder:delete", args=[order.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(
        reverse("wagtailsnippets_brandbook_promoorder:delete", args=[order.pk])
    ).status_code in (302, 403)
    assert PromoOrder.objects.filter(pk=order.pk).exists()
    # Nobody without the permission sees them.
    client.logout()
    assert client.get(reverse("wagtailsnippets_brandbook_promoorder:list")).status_code == 302


def test_the_same_form_is_accepted_only_once(
    client, promo_page, items, django_capture_on_commit_callbacks
):
    data = order_data(promo_page, items)
    first = post_order(client, promo_page, data, django_capture_on_commit_callbacks)
    assert first.status_code == 302
    mail.outbox.clear()
    again = post_order(client, promo_page, data, django_capture_on_commit_callbacks)
    assert again.status_code == 200
    assert "Šis pieprasījums jau ir nosūtīts" in again.content.decode()
    assert PromoOrder.objects.count() == 1 and mail.outbox == []


def test_the_order_export_does_not_let_a_spreadsheet_run_what_a_requester_typed(
    client, coordinator, promo_page, items, django_capture_on_commit_callbacks
):
    data = order_data(
        promo_page,
        items,
        name='=HYPERLINK("http://spam.example","Klikšķini")',
        message="@SUM(1+1)*cmd|' /C calc'!A0",
    )
    assert (
        post_order(client, promo_page, data, django_capture_on_commit_callbacks).status_code == 302
    )
    client.force_login(coordinator)
    export = client.get(reverse("wagtailsnippets_brandbook_promoorder:list"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://spam.example","Klikšķini")' in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(("=", "@", "+")) for cell in cells)


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><s.v:script xmlns:s.v="http://www.w3.org/2000/svg">'
        b"alert(1)</s.v:script></svg>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" '
        b'to="&#106;avascript:alert(1)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'.encode(
            "utf-16-le"
        ),
    ],
)
def test_disguised_scripts_in_svg_are_found(svg):
    assert documents.svg_risks(svg)


def test_admin_pages_of_the_brandbook_open(client, coordinator, promo_page, items):
    client.force_login(coordinator)
    brandbook = promo_page.get_parent()
    urls = [
        reverse("wagtailadmin_pages:edit", args=[brandbook.pk]),
        reverse("wagtailadmin_pages:edit", args=[promo_page.pk]),
        reverse(
            "wagtailadmin_pages:add", args=["brandbook", "brandbookpage", brandbook.get_parent().pk]
        ),
        reverse("wagtailsnippets_brandbook_brandcolour:list"),
        reverse("wagtailsnippets_brandbook_promoitem:list"),
        reverse("wagtailsnippets_brandbook_promoitem:edit", args=[items["T-krekls"].pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


# Query budgets --------------------------------------------------------------------------------


def measure(client, url):
    client.get(url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_brandbook_page_query_count_does_not_grow_with_its_content(
    client, pages, logo_files, django_assert_max_num_queries
):
    image = SiteImage.objects.first()
    previews = [
        make_image(f"Priekšskatījums {number}", demo_content.rule_negative) for number in range(5)
    ]
    one_of_each = brandbook_body(
        logo_files,
        variants=[logo_variant(logo_files, "Variants", previews[0]), logo_variant(logo_files)],
        rules=[rule(image)],
    )
    page = publish_brandbook(pages["home"], one_of_each)
    count = measure(client, page.url)
    assert count <= 24, count

    more = brandbook_body(
        logo_files,
        variants=[
            *(
                logo_variant(logo_files, f"Variants {n}", preview)
                for n, preview in enumerate(previews)
            ),
            logo_variant(logo_files),
        ],
        rules=[rule(image), *(rule(make_image(f"Noteikums {n}"), "dont") for n in range(5))],
    )
    page.body = more
    page.save_revision().publish()
    client.get(page.url)
    with django_assert_max_num_queries(count):
        client.get(page.url)


def test_the_promo_page_query_count_does_not_grow_with_the_items(
    client, english_promo_page, django_assert_max_num_queries
):
    count = measure(client, english_promo_page.url)
    assert count <= 20, count
    add_items(10, photo=make_image("Zīmulis"))
    client.get(english_promo_page.url)
    with django_assert_max_num_queries(count):
        html = client.get(english_promo_page.url).content.decode()
    assert "Zīmulis 9" in html  # not translated yet: shown in Latvian


# API ------------------------------------------------------------------------------------------


def test_the_api_gives_the_brandbook_with_its_palette_and_files(
    client, english_brandbook, django_assert_max_num_queries
):
    params = {
        "type": "brandbook.BrandbookPage",
        "fields": "intro,body,palette",
        "locale": "en",
        "slug": english_brandbook.slug,  # the demo has a brandbook too
    }
    data = client.get("/api/v2/pages/", params).json()
    (item,) = [page for page in data["items"] if page["id"] == english_brandbook.pk]
    clover = next(colour for colour in item["palette"] if colour["css_name"] == "clover")
    assert clover["name"] == "Clover green"
    assert clover["hex"] == "#17602e" and clover["rgb"] == [23, 96, 46]
    assert clover["css_property"] == "--color-clover"
    assert clover["contrast"]["white"] == {
        "ratio": 7.64,
        "aa_normal_text": True,
        "aa_large_text": True,
    }
    assert clover["contrast"]["black"]["aa_large_text"] is False
    logos = next(block for block in item["body"] if block["type"] == "logos")
    variant = logos["value"]["variants"][0]
    assert variant["svg"]["url"].startswith("http") and variant["svg"]["url"].endswith(".svg")
    assert variant["pdf"]["size"] > 0
    with django_assert_max_num_queries(18):
        client.get("/api/v2/pages/", params)


def test_the_api_gives_the_promo_items_in_the_pages_language(
    client, english_promo_page, django_assert_max_num_queries
):
    params = {
        "type": "brandbook.PromoMaterialsPage",
        "fields": "intro,order_intro,next_steps,items",
        "locale": "en",
        "child_of": english_promo_page.get_parent().pk,  # the demo has a promo page too
    }
    data = client.get("/api/v2/pages/", params).json()
    (item,) = data["items"]
    assert item["next_steps"] == "We answer within three working days."
    shirt = item["items"][0]
    assert (shirt["name"], shirt["price"], shirt["currency"]) == ("T-shirt", "8.50", "EUR")
    assert shirt["availability"] == "in_stock"
    assert shirt["photo"]["url"].startswith("http") and "/media/images/" in shirt["photo"]["url"]
    assert shirt["photo"]["width"] == 600
    with django_assert_max_num_queries(16):  # the child_of filter reads the parent
        client.get("/api/v2/pages/", params)


def test_search_finds_the_brandbook(client, brandbook):
    html = client.get("/meklet/", {"q": "Četrlapu āboliņš"}).content.decode()
    assert f'href="{brandbook.url}"' in html


# Demo content ---------------------------------------------------------------------------------


def test_the_demo_files_are_what_their_names_say():
    for _title, filename, make in demo_content.DEMO_DOCUMENTS.values():
        content = make()
        extension = filename.rsplit(".", 1)[1]
        if extension == "svg":
            assert content.startswith(b"<?xml") and b"<svg" in content
            from brandbook.documents import svg_risks

            assert svg_risks(content) == []
        elif extension == "png":
            assert content.startswith(b"\x89PNG")
        elif extension == "pdf":
            assert content.startswith(b"%PDF-")
        else:
            assert content.decode().startswith("LATVIJAS MAZPULKI")
    for _title, alt, _filename, make in demo_content.DEMO_IMAGES.values():
        assert make().startswith(b"\xff\xd8") and alt  # JPEG, described
    assert len(demo_content.PROMO_ITEMS) >= 5
