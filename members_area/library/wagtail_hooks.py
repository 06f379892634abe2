"""The library in Wagtail: a clear refusal for signed-in non-leaders, and the review report."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from members_area.library.models import (
    LEADERS_GROUP,
    LibraryIndexPage,
    LibraryPage,
    is_library_keeper,
)
from members_area.library.services import GROUPS, holds_library, may_review_library
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


# The library in the admin is the coordinators' alone: its pages refuse every action to
# others (LibraryPagePermissions); these keep it out of their explorer and page choosers too.


@hooks.register("construct_explorer_page_queryset")
def hide_library_from_explorer(parent_page, pages, request):
    if is_library_keeper(request.user):
        return pages
    return pages.not_type(LibraryIndexPage, LibraryPage)


@hooks.register("construct_page_chooser_queryset")
def hide_library_from_chooser(pages, request):
    if is_library_keeper(request.user):
        return pages
    return pages.not_type(LibraryIndexPage, LibraryPage)


@hooks.register("before_create_page")
def refuse_new_library_to_non_keepers(request, parent_page, page_class):
    if issubclass(page_class, LibraryIndexPage | LibraryPage) and not is_library_keeper(
        request.user
    ):
        raise PermissionDenied


@hooks.register("before_delete_page")
@hooks.register("before_copy_page")
def refuse_taking_the_library_along(request, page):
    """Deleting or copying a page takes its subtree: the editors' rights on a home page must
    not carry the library with it."""
    if not is_library_keeper(request.user) and holds_library(page, with_subtree=True):
        raise PermissionDenied


@hooks.register("before_move_page")
def refuse_moving_the_library_along(request, page, destination):
    refuse_taking_the_library_along(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_the_library(request, action_type, objects, action):
    if is_library_keeper(request.user):
        return
    pages = [item for item in objects if isinstance(item, Page)]
    if any(holds_library(page, with_subtree=True) for page in pages):
        raise PermissionDenied


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
