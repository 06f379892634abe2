"""Leaders' and coordinators' project pages: the yearly picture, the list and its exports.

Leaders see their clubs' projects, coordinators every club's (`Project.objects.managed_by`);
the filters only ever narrow that. Each figure of the picture links to the list of exactly
the projects it counts.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from members_area.accounts.decorators import staff_required
from members_area.accounts.models import Person, RecordAccess
from members_area.accounts.services import record_access
from members_area.clubs.exports import spreadsheet_response
from members_area.projects import exports
from members_area.projects.dashboard import yearly_picture
from members_area.projects.filters import ProjectFilterForm, YearForm
from members_area.projects.models import Project

PROJECTS_PER_PAGE = 50


@staff_required
@never_cache
def dashboard(request):
    """This year's projects against the targets, by theme, kind, region, club, age and state."""
    projects = Project.objects.managed_by(request.user)
    form = YearForm(request.GET or None, projects=projects)
    picture = yearly_picture(
        projects,
        form.chosen_year,
        locale=Locale.get_active(),
        national=request.user.is_coordinator,
    )
    return render(
        request,
        "projects/staff/dashboard.html",
        {"filter_form": form, "filtered": form.is_filtered, "picture": picture},
    )


def filtered_projects(request, locale):
    form = ProjectFilterForm(request.GET or None, user=request.user, locale=locale)
    projects = form.filter(Project.objects.managed_by(request.user)).order_by("title", "pk")
    return form, projects


@staff_required
@never_cache
def project_list(request):
    """The filtered projects, 50 a page, each linked to its application and report."""
    locale = Locale.get_active()
    form, projects = filtered_projects(request, locale)
    projects = projects.select_related("club__municipality__region").prefetch_related(
        Prefetch("members", queryset=Person.objects.order_by("first_name", "last_name", "pk"))
    )
    page_obj = Paginator(projects, PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page_obj.object_list)
    regions = form.region_names
    for project in shown:
        project.theme_title = form.theme_titles.get(project.theme_id, "")
        region = project.club.region
        project.region_name = regions.get(region.slug, region.name) if region else ""
    return render(
        request,
        "projects/staff/project_list.html",
        {
            "filter_form": form,
            "filtered": form.is_filtered,
            "year": form.chosen_year,
            "page_obj": page_obj,
            "projects": shown,
        },
    )


def export(request, file_format):
    """The filtered list (every page) as a file, one row per project."""
    locale = Locale.get_active()
    form, projects = filtered_projects(request, locale)
    projects = list(exports.for_export(projects))
    table = [
        exports.header(),
        *exports.rows(projects, form.theme_titles, form.region_names),
    ]
    filename = f"mazpulki-projekti-{form.chosen_year}-{timezone.localdate():%Y-%m-%d}"
    record_access(
        request,
        RecordAccess.What.PROJECT_EXPORT,
        [member.pk for project in projects for member in project.members.all()],  # prefetched
    )
    return spreadsheet_response(table, file_format, filename, title=_("Projects"))


@staff_required
def export_csv(request):
    """The filtered project list as CSV."""
    return export(request, "csv")


@staff_required
def export_xlsx(request):
    """The filtered project list as XLSX."""
    return export(request, "xlsx")
