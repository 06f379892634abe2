from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # iPhones upload HEIC photos; Pillow reads them once pillow-heif is registered.
        from PIL import Image
        from pillow_heif import register_heif_opener

        from home import signals  # noqa: F401  (connects the page_published receiver)
        from home.photos import max_pixels

        register_heif_opener()
        # Pillow refuses, on reading the size, pictures of more than twice this many pixels.
        # Wagtail's own limit is checked only after Willow has decoded the whole picture, so
        # Pillow's refusal is set to Wagtail's limit: a small file claiming a huge picture
        # (a "decompression bomb") is never unpacked. The forms turn it into a message.
        Image.MAX_IMAGE_PIXELS = max_pixels() // 2

        # Wagtail's profile picture is stored as sent and its errors are never shown: the
        # site's form re-encodes it (home.forms.SiteAvatarForm), its template shows them.
        from wagtail.admin.views.account import AvatarSettingsPanel

        from home.forms import SiteAvatarForm

        AvatarSettingsPanel.form_class = SiteAvatarForm
        AvatarSettingsPanel.template_name = "home/avatar_panel.html"
