from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Images as renditions only: the original file's address is never given out."""

    body_fields = [*BaseAPIViewSet.body_fields, "title", "width", "height"]
    meta_fields = [*BaseAPIViewSet.meta_fields, "tags"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title", "alt", "thumbnail"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title", "alt", "thumbnail"]


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, reading each page's locale with the page (not once per page)."""

    def get_queryset(self):
        return super().get_queryset().select_related("locale")
