from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.online.views import calendar, leaders, room

app_name = "online"

urlpatterns = [
    path(_("club-room/"), room.rooms, name="rooms"),
    path(_("club-room/<int:club_id>/"), room.room, name="room"),
    path(_("club-room/<int:club_id>/meetings/new/"), leaders.meeting_form, name="meeting_new"),
    path(
        _("club-room/<int:club_id>/meetings/<int:pk>/edit/"),
        leaders.meeting_form,
        name="meeting_edit",
    ),
    path(_("club-room/<int:club_id>/meetings/<int:pk>/here/"), room.attend, name="attend"),
    path(
        _("club-room/<int:club_id>/meetings/<int:pk>/attendance/"),
        leaders.attendance,
        name="attendance",
    ),
    path(_("club-room/<int:club_id>/attendance/"), leaders.counts, name="counts"),
    path(
        _("club-room/<int:club_id>/announcements/new/"),
        leaders.announcement_form,
        name="announcement_new",
    ),
    path(
        _("club-room/<int:club_id>/announcements/<int:pk>/edit/"),
        leaders.announcement_form,
        name="announcement_edit",
    ),
    path(
        _("club-room/<int:club_id>/announcements/<int:announcement_id>/files/<int:pk>/"),
        room.attachment,
        name="attachment",
    ),
    path(_("calendar/"), calendar.calendar, name="calendar"),
    path(_("calendar/<int:person_id>/new-address/"), calendar.rotate, name="calendar_rotate"),
    # Read by calendar apps without signing in: the secret token is the key.
    path(_("calendar/<str:token>.ics"), calendar.feed, name="calendar_feed"),
]
