import posixpath
import sys

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import Http404, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views import defaults
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as documents_serve
from wagtail.models import Locale, Page

from home.search import QUERY_MAX_LENGTH, result_summary, search_pages

SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Full-text search over the pages of the visitor's language."""
    query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
    results = search_pages(query, Locale.get_active())
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    # The results as their own page types, to show each one's summary (a news article's lead).
    found = Page.objects.filter(pk__in=[page.pk for page in page_obj.object_list]).specific()
    by_id = {page.pk: page for page in found}
    found_pages = [by_id.get(page.pk, page) for page in page_obj.object_list]
    results = [(page, result_summary(page)) for page in found_pages]
    return TemplateResponse(
        request,
        "home/search_results.html",
        {"query": query, "page_obj": page_obj, "results": results},
    )


@require_GET
def robots_txt(request):
    private_paths = ["/admin/", "/api/"]
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            private_paths += [reverse("search"), reverse("account_login").rsplit("/", 2)[0] + "/"]
    return TemplateResponse(
        request,
        "home/robots.txt",
        {
            "private_paths": sorted(set(private_paths)),
            "sitemap_url": request.build_absolute_uri("/sitemap.xml"),
        },
        content_type="text/plain; charset=utf-8",
    )


# Originals of images are shown only as renditions; documents only through Wagtail's view,
# which checks private collections; uploads waiting for their details are nobody's
# business. The web server must refuse these folders too (see the README).
PRIVATE_MEDIA_FOLDERS = ("original_images/", "documents/", "uploaded_files/", "people/")


def serve_media(request, path):
    """Media files for the development server, without the private folders."""
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised.startswith(PRIVATE_MEDIA_FOLDERS):
        raise Http404
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)


def is_private_document(document_id):
    """Whether the document's collection (or one above it) is visible only to some."""
    document = get_document_model().objects.filter(pk=document_id).select_related("collection")
    document = document.first()
    return document is not None and document.collection.get_view_restrictions().exists()


@xframe_options_sameorigin
def serve_document(request, document_id, document_filename):
    """Wagtail's document view, whose files this site's own pages may embed.

    A newspaper issue shows its PDF in the page; every other response keeps forbidding
    frames (X-Frame-Options and frame-ancestors).
    """
    response = documents_serve.serve(request, document_id, document_filename)
    if response.status_code == 200 and is_private_document(document_id):
        # A document of a private collection (the leaders' library): no shared cache keeps it.
        patch_cache_control(response, private=True, no_store=True)
    # Wagtail sets "default-src 'none'" (no scripts inside served files); kept, plus framing
    # by this site's pages. Without a policy of its own the response gets the site's.
    policy = response.get("Content-Security-Policy")
    if policy:
        response["Content-Security-Policy"] = f"{policy}; frame-ancestors 'self'"
    else:
        response._csp_replace = {"frame-ancestors": ["'self'"]}
    return response


def is_outage(error):
    """The database or the cache not answering (down, restarting, unreachable); not a query
    that failed on a working connection (a timeout, a deadlock, a missing table: bugs)."""
    if isinstance(error, (OperationalError, InterfaceError)):
        return not database_answers()
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError:  # no Redis client installed: there is no Redis to lose
        return False
    return isinstance(error, (RedisConnectionError, RedisTimeoutError))


def database_answers():
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        return connection.connection is not None and connection.is_usable()
    except Exception:  # whatever it is, the database did not answer
        return False


def server_error(request):
    """handler500: a page that needs neither the database nor the cache. While one of them
    is away (a restart, a failover) it says so with 503 and Retry-After, so browsers,
    crawlers and the load balancer try again instead of taking it for a broken page."""
    return error_page(unavailable=is_outage(sys.exc_info()[1]))


def bad_request(request, exception):
    """handler400, for one case: a session that could not be saved because the database went
    away during the request (Django's SessionInterrupted, raised from the failed save) is an
    outage, answered as handler500 answers one; any other bad request is Django's 400."""
    cause = exception
    while cause is not None:
        if is_outage(cause):
            return error_page(unavailable=True)
        cause = cause.__cause__ or cause.__context__
    return defaults.bad_request(request, exception)


def error_page(unavailable):
    html = loader.get_template("500.html").render({"unavailable": unavailable})
    response = HttpResponseServerError(html)
    if unavailable:
        response.status_code = 503
        response["Retry-After"] = "30"
    return response
