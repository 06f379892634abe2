"""The library in Wagtail: a clear refusal for signed-in non-leaders, and the review report."""

from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from members_area.library.models import LEADERS_GROUP, LibraryIndexPage, LibraryPage
from members_area.library.services import GROUPS, may_review_library
from members_area.library.views import DueForReviewView


def refused_to_signed_in(request, restrictions):
    """A "not for you" page for a signed-in login a leaders-only restriction does not let in.

    Wagtail answers every refusal by sending the visitor to sign in; one who is signed in
    would be sent straight back by the sign-in page (a redirect loop). Visitors who are not
    signed in are still sent to sign in, by Wagtail.
    """
    if not request.user.is_authenticated:
        return None
    for restriction in restrictions.prefetch_related("groups"):
        if (
            restriction.restriction_type == GROUPS
            and not restriction.accept_request(request)
            and any(group.name == LEADERS_GROUP for group in restriction.groups.all())
        ):
            response = TemplateResponse(request, "library/not_for_you.html", status=403)
            add_never_cache_headers(response)
            return response
    return None


@hooks.register("before_serve_page", order=-1)  # before Wagtail's own check
def refuse_library_page(page, request, serve_args, serve_kwargs):
    if isinstance(page, LibraryIndexPage | LibraryPage):
        return refused_to_signed_in(request, page.get_view_restrictions())
    return None


@hooks.register("before_serve_document", order=-1)
def refuse_library_document(document, request):
    return refused_to_signed_in(request, document.collection.get_view_restrictions())


@hooks.register("register_admin_urls")
def register_library_urls():
    return [
        path(
            "library/due-for-review/",
            DueForReviewView.as_view(),
            name="library_due_for_review",
        )
    ]


class DueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return may_review_library(request.user)


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    return DueForReviewMenuItem(
        _("Library: not reviewed for a year"),
        reverse("library_due_for_review"),
        name="library-due-for-review",
        icon_name="time",
        order=1150,
    )
