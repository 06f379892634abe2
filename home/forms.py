from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.admin.forms.account import AvatarPreferencesForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from home.photos import strip_image_metadata, too_many_pixels_error, unreadable_picture_error

AVATAR_SIDE = 400  # as Wagtail scales profile pictures
MAX_AVATAR_BYTES = 10 * 1024 * 1024


class SiteImageField(WagtailImageField):
    """Wagtail's image field, answering with a message a picture of too many pixels, one cut
    short and one whose name says another format.

    Pillow refuses too many pixels as soon as it reads the size (see HomeConfig.ready), and
    a damaged picture when Willow decodes it, by raising errors Wagtail's field does not
    expect. Wagtail's Latvian catalogue lacks the message of a name that lies.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image_known_format"] = _(
            "The file's extension (.%(extension)s) does not match its content "
            "(%(image_format)s). Save the picture with the right extension and upload it again."
        )

    def to_python(self, data):
        try:
            return super().to_python(data)
        except Image.DecompressionBombError as error:
            raise too_many_pixels_error() from error
        except (OSError, SyntaxError, ValueError) as error:
            raise unreadable_picture_error() from error


class SiteImageForm(BaseImageForm):
    """Wagtail's image form, with the alt text required (WCAG 1.1.1)."""

    file = SiteImageField(label=_("File"), widget=BaseImageForm.Meta.widgets["file"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" not in self._meta.fields or "file" in (self._meta.exclude or ()):
            # Forms that edit an upload's details only (the multiple uploader's) have none.
            del self.fields["file"]
        else:
            # Made again for each form: Wagtail writes the formats and sizes into the field's
            # messages when the field is made, and the class's own one was made at import, in
            # no reader's language (its messages stayed English).
            self.fields["file"] = SiteImageField(label=_("File"), widget=self.fields["file"].widget)
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].error_messages["required"] = _(
                "Describe the picture for people who cannot see it."
            )


class SiteAvatarForm(AvatarPreferencesForm):
    """An editor's profile picture (Account → Profile picture), stored like every picture of
    the site: decoded and encoded again without EXIF/GPS and without anything appended,
    scaled to at most 400 pixels, at most 10 MB sent. Wagtail's own form keeps a small
    picture as sent, and fails on one it cannot scale.
    """

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if not isinstance(upload, UploadedFile):
            return super().clean_avatar()
        if upload.size > MAX_AVATAR_BYTES:
            raise ValidationError(_("The photo is larger than 10 MB."), code="too_large")
        return strip_image_metadata(upload, upload.name, max_side=AVATAR_SIDE).content


def checked_field(form, name):
    """The one field a view passes to a service (a comment, a reason), checked as its form
    checks it (length, no NUL character): the cleaned value, or its errors raised for the
    view to show like the service's own."""
    if form.is_valid():
        return form.cleaned_data[name]
    raise ValidationError(form.errors[name])


def attach_errors(form, error):
    """A service's ValidationError shown where it belongs: on a field, or above the form."""
    if hasattr(error, "error_dict"):
        for field, problems in error.error_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error)
