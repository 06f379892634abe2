from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnlineConfig(AppConfig):
    name = "members_area.online"
    label = "online"
    verbose_name = _("Club meetings and announcements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members_area.online import personal_data

        personal_data.register()
