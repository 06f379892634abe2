from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views.serve import authenticate_with_password

from brandbook.views import brand_colours_css
from home.sitemap import TranslatedPagesSitemap
from home.views import robots_txt, search, serve_document, serve_media
from mazpulki.api import api_router
from mazpulki.openapi import openapi_json
from members_area.certificates.views import verify as certificate_verify
from members_area.checkin.views.desk import card_scanned
from members_area.library.views import (
    LibrarySafeSubmitPageTranslationView,
    LibrarySafeUpdateTranslationsView,
)

urlpatterns = [
    # Wagtail's own sign-in would bypass allauth's rate limits (and, later, its second factor).
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # wagtail-localize's translation views, kept off the leaders' library for non-keepers.
    path(
        "admin/localize/submit/page/<int:page_id>/",
        require_admin_access(LibrarySafeSubmitPageTranslationView.as_view()),
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(LibrarySafeUpdateTranslationsView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs (names kept), with PDFs embeddable in this site's pages.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        serve_document,
        name="wagtaildocs_serve",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("api/v2/openapi.json", openapi_json, name="api_openapi"),
    path("api/v2/", api_router.urls),
    # The address in a member card's QR code: short, and in the scanning phone's language.
    # With a check-in desk open in the browser, it checks the holder in.
    path("k/<str:token>/", card_scanned, name="card_lookup"),
    # The address printed on certificates (and in their QR codes); in the visitor's language.
    path("verify/<str:code>/", certificate_verify, name="certificate_verify"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedPagesSitemap}}),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The site's colours, from the brandbook's palette (see brandbook.views).
    path("brand-colours.css", brand_colours_css, name="brand_colours_css"),
]

if settings.DEBUG:
    # In production the web server serves media (see the README); this is for runserver.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

urlpatterns += i18n_patterns(
    path(_("search/"), search, name="search"),
    path(_("account/"), include("allauth.urls")),
    path(_("members/"), include("members_area.urls")),
    # Wagtail's sign-in for private pages: also allauth's.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Errors: a page that needs neither the database nor the cache (503 while one is away).
handler400 = "home.views.bad_request"
handler500 = "home.views.server_error"
