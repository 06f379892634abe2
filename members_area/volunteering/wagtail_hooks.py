from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from members_area.volunteering.models import AwardKind


class AwardKindViewSet(ModelViewSet):
    """Coordinators keep the kinds of awards and their rules (Settings → Award kinds)."""

    model = AwardKind
    icon = "pick"
    menu_label = _("Award kinds")
    add_to_settings_menu = True
    list_display = ["name", "rule", "min_hours", "yearly_target", "active"]
    form_fields = [
        "name",
        "name_en",
        "description",
        "rule",
        "min_hours",
        "max_age",
        "yearly_target",
        "active",
    ]


@hooks.register("register_admin_viewset")
def register_award_kinds():
    return AwardKindViewSet("award_kinds")
