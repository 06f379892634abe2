from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.search import search_words


class WordsSearchFilter(SearchFilter):
    """Wagtail's `?search=`, given only the words of the query (see home.search)."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            query = request.GET.copy()
            query["search"] = search_words(query["search"])
            request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def with_words_search(filter_backends):
    return [
        WordsSearchFilter if backend is SearchFilter else backend for backend in filter_backends
    ]


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Images as renditions only: the original file's address is never given out."""

    filter_backends = with_words_search(ImagesAPIViewSet.filter_backends)
    body_fields = [*BaseAPIViewSet.body_fields, "title", "width", "height"]
    meta_fields = [*BaseAPIViewSet.meta_fields, "tags"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title", "alt", "thumbnail"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title", "alt", "thumbnail"]


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, reading related data with the pages, not once per page.

    A page model lists what its api_fields read in `api_select_related` and
    `api_prefetch_related`; they apply when a listing asks for that `type`.
    """

    filter_backends = with_words_search(PagesAPIViewSet.filter_backends)

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        select = getattr(model, "api_select_related", ())
        prefetch = getattr(model, "api_prefetch_related", ())
        return queryset.select_related(*select).prefetch_related(*prefetch)
