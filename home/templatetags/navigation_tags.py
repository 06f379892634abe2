from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from home import page_cache

register = template.Library()


def _site_homes(request):
    """The home page of each language (aliases included), looked up once per request."""
    if not hasattr(request, "_site_homes"):
        site = Site.find_for_request(request)
        request._site_homes = (
            page_cache.remembered("site-homes", lambda: _homes_of(site), site.pk) if site else {}
        )
    return request._site_homes


def _homes_of(site):
    root = site.root_page
    return {
        home.locale.language_code: home
        for home in Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        .live()
        .select_related("locale")
    }


@register.simple_tag(takes_context=True)
def current_home(context):
    request = context.get("request")
    if request is None:
        return None
    homes = _site_homes(request)
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in each language: the translation if there is one, else that language's home.

    `translated` says whether the link leads to the same content (used for hreflang).
    """
    request = context.get("request")
    if request is None:
        return []
    if hasattr(request, "_language_versions"):
        return request._language_versions

    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = page_cache.remembered(
            "translations", lambda: _addresses(page, request), page.pk, request.get_host()
        )
    homes = _addresses(None, request) if page is not None else {}

    versions = []
    for code, name in settings.LANGUAGES:
        if page is None:
            url = translate_url(request.get_full_path(), code)
            absolute_url, translated = request.build_absolute_uri(url), True
        elif code in translations or code in homes:
            url, absolute_url = translations.get(code) or homes[code]
            translated = code in translations
            if translated and request.GET:
                # The same view of the translation: a filtered news list stays filtered.
                url += "?" + request.GET.urlencode()
        else:
            continue
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": absolute_url,  # on the site's own address, like the canonical
                "translated": translated,
                "current": code == current,
            }
        )
    request._language_versions = versions
    return versions


def _addresses(page, request):
    """{language: (address, full address)} of the page's live public translations (not the
    aliases), or of the site's home pages when there is no page."""
    if page is None:
        targets = _site_homes(request)
    else:
        targets = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .select_related("locale")
        }
    return {
        code: (target.get_url(request), target.get_full_url(request))
        for code, target in targets.items()
    }


@register.simple_tag
def alias_original(page):
    """The page an alias shows (a Latvian page not yet translated, under /en/), or None."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return None
    return Page.objects.select_related("locale").get(pk=page.alias_of_id)


@register.inclusion_tag("home/tags/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    page = context.get("page")
    home = current_home(context)
    items = []
    if home is not None:
        items = list(home.get_children().live().public().in_menu().only("title", "url_path"))
    current_path = page.url_path if isinstance(page, Page) else None
    return {
        "request": request,
        "home": home,
        "items": [
            {
                "page": item,
                "url": item.get_url(request),
                "current": bool(current_path and current_path.startswith(item.url_path)),
            }
            for item in items
        ],
    }


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    """Wagtail's user bar, for signed-in editors only.

    Asking whether an anonymous visitor is an editor would read the session and add
    `Vary: Cookie` to every public page, which then could not be cached. Without a session
    cookie nobody can be signed in, so the question is not asked.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)
