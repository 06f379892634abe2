from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "members_area.dashboard"
    label = "dashboard"
    verbose_name = _("Strategy dashboard")
    default_auto_field = "django.db.models.BigAutoField"
