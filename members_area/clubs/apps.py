from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClubsConfig(AppConfig):
    name = "members_area.clubs"
    label = "clubs"
    verbose_name = _("Clubs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members_area.clubs import personal_data, signals  # noqa: F401

        personal_data.register()
        # The club finder (a public page) lists the clubs: a change forgets kept pages.
        from home.page_cache import purge_on_change
        from members_area.clubs.models import Club

        purge_on_change(Club)
