from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandbookConfig(AppConfig):
    name = "brandbook"
    verbose_name = _("Brandbook")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from brandbook import signals  # noqa: F401
