from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def hours(value):
    """Hours as people write them, in the page's language: 2, 2,5, 1,25 (not 2,50)."""
    if value in (None, ""):
        return ""
    value = Decimal(value).normalize()
    return number_format(value if value.as_tuple().exponent < 0 else value.quantize(1))


@register.filter
def sub_hours(value, other):
    """What is left: 12 minus the hours done, as hours."""
    return hours(Decimal(value) - Decimal(other))
