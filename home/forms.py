from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class SiteImageForm(BaseImageForm):
    """Wagtail's image form, with the alt text required (WCAG 1.1.1)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].error_messages["required"] = _(
                "Describe the picture for people who cannot see it."
            )
