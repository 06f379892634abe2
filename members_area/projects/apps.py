from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "members_area.projects"
    label = "projects"
    verbose_name = _("Projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members_area.projects import personal_data

        personal_data.register()
        # A theme's public page shows its published results.
        from home.page_cache import purge_on_change
        from members_area.projects.models import ThemeResults

        purge_on_change(ThemeResults)
