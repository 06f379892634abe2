"""Latvia's 43 municipalities and their planning regions.

The Administrative Territories and Populated Areas Law (2021 reform, with Varakļāni municipality
re-established in 2022) gives 36 novadi and 7 state cities; the Cabinet regulation on planning
regions' territories (2021) places Tukums in Kurzeme and Limbaži and Ogre in Vidzeme.
"""

from django.db import migrations

# (slug, Latvian name, English name, kind, region slug)
MUNICIPALITIES = [
    # State cities
    ("riga", "Rīga", "Riga", "valstspilseta", "riga"),
    ("jurmala", "Jūrmala", "Jūrmala", "valstspilseta", "riga"),
    ("daugavpils", "Daugavpils", "Daugavpils", "valstspilseta", "latgale"),
    ("rezekne", "Rēzekne", "Rēzekne", "valstspilseta", "latgale"),
    ("jelgava", "Jelgava", "Jelgava", "valstspilseta", "zemgale"),
    ("liepaja", "Liepāja", "Liepāja", "valstspilseta", "kurzeme"),
    ("ventspils", "Ventspils", "Ventspils", "valstspilseta", "kurzeme"),
    # Rīga planning region
    ("adazu-novads", "Ādažu novads", "Ādaži Municipality", "novads", "riga"),
    ("kekavas-novads", "Ķekavas novads", "Ķekava Municipality", "novads", "riga"),
    ("marupes-novads", "Mārupes novads", "Mārupe Municipality", "novads", "riga"),
    ("olaines-novads", "Olaines novads", "Olaine Municipality", "novads", "riga"),
    ("ropazu-novads", "Ropažu novads", "Ropaži Municipality", "novads", "riga"),
    ("salaspils-novads", "Salaspils novads", "Salaspils Municipality", "novads", "riga"),
    ("saulkrastu-novads", "Saulkrastu novads", "Saulkrasti Municipality", "novads", "riga"),
    ("siguldas-novads", "Siguldas novads", "Sigulda Municipality", "novads", "riga"),
    # Vidzeme
    ("aluksnes-novads", "Alūksnes novads", "Alūksne Municipality", "novads", "vidzeme"),
    ("cesu-novads", "Cēsu novads", "Cēsis Municipality", "novads", "vidzeme"),
    ("gulbenes-novads", "Gulbenes novads", "Gulbene Municipality", "novads", "vidzeme"),
    ("limbazu-novads", "Limbažu novads", "Limbaži Municipality", "novads", "vidzeme"),
    ("madonas-novads", "Madonas novads", "Madona Municipality", "novads", "vidzeme"),
    ("ogres-novads", "Ogres novads", "Ogre Municipality", "novads", "vidzeme"),
    ("smiltenes-novads", "Smiltenes novads", "Smiltene Municipality", "novads", "vidzeme"),
    ("valkas-novads", "Valkas novads", "Valka Municipality", "novads", "vidzeme"),
    ("valmieras-novads", "Valmieras novads", "Valmiera Municipality", "novads", "vidzeme"),
    # Kurzeme
    ("dienvidkurzemes-novads", "Dienvidkurzemes novads", "South Kurzeme Municipality", "novads", "kurzeme"),
    ("kuldigas-novads", "Kuldīgas novads", "Kuldīga Municipality", "novads", "kurzeme"),
    ("saldus-novads", "Saldus novads", "Saldus Municipality", "novads", "kurzeme"),
    ("talsu-novads", "Talsu novads", "Talsi Municipality", "novads", "kurzeme"),
    ("tukuma-novads", "Tukuma novads", "Tukums Municipality", "novads", "kurzeme"),
    ("ventspils-novads", "Ventspils novads", "Ventspils Municipality", "novads", "kurzeme"),
    # Zemgale
    ("aizkraukles-novads", "Aizkraukles novads", "Aizkraukle Municipality", "novads", "zemgale"),
    ("bauskas-novads", "Bauskas novads", "Bauska Municipality", "novads", "zemgale"),
    ("dobeles-novads", "Dobeles novads", "Dobele Municipality", "novads", "zemgale"),
    ("jelgavas-novads", "Jelgavas novads", "Jelgava Municipality", "novads", "zemgale"),
    ("jekabpils-novads", "Jēkabpils novads", "Jēkabpils Municipality", "novads", "zemgale"),
    # Latgale
    ("augsdaugavas-novads", "Augšdaugavas novads", "Augšdaugava Municipality", "novads", "latgale"),
    ("balvu-novads", "Balvu novads", "Balvi Municipality", "novads", "latgale"),
    ("kraslavas-novads", "Krāslavas novads", "Krāslava Municipality", "novads", "latgale"),
    ("livanu-novads", "Līvānu novads", "Līvāni Municipality", "novads", "latgale"),
    ("ludzas-novads", "Ludzas novads", "Ludza Municipality", "novads", "latgale"),
    ("preilu-novads", "Preiļu novads", "Preiļi Municipality", "novads", "latgale"),
    ("rezeknes-novads", "Rēzeknes novads", "Rēzekne Municipality", "novads", "latgale"),
    ("varaklanu-novads", "Varakļānu novads", "Varakļāni Municipality", "novads", "latgale"),
]


def seed(apps, schema_editor):
    Municipality = apps.get_model("home", "Municipality")
    Region = apps.get_model("home", "Region")
    regions = {
        region.slug: region
        for region in Region.objects.filter(locale__language_code="lv")
    }
    for slug, name_lv, name_en, kind, region in MUNICIPALITIES:
        Municipality.objects.update_or_create(
            slug=slug,
            defaults={
                "name_lv": name_lv,
                "name_en": name_en,
                "kind": kind,
                "region": regions[region],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0003_municipality")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
