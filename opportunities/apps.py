from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("International opportunities")
    default_auto_field = "django.db.models.BigAutoField"
