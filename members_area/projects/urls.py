from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.projects.views import applications, jury, staff

app_name = "projects"

urlpatterns = [
    # Families and authors: applications and reports.
    path(_("projects/"), applications.project_list, name="list"),
    path(_("projects/new/"), applications.project_new, name="new"),
    path(_("projects/<int:pk>/"), applications.project_detail, name="detail"),
    path(_("projects/<int:pk>/application/"), applications.project_edit, name="edit"),
    path(_("projects/<int:pk>/report/"), applications.project_report, name="report"),
    path(_("projects/<int:pk>/decision/"), applications.project_decide, name="decide"),
    path(_("projects/<int:pk>/late-report/"), applications.allow_late, name="late"),
    path(_("projects/<int:pk>/files/<int:file_pk>/"), applications.project_file, name="file"),
    # Leaders and coordinators: lists, the yearly picture, exports.
    path(_("projects/leaders/"), staff.dashboard, name="dashboard"),
    path(_("projects/leaders/list/"), staff.project_list, name="staff_list"),
    path(_("projects/leaders/projects.csv"), staff.export_csv, name="export_csv"),
    path(_("projects/leaders/projects.xlsx"), staff.export_xlsx, name="export_xlsx"),
    # The project forum: jurors and results.
    path(_("project-forum/"), jury.forum, name="jury"),
    path(_("project-forum/projects/<int:pk>/"), jury.score_project, name="score"),
    path(_("project-forum/themes/<int:theme_pk>/"), jury.theme_results, name="results"),
]
