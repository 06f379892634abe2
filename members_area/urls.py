"""The member area's addresses, inside the site's language prefixes (/biedri/, /en/members/)."""

from django.urls import include, path

urlpatterns = [
    path("", include("members_area.accounts.urls")),
    path("", include("members_area.clubs.urls")),
    path("", include("members_area.projects.urls")),
    path("", include("members_area.volunteering.urls")),
    path("", include("members_area.certificates.urls")),
    path("", include("members_area.online.urls")),
    path("", include("members_area.council.urls")),
    path("", include("members_area.checkin.urls")),
    path("", include("members_area.international.urls")),
]
