"""API fields of the brandbook's pages: the palette and the promotional items.

Both are the same for every page of a language, so each is read once per response and
language, however many pages a listing has.
"""

from rest_framework.fields import Field
from wagtail.api.v2.utils import get_full_url

PHOTO_RENDITION = "fill-600x600|format-jpeg"


class PerLanguageField(Field):
    """Computed once per response and language, from the page (`source="*"`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        cache = self.context.setdefault(f"brandbook_{self.field_name}", {})
        if page.locale_id not in cache:
            cache[page.locale_id] = self.compute(page.locale_id)
        return cache[page.locale_id]


class PaletteField(PerLanguageField):
    def compute(self, locale_id):
        from brandbook.models import BrandColour

        return [
            colour_representation(colour) for colour in BrandColour.objects.translated(locale_id)
        ]


def colour_representation(colour):
    cmyk, approximate = colour.cmyk_values
    on_white, on_black = colour.contrasts
    return {
        "name": colour.shown.name,
        "usage": colour.shown.usage,
        "role": colour.role,
        "css_name": colour.css_name,
        "css_property": colour.custom_property,
        "hex": colour.hex,
        "rgb": list(colour.rgb),
        "cmyk": list(cmyk),
        "cmyk_approximate": approximate,
        "pantone": colour.pantone,
        "contrast": {
            name: {
                "ratio": round(contrast.ratio, 2),
                "aa_normal_text": contrast.normal_text,
                "aa_large_text": contrast.large_text,
            }
            for name, contrast in (("white", on_white), ("black", on_black))
        },
    }


class PromoItemsField(PerLanguageField):
    def compute(self, locale_id):
        from brandbook.models import PromoItem

        request = self.context.get("request")
        items = []
        for item in (
            PromoItem.objects.select_related("photo")
            .prefetch_related("photo__renditions")
            .translated(locale_id)
        ):
            photo = None
            if item.photo is not None:
                rendition = item.photo.get_rendition(PHOTO_RENDITION)
                photo = {
                    "url": get_full_url(request, rendition.url) if request else rendition.url,
                    "width": rendition.width,
                    "height": rendition.height,
                    "alt": item.photo.alt,
                }
            items.append(
                {
                    "id": item.pk,
                    "name": item.shown.name,
                    "description": item.shown.description,
                    "price": str(item.price),
                    "currency": "EUR",
                    "availability": item.availability,
                    "photo": photo,
                }
            )
        return items
