"""Demo clubs in all five regions and the club finder page (see `manage.py load_demo_content`).

Clubs are reference data, not pages: their meeting details stay in Latvian in both languages.
Some municipalities (Ludza, Balvi, Krāslava, …) have no club on purpose, so the finder's offer
of the online mazpulks can be seen.
"""

from dataclasses import dataclass

from home.demo_content import DemoPage, T

CLUB_FINDER = "atrodi-mazpulku"


@dataclass(frozen=True)
class DemoClub:
    number: int
    name: str
    municipality: str  # slug, see home/migrations/0004_seed_municipalities.py
    meeting_place: str
    meeting_time: str
    contact_name: str
    contact_email: str
    contact_phone: str = ""
    active: bool = True


# Numbers 101 and 202 are the test clubs' (tests/members.py), 999 the online mazpulks'.
CLUBS = [
    # Rīga planning region
    DemoClub(
        12,
        "Carnikavas mazpulks",
        "adazu-novads",
        "Carnikavas pamatskola, Carnikava",
        "Trešdienās 15:30",
        "Inese Bērziņa",
        "carnikava@mazpulki.example",
        "+371 26 111 012",
    ),
    DemoClub(
        17,
        "Baldones mazpulks",
        "kekavas-novads",
        "Baldones mūzikas skola, Baldone",
        "Pirmdienās 16:00",
        "Ausma Liepiņa",
        "baldone@mazpulki.example",
    ),
    DemoClub(
        21,
        "Allažu mazpulks",
        "siguldas-novads",
        "Allažu pamatskola, Allaži",
        "Ceturtdienās 14:30",
        "Mārtiņš Ozoliņš",
        "allazi@mazpulki.example",
        "+371 26 111 021",
    ),
    # Vidzeme
    DemoClub(
        3,
        "Vecpiebalgas mazpulks",
        "cesu-novads",
        "Vecpiebalgas vidusskola, Vecpiebalga",
        "Otrdienās 15:00",
        "Ilze Kalniņa",
        "vecpiebalga@mazpulki.example",
        "+371 26 111 003",
    ),
    DemoClub(
        8,
        "Alsviķu mazpulks",
        "aluksnes-novads",
        "Alsviķu kultūras nams, Alsviķi",
        "Piektdienās 15:00",
        "Dace Zariņa",
        "alsviki@mazpulki.example",
    ),
    DemoClub(
        26,
        "Ērgļu mazpulks",
        "madonas-novads",
        "Ērgļu vidusskola, Ērgļi",
        "Trešdienās 14:00",
        "Gunta Krūmiņa",
        "ergli@mazpulki.example",
        "+371 26 111 026",
    ),
    DemoClub(
        34,
        "Lielvārdes mazpulks",
        "ogres-novads",
        "Lielvārdes jauniešu centrs, Lielvārde",
        "Pirmdienās 17:00",
        "Kristaps Eglītis",
        "lielvarde@mazpulki.example",
    ),
    # Kurzeme
    DemoClub(
        40,
        "Dundagas mazpulks",
        "talsu-novads",
        "Dundagas pils, Dundaga",
        "Ceturtdienās 15:00",
        "Sandra Vītola",
        "dundaga@mazpulki.example",
        "+371 26 111 040",
    ),
    DemoClub(
        47,
        "Kabiles mazpulks",
        "kuldigas-novads",
        "Kabiles pamatskola, Kabile",
        "Otrdienās 14:30",
        "Laima Grīnberga",
        "kabile@mazpulki.example",
    ),
    DemoClub(
        52,
        "Jaunpils mazpulks",
        "tukuma-novads",
        "Jaunpils pils, Jaunpils",
        "Sestdienās 11:00",
        "Edgars Kļaviņš",
        "jaunpils@mazpulki.example",
        "+371 26 111 052",
    ),
    # Zemgale
    DemoClub(
        58,
        "Vircavas mazpulks",
        "jelgavas-novads",
        "Vircavas vidusskola, Vircava",
        "Trešdienās 15:00",
        "Anita Jansone",
        "vircava@mazpulki.example",
    ),
    DemoClub(
        63,
        "Skaistkalnes mazpulks",
        "bauskas-novads",
        "Skaistkalnes vidusskola, Skaistkalne",
        "Ceturtdienās 16:00",
        "Rasma Puriņa",
        "skaistkalne@mazpulki.example",
        "+371 26 111 063",
    ),
    DemoClub(
        71,
        "Sēlpils mazpulks",
        "jekabpils-novads",
        "Sēlpils pagasta bibliotēka, Sēlija",
        "Piektdienās 14:00",
        "Valda Strazdiņa",
        "selpils@mazpulki.example",
    ),
    # Latgale (none in Ludza, Balvi, Krāslava, Preiļi, Varakļāni, Rēzekne city, Daugavpils city)
    DemoClub(
        77,
        "Kalupes mazpulks",
        "augsdaugavas-novads",
        "Kalupes pamatskola, Kalupe",
        "Otrdienās 15:00",
        "Olga Vanaga",
        "kalupe@mazpulki.example",
        "+371 26 111 077",
    ),
    DemoClub(
        84,
        "Rudzātu mazpulks",
        "livanu-novads",
        "Rudzātu speciālā pamatskola, Rudzāti",
        "Pirmdienās 15:00",
        "Inta Locāne",
        "rudzati@mazpulki.example",
    ),
    # Resting this year: not shown in the finder.
    DemoClub(
        90,
        "Stāmerienas mazpulks",
        "gulbenes-novads",
        "Stāmerienas pils, Stāmeriena",
        "",
        "Zigrīda Lāce",
        "stameriena@mazpulki.example",
        active=False,
    ),
]

PAGES = [
    DemoPage(
        slug=T(CLUB_FINDER, "find-a-club"),
        title=T("Atrodi savu mazpulku", "Find your club"),
        model="clubs.ClubFinderPage",
        parent=None,
        fields={
            "search_description": T(
                "Mazpulki visos Latvijas reģionos: kur un kad tie tiekas un kā pievienoties.",
                "Clubs in every region of Latvia: where and when they meet, and how to join.",
            ),
            "intro": T(
                "<p>Mazpulki darbojas visā Latvijā. Izvēlies savu reģionu vai novadu, atrodi "
                "tuvāko mazpulku un piesakies. Ja tuvumā mazpulka nav, pievienojies "
                "<b>tiešsaistes mazpulkam</b>.</p>",
                "<p>There are clubs all over Latvia. Choose your region or municipality, find "
                "the nearest club and apply. If there is no club nearby, join "
                "<b>the online club</b>.</p>",
            ),
        },
    ),
]
