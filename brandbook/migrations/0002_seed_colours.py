"""The site's own colours (static/css/site.css) as the brand palette, in both languages.

From now on the stylesheet /brand-colours.css is made from these; site.css keeps the same
values only as a fallback.
"""

import uuid

from django.db import migrations

# css_name, hex, role, Latvian name, English name, Latvian usage, English usage
COLOURS = [
    ("clover", "#17602e", "brand", "Āboliņa zaļā", "Clover green",
     "Logotips, saites, pogas un virsraksti.", "The logo, links, buttons and headings."),
    ("clover-dark", "#0f4320", "brand", "Tumšā āboliņa zaļā", "Dark clover green",
     "Virsraksti un pogas, uz kurām novietots kursors.", "Headings and buttons under the pointer."),
    ("leaf", "#d9efd9", "brand", "Lapu zaļā", "Leaf green",
     "Gaišs fons paziņojumiem un izceltām daļām.", "A light background for notices and highlights."),
    ("sun", "#f4c542", "brand", "Saules dzeltenā", "Sun yellow",
     "Akcents; tikai zem tumša teksta.", "An accent, only behind dark text."),
    ("sun-light", "#fdf3d0", "brand", "Gaišā saules dzeltenā", "Light sun yellow",
     "Gaišs fons aicinājumiem rīkoties.", "A light background for calls to action."),
    ("ink", "#1b1f1c", "neutral", "Tintes melnā", "Ink",
     "Pamatteksts.", "Body text."),
    ("muted", "#4a534d", "neutral", "Klusinātā pelēkā", "Muted grey",
     "Papildu teksts: datumi, paskaidrojumi.", "Secondary text: dates, hints."),
    ("paper", "#ffffff", "neutral", "Papīra baltā", "Paper white",
     "Lapas fons.", "The page's background."),
    ("mist", "#f4f6f4", "neutral", "Miglas pelēkā", "Mist grey",
     "Kartīšu un sadaļu fons.", "The background of cards and sections."),
    ("line", "#c9d1cb", "neutral", "Līniju pelēkā", "Line grey",
     "Robežlīnijas un atdalītāji.", "Borders and dividers."),
    ("error", "#a4161a", "interface", "Kļūdu sarkanā", "Error red",
     "Kļūdu paziņojumi formās.", "Error messages in forms."),
    ("focus", "#1a56db", "interface", "Fokusa zilā", "Focus blue",
     "Tastatūras fokusa rāmis.", "The keyboard focus outline."),
]


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    BrandColour = apps.get_model("brandbook", "BrandColour")
    latvian = Locale.objects.filter(language_code="lv").first()
    english = Locale.objects.filter(language_code="en").first()
    if latvian is None:
        return
    for order, (css_name, hex_value, role, name_lv, name_en, usage_lv, usage_en) in enumerate(
        COLOURS
    ):
        shared = {"hex": hex_value, "role": role, "sort_order": order}
        source, _created = BrandColour.objects.get_or_create(
            locale=latvian,
            css_name=css_name,
            defaults={"name": name_lv, "usage": usage_lv, "translation_key": uuid.uuid4(),
                      **shared},
        )
        if english is not None:
            BrandColour.objects.get_or_create(
                locale=english,
                css_name=css_name,
                defaults={"name": name_en, "usage": usage_en,
                          "translation_key": source.translation_key, **shared},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("brandbook", "0001_initial"),
        ("home", "0002_seed_site"),  # the Latvian and English locales
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
