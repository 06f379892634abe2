"""The certificate as an A4 PDF, in the certificate's language.

The text is real text in an embedded font (DejaVu Sans, bundled in fonts/ with its licence), so
Latvian letters print and can be copied and searched whatever fonts the server has. Everything
printed comes from the certificate's facts: the PDF is the same whenever it is downloaded.
"""

import datetime
from pathlib import Path

import qrcode
import qrcode.constants
import qrcode.image.pil
from django.utils import dateformat, translation
from django.utils.translation import gettext as _
from fpdf import FPDF, FontFace

from members_area.certificates.models import Certificate
from members_area.volunteering.services import hours_display

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
MARGIN = 20  # mm
GREEN = (23, 96, 46)  # the brand's clover green
MUTED = (74, 83, 77)
LEAF = (217, 239, 217)
LINE = (201, 209, 203)
QR_SIZE = 36  # mm, with the quiet zone of four modules the QR standard asks for
DAY_FORMATS = {"lv": "d.m.Y.", "en": "j M Y"}
NEXT_LINE = {"new_x": "LMARGIN", "new_y": "NEXT"}  # after a cell: the start of the next line


def day_text(value, language):
    day = datetime.date.fromisoformat(value)
    with translation.override(language):
        return dateformat.format(day, DAY_FORMATS.get(language, "Y-m-d"))


def period_text(period, language):
    return f"{day_text(period['from'], language)} – {day_text(period['to'], language)}"


def hours_text(value, language):
    with translation.override(language):
        return hours_display(value)


# What each kind of certificate prints: its title, and the columns of its table of entries.
def volunteer_layout():
    return {
        "title": _("Certificate of volunteer work"),
        "total_label": _("Approved volunteer hours in total"),
        "table_heading": _("Approved volunteer hours"),
        "columns": [
            (_("Date"), 26, "date"),
            (_("Hours"), 20, "hours"),
            (_("Activity"), 82, "activity"),
            (_("Club"), 42, "club"),
        ],
    }


def training_layout():
    return {
        "title": _("Certificate of qualification training"),
        "total_label": _("Training hours in total"),
        "table_heading": _("Training attended"),
        "columns": [
            (_("Date"), 26, "date"),
            (_("Hours"), 20, "hours"),
            (_("Course"), 82, "course"),
            (_("Provider"), 42, "provider"),
        ],
    }


LAYOUTS = {
    Certificate.Kind.VOLUNTEER_HOURS: volunteer_layout,
    Certificate.Kind.LEADER_TRAINING: training_layout,
}


class CertificateDocument(FPDF):
    """An A4 page with the verification code in every page's footer."""

    def __init__(self, code_line):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.code_line = code_line
        self.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)
        self.alias_nb_pages()

    def footer(self):
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.code_line} · {self.page_no()}/{{nb}}", align="C")


def certificate_pdf(certificate, url):
    language = certificate.language
    with translation.override(language):
        layout = LAYOUTS[certificate.kind]()
        code_line = _("Verification code %(code)s") % {"code": certificate.display_code}
        pdf = CertificateDocument(code_line)
        facts = certificate.facts
        organisation = facts.get("organisation") or {}
        pdf.set_title(layout["title"])
        pdf.set_author(organisation.get("name", ""))
        pdf.set_lang(language)
        pdf.add_page()
        letterhead(pdf, organisation)
        title(pdf, layout["title"])
        summary(pdf, facts, layout, language)
        entries_table(pdf, facts.get("entries") or [], layout, language)
        signature(pdf, facts, organisation, language)
        verification(pdf, certificate, url)
        return bytes(pdf.output())


def letterhead(pdf, organisation):
    pdf.set_text_color(*GREEN)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 6, organisation.get("name", ""), align="L", **NEXT_LINE)
    details = []
    if organisation.get("registration_number"):
        details.append(
            _("Registration No. %(number)s") % {"number": organisation["registration_number"]}
        )
    if organisation.get("address"):
        details.append(organisation["address"])
    pdf.set_text_color(*MUTED)
    pdf.set_font(FONT, "", 9)
    if details:
        pdf.multi_cell(0, 5, " · ".join(details), align="L", **NEXT_LINE)
    pdf.ln(2)
    pdf.set_draw_color(*GREEN)
    pdf.set_line_width(0.6)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    pdf.ln(16)


def title(pdf, text):
    pdf.set_text_color(*GREEN)
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(0, 10, text, align="C", **NEXT_LINE)
    pdf.ln(10)


def summary(pdf, facts, layout, language):
    rows = [(_("Name, surname"), facts.get("holder", ""))]
    if facts.get("period"):
        rows.append((_("Period"), period_text(facts["period"], language)))
    if facts.get("total_hours"):
        rows.append((layout["total_label"], hours_text(facts["total_hours"], language)))
    for label, value in rows:
        pdf.set_text_color(*MUTED)
        pdf.set_font(FONT, "", 11)
        pdf.cell(75, 8, label)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FONT, "B", 12)
        pdf.multi_cell(0, 8, value, align="L", **NEXT_LINE)
    pdf.ln(8)


def entries_table(pdf, entries, layout, language):
    if not entries:
        return
    pdf.set_text_color(*GREEN)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 8, layout["table_heading"], **NEXT_LINE)
    pdf.ln(1)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, "", 9)
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.2)
    columns = layout["columns"]
    with pdf.table(
        col_widths=[width for _label, width, _key in columns],
        width=sum(width for _label, width, _key in columns),
        text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD", fill_color=LEAF),
        borders_layout="HORIZONTAL_LINES",
        line_height=5,
        padding=1.5,
        repeat_headings=1,
    ) as table:
        heading = table.row()
        for label, _width, _key in columns:
            heading.cell(label)
        for entry in entries:
            row = table.row()
            for _label, _width, key in columns:
                row.cell(cell_text(entry, key, language))
    pdf.ln(10)


def cell_text(entry, key, language):
    value = entry.get(key) or ""
    if key == "date" and value:
        return day_text(value, language)
    if key == "hours" and value:
        return hours_text(value, language)
    if key == "activity" and entry.get("description"):
        return f"{value}: {entry['description']}"
    return str(value)


def signature(pdf, facts, organisation, language):
    """The issue date and a line for the signature and stamp, kept on one page with the
    verification box below."""
    needed = 30 + QR_SIZE + 10
    if pdf.get_y() + needed > pdf.h - MARGIN:
        pdf.add_page()
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, "", 11)
    issued = day_text(facts["issued_on"], language) if facts.get("issued_on") else ""
    pdf.cell(0, 7, _("Issued on %(date)s") % {"date": issued}, **NEXT_LINE)
    pdf.ln(14)
    y = pdf.get_y()
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.3)
    pdf.line(MARGIN, y, MARGIN + 80, y)
    pdf.ln(1)
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 4, _("Signature and stamp"), **NEXT_LINE)
    pdf.cell(0, 4, organisation.get("name", ""), **NEXT_LINE)
    pdf.ln(8)


def verification(pdf, certificate, url):
    """The QR code of the verification address, and the code and address to type."""
    top = pdf.get_y()
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.2)
    pdf.rect(MARGIN, top, pdf.w - 2 * MARGIN, QR_SIZE + 2)
    pdf.image(qr_image(url), x=MARGIN + 1, y=top + 1, w=QR_SIZE, h=QR_SIZE)
    text_x = MARGIN + QR_SIZE + 4
    width = pdf.w - MARGIN - text_x - 3
    pdf.set_xy(text_x, top + 6)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(width, 6, _("Verification code"), new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "B", 14)
    pdf.cell(width, 8, certificate.display_code, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(
        width,
        4.5,
        _("Anyone can check that this certificate is genuine and what it states at:"),
        align="L",
        new_x="LEFT",
        new_y="NEXT",
    )
    pdf.set_text_color(*GREEN)
    pdf.multi_cell(width, 4.5, url, align="L", link=url, new_x="LEFT", new_y="NEXT")


def qr_image(data):
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=10)
    code.add_data(data)
    code.make(fit=True)
    return code.make_image(image_factory=qrcode.image.pil.PilImage).get_image()
