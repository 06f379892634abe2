"""The demo leaders' library (see `manage.py load_demo_content`).

Three materials under the library index, in Latvian with English translations: the leader
handbook 2027 (a draft, with a generated PDF in the library's private collection), the
methodology of project work, and safety at camps, last reviewed more than a year ago so the
admin's report "Library: not reviewed for a year" has something to show. Review dates are
counted back from the day the demo is loaded.
- every `DEMO_DOCUMENTS[key] = (title, filename, make_bytes)` becomes a Wagtail document in
  the collection "Vadītāju bibliotēka", known to the pages as DocumentRef(key);
- `PAGES` are the library index (under the home page) and its materials.
"""

import datetime
import io

from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from home.demo_content import DemoPage, DocumentRef, T

INDEX = "vaditaju-biblioteka"
GREEN = (23, 96, 46)
TODAY = timezone.localdate()


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def text(*paragraphs):
    return [
        {"type": "paragraph", "value": T(f"<p>{p.lv}</p>", f"<p>{p.en}</p>")} for p in paragraphs
    ]


def handbook_pdf():
    """Two A4 pages of the handbook's draft: enough to open and read in the demo."""
    try:
        heading, body = (
            ImageFont.truetype("DejaVuSans-Bold.ttf", 22),
            ImageFont.truetype("DejaVuSans.ttf", 14),
        )
    except OSError:
        heading, body = ImageFont.load_default(22), ImageFont.load_default(14)
    chapters = [
        "1. Mazpulku kustība un tās vērtības",
        "2. Kā vadīt mazpulka nodarbību",
        "3. Projektu darbs soli pa solim",
        "4. Drošība nodarbībās, pārgājienos un nometnēs",
        "5. Sadarbība ar vecākiem un pagastu",
    ]
    pages = []
    for number in range(2):
        page = Image.new("RGB", (595, 842), (255, 255, 255))
        draw = ImageDraw.Draw(page)
        draw.rectangle([0, 0, 595, 90], fill=GREEN)
        draw.text((40, 32), "Latvijas Mazpulki", font=heading, fill=(255, 255, 255))
        if number == 0:
            draw.text((40, 130), "Mazpulka vadītāja rokasgrāmata", font=heading, fill=GREEN)
            draw.text((40, 170), "2027. gada izdevums – projekts", font=body, fill=(30, 30, 30))
        else:
            draw.text((40, 130), "Saturs", font=heading, fill=GREEN)
            for line, chapter in enumerate(chapters):
                draw.text((40, 180 + line * 30), chapter, font=body, fill=(30, 30, 30))
        pages.append(page)
    content = io.BytesIO()
    pages[0].save(content, "PDF", save_all=True, append_images=pages[1:], resolution=72)
    return content.getvalue()


DEMO_DOCUMENTS = {
    "leader-handbook-2027": (
        "Mazpulka vadītāja rokasgrāmata 2027 – projekts (PDF)",
        "vaditaja-rokasgramata-2027-projekts.pdf",
        handbook_pdf,
    ),
}


def material(slug, title, summary, body, last_reviewed, reviewed_by, documents=()):
    return DemoPage(
        slug=slug,
        title=title,
        model="library.LibraryPage",
        parent=INDEX,
        fields={
            "summary": summary,
            "body": body,
            "last_reviewed": last_reviewed,
            "reviewed_by": reviewed_by,
            "documents": list(documents),
        },
    )


def document(key, title, last_reviewed):
    return {
        "type": "document",
        "value": {
            "document": DocumentRef(key),
            "title": title,
            "last_reviewed": last_reviewed.isoformat(),
        },
    }


PAGES = [
    DemoPage(
        slug=T(INDEX, "leaders-library"),
        title=T("Vadītāju bibliotēka", "Leaders' library"),
        model="library.LibraryIndexPage",
        parent=None,
        fields={
            "intro": T(
                "Metodiskie materiāli mazpulku vadītājiem: rokasgrāmata, nodarbību un "
                "projektu darba metodika, drošības noteikumi. Katru materiālu pārskatām "
                "vismaz reizi gadā.",
                "Methodological materials for club leaders: the handbook, the methodology "
                "of sessions and project work, safety rules. Every material is reviewed at "
                "least once a year.",
            ),
        },
    ),
    material(
        slug=T("vaditaja-rokasgramata-2027", "leader-handbook-2027"),
        title=T(
            "Mazpulka vadītāja rokasgrāmata 2027 (projekts)",
            "Leader handbook 2027 (draft)",
        ),
        summary=T(
            "Atjaunotās vadītāja rokasgrāmatas projekts: lasi, izmēģini savā mazpulkā un "
            "sūti ieteikumus līdz rokasgrāmatas izdošanai 2027. gadā.",
            "The draft of the renewed leader handbook: read it, try it in your club and "
            "send suggestions before the handbook is published in 2027.",
        ),
        body=text(
            T(
                "Rokasgrāmata apkopo to, ko jaunam vadītājam vajag zināt pirmajā gadā: kā "
                "sākt mazpulku, kā plānot nodarbības visam gadam un kā iesaistīt vecākus.",
                "The handbook gathers what a new leader needs in the first year: how to "
                "start a club, how to plan sessions for the whole year and how to involve "
                "parents.",
            ),
            T(
                "Ieteikumus par projektu raksti metodikas darba grupai līdz nākamā gada 1. martam.",
                "Write your suggestions on the draft to the methodology working group by "
                "1 March next year.",
            ),
        ),
        last_reviewed=days_ago(30),
        reviewed_by="Metodikas darba grupa",
        documents=[
            document(
                "leader-handbook-2027",
                T("Rokasgrāmatas projekts (PDF)", "The handbook's draft (PDF)"),
                days_ago(30),
            )
        ],
    ),
    material(
        slug=T("projektu-darba-metodika", "methodology-for-project-work"),
        title=T("Projektu darba metodika", "Methodology for project work"),
        summary=T(
            "Kā palīdzēt mazpulcēnam izvēlēties projekta tēmu, sastādīt plānu, pierakstīt "
            "novērojumus un sagatavot atskaiti projektu forumam.",
            "How to help a member choose a project theme, make a plan, record observations "
            "and prepare the report for the project forum.",
        ),
        body=text(
            T(
                "Projekts sākas ar jautājumu, kas mazpulcēnam pašam ir svarīgs. Vadītājs "
                "palīdz to noformulēt tā, lai atbildi var atrast darot: sējot, audzējot, "
                "mērot un salīdzinot.",
                "A project starts with a question that matters to the member. The leader "
                "helps to phrase it so the answer can be found by doing: sowing, growing, "
                "measuring and comparing.",
            ),
            T(
                "Novērojumu dienasgrāmatu aizpilda katru nedēļu; fotogrāfijas ar datumu "
                "palīdz žūrijai redzēt, kā projekts auga.",
                "The observation diary is filled in every week; dated photos help the jury "
                "see how the project grew.",
            ),
        ),
        last_reviewed=days_ago(75),
        reviewed_by="Metodikas darba grupa",
    ),
    material(
        slug=T("drosiba-nometnes", "safety-at-camps"),
        title=T("Drošība nometnēs", "Safety at camps"),
        summary=T(
            "Noteikumi un kontrolsaraksti vadītājiem, kas ved mazpulcēnus nometnēs un "
            "pārgājienos: atļaujas, pirmā palīdzība, peldēšanās un naktsmiers.",
            "Rules and checklists for leaders who take members to camps and hikes: "
            "permissions, first aid, swimming and the night's rest.",
        ),
        body=text(
            T(
                "Pirms nometnes vadītājs savāc vecāku atļaujas un ziņas par veselību, "
                "pārbauda pirmās palīdzības aptieciņu un vienojas par peldvietu.",
                "Before the camp the leader collects the parents' permissions and health "
                "information, checks the first aid kit and agrees on a bathing place.",
            ),
            T(
                "Peldēties drīkst tikai pieaugušā klātbūtnē un tikai norunātā vietā.",
                "Swimming is allowed only with an adult present and only at the agreed place.",
            ),
        ),
        last_reviewed=days_ago(420),
        reviewed_by="Drošības darba grupa",
    ),
]
