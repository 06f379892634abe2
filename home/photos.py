"""Uploaded photos lose their metadata before they are stored.

Phones write the place a photo was taken (EXIF GPS), the camera's serial number and more into
every picture. On a site full of children's photos none of it may be published, so every image
is decoded and encoded again without it: EXIF, XMP, IPTC and PNG text chunks are dropped, the
EXIF orientation is applied to the pixels first so the photo stays upright, and the colour
profile is kept. HEIC/HEIF photos from iPhones become JPEG, which every browser can show.
"""

import io
import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name -> format stored. Anything else is refused.
STORED_FORMAT = {
    "JPEG": "JPEG",
    "MPO": "JPEG",  # multi-picture JPEG from some cameras: keep the main picture
    "PNG": "PNG",
    "GIF": "GIF",
    "WEBP": "WEBP",
    "AVIF": "AVIF",
    "HEIF": "JPEG",
}
ANIMATED_FORMATS = {"GIF", "WEBP", "PNG", "AVIF"}
EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp", "AVIF": ".avif"}
# Keys of Image.info that describe how the picture looks or moves, not who took it.
KEPT_INFO = {"transparency", "loop", "background", "icc_profile"}
DEFAULT_MAX_PIXELS = 60_000_000


@dataclass(frozen=True)
class CleanImage:
    content: ContentFile
    name: str
    width: int
    height: int


def strip_image_metadata(content, name, max_side=None, formats=None):
    """Return the picture in `content` re-encoded without metadata, with a matching name.

    With `max_side`, a still picture larger than that (on its long side) is scaled down;
    with `formats` (Pillow's names), only pictures in those formats are accepted.
    """
    if hasattr(content, "seek"):
        content.seek(0)
    try:
        try:
            source = Image.open(content)
        except Image.DecompressionBombError as error:
            raise too_many_pixels_error() from error
        stored_format = STORED_FORMAT.get(source.format)
        if formats is not None and source.format not in formats:
            raise ValidationError(
                _("Upload a photo as JPEG, PNG or HEIC (as phones take them)."),
                code="invalid_image_format",
            )
        if stored_format is None:
            raise ValidationError(
                _(
                    "This image format is not accepted. Upload a JPEG, PNG, GIF, WebP, AVIF "
                    "or HEIC file."
                ),
                code="invalid_image_format",
            )
        _refuse_too_many_pixels(source)
        output = io.BytesIO()
        if stored_format in ANIMATED_FORMATS and getattr(source, "is_animated", False):
            width, height = _save_animation(source, stored_format, output)
        else:
            picture = ImageOps.exif_transpose(source)
            picture.load()
            picture = _ready_for(picture, stored_format)
            if max_side and max(picture.size) > max_side:
                picture.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            picture.info = _kept_info(picture)
            picture.save(output, stored_format, **_encoder_options(stored_format, source))
            width, height = picture.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise unreadable_picture_error() from error

    stem, _extension = os.path.splitext(os.path.basename(name))
    clean_name = (stem or "image") + EXTENSION[stored_format]
    return CleanImage(
        # Named, so that Django reads the new dimensions from it.
        content=ContentFile(output.getvalue(), name=clean_name),
        name=clean_name,
        width=width,
        height=height,
    )


def max_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", DEFAULT_MAX_PIXELS)


def unreadable_picture_error():
    return ValidationError(
        _("The file is not a picture that can be read. Please upload a photo or image."),
        code="invalid_image",
    )


def too_many_pixels_error():
    return ValidationError(
        _("This picture is too large: at most %(limit)s million pixels, e.g. 8000 × 6000.")
        % {"limit": max_pixels() // 1_000_000},
        code="too_many_pixels",
    )


def _refuse_too_many_pixels(source):
    """A small file can unpack to gigabytes (a "decompression bomb"): refuse before decoding."""
    if source.width * source.height * getattr(source, "n_frames", 1) > max_pixels():
        raise too_many_pixels_error()


def _kept_info(image):
    return {key: value for key, value in image.info.items() if key in KEPT_INFO}


def _encoder_options(stored_format, source):
    options = {}
    icc_profile = source.info.get("icc_profile")
    if icc_profile and stored_format in {"JPEG", "PNG", "WEBP", "AVIF"}:
        options["icc_profile"] = icc_profile
    if stored_format == "JPEG":
        options.update(quality=90, optimize=True, progressive=True)
    elif stored_format in {"WEBP", "AVIF"}:
        options["quality"] = 90
    elif stored_format in {"PNG", "GIF"} and "transparency" in source.info:
        options["transparency"] = source.info["transparency"]
    return options


def _ready_for(picture, stored_format):
    """Bring the pixels into a mode that the stored format and every rendition can hold."""
    if picture.mode.startswith("I;16") or picture.mode in {"I", "F"}:
        # 16-bit greyscale (scanners): browsers and JPEG/WebP renditions want 8 bits.
        scale = 1 / 256 if picture.mode != "F" else 1
        picture = picture.convert("F").point(lambda value: value * scale).convert("L")
    if stored_format == "JPEG" and picture.mode not in {"RGB", "L", "CMYK"}:
        if picture.mode in {"RGBA", "LA", "P", "PA"}:
            picture = picture.convert("RGBA")
            background = Image.new("RGB", picture.size, (255, 255, 255))
            background.paste(picture, mask=picture.getchannel("A"))
            return background
        return picture.convert("RGB")
    return picture


def _save_animation(source, stored_format, output):
    """Every frame, with its own duration and disposal, and nothing else."""
    frames, durations, disposals = [], [], []
    for index in range(source.n_frames):
        source.seek(index)
        frame = source.copy()
        frame.info = _kept_info(source)
        frames.append(frame)
        durations.append(source.info.get("duration", 100))
        disposals.append(getattr(source, "disposal_method", 0))
    options = {"save_all": True, "append_images": frames[1:], "duration": durations}
    options.update(_kept_info(frames[0]))
    if stored_format == "GIF":
        options["disposal"] = disposals
    frames[0].save(output, stored_format, **options)
    return frames[0].size
