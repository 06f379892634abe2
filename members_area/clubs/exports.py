"""The member list as a spreadsheet (CSV or XLSX) for coordinators.

Names and messages are typed by families: a cell must never become a live formula in the
office's spreadsheet (CSV injection), and Latvian letters must survive Excel.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING

from home.spreadsheets import spreadsheet_text
from members_area.accounts.models import AgeGroup


def header():
    return [
        _("Member number"),
        _("First name"),
        _("Last name"),
        _("Date of birth"),
        _("Age group"),
        _("Club"),
        _("Club number"),
        _("Role"),
        _("Year"),
        _("Municipality"),
        _("Region"),
        _("Status"),
        _("Guardians' e-mails"),
        _("Guardians' phones"),
    ]


def rows(memberships, region_names, today):
    """One row per membership; `memberships` selects the person's place, region and guardians.

    `region_names` maps region slugs to their names in the language of the export.
    """
    for membership in memberships:
        person = membership.person
        municipality = person.municipality
        region = municipality.region if municipality else None
        guardians = list(person.guardians.all())
        age_group = AgeGroup.for_age(person.age(today))
        yield [
            person.member_number or "",
            person.first_name,
            person.last_name,
            person.date_of_birth,
            str(age_group.label) if age_group else "",
            membership.club.name,
            membership.club.number,
            membership.get_role_display(),
            membership.year,
            municipality.name if municipality else "",
            region_names.get(region.slug, region.name) if region else "",
            membership.get_status_display(),
            "; ".join(guardian.email for guardian in guardians if guardian.email),
            "; ".join(guardian.phone for guardian in guardians if guardian.phone),
        ]


def as_csv(table):
    """UTF-8 with a byte order mark (Excel then reads Latvian letters right)."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output)
    for row in table:
        writer.writerow(
            [
                value.isoformat() if hasattr(value, "isoformat") else spreadsheet_text(value)
                for value in row
            ]
        )
    return output.getvalue().encode("utf-8")


def as_xlsx(table, title=None):
    """A workbook in which every text stays text (openpyxl would store "=…" as a formula)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(title or _("Members"))[:31]
    for row_number, row in enumerate(table, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = TYPE_STRING  # never a formula or an error code
            else:
                cell.value = value
                if hasattr(value, "isoformat"):
                    cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def spreadsheet_response(table, file_format, filename, title=None):
    """The table as a CSV or XLSX download (`filename` without its extension); personal
    data, so no shared cache keeps it."""
    content = as_csv(table) if file_format == "csv" else as_xlsx(table, title=title)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    response["Cache-Control"] = "private, no-store"
    return response
