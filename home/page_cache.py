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
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "page-cache:generation"
CACHED_VIEWS = {"wagtail_serve"}
CACHED_NAMESPACES = {"wagtailapi_v2"}
MAX_QUERY_LENGTH = 200


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def purge_all(*args, **kwargs):
    """Forget every kept page (a signal receiver too)."""
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
        cache_key = key(request, cache.get(GENERATION_KEY))
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
