"""The dashboard's table as a spreadsheet, for the board's annual report.

Notes typed by coordinators go in as text (clubs.exports.as_xlsx): "=…" is never a formula.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from members_area.dashboard.models import Comparison


def header(table):
    return [
        _("Area"),
        _("Target"),
        _("Met when the figure is"),
        _("Target figure"),
        _("Unit"),
        str(table.year),
        _("Entered by hand"),
        str(table.last_year),
        _("Status"),
        *[str(year) for year in table.trend_years],
        _("Note, or what the figure is made of"),
    ]


def number(value):
    """Whole numbers as integers, the rest as decimals: a spreadsheet sums both."""
    if value is None:
        return None
    return int(value) if value == int(value) else value


def entered_by(cell):
    """Who entered a figure by hand and when, or "" for a figure the site counts."""
    if not cell.is_entered:
        return ""
    entered = cell.entered
    who = str(entered.entered_by) if entered.entered_by else "—"
    return _("yes (%(who)s, %(when)s)") % {
        "who": who,
        "when": f"{timezone.localtime(entered.entered_at):%Y-%m-%d}",
    }


def rows(table):
    for area, area_rows in table.groups:
        for row in area_rows:
            target = row.target
            yield [
                str(area),
                target.wording,
                "≥" if target.comparison == Comparison.AT_LEAST else "≤",
                number(target.target),
                target.unit,
                number(row.cell.value),
                entered_by(row.cell),
                number(row.last_year.value),
                str(row.status_label),
                *[number(cell.value) for cell in row.trend],
                row.cell.detail or row.cell.missing,
            ]


def as_table(table):
    return [header(table), *rows(table)]
