from django.http import HttpResponse
from django.views.decorators.http import condition, require_safe

from brandbook.services import palette_stylesheet

LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300"


def _etag(request):
    return palette_stylesheet()[1]


@require_safe
@condition(etag_func=_etag)
def brand_colours_css(request):
    """The brand palette as CSS custom properties (`--color-<css name>`), for every page.

    Pages link it with the palette's version in the address (`?v=…`, see
    brandbook_tags.brand_colours_css_url): that address never changes its content, so
    browsers keep it for a year; a new colour gives a new address. Without the current
    version the answer is kept five minutes.
    """
    css, version = palette_stylesheet()
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = LONG_CACHE if request.GET.get("v") == version else SHORT_CACHE
    return response
