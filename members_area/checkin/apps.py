from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckinConfig(AppConfig):
    name = "members_area.checkin"
    label = "checkin"
    verbose_name = _("Event check-in")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members_area.checkin import personal_data

        personal_data.register()
