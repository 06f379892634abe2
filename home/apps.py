from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # iPhones upload HEIC photos; Pillow reads them once pillow-heif is registered.
        from pillow_heif import register_heif_opener

        register_heif_opener()
