from decimal import Decimal

from django import template

from members_area.volunteering.services import hours_display

register = template.Library()


@register.filter
def hours(value):
    """Hours as people write them, in the page's language: 2, 2,5, 1,25 (not 2,50)."""
    if value in (None, ""):
        return ""
    return hours_display(value)


@register.filter
def sub_hours(value, other):
    """What is left: 12 minus the hours done, as hours."""
    return hours(Decimal(value) - Decimal(other))
