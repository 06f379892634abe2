from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.clubs.views import join, staff

app_name = "clubs"

urlpatterns = [
    path(_("join/"), join.join, name="join"),
    path(_("join/sent/"), join.join_sent, name="join_sent"),
    path(_("leaders/"), staff.member_list, name="staff_members"),
    path(_("leaders/members.csv"), staff.export_csv, name="export_csv"),
    path(_("leaders/members.xlsx"), staff.export_xlsx, name="export_xlsx"),
    path(_("leaders/requests/"), staff.join_requests, name="join_requests"),
    path(_("leaders/requests/<int:pk>/"), staff.join_request, name="join_request"),
]
