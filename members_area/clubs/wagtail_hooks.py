"""Coordinators keep the list of clubs in the Wagtail admin.

The admin's model permissions (clubs.add_club, …) are given to the coordinators' group by a
migration; leaders have no admin access and manage members in the member area.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from members_area.clubs.models import Club


class ClubViewSet(ModelViewSet):
    model = Club
    icon = "group"
    menu_label = _("Clubs")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "number", "municipality", "kind", "active"]
    list_filter = ["kind", "active", "municipality__region"]
    search_fields = ["name", "meeting_place"]
    ordering = ["name"]
    form_fields = [
        "name",
        "number",
        "kind",
        "municipality",
        "founded",
        "active",
        "is_central_team",
        "meeting_place",
        "meeting_time",
        "contact_name",
        "contact_email",
        "contact_phone",
    ]


@hooks.register("register_admin_viewset")
def register_club_viewset():
    return ClubViewSet("club_admin")
