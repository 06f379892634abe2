from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationalConfig(AppConfig):
    name = "members_area.international"
    label = "international"
    verbose_name = _("International participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members_area.international import personal_data

        personal_data.register()
