import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, Page, ReferenceIndex, Site

from home.search import search_words

# Wagtail's API answers some malformed queries with an exception, a server error: these
# checks make them a 400 with a message (found by tests/test_fuzz_api.py). The messages are
# in English like Wagtail's own: they are read by developers of other software.
MAX_OFFSET = 2**31 - 1  # a larger one overflows the database's LIMIT/OFFSET
SEARCH_OPERATORS = ("and", "or")


def reject_null_characters(query):
    """PostgreSQL refuses a NUL in any text it is given."""
    for key, values in query.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            raise BadRequestError("null characters are not allowed in query parameters")


def check_positive_integer(name, value, maximum=None):
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise BadRequestError(f"{name} must be a positive integer")
    if maximum is not None and number > maximum:
        raise BadRequestError(f"{name} cannot be higher than {maximum}")


# Fields whose filter value is parsed (a number, a date, an id) before the query.
PARSED_FIELDS = (
    models.IntegerField,
    models.DateField,
    models.TimeField,
    models.DecimalField,
    models.FloatField,
    models.UUIDField,
    models.DurationField,
)


def fits_database_time(moment):
    """Whether the database can compare with this moment: it must exist in UTC (year 1 at
    +05:00 does not), and PostgreSQL takes offsets up to ±15:59 only."""
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)  # as Django does before the query
        moment.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        return False
    return abs(moment.utcoffset()) < datetime.timedelta(hours=16)


def fits_field(field, value):
    """Whether `value` can be compared with a model's field in the database.

    Wagtail's field filters (`?first_published_at=…`, `?start=…`) pass text that is no date,
    or a number past the database's integers, straight to the query.
    """
    target = field.target_field if field.is_relation else field  # a related object's id
    if not isinstance(target, PARSED_FIELDS):
        return True  # text, compared as it is
    try:
        python_value = target.to_python(value)
    except ValidationError:
        return False
    if isinstance(python_value, datetime.datetime):
        return fits_database_time(python_value)
    if isinstance(target, models.IntegerField) and python_value is not None:
        low, high = connection.ops.integer_field_range(target.get_internal_type())
        return (low is None or python_value >= low) and (high is None or python_value <= high)
    return True


def check_field_filters(query, model, field_names):
    for name, value in query.items():
        if name not in field_names:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not isinstance(field, models.Field) or isinstance(
            field, (TaggableManager, models.BooleanField)
        ):
            continue  # tags are names; Wagtail checks booleans itself
        if not fits_field(field, value):
            raise BadRequestError(f"field filter error. {value!r} is not a valid value for {name}")


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters, refusing values the field cannot hold (a 400, not a 500)."""

    def filter_queryset(self, request, queryset, view):
        fields = view.get_available_fields(queryset.model, db_fields_only=True)
        check_field_filters(request.GET, queryset.model, set(fields) - {"locale"})
        return super().filter_queryset(request, queryset, view)


class WordsSearchFilter(SearchFilter):
    """Wagtail's `?search=`, given only the words of the query (see home.search)."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            if request.GET.get("search_operator") not in (None, "", *SEARCH_OPERATORS):
                raise BadRequestError("search_operator must be 'and' or 'or'")
            query = request.GET.copy()
            query["search"] = search_words(query["search"])
            request._request.GET = query
        return super().filter_queryset(request, queryset, view)


CHECKED_FILTERS = {SearchFilter: WordsSearchFilter, FieldsFilter: CheckedFieldsFilter}


def with_checked_filters(filter_backends):
    return [CHECKED_FILTERS.get(backend, backend) for backend in filter_backends]


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        if "offset" in request.GET:
            check_positive_integer("offset", request.GET["offset"], maximum=MAX_OFFSET)
        return super().paginate_queryset(queryset, request, view)


class CheckedQueryMixin:
    """Bad query parameters are a 400 with a message on every endpoint, never a 500."""

    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        reject_null_characters(request.GET)
        super().initial(request, *args, **kwargs)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            check_positive_integer("id", request.GET["id"])
        return super().find_object(queryset, request)


def private_collections():
    """The collections under a view restriction (the leaders' library), with their children."""
    private = Collection.objects.none()
    for restricted in Collection.objects.filter(view_restrictions__isnull=False).distinct():
        private |= Collection.objects.descendant_of(restricted, inclusive=True)
    return private


class PublicImagesAPIViewSet(CheckedQueryMixin, ImagesAPIViewSet):
    """Images as renditions only: the original file's address is never given out.

    Images of a private collection (the leaders' library) are not listed.
    """

    def get_queryset(self):
        # By collection, which the search index can filter on (not by the collection's path).
        return super().get_queryset().exclude(collection__in=private_collections())

    filter_backends = with_checked_filters(ImagesAPIViewSet.filter_backends)
    body_fields = [*BaseAPIViewSet.body_fields, "title", "width", "height"]
    meta_fields = [*BaseAPIViewSet.meta_fields, "tags"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title", "alt", "thumbnail"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title", "alt", "thumbnail"]


class PublicPagesAPIViewSet(CheckedQueryMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, reading related data with the pages, not once per page.

    A page model lists what its api_fields read in `api_select_related` and
    `api_prefetch_related`; they apply when a listing asks for that `type`.
    """

    filter_backends = with_checked_filters(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        # Wagtail reads the groups of every view restriction (the leaders' library) each time
        # it is asked, and a listing asks several times: once a request is enough.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = self.base_queryset_of_site()
        return self._base_queryset.all()

    def base_queryset_of_site(self):
        # Wagtail fails on a `?site=` that names no site, or a port that is no number.
        try:
            return super().get_base_queryset()
        except (Site.DoesNotExist, ValueError) as error:
            raise BadRequestError("site doesn't exist") from error

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        select = getattr(model, "api_select_related", ())
        prefetch = getattr(model, "api_prefetch_related", ())
        return queryset.select_related(*select).prefetch_related(*prefetch)


class PublicDocumentsAPIViewSet(CheckedQueryMixin, DocumentsAPIViewSet):
    """The documents that published, public pages use.

    Not every uploaded file: the PDF of a newspaper issue still waiting for the chief
    editor's approval must not be announced here before the issue is out.
    """

    filter_backends = with_checked_filters(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        # A list of ids, not a filter on an annotation: the search index cannot filter on
        # one (every `?search=` was a server error).
        return super().get_queryset().filter(pk__in=self.used_document_ids())

    def used_document_ids(self):
        public_pages = Page.objects.live().public().annotate(key=Cast("pk", CharField()))
        used = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=public_pages.values("key"),
            to_content_type=ContentType.objects.get_for_model(self.model),
        ).values_list("to_object_id", flat=True)
        return sorted({int(key) for key in used})
