from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "members_area.library"
    label = "library"
    verbose_name = _("Leaders' library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members_area.library import signals  # noqa: F401  (connects the receivers)
