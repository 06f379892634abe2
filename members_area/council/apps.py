from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "members_area.council"
    label = "council"
    verbose_name = _("Youth council")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members_area.council import personal_data

        personal_data.register()
