from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewspaperConfig(AppConfig):
    name = "newspaper"
    verbose_name = _("Newspaper “Mazpulks”")
    default_auto_field = "django.db.models.BigAutoField"
