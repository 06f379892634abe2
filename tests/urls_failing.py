"""The site's URLs plus one view that fails, to see the error page a visitor would get."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from mazpulki.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("A bug for the test of the error page")


urlpatterns = [
    *i18n_patterns(path("kluda/", failing_view), prefix_default_language=False),
    *site_urlpatterns,
]
