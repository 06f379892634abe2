from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from home.photos import too_many_pixels_error


class SiteImageField(WagtailImageField):
    """Wagtail's image field, answering a picture of too many pixels with a message.

    Pillow refuses such a picture as soon as it reads its size (see HomeConfig.ready), by
    raising an error that Wagtail's field does not expect.
    """

    def to_python(self, data):
        try:
            return super().to_python(data)
        except Image.DecompressionBombError as error:
            raise too_many_pixels_error() from error


class SiteImageForm(BaseImageForm):
    """Wagtail's image form, with the alt text required (WCAG 1.1.1)."""

    file = SiteImageField(label=_("File"), widget=BaseImageForm.Meta.widgets["file"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" not in self._meta.fields or "file" in (self._meta.exclude or ()):
            # Forms that edit an upload's details only (the multiple uploader's) have none.
            del self.fields["file"]
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].error_messages["required"] = _(
                "Describe the picture for people who cannot see it."
            )


def attach_errors(form, error):
    """A service's ValidationError shown where it belongs: on a field, or above the form."""
    if hasattr(error, "error_dict"):
        for field, problems in error.error_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error)
