"""Demo project themes (see `manage.py load_demo_content`).

Four themes of the year the demo is loaded in (three priority themes of different kinds, a
local initiative among them, and the "own theme") and two of the year before, each with its
criteria, extra questions and a generated rules PDF:
- every `DEMO_DOCUMENTS[key] = (title, filename, make_bytes)` becomes a Wagtail document,
  known to the pages as DocumentRef(key);
- `PAGES` are the projects index (under the home page) and its themes.
Texts are T(latvian, english); dates, keys and points are the same in both languages.
"""

import datetime
import io
import uuid
from functools import partial

from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from home.demo_content import DemoPage, DocumentRef, T, TermRef

INDEX = "projekti"
YEAR = timezone.localdate().year
LAST_YEAR = YEAR - 1
GREEN = (23, 96, 46)


def area(slug):
    return TermRef("home.PriorityArea", slug)


def day(year, month, date):
    return datetime.date(year, month, date)


def text(*paragraphs):
    return [
        {"type": "paragraph", "value": T(f"<p>{p.lv}</p>", f"<p>{p.en}</p>")} for p in paragraphs
    ]


def criterion(name, description, points):
    return {
        "type": "criterion",
        "value": {"name": name, "description": description, "max_points": points},
    }


def question(kind, key, label, help_text=None, required=True, **extra):
    value = {
        "key": key,
        "label": label,
        "help_text": help_text or "",
        "required": required,
        **extra,
    }
    if "options" in value:
        # ListBlock items in Wagtail's block format, with ids wagtail-localize follows.
        value["options"] = [
            {"type": "item", "value": option, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, option.lv))}
            for option in value["options"]
        ]
    return {"type": kind, "value": value}


def rules_pdf(title, year):
    """A one-page A4 "nolikums": enough to open and read in the demo."""
    page = Image.new("RGB", (595, 842), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, 595, 90], fill=GREEN)
    try:
        heading, body = (
            ImageFont.truetype("DejaVuSans-Bold.ttf", 22),
            ImageFont.truetype("DejaVuSans.ttf", 14),
        )
    except OSError:
        heading, body = ImageFont.load_default(22), ImageFont.load_default(14)
    draw.text((40, 32), "Latvijas Mazpulki", font=heading, fill=(255, 255, 255))
    draw.text((40, 120), f"Projektu nolikums {year}", font=heading, fill=GREEN)
    draw.text((40, 160), title, font=body, fill=(30, 30, 30))
    lines = [
        "1. Kas var piedalīties: mazpulcēni vecumā no 5 līdz 25 gadiem.",
        "2. Pieteikšanās: tiešsaistē, mazpulki.lv, līdz norādītajam datumam.",
        "3. Atskaite: līdz atskaites termiņam, ar fotogrāfijām.",
        "4. Vērtēšana: projektu forumā, pēc nolikumā minētajiem kritērijiem.",
    ]
    for number, line in enumerate(lines):
        draw.text((40, 220 + number * 30), line, font=body, fill=(30, 30, 30))
    content = io.BytesIO()
    page.save(content, "PDF", resolution=72)
    return content.getvalue()


def theme(slug, title, year, kind, lead, body, areas, ages, dates, criteria, application, report):
    opens, closes, report_deadline = dates
    key = f"rules-{slug.lv}"
    DEMO_DOCUMENTS[key] = (
        f"Nolikums – {title.lv} (PDF)",
        f"nolikums-{slug.lv}.pdf",
        partial(rules_pdf, title.lv, year),
    )
    return DemoPage(
        slug=slug,
        title=title,
        model="projects.ProjectThemePage",
        parent=INDEX,
        fields={
            "year": year,
            "kind": kind,
            "lead": lead,
            "body": body,
            "priority_areas": [area(slug) for slug in areas],
            "age_groups": ages,
            "application_opens": opens,
            "application_closes": closes,
            "report_deadline": report_deadline,
            "rules_pdf": DocumentRef(key),
            "criteria": criteria,
            "application_questions": application,
            "report_questions": report,
        },
    )


DEMO_DOCUMENTS = {}

GOAL_CRITERION = criterion(
    T("Mērķis un plāns", "Goal and plan"),
    T("Vai mērķis ir skaidrs un plāns izpildāms?", "Is the goal clear and the plan doable?"),
    20,
)
PRESENTATION_CRITERION = criterion(
    T("Prezentācija forumā", "Presentation at the forum"),
    T("Cik skaidri un pārliecinoši projekts izstāstīts.", "How clearly the project is told."),
    10,
)
PHOTOS_QUESTION = question(
    "photo",
    "galvena-foto",
    T("Labākā projekta fotogrāfija", "The best photo of the project"),
    T("Bez cilvēku sejām vai ar viņu piekrišanu.", "No faces, or with their consent."),
)

PAGES = [
    DemoPage(
        slug=T(INDEX, "projects"),
        title=T("Projekti", "Projects"),
        model="projects.ProjectIndexPage",
        parent=None,
        show_in_menus=True,
        fields={
            "intro": T(
                "Katrs mazpulcēns katru gadu var īstenot savu projektu: izaudzēt, uzbūvēt, "
                "izpētīt vai paveikt ko noderīgu savai kopienai.",
                "Every member can do a project of their own each year: grow, build, "
                "research or do something useful for their community.",
            ),
            "how_to_take_part": T(
                "<ol><li>Izvēlies tematu un izlasi tā nolikumu.</li>"
                "<li>Aizpildi pieteikumu līdz norādītajam datumam.</li>"
                "<li>Īsteno projektu kopā ar sava mazpulka vadītāju.</li>"
                "<li>Iesniedz atskaiti un prezentē projektu rudens projektu forumā.</li></ol>",
                "<ol><li>Choose a theme and read its rules.</li>"
                "<li>Fill in the application by the closing date.</li>"
                "<li>Do the project together with your club's leader.</li>"
                "<li>Hand in the report and present the project at the autumn project "
                "forum.</li></ol>",
            ),
        },
    ),
    theme(
        slug=T(f"mans-biznesa-sakums-{YEAR}", f"my-first-business-{YEAR}"),
        title=T("Mans biznesa sākums", "My first business"),
        year=YEAR,
        kind="individual",
        lead=T(
            "Izaudzē, pagatavo vai izgatavo ko tādu, ko var pārdot, un aprēķini, vai tas "
            "atmaksājas.",
            "Grow, cook or make something that can be sold, and work out whether it pays.",
        ),
        body=text(
            T(
                "Individuālais projekts jaunajiem uzņēmējiem: no idejas līdz pirmajam "
                "pircējam tirdziņā vai internetā.",
                "An individual project for young entrepreneurs: from the idea to the first "
                "customer at a market or online.",
            )
        ),
        areas=["uznemejdarbiba-laukos"],
        ages=["10-12", "13-17", "18-25"],
        dates=(day(YEAR, 1, 15), day(YEAR, 12, 15), day(YEAR + 1, 2, 28)),
        criteria=[
            GOAL_CRITERION,
            criterion(
                T("Ienākumi un izdevumi", "Income and costs"),
                T("Vai aprēķins ir pilnīgs un godīgs?", "Is the calculation complete?"),
                30,
            ),
            PRESENTATION_CRITERION,
        ],
        application=[
            question(
                "short_text",
                "produkts",
                T("Ko tu ražosi vai pārdosi?", "What will you make or sell?"),
            ),
            question(
                "number",
                "budzets",
                T("Plānotie izdevumi", "Planned costs"),
                T("Materiāli, sēklas, iepakojums.", "Materials, seeds, packaging."),
                unit=T("EUR", "EUR"),
            ),
            question(
                "choice",
                "pardosanas-vieta",
                T("Kur tu pārdosi?", "Where will you sell?"),
                options=[
                    T("Tirdziņā", "At a market"),
                    T("Internetā", "Online"),
                    T("Draugiem un kaimiņiem", "To friends and neighbours"),
                ],
            ),
        ],
        report=[
            question("number", "ienakumi", T("Ienākumi", "Income"), unit=T("EUR", "EUR")),
            PHOTOS_QUESTION,
        ],
    ),
    theme(
        slug=T(f"dabas-petnieki-{YEAR}", f"nature-researchers-{YEAR}"),
        title=T("Dabas pētnieki", "Nature researchers"),
        year=YEAR,
        kind="group",
        lead=T(
            "Kopā ar savu mazpulku novēro putnus, ūdeni vai augsni un dalies datos ar "
            "zinātniekiem.",
            "Watch birds, water or soil with your club and share the data with scientists.",
        ),
        body=text(
            T(
                "Grupas projekts sabiedriskajā zinātnē: mērījumi visas sezonas garumā.",
                "A group project in citizen science: measurements over a whole season.",
            )
        ),
        areas=["sabiedriska-zinatne", "vides-izglitiba"],
        ages=["10-12", "13-17"],
        dates=(day(YEAR, 2, 1), day(YEAR, 4, 30), day(YEAR, 10, 15)),
        criteria=[
            GOAL_CRITERION,
            criterion(
                T("Mērījumu kvalitāte", "Quality of the measurements"),
                T("Regulāri, precīzi un pierakstīti.", "Regular, precise and written down."),
                30,
            ),
        ],
        application=[
            question(
                "choice",
                "petijuma-objekts",
                T("Ko jūs pētīsiet?", "What will you research?"),
                options=[T("Putnus", "Birds"), T("Ūdeni", "Water"), T("Augsni", "Soil")],
            ),
            question(
                "date",
                "pirmais-merijums",
                T("Pirmā mērījuma datums", "Date of the first measurement"),
            ),
        ],
        report=[
            question(
                "long_text",
                "secinajumi",
                T("Ko jūs uzzinājāt?", "What did you find out?"),
            ),
            question(
                "file",
                "dati",
                T("Mērījumu tabula", "Table of measurements"),
                T("PDF fails.", "A PDF file."),
                required=False,
            ),
        ],
    ),
    theme(
        slug=T(f"labie-darbi-pagasta-{YEAR}", f"good-deeds-in-the-parish-{YEAR}"),
        title=T("Labie darbi pagastā", "Good deeds in the parish"),
        year=YEAR,
        kind="local-initiative",
        lead=T(
            "Mazpulka vietējā iniciatīva: sakopiet parku, iekārtojiet soliņus vai "
            "sarīkojiet svētkus visam pagastam.",
            "A club's local initiative: tidy a park, put up benches or hold a festival "
            "for the whole parish.",
        ),
        body=text(
            T(
                "Vietējā iniciatīva ir grupas projekts kopienai. Stratēģija paredz 20 "
                "iniciatīvas gadā.",
                "A local initiative is a group project for the community. The strategy "
                "counts on 20 a year.",
            )
        ),
        areas=["pilsoniska-lidzdaliba", "lauku-attistiba"],
        ages=["13-17", "18-25"],
        dates=(day(YEAR, 3, 1), day(YEAR, 12, 31), day(YEAR + 1, 3, 31)),
        criteria=[
            GOAL_CRITERION,
            criterion(
                T("Ieguvums kopienai", "Benefit to the community"),
                T("Cik cilvēku ieguva un cik ilgi?", "How many people gained, for how long?"),
                40,
            ),
            PRESENTATION_CRITERION,
        ],
        application=[
            question(
                "long_text",
                "kopienas-vajadziba",
                T("Kāpēc tas vajadzīgs jūsu pagastam?", "Why does your parish need it?"),
            ),
            question(
                "short_text",
                "partneri",
                T("Partneri", "Partners"),
                T("Pašvaldība, skola, uzņēmēji.", "The municipality, a school, businesses."),
                required=False,
            ),
            question(
                "number",
                "dalibnieki",
                T("Cik cilvēku piedalīsies?", "How many people will take part?"),
                unit=T("cilvēki", "people"),
            ),
        ],
        report=[PHOTOS_QUESTION],
    ),
    theme(
        slug=T(f"savs-temats-{YEAR}", f"own-theme-{YEAR}"),
        title=T("Savs temats", "Own theme"),
        year=YEAR,
        kind="own-theme",
        lead=T(
            "Tava ideja neiederas nevienā tematā? Izvēlies savu – galvenais, lai tu no tā mācītos.",
            "Your idea fits no theme? Choose your own – what matters is that you learn.",
        ),
        body=text(
            T(
                "Projekts ārpus prioritārajiem tematiem, individuāli vai grupā.",
                "A project outside the priority themes, alone or in a group.",
            )
        ),
        areas=[],
        ages=["5-9", "10-12", "13-17", "18-25"],
        dates=(day(YEAR, 1, 15), day(YEAR, 10, 31), day(YEAR + 1, 1, 31)),
        criteria=[GOAL_CRITERION, PRESENTATION_CRITERION],
        application=[
            question(
                "short_text",
                "temats",
                T("Tava projekta temats", "Your project's theme"),
            ),
            question(
                "long_text",
                "ko-iemacisies",
                T("Ko tu gribi iemācīties?", "What do you want to learn?"),
            ),
        ],
        report=[
            question("long_text", "ko-iemacijies", T("Ko tu iemācījies?", "What did you learn?")),
            PHOTOS_QUESTION,
        ],
    ),
    # Last year ---------------------------------------------------------------------------
    theme(
        slug=T(f"gudrais-darzs-{LAST_YEAR}", f"smart-garden-{LAST_YEAR}"),
        title=T("Gudrais dārzs", "Smart garden"),
        year=LAST_YEAR,
        kind="individual",
        lead=T(
            "Mitruma sensors, laistīšanas taimeris vai lietotne: tehnoloģijas tavā dārzā.",
            "A moisture sensor, a watering timer or an app: technology in your garden.",
        ),
        body=text(
            T(
                "Individuālais projekts modernajās tehnoloģijās.",
                "An individual project in modern technologies.",
            )
        ),
        areas=["modernas-tehnologijas"],
        ages=["13-17", "18-25"],
        dates=(day(LAST_YEAR, 1, 15), day(LAST_YEAR, 5, 15), day(LAST_YEAR, 10, 1)),
        criteria=[GOAL_CRITERION, PRESENTATION_CRITERION],
        application=[
            question("short_text", "ierice", T("Kādu ierīci tu izmantosi?", "Which device?")),
            question("date", "sakums", T("Projekta sākums", "Start of the project")),
        ],
        report=[
            question(
                "number",
                "raza",
                T("Raža", "Harvest"),
                unit=T("kg", "kg"),
            )
        ],
    ),
    theme(
        slug=T(f"otrreizeja-doma-{LAST_YEAR}", f"second-thoughts-{LAST_YEAR}"),
        title=T("Otrreizējā doma", "Second thoughts"),
        year=LAST_YEAR,
        kind="group",
        lead=T(
            "Pārtaisiet vecas lietas par jaunām un parādiet, cik maz var izmest.",
            "Turn old things into new ones and show how little needs to be thrown away.",
        ),
        body=text(
            T(
                "Grupas projekts par atbildīgu patēriņu.",
                "A group project on responsible consumption.",
            )
        ),
        areas=["atbildigs-paterins"],
        ages=["10-12", "13-17"],
        dates=(day(LAST_YEAR, 2, 1), day(LAST_YEAR, 4, 30), day(LAST_YEAR, 10, 1)),
        criteria=[
            GOAL_CRITERION,
            criterion(T("Radošums", "Creativity"), "", 25),
        ],
        application=[
            question(
                "choice",
                "materials",
                T("Galvenais materiāls", "Main material"),
                options=[T("Tekstils", "Textiles"), T("Koks", "Wood"), T("Plastmasa", "Plastic")],
            ),
        ],
        report=[PHOTOS_QUESTION],
    ),
]
