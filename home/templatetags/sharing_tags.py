"""OpenGraph and Twitter-card metadata: how a page looks when its link is shared."""

from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Site

register = template.Library()

OPENGRAPH_LOCALES = {"lv": "lv_LV", "en": "en_GB"}
SHARED_IMAGE = "fill-1200x630-c50|format-jpeg|jpegquality-85"


@register.inclusion_tag("home/tags/social_meta.html", takes_context=True)
def social_meta(context, page, description="", image=None, kind="website", published=None):
    request = context.get("request")
    if request is None or page is None or not getattr(page, "pk", None):
        return {}
    original = context.get("original") or page  # an alias is shared as its original
    language = get_language()
    shared = {
        "title": page.seo_title or page.title,
        "description": description or page.search_description,
        "url": original.get_full_url(request),
        "kind": kind,
        "published": published,
        "locale": OPENGRAPH_LOCALES.get(language, language),
        "alternate_locales": [
            OPENGRAPH_LOCALES.get(code, code)
            for code, _name in settings.LANGUAGES
            if code != language
        ],
    }
    if image is not None:
        rendition = image.get_rendition(SHARED_IMAGE)
        site = Site.find_for_request(request)
        base = site.root_url if site else request.build_absolute_uri("/")
        shared["image"] = {
            "url": urljoin(base, rendition.url),  # as the page's own address: on the site's host
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.alt,
        }
    return shared
