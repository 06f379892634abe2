from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from members_area.checkin.models import Desk


def has_attendance(pages):
    """Whether any of the pages, or a page below them, is an event with check-in desks: the
    attendance counts for the strategy and must not go with a deleted page."""
    subtree = Page.objects.none()
    for page in pages:
        subtree = subtree | Page.objects.descendant_of(page, inclusive=True)
    return Desk.objects.filter(event_id__in=subtree.values("pk")).exists()


@hooks.register("before_delete_page")
def keep_events_with_attendance(request, page):
    if has_attendance([page]):
        messages.error(
            request,
            _(
                "This event has an attendance list from check-in, so it cannot be deleted. "
                "Unpublish it instead."
            ),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_events_with_attendance_in_bulk(request, action_type, objects, action):
    if action_type != "delete":
        return None
    if has_attendance([item for item in objects if isinstance(item, Page)]):
        messages.error(
            request,
            _(
                "One of the pages is an event with an attendance list from check-in, so they "
                "cannot be deleted. Unpublish it instead."
            ),
        )
        return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return None
