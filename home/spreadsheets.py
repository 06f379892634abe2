"""Text that people typed, safe to put in a spreadsheet cell."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """Text for a CSV cell that a spreadsheet will not run as a formula.

    Visitors type names and messages; `=HYPERLINK(…)` in a name would otherwise become a live
    formula in the office's spreadsheet (CSV injection).
    """
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
