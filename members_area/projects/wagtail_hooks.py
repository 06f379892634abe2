from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from members_area.projects.models import Project, ProjectThemePage


@hooks.register("before_delete_page")
def keep_themes_that_have_projects(request, page):
    """A theme with applications is their record: it can be unpublished, never deleted."""
    themes = ProjectThemePage.objects.descendant_of(page, inclusive=True)
    count = Project.objects.filter(theme__in=themes).count()
    if not count:
        return None
    if request.method == "POST":
        messages.error(
            request,
            _(
                "“%(page)s” cannot be deleted: %(count)s project applications belong to its "
                "themes. Unpublish it instead."
            )
            % {"page": page.title, "count": count},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    messages.warning(
        request,
        _("Projects belong to this page's themes: it cannot be deleted, only unpublished."),
    )
    return None
