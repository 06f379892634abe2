"""The admin's reminder of library materials not reviewed for a year, and wagtail-localize's
translation views kept off the library for whoever does not keep it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from members_area.library.models import is_library_keeper, review_cutoff
from members_area.library.services import due_for_review, holds_library, may_review_library


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


# wagtail-localize lets anyone with its "submit translation" right (the chief editor) translate
# any page and publish the copy, without asking about rights on the page itself. These views
# are put in its place (site/urls.py) for library pages.


class LibrarySafeSubmitPageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, pk=kwargs["page_id"])
        with_subtree = request.method == "POST" and bool(request.POST.get("include_subtree"))
        if holds_library(page, with_subtree) and not is_library_keeper(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LibrarySafeUpdateTranslationsView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, pk=kwargs["translation_source_id"])
        instance = source.get_source_instance()
        if (
            isinstance(instance, Page)
            and holds_library(instance)
            and not is_library_keeper(request.user)
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
