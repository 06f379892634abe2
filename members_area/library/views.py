"""The admin's reminder of library materials not reviewed for a year."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from members_area.library.models import review_cutoff
from members_area.library.services import due_for_review, may_review_library


class DueForReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Pages and documents last reviewed more than a year ago, never reviewed and oldest first."""

    template_name = "library/admin/due_for_review.html"
    page_title = _("Library: not reviewed for a year")
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        if not may_review_library(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["materials"] = due_for_review()
        context["cutoff"] = review_cutoff()
        return context
