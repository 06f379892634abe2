from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex

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
    """Images as renditions only: the original file's address is never given out.

    Images of a private collection (the leaders' library) are not listed.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset

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

    def get_base_queryset(self):
        # Wagtail reads the groups of every view restriction (the leaders' library) each time
        # it is asked, and a listing asks several times: once a request is enough.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset.all()

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        select = getattr(model, "api_select_related", ())
        prefetch = getattr(model, "api_prefetch_related", ())
        return queryset.select_related(*select).prefetch_related(*prefetch)


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """The documents that published, public pages use.

    Not every uploaded file: the PDF of a newspaper issue still waiting for the chief
    editor's approval must not be announced here before the issue is out.
    """

    filter_backends = with_words_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        public_pages = Page.objects.live().public().annotate(key=Cast("pk", CharField()))
        used = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=public_pages.values("key"),
            to_content_type=ContentType.objects.get_for_model(self.model),
        ).values("to_object_id")
        return super().get_queryset().annotate(key=Cast("pk", CharField())).filter(key__in=used)
