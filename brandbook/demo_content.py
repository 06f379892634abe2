"""Demo brandbook and promotional materials for `manage.py load_demo_content`.

Data in the loader's format (home.demo_content), plus the files the pages use, made here
by plain functions that return bytes: logos (SVG, PNG, PDF), pictures for the rules of use,
product photos and document templates. How the loader uses them:

- every `DEMO_DOCUMENTS[key] = (title, filename, make_bytes)` becomes a Wagtail document,
  known to the pages as DocumentRef(key);
- every `DEMO_IMAGES[key] = (title, alt, filename, make_bytes)` becomes a SiteImage (alt
  text in its description), known as ImageRef(key);
- then `ensure_promo_items(latvian, english, images)` makes the promotional items (in
  Latvian, with English translations), before the pages;
- `PAGES` are the brandbook (under the home page) and the promotional materials page
  (under the brandbook).
"""

import io
import math
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from PIL import Image, ImageDraw, ImageFont

from home.demo_content import DemoPage, DocumentRef, ImageRef, T

GREEN = (23, 96, 46)
DARK_GREEN = (15, 67, 32)
SUN = (244, 197, 66)
INK = (27, 31, 28)
WHITE = (255, 255, 255)
WORDMARK = "Latvijas Mazpulki"

LOGO_COLOURS = {
    # variant: (clover, wordmark, background of the PDF)
    "colour": (GREEN, INK, WHITE),
    "negative": (WHITE, WHITE, GREEN),
    "mono": (INK, INK, WHITE),
}


def _hex(rgb):
    return "#{:02x}{:02x}{:02x}".format(*rgb)


# Logos -----------------------------------------------------------------------------------------


def logo_svg(variant="colour"):
    """The clover (as in static/img/logo.svg) and the wordmark, as a plain SVG drawing."""
    clover, text, _background = LOGO_COLOURS[variant]
    leaves = "\n".join(
        f'    <path d="M32 30c-2-8-12-14-16-8-3 5 4 10 16 8z" transform="rotate({angle} 32 32)"/>'
        for angle in (0, 90, 180, 270)
    )
    svg = f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 64" width="600" height="128">
  <title>{WORDMARK}</title>
  <g fill="{_hex(clover)}">
{leaves}
  </g>
  <path d="M33 34c4 8 6 16 14 24" fill="none" stroke="{_hex(clover)}" stroke-width="3"
        stroke-linecap="round"/>
  <text x="72" y="41" fill="{_hex(text)}" font-family="system-ui, -apple-system, 'Segoe UI',
        Roboto, 'Noto Sans', Arial, sans-serif" font-size="22" font-weight="700">{WORDMARK}</text>
</svg>
"""
    return svg.encode()


def _font(size):
    """DejaVu Sans Bold where the system has it (Latvian letters), else Pillow's own font."""
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def draw_clover(draw, centre, size, colour):
    """Four round leaves and a stem: the emblem (head, heart, hands, health)."""
    x, y = centre
    leaf = size * 0.22
    for dx, dy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
        cx, cy = x + dx * leaf * 1.04, y + dy * leaf * 1.04
        draw.ellipse([cx - leaf, cy - leaf, cx + leaf, cy + leaf], fill=colour)
    width = max(2, int(size * 0.05))
    draw.line(
        [(x, y), (x + size * 0.16, y + size * 0.55)],
        fill=colour,
        width=width,
    )


def draw_logo(variant="colour", size=(1200, 300), background=None, stretch=1.0):
    """The logo as a picture; transparent unless a background is given."""
    clover, text, _pdf_background = LOGO_COLOURS[variant]
    width, height = size
    mode = "RGBA" if background is None else "RGB"
    picture = Image.new(mode, size, (0, 0, 0, 0) if background is None else background)
    draw = ImageDraw.Draw(picture)
    emblem = height * 0.8
    draw_clover(draw, (height * 0.5, height * 0.45), emblem, clover)
    draw.text(
        (height * 1.0, height * 0.5),
        WORDMARK,
        font=_font(int(height * 0.24)),
        fill=text,
        anchor="lm",
    )
    if stretch != 1.0:
        picture = picture.resize((int(width * stretch), int(height / stretch)))
    return picture


def _bytes(picture, kind, **options):
    content = io.BytesIO()
    picture.save(content, kind, **options)
    return content.getvalue()


def logo_png(variant="colour"):
    return _bytes(draw_logo(variant), "PNG", optimize=True)


def logo_pdf(variant="colour"):
    """The logo on an A5 landscape page, for printers."""
    page = Image.new("RGB", (842, 595), LOGO_COLOURS[variant][2])
    logo = draw_logo(variant, size=(760, 190))
    page.paste(logo, (41, 202), logo)
    return _bytes(page, "PDF", resolution=72)


# Pictures for the rules of use -------------------------------------------------------------


RULE_SIZE = (960, 640)


def _rule_canvas(colour=(244, 246, 244)):
    return Image.new("RGB", RULE_SIZE, colour)


def rule_clear_space():
    """Do: keep a clear space around the logo (the dashed frame)."""
    picture = _rule_canvas()
    logo = draw_logo("colour", size=(600, 150))
    picture.paste(logo, (180, 245), logo)
    draw = ImageDraw.Draw(picture)
    for x0, y0, x1, y1 in ((120, 190, 840, 190), (120, 450, 840, 450)):
        for x in range(x0, x1, 24):
            draw.line([(x, y0), (x + 12, y1)], fill=SUN, width=4)
    for x in (120, 840):
        for y in range(190, 450, 24):
            draw.line([(x, y), (x, y + 12)], fill=SUN, width=4)
    return _bytes(picture, "JPEG", quality=88)


def rule_negative():
    """Do: the white logo on the clover green."""
    picture = _rule_canvas(GREEN)
    logo = draw_logo("negative", size=(760, 190))
    picture.paste(logo, (100, 225), logo)
    return _bytes(picture, "JPEG", quality=88)


def rule_stretched():
    """Don't: stretch or squeeze the logo."""
    picture = _rule_canvas()
    logo = draw_logo("colour", size=(600, 150), stretch=1.45)
    picture.paste(logo, ((RULE_SIZE[0] - logo.width) // 2, 270), logo)
    return _bytes(picture, "JPEG", quality=88)


def rule_recoloured():
    """Don't: change the logo's colours."""
    picture = _rule_canvas()
    logo = draw_logo("mono", size=(760, 190))
    pink = Image.new("RGBA", logo.size, (214, 51, 132, 255))
    picture.paste(pink, (100, 225), logo)
    return _bytes(picture, "JPEG", quality=88)


def rule_busy_background():
    """Don't: put the logo on a busy background where it cannot be read."""
    rng = random.Random(4)
    picture = _rule_canvas()
    draw = ImageDraw.Draw(picture)
    palette = [GREEN, SUN, (26, 86, 219), (164, 22, 26), (217, 239, 217), INK]
    for _ in range(260):
        x, y, radius = rng.randint(0, 960), rng.randint(0, 640), rng.randint(15, 70)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(palette))
    logo = draw_logo("colour", size=(760, 190))
    picture.paste(logo, (100, 225), logo)
    return _bytes(picture, "JPEG", quality=88)


# Product photos --------------------------------------------------------------------------


PHOTO_SIZE = (900, 900)


def _studio(seed):
    """A soft studio backdrop: light at the top, a little darker at the bottom."""
    picture = Image.new("RGB", PHOTO_SIZE, WHITE)
    draw = ImageDraw.Draw(picture)
    top, bottom = (250, 249, 244), (222, 228, 220)
    for y in range(PHOTO_SIZE[1]):
        mix = y / PHOTO_SIZE[1]
        draw.line(
            [(0, y), (PHOTO_SIZE[0], y)],
            fill=tuple(int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    draw.ellipse([170, 760, 730, 830], fill=(205, 210, 203))  # the shadow
    return picture, draw


def photo_tshirt():
    picture, draw = _studio(1)
    body = [(300, 220), (380, 190), (520, 190), (600, 220), (720, 320), (650, 400), (600, 360)]
    body += [(600, 780), (300, 780), (300, 360), (250, 400), (180, 320)]
    draw.polygon(body, fill=GREEN)
    draw.arc([400, 160, 500, 250], start=0, end=180, fill=DARK_GREEN, width=10)
    draw_clover(draw, (450, 430), 150, WHITE)
    return _bytes(picture, "JPEG", quality=86)


def photo_cap():
    picture, draw = _studio(2)
    draw.pieslice([220, 260, 680, 720], start=180, end=360, fill=GREEN)
    draw.ellipse([150, 470, 760, 560], fill=DARK_GREEN)
    draw.ellipse([440, 250, 460, 270], fill=DARK_GREEN)
    draw_clover(draw, (450, 400), 120, SUN)
    return _bytes(picture, "JPEG", quality=86)


def photo_notebook():
    picture, draw = _studio(3)
    draw.rounded_rectangle([250, 160, 650, 760], radius=18, fill=GREEN)
    draw.rectangle([250, 160, 290, 760], fill=DARK_GREEN)
    for y in range(200, 740, 60):
        draw.ellipse([258, y, 282, y + 24], fill=(200, 200, 200))
    draw_clover(draw, (470, 400), 200, WHITE)
    draw.text((470, 600), "Mazpulki", font=_font(40), fill=WHITE, anchor="mm")
    return _bytes(picture, "JPEG", quality=86)


def photo_badge():
    picture, draw = _studio(4)
    draw.ellipse([230, 230, 670, 670], fill=(180, 180, 180))
    draw.ellipse([245, 245, 655, 655], fill=WHITE)
    draw.ellipse([270, 270, 630, 630], fill=GREEN)
    draw_clover(draw, (450, 440), 240, WHITE)
    return _bytes(picture, "JPEG", quality=86)


def photo_reflective_band():
    picture, draw = _studio(5)
    for offset, colour in ((0, SUN), (18, (250, 220, 110))):
        draw.arc(
            [180 + offset, 260 + offset, 720 - offset, 640 - offset], 0, 360, fill=colour, width=70
        )
    for angle in range(0, 360, 30):
        x = 450 + 255 * math.cos(math.radians(angle))
        y = 450 + 175 * math.sin(math.radians(angle))
        draw.line([(x - 20, y), (x + 20, y)], fill=(235, 235, 225), width=6)
    draw_clover(draw, (450, 270), 80, GREEN)
    return _bytes(picture, "JPEG", quality=86)


def photo_tote_bag():
    picture, draw = _studio(6)
    draw.arc([340, 140, 560, 420], start=180, end=360, fill=(210, 190, 150), width=22)
    draw.polygon([(230, 290), (670, 290), (700, 780), (200, 780)], fill=(238, 226, 196))
    draw_clover(draw, (450, 520), 240, GREEN)
    return _bytes(picture, "JPEG", quality=86)


# Document templates ------------------------------------------------------------------------


def letterhead_pdf():
    """An A4 letterhead: the logo at the top, the contacts at the bottom."""
    page = Image.new("RGB", (595, 842), WHITE)
    logo = draw_logo("colour", size=(360, 90))
    page.paste(logo, (40, 30), logo)
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 130, 595, 134], fill=GREEN)
    draw.rectangle([0, 800, 595, 842], fill=GREEN)
    draw.text(
        (297, 821),
        "Biedrība „Latvijas Mazpulki” · info@mazpulki.lv",
        font=_font(12),
        fill=WHITE,
        anchor="mm",
    )
    return _bytes(page, "PDF", resolution=72)


PRESS_RELEASE = """LATVIJAS MAZPULKI · PRESES RELĪZE
[Datums], [vieta]

[Virsraksts: viens teikums par jaunumu]

[Pirmā rindkopa: kas, kur, kad un kāpēc – svarīgākais vispirms.]

[Otrā rindkopa: citāts no mazpulcēna, vadītāja vai partnera.]

[Trešā rindkopa: kā piedalīties, kur uzzināt vairāk.]

Par Latvijas Mazpulkiem
Latvijas Mazpulki ir bērnu un jauniešu organizācija, kurā 5–25 gadus veci jaunieši visā
Latvijā īsteno savus projektus un stiprina savu kopienu. Četrlapu āboliņš: galva, sirds,
rokas, veselība.

Kontakti medijiem
[Vārds Uzvārds], [tālrunis], info@mazpulki.lv
"""


def press_release_txt():
    return PRESS_RELEASE.encode()


# What the loader makes ---------------------------------------------------------------------


LOGO_NAMES = {
    "colour": "krasains",
    "negative": "negativs",
    "mono": "vienkrasains",
}
LOGO_TITLES = {
    "colour": "Logotips – krāsains",
    "negative": "Logotips – negatīvs (balts)",
    "mono": "Logotips – vienkrāsains",
}

DEMO_DOCUMENTS = {
    f"logo-{variant}-{kind}": (
        f"{LOGO_TITLES[variant]} ({kind.upper()})",
        f"mazpulki-logotips-{LOGO_NAMES[variant]}.{kind}",
        partial(make, variant),
    )
    for variant in LOGO_COLOURS
    for kind, make in (("svg", logo_svg), ("png", logo_png), ("pdf", logo_pdf))
}
DEMO_DOCUMENTS["letterhead-pdf"] = (
    "Veidlapa – vēstule ar logotipu (PDF)",
    "mazpulki-vestules-veidlapa.pdf",
    letterhead_pdf,
)
DEMO_DOCUMENTS["press-release-txt"] = (
    "Veidne – preses relīze (TXT)",
    "mazpulki-preses-relize.txt",
    press_release_txt,
)

DEMO_IMAGES = {
    "rule-clear-space": (
        "Zīmolgrāmata: brīvā zona ap logotipu",
        "Krāsainais logotips ar dzeltenu svītrotu rāmi, kas iezīmē brīvo zonu ap to",
        "zimols-briva-zona.jpg",
        rule_clear_space,
    ),
    "rule-negative": (
        "Zīmolgrāmata: balts logotips uz zaļa fona",
        "Balts logotips uz āboliņa zaļa fona",
        "zimols-negativs.jpg",
        rule_negative,
    ),
    "rule-stretched": (
        "Zīmolgrāmata: izstiepts logotips",
        "Logotips, kas izstiepts platumā un saspiests augstumā",
        "zimols-izstiepts.jpg",
        rule_stretched,
    ),
    "rule-recoloured": (
        "Zīmolgrāmata: pārkrāsots logotips",
        "Logotips rozā krāsā zaļās vietā",
        "zimols-parkrasots.jpg",
        rule_recoloured,
    ),
    "rule-busy-background": (
        "Zīmolgrāmata: logotips uz raiba fona",
        "Logotips uz raiba, daudzkrāsaina fona, kur to grūti saskatīt",
        "zimols-raibs-fons.jpg",
        rule_busy_background,
    ),
    "promo-tshirt": (
        "Prezentmateriāli: T-krekls",
        "Zaļš T-krekls ar baltu četrlapu āboliņu uz krūtīm",
        "prezentmateriali-t-krekls.jpg",
        photo_tshirt,
    ),
    "promo-cap": (
        "Prezentmateriāli: cepure",
        "Zaļa naģene ar dzeltenu četrlapu āboliņu",
        "prezentmateriali-cepure.jpg",
        photo_cap,
    ),
    "promo-notebook": (
        "Prezentmateriāli: piezīmju grāmatiņa",
        "Zaļa piezīmju grāmatiņa uz spirāles ar baltu āboliņu un uzrakstu Mazpulki",
        "prezentmateriali-piezimju-gramatina.jpg",
        photo_notebook,
    ),
    "promo-badge": (
        "Prezentmateriāli: nozīmīte",
        "Apaļa zaļa nozīmīte ar baltu četrlapu āboliņu",
        "prezentmateriali-nozimite.jpg",
        photo_badge,
    ),
    "promo-reflective-band": (
        "Prezentmateriāli: atstarojošā aproce",
        "Dzeltena atstarojoša aproce ar zaļu āboliņu",
        "prezentmateriali-atstarojosa-aproce.jpg",
        photo_reflective_band,
    ),
    "promo-tote-bag": (
        "Prezentmateriāli: auduma maisiņš",
        "Gaišs auduma maisiņš ar zaļu četrlapu āboliņu",
        "prezentmateriali-auduma-maisins.jpg",
        photo_tote_bag,
    ),
}


@dataclass(frozen=True)
class DemoPromoItem:
    name: T
    description: T
    price: str  # EUR
    availability: str  # in_stock, on_order, out_of_stock
    image: str  # a key of DEMO_IMAGES


PROMO_ITEMS = [
    DemoPromoItem(
        name=T("T-krekls", "T-shirt"),
        description=T(
            "Zaļš kokvilnas T-krekls ar baltu āboliņu. Izmēri no 122 cm līdz XXL: tos norādiet "
            "ziņā.",
            "A green cotton T-shirt with a white clover. Sizes from 122 cm to XXL: give them in "
            "the message.",
        ),
        price="8.50",
        availability="in_stock",
        image="promo-tshirt",
    ),
    DemoPromoItem(
        name=T("Cepure ar nagu", "Cap"),
        description=T(
            "Zaļa naģene ar izšūtu dzeltenu āboliņu; regulējama izmēra.",
            "A green cap with an embroidered yellow clover; adjustable.",
        ),
        price="6.00",
        availability="out_of_stock",
        image="promo-cap",
    ),
    DemoPromoItem(
        name=T("Piezīmju grāmatiņa", "Notebook"),
        description=T(
            "A5 formāta grāmatiņa uz spirāles, 80 lapas no otrreizējā papīra.",
            "An A5 spiral notebook, 80 sheets of recycled paper.",
        ),
        price="2.50",
        availability="in_stock",
        image="promo-notebook",
    ),
    DemoPromoItem(
        name=T("Nozīmīte", "Badge"),
        description=T(
            "Apaļa piespraužama nozīmīte, 38 mm.",
            "A round pin badge, 38 mm.",
        ),
        price="1.20",
        availability="in_stock",
        image="promo-badge",
    ),
    DemoPromoItem(
        name=T("Atstarojošā aproce", "Reflective band"),
        description=T(
            "Dzeltena atstarojošā aproce drošam ceļam rudens tumsā.",
            "A yellow reflective band for safe walks in the autumn dark.",
        ),
        price="1.50",
        availability="in_stock",
        image="promo-reflective-band",
    ),
    DemoPromoItem(
        name=T("Auduma maisiņš", "Tote bag"),
        description=T(
            "Izturīgs kokvilnas maisiņš ar zaļu āboliņu; izgatavojam pēc pasūtījuma 3 nedēļās.",
            "A sturdy cotton bag with a green clover; made to order in 3 weeks.",
        ),
        price="4.00",
        availability="on_order",
        image="promo-tote-bag",
    ),
]


def ensure_promo_items(latvian, english, images):
    """The promotional items in Latvian with their English translations; only what is missing.

    `latvian` and `english` are Locales, `images` the SiteImages of DEMO_IMAGES by key.
    Returns the Latvian items.
    """
    from brandbook.models import PromoItem

    items = []
    for order, demo in enumerate(PROMO_ITEMS):
        item = PromoItem.objects.filter(locale=latvian, name=demo.name.lv).first()
        if item is None:
            item = PromoItem.objects.create(
                locale=latvian,
                name=demo.name.lv,
                description=demo.description.lv,
                price=Decimal(demo.price),
                availability=demo.availability,
                photo=images.get(demo.image),
                sort_order=order,
            )
        if not PromoItem.objects.filter(
            locale=english, translation_key=item.translation_key
        ).exists():
            translation = item.copy_for_translation(english)
            translation.name = demo.name.en
            translation.description = demo.description.en
            translation.save()
        items.append(item)
    return items


# Pages ---------------------------------------------------------------------------------------


def _logo_variant(variant, name, description, background="light"):
    return {
        "name": name,
        "description": description,
        "background": background,
        "preview": None,
        "svg": DocumentRef(f"logo-{variant}-svg"),
        "png": DocumentRef(f"logo-{variant}-png"),
        "pdf": DocumentRef(f"logo-{variant}-pdf"),
    }


def _rule(verdict, image, alt, text):
    return {
        "verdict": verdict,
        "text": text,
        "image": {"image": ImageRef(image), "alt_text": alt, "decorative": False},
    }


PAGES = [
    DemoPage(
        slug=T("zimolgramata", "brandbook"),
        title=T("Zīmolgrāmata", "Brandbook"),
        model="brandbook.BrandbookPage",
        parent=None,
        fields={
            "search_description": T(
                "Latvijas Mazpulku logotips, krāsas, burti, veidnes un lietošanas noteikumi.",
                "The logo, colours, type, templates and rules of use of Latvijas Mazpulki.",
            ),
            "intro": T(
                "Viss, kas vajadzīgs, lai mazpulku plakāti, prezentācijas un krekli izskatītos "
                "kā viena ģimene: logotipa faili, krāsas, burti un veidnes.",
                "Everything needed for the clubs' posters, slides and T-shirts to look like one "
                "family: the logo files, the colours, the type and the templates.",
            ),
            "body": [
                {
                    "type": "logos",
                    "value": {
                        "heading": T("Logotips", "The logo"),
                        "intro": T(
                            "Četrlapu āboliņš – galva, sirds, rokas, veselība – un vārdi "
                            "„Latvijas Mazpulki”. Drukai izmantojiet PDF vai SVG, ekrānam – PNG.",
                            "The four-leaf clover – head, heart, hands, health – and the words "
                            "“Latvijas Mazpulki”. Use PDF or SVG for print, PNG for screens.",
                        ),
                        "variants": [
                            _logo_variant(
                                "colour",
                                T("Krāsainais logotips", "Colour logo"),
                                T(
                                    "Pamata versija: uz balta vai gaiša fona.",
                                    "The main version: on white or light backgrounds.",
                                ),
                            ),
                            _logo_variant(
                                "negative",
                                T("Negatīvais logotips", "Negative logo"),
                                T(
                                    "Balts: uz āboliņa zaļā vai citiem tumšiem foniem.",
                                    "White: on clover green or other dark backgrounds.",
                                ),
                                background="dark",
                            ),
                            _logo_variant(
                                "mono",
                                T("Vienkrāsainais logotips", "Single-colour logo"),
                                T(
                                    "Melnbaltai drukai, zīmogiem un gravējumiem.",
                                    "For black-and-white print, stamps and engraving.",
                                ),
                            ),
                        ],
                    },
                },
                {
                    "type": "palette",
                    "value": {
                        "heading": T("Krāsas", "Colours"),
                        "intro": T(
                            "Tās pašas krāsas izmanto šī vietne. Kontrasts aprēķināts pēc WCAG "
                            "2.x: parastam tekstam vajag vismaz 4,5:1, lielam – 3:1.",
                            "This website uses the same colours. Contrast is computed as WCAG "
                            "2.x defines it: normal text needs at least 4.5:1, large text 3:1.",
                        ),
                        "roles": [],
                    },
                },
                {
                    "type": "typography",
                    "value": {
                        "heading": T("Burti", "Typography"),
                        "intro": T(
                            "Mēs izmantojam ierīces sistēmas fontu: tas ir katrā datorā un "
                            "telefonā, tam ir visi latviešu burti, un tas ielādējas acumirklī.",
                            "We use the device's system font: it is on every computer and "
                            "phone, has every Latvian letter and loads at once.",
                        ),
                        "typefaces": [
                            {
                                "name": T("Sistēmas fonts: virsraksti", "System font: headings"),
                                "usage": T(
                                    "Virsraksti, treknrakstā.",
                                    "Headings, in bold.",
                                ),
                                "sample": T(
                                    "Četrlapu āboliņš: galva, sirds, rokas, veselība",
                                    "Četrlapu āboliņš: head, heart, hands, health",
                                ),
                                "style": "heading",
                                "weights": "700",
                                "download": None,
                                "link": "",
                            },
                            {
                                "name": T("Sistēmas fonts: teksts", "System font: body text"),
                                "usage": T(
                                    "Pamatteksts, paziņojumi un formas.",
                                    "Body text, notices and forms.",
                                ),
                                "sample": T(
                                    "Mazpulcēni audzē, pēta un rada: ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž "
                                    "0123456789",
                                    "Members grow, explore and create: ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž "
                                    "0123456789",
                                ),
                                "style": "body",
                                "weights": "400, 700",
                                "download": None,
                                "link": "",
                            },
                        ],
                    },
                },
                {
                    "type": "templates",
                    "value": {
                        "heading": T("Veidnes", "Templates"),
                        "intro": T(
                            "Lejupielādējiet, aizpildiet un sūtiet.",
                            "Download, fill in and send.",
                        ),
                        "templates": [
                            {
                                "name": T("Vēstules veidlapa", "Letterhead"),
                                "description": T(
                                    "A4 veidlapa ar logotipu un kontaktiem.",
                                    "An A4 letterhead with the logo and the contacts.",
                                ),
                                "document": DocumentRef("letterhead-pdf"),
                            },
                            {
                                "name": T("Preses relīzes veidne", "Press release template"),
                                "description": T(
                                    "Teksta veidne ziņai medijiem.",
                                    "A text template for news to the media.",
                                ),
                                "document": DocumentRef("press-release-txt"),
                            },
                        ],
                    },
                },
                {
                    "type": "rules",
                    "value": {
                        "heading": T("Lietošanas noteikumi", "Rules of use"),
                        "intro": T(
                            "Logotips jāredz skaidri un vienmēr vienādu.",
                            "The logo must be clear and always the same.",
                        ),
                        "rules": [
                            _rule(
                                "do",
                                "rule-clear-space",
                                T(
                                    "Logotips ar brīvo zonu ap to",
                                    "The logo with a clear space around it",
                                ),
                                T(
                                    "Atstājiet ap logotipu brīvu vietu, vismaz āboliņa "
                                    "lapiņas platumā.",
                                    "Leave free space around the logo, at least as wide as a "
                                    "clover leaf.",
                                ),
                            ),
                            _rule(
                                "do",
                                "rule-negative",
                                T(
                                    "Balts logotips uz zaļa fona",
                                    "A white logo on a green background",
                                ),
                                T(
                                    "Uz tumša fona lietojiet balto (negatīvo) logotipu.",
                                    "On dark backgrounds, use the white (negative) logo.",
                                ),
                            ),
                            _rule(
                                "dont",
                                "rule-stretched",
                                T("Izstiepts logotips", "A stretched logo"),
                                T(
                                    "Neizstiepiet un nesaspiediet logotipu: mainiet izmēru, "
                                    "saglabājot proporcijas.",
                                    "Do not stretch or squeeze the logo: resize it keeping its "
                                    "proportions.",
                                ),
                            ),
                            _rule(
                                "dont",
                                "rule-recoloured",
                                T("Rozā logotips", "A pink logo"),
                                T(
                                    "Nemainiet logotipa krāsas.",
                                    "Do not change the logo's colours.",
                                ),
                            ),
                            _rule(
                                "dont",
                                "rule-busy-background",
                                T(
                                    "Logotips uz raiba fona",
                                    "The logo on a busy background",
                                ),
                                T(
                                    "Nelieciet logotipu uz raiba fona, kur to grūti saskatīt.",
                                    "Do not put the logo on a busy background where it is hard "
                                    "to see.",
                                ),
                            ),
                        ],
                    },
                },
            ],
        },
    ),
    DemoPage(
        slug=T("prezentmateriali", "promotional-materials"),
        title=T("Prezentmateriāli", "Promotional materials"),
        model="brandbook.PromoMaterialsPage",
        parent="zimolgramata",
        fields={
            "search_description": T(
                "Mazpulku krekli, nozīmītes, grāmatiņas un citi prezentmateriāli: pieprasiet "
                "tos savam mazpulkam.",
                "Club T-shirts, badges, notebooks and more: request them for your club.",
            ),
            "intro": T(
                "Krekli, nozīmītes un citas lietas ar āboliņu – mazpulku pasākumiem, "
                "partneriem un dāvanām.",
                "T-shirts, badges and more with the clover: for club events, partners and gifts.",
            ),
            "order_intro": T(
                "Pieprasīt var mazpulku vadītāji, skolas un sadarbības partneri. Rēķinu "
                "nosūtīsim pēc tam, kad būsim apstiprinājuši pieprasījumu.",
                "Club leaders, schools and partners may ask. We send the invoice once we have "
                "confirmed the request.",
            ),
            "next_steps": T(
                "Trīs darba dienu laikā atbildēsim pa e-pastu: apstiprināsim daudzumus un "
                "cenu, nosūtīsim rēķinu un norunāsim, kur un kad materiālus saņemt.",
                "Within three working days we answer by e-mail: we confirm the quantities and "
                "the price, send the invoice and agree where and when to collect the materials.",
            ),
        },
    ),
]
