from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.checkin.views import attendance, desk

app_name = "checkin"

urlpatterns = [
    path(_("check-in/"), desk.home, name="home"),
    # One person's desk: the code a scanner types, a member found by name, closing.
    path(_("check-in/desk/<int:pk>/"), desk.desk, name="desk"),
    path(_("check-in/desk/<int:pk>/code/"), desk.code, name="code"),
    path(_("check-in/desk/<int:pk>/pick/"), desk.pick, name="pick"),
    path(_("check-in/desk/<int:pk>/close/"), desk.close, name="close"),
    path(_("check-in/photo/<int:pk>/"), desk.photo, name="photo"),
    path(_("check-in/<int:pk>/undo/"), attendance.undo, name="undo"),
    # An event's attendance and, for coordinators, the clubs that host it.
    path(_("check-in/events/<int:event_id>/"), attendance.attendance, name="attendance"),
    path(
        _("check-in/events/<int:event_id>/attendance.csv"),
        attendance.attendance_csv,
        name="attendance_csv",
    ),
    path(_("check-in/events/<int:event_id>/hosts/"), attendance.hosts, name="hosts"),
    path(
        _("check-in/events/<int:event_id>/hosts/<int:pk>/remove/"),
        attendance.host_remove,
        name="host_remove",
    ),
]
