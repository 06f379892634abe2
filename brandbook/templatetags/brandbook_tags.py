from django import template
from django.urls import reverse

from brandbook.services import palette_stylesheet

register = template.Library()


@register.simple_tag
def brand_colours_css_url():
    """The palette stylesheet's address with its version: cached for a year by browsers.

    For base.html, before site.css:
    `<link rel="stylesheet" href="{% brand_colours_css_url %}">`
    """
    return f"{reverse('brand_colours_css')}?v={palette_stylesheet()[1]}"
