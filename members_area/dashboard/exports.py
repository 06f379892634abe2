"""The dashboard's table as a spreadsheet, for the board's annual report."""

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
        _("What the figure is made of"),
    ]


def number(value):
    """Whole numbers as integers, the rest as decimals: a spreadsheet sums both."""
    if value is None:
        return None
    return int(value) if value == int(value) else value


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
                _("yes") if row.cell.is_entered else "",
                number(row.last_year.value),
                str(row.status_label),
                *[number(cell.value) for cell in row.trend],
                row.cell.detail,
            ]


def as_table(table):
    return [header(table), *rows(table)]
