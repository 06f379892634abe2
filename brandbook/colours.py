"""Colour arithmetic for the brandbook: WCAG 2.x contrast, RGB and an approximate CMYK.

Pure functions, no database: the palette's models and the stylesheet view build on them.
"""

import math
import re
from dataclasses import dataclass

HEX_PATTERN = re.compile(r"^#?(?P<digits>[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

# WCAG 2.x success criterion 1.4.3 (level AA): text and its background.
AA_NORMAL_TEXT = 4.5
AA_LARGE_TEXT = 3.0  # at least 18 pt, or 14 pt bold

WHITE = "#ffffff"
BLACK = "#000000"


def normalise_hex(value):
    """`#17602E`, `17602e` or `#abc` as `#17602e` / `#aabbcc`; ValueError when not a colour."""
    match = HEX_PATTERN.match((value or "").strip())
    if match is None:
        raise ValueError(f"Not a hexadecimal colour: {value!r}")
    digits = match.group("digits").lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def hex_to_rgb(value):
    digits = normalise_hex(value)[1:]
    return tuple(int(digits[index : index + 2], 16) for index in (0, 2, 4))


def _linear(channel):
    """An 8-bit sRGB channel as linear light (the WCAG 2.x formula)."""
    value = channel / 255
    # WCAG 2.0 printed 0.03928 here; 0.04045 is the sRGB standard's value. No 8-bit value
    # lies between the two, so both give the same results.
    if value <= 0.04045:
        return value / 12.92
    return ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(value):
    """0 for black to 1 for white, as WCAG 2.x defines it."""
    red, green, blue = (_linear(channel) for channel in hex_to_rgb(value))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    """From 1 (the same) to 21 (black on white); the order of the colours does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def passes_aa(ratio, large_text=False):
    """WCAG's thresholds are not rounded: 4.49:1 fails for normal text."""
    return ratio >= (AA_LARGE_TEXT if large_text else AA_NORMAL_TEXT)


def display_ratio(ratio):
    """Two decimals, never rounded up across a threshold: 4.497 shows as 4.49, not 4.50."""
    shown = round(ratio, 2)
    if any(shown >= threshold > ratio for threshold in (AA_NORMAL_TEXT, AA_LARGE_TEXT)):
        shown = math.floor(ratio * 100) / 100
    return shown


def approximate_cmyk(value):
    """A naive conversion (percentages, no colour profile): a hint when no print value is set."""
    red, green, blue = (channel / 255 for channel in hex_to_rgb(value))
    black = 1 - max(red, green, blue)
    if black >= 1:
        return (0, 0, 0, 100)
    cyan, magenta, yellow = ((1 - channel - black) / (1 - black) for channel in (red, green, blue))
    return tuple(round(part * 100) for part in (cyan, magenta, yellow, black))


CMYK_PATTERN = re.compile(r"^\s*(\d{1,3})[\s,/;]+(\d{1,3})[\s,/;]+(\d{1,3})[\s,/;]+(\d{1,3})\s*$")


def parse_cmyk(value):
    """ "76 0 52 62", "76/0/52/62" or "76, 0, 52, 62" as four percentages; ValueError if not."""
    cleaned = re.sub(r"[cmykCMYK%]", " ", value or "")
    match = CMYK_PATTERN.match(cleaned)
    if match is None:
        raise ValueError(f"Not four CMYK percentages: {value!r}")
    parts = tuple(int(part) for part in match.groups())
    if any(part > 100 for part in parts):
        raise ValueError(f"CMYK percentages go up to 100: {value!r}")
    return parts


@dataclass(frozen=True)
class Contrast:
    """A colour against a background: the ratio and what it may be used for."""

    background: str
    ratio: float

    @property
    def normal_text(self):
        return passes_aa(self.ratio)

    @property
    def large_text(self):
        return passes_aa(self.ratio, large_text=True)

    @property
    def display(self):
        return f"{display_ratio(self.ratio):.2f}:1"


def contrasts(value):
    """The colour against white and against black."""
    return (
        Contrast(WHITE, contrast_ratio(value, WHITE)),
        Contrast(BLACK, contrast_ratio(value, BLACK)),
    )


def stylesheet(colours):
    """The CSS custom properties of the palette, and a swatch class for each colour.

    `colours` are (css_name, hex) pairs. The swatch classes let pages show a colour without
    inline styles (the site's Content-Security-Policy forbids them). `html:root` outranks a
    plain `:root`, so these values win over site.css's fallback ones whichever file the page
    links first.
    """
    colours = list(colours)
    lines = [
        "/* Latvijas Mazpulki: the brand palette from the brandbook (Snippets → Brand colours). */",
        "html:root {",
        *(f"    --color-{name}: {normalise_hex(value)};" for name, value in colours),
        "}",
        "",
        *(
            f".brand-swatch--{name} {{ background-color: var(--color-{name}); }}"
            for name, _ in colours
        ),
    ]
    return "\n".join(lines) + "\n"
