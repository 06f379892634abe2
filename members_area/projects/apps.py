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
        from django.db.models.signals import post_save

        from home.page_cache import purge_all
        from members_area.projects.models import ThemeResults

        post_save.connect(purge_all, sender=ThemeResults, dispatch_uid="results-purge-pages")
