"""Whole public pages, kept in the shared cache for visitors who are not signed in.

A page is kept only when nothing in it belongs to one person: the request carried no cookie
but the language and CSRF ones, and the response sets no cookie (a page that used a CSRF
token renews the cookie, so it is never kept). Only Wagtail's pages and the read-only API
are kept; the member area, the admin, documents and every signed-in request pass by.

Publishing, unpublishing, moving or deleting a page — and changes to what pages show beside
their own content (settings, terms, clubs, project results) — purge every kept page at once,
in both languages, by moving the cache to a new generation: a page lists others (the home
page shows the news), so purging one address would not be enough. Kept pages also expire
after PAGE_CACHE_SECONDS, as lists change with the date (an event ending today).

Parts of pages that are the same for everyone (a news card, the home page's lists, the menu,
the footer) are kept the same way by `{% fragment %}`, for FRAGMENT_CACHE_SECONDS, so that
signed-in visitors and pages that cannot be kept whole are not rendered from nothing either.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

GENERATION_KEY = "page-cache:generation"
CACHED_VIEWS = {"wagtail_serve"}
CACHED_NAMESPACES = {"wagtailapi_v2"}
MAX_QUERY_LENGTH = 200


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def fragment_seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def current_generation(request=None):
    """The cache's generation, read once per request."""
    if request is None:
        return cache.get(GENERATION_KEY)
    if not hasattr(request, "_page_cache_generation"):
        request._page_cache_generation = cache.get(GENERATION_KEY)
    return request._page_cache_generation


def fragment_key(generation, parts):
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"fragment:{generation or 0}:{digest}"


def keep(parts, compute, request=None):
    """What compute() gave before for these parts, in this generation, language and day (lists
    change with the date), or compute() now. Always computed when fragments are off and in
    previews (an editor's draft is never kept)."""
    timeout = fragment_seconds()
    if not timeout or getattr(request, "is_preview", False):
        return compute()
    day = timezone.localdate().isoformat()
    cache_key = fragment_key(current_generation(request), [*parts, get_language() or "", day])
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout)
    return value


def remembered(name, compute, *parts):
    """A value read from published content (a filter's choices), kept like a fragment."""
    return keep(["value", name, *map(str, parts)], compute)


def with_card_pictures(pages, image_field):
    """Pages for a list of cards, with their picture; the picture's renditions are read ahead
    only when cards are not kept as fragments (a kept card needs none, and a card rendered
    again reads its own)."""
    pages = pages.select_related(image_field)
    if not fragment_seconds():
        pages = pages.prefetch_related(f"{image_field}__renditions")
    return pages


def purge_all(*args, **kwargs):
    """Forget every kept page and fragment (a signal receiver too).

    At once, and again when the transaction that changed something commits: a page rendered
    in between from what was not yet committed would otherwise be kept as new."""
    _next_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_next_generation)


def purge_on_change(model):
    """Forget kept pages whenever a `model` row is saved or deleted: for the apps whose data
    public pages show beside their own (the club finder, a theme's results)."""
    label = model._meta.label_lower
    post_save.connect(purge_all, sender=model, dispatch_uid=f"{label}-saved-purges-pages")
    post_delete.connect(purge_all, sender=model, dispatch_uid=f"{label}-deleted-purges-pages")


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def key(request, generation):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{generation or 0}:{digest}"


def anonymous_and_plain(request):
    """A GET of a visitor carrying nothing personal (no session, no messages)."""
    if request.method not in ("GET", "HEAD"):
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    harmless = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return set(request.COOKIES) <= harmless


def keepable(request, response):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    if match.url_name not in CACHED_VIEWS and not set(match.namespaces) & CACHED_NAMESPACES:
        return False
    if getattr(request, "is_preview", False) or response.status_code != 200:
        return False
    if response.cookies or response.streaming or response.has_header("Content-Disposition"):
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Answers a kept page before the session is even read; keeps what may be kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not seconds() or not anonymous_and_plain(request):
            return self.get_response(request)
        cache_key = key(request, current_generation(request))
        kept = cache.get(cache_key)
        if kept is not None:
            kept["X-Page-Cache"] = "hit"
            return kept
        response = self.get_response(request)
        if keepable(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            response["X-Page-Cache"] = "miss"
            cache.set(cache_key, response, seconds())
        return response
