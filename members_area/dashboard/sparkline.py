"""A target's trend over the strategy's years as a small SVG drawn on the server.

No script and no inline style (the site's Content-Security-Policy): the template draws the
shapes computed here and a static stylesheet colours them by class. Each chart has a text
alternative listing every year's figure and the target.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from members_area.dashboard.services import display_number

WIDTH = 120
HEIGHT = 32
PAD = 4


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: int
    selected: bool


@dataclass(frozen=True)
class Sparkline:
    width: int
    height: int
    lines: list  # [[Point]]: a year without a figure breaks the line
    points: list  # [Point]
    target_y: float
    text: str

    @property
    def polylines(self):
        """Each line as the `points` attribute of an SVG polyline."""
        return [" ".join(f"{point.x:.1f},{point.y:.1f}" for point in line) for line in self.lines]


def sparkline(cells, target, selected_year, unit=""):
    """The chart of `cells` (a Cell per year, in order) against `target`."""
    values = [Decimal(cell.value) for cell in cells if cell.value is not None]
    target = Decimal(target)
    low = min([Decimal(0), target, *values])
    high = max([target, *values])
    if high == low:
        high = low + 1

    def y_of(value):
        share = (Decimal(value) - low) / (high - low)
        return float(HEIGHT - PAD - share * (HEIGHT - 2 * PAD))

    step = (WIDTH - 2 * PAD) / (len(cells) - 1) if len(cells) > 1 else 0
    points, lines, line = [], [], []
    for index, cell in enumerate(cells):
        if cell.value is None:
            if line:
                lines.append(line)
            line = []
            continue
        x = PAD + index * step if len(cells) > 1 else WIDTH / 2
        point = Point(x, y_of(cell.value), cell.year, cell.year == selected_year)
        points.append(point)
        line.append(point)
    if line:
        lines.append(line)
    suffix = f" {unit}" if unit else ""
    years = "; ".join(
        f"{cell.year}: "
        + (display_number(cell.value) + suffix if cell.value is not None else _("no figure"))
        for cell in cells
    )
    text = _("Trend %(years)s; target %(target)s") % {
        "years": years,
        "target": display_number(target) + suffix,
    }
    return Sparkline(WIDTH, HEIGHT, lines, points, y_of(target), text)
