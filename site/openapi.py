"""The OpenAPI 3 description of the headless API (/api/v2/), served at /api/v2/openapi.json.

Written by hand from what Wagtail's API v2 accepts and answers (wagtail.api.v2 and the
viewsets in home/api.py): every endpoint the router in mazpulki.api registers must be
described here, or tests/test_fuzz_api.py fails. Schemathesis generates requests from it.
"""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_safe

SCHEMAS = "#/components/schemas/"


def ref(name):
    return {"$ref": SCHEMAS + name}


def query(name, description, schema, **extra):
    return {"name": name, "in": "query", "description": description, "schema": schema, **extra}


def integer_or_root(minimum=0):
    return {
        "oneOf": [{"type": "integer", "minimum": minimum}, {"type": "string", "enum": ["root"]}]
    }


def common_parameters():
    """The query parameters of every listing (Wagtail's BaseAPIViewSet)."""
    return [
        query(
            "limit",
            "How many items (default 20).",
            {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX},
        ),
        query("offset", "How many items to skip.", {"type": "integer", "minimum": 0}),
        query(
            "fields",
            "Fields to add (`a,b`), remove (`-a`), all (`*`), none (`_`), or of a related "
            "object (`a(b,c)`). A type's own fields need `type`.",
            {"type": "string"},
            example="title,-slug",
        ),
        query(
            "order",
            "Order by fields (`title`, `-first_published_at`, comma-separated) or `random`.",
            {"type": "string"},
            example="-id",
        ),
        query("search", "Full-text search (words only).", {"type": "string"}, example="nometne"),
        query(
            "search_operator",
            "Whether all words (`and`) or any (`or`) must match.",
            {"type": "string", "enum": ["and", "or"]},
        ),
        query(
            "format",
            "`json`, or `api` for the browsable HTML view.",
            {"type": "string", "enum": ["json", "api"]},
        ),
        query("_", "Ignored (cache busting).", {"type": "string"}),
        query("id", "Filter: this id.", {"type": "integer", "minimum": 1}),
        query("title", "Filter: this exact title.", {"type": "string"}),
    ]


def page_parameters():
    return [
        *common_parameters(),
        query(
            "type",
            "Page types, `app_label.ModelName`, comma-separated. With one type its own "
            "fields can be asked for (`fields`) and filtered on.",
            {"type": "string"},
            examples={
                "content": {"value": "home.ContentPage"},
                "news": {"value": "news.NewsPage"},
                "events": {"value": "events.EventPage"},
                "opportunities": {"value": "opportunities.OpportunityPage"},
                "newspaper": {"value": "newspaper.NewspaperIssuePage"},
            },
        ),
        query("child_of", "Children of this page (an id, or `root`).", integer_or_root()),
        query("ancestor_of", "Ancestors of this page.", {"type": "integer", "minimum": 0}),
        query("descendant_of", "Descendants of this page (an id, or `root`).", integer_or_root()),
        query("translation_of", "Translations of this page (an id, or `root`).", integer_or_root()),
        query("locale", "Language of the pages (`lv`, `en`).", {"type": "string"}, example="en"),
        query("site", "The site's `hostname[:port]` (default: this one).", {"type": "string"}),
        query("slug", "Filter: this slug.", {"type": "string"}),
        query("show_in_menus", "Filter: shown in menus.", {"type": "boolean"}),
        query("seo_title", "Filter: this SEO title.", {"type": "string"}),
        query("search_description", "Filter: this description.", {"type": "string"}),
        query(
            "first_published_at",
            "Filter: first published at this time.",
            {"type": "string", "format": "date-time"},
        ),
        query("alias_of", "Filter: aliases of this page.", {"type": "integer", "minimum": 1}),
    ]


def image_parameters():
    return [
        *common_parameters(),
        query("width", "Filter: this width in pixels.", {"type": "integer", "minimum": 0}),
        query("height", "Filter: this height in pixels.", {"type": "integer", "minimum": 0}),
        query("alt", "Filter: this alternative text.", {"type": "string"}),
        query("credit", "Filter: this credit.", {"type": "string"}),
        query("tags", "Filter: tagged with all these tags (comma-separated).", {"type": "string"}),
    ]


def document_parameters():
    return [
        *common_parameters(),
        query("tags", "Filter: tagged with all these tags (comma-separated).", {"type": "string"}),
    ]


def find_parameters(with_html_path=False):
    parameters = [query("id", "The object's id.", {"type": "integer", "minimum": 1})]
    if with_html_path:
        parameters.append(
            query("html_path", "The page's path on the site.", {"type": "string"}, example="/")
        )
    return parameters


def json_response(description, schema):
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}, "text/html": {"schema": {}}},
    }


ERRORS = {
    "400": json_response("A query parameter the API does not accept.", ref("Error")),
    "404": json_response("No such object, or a locale that does not exist.", ref("Error")),
}


def listing(summary, item, parameters):
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": json_response(
                    "A page of results.",
                    {
                        "type": "object",
                        "required": ["meta", "items"],
                        "properties": {
                            "meta": {
                                "type": "object",
                                "required": ["total_count"],
                                "properties": {"total_count": {"type": "integer", "minimum": 0}},
                            },
                            "items": {"type": "array", "items": ref(item)},
                        },
                    },
                ),
                **ERRORS,
            },
        }
    }


def detail(summary, item):
    return {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
        ],
        "get": {
            "summary": summary,
            "parameters": [
                query("fields", "As in the listing.", {"type": "string"}),
                query("format", "As in the listing.", {"type": "string", "enum": ["json", "api"]}),
            ],
            "responses": {"200": json_response("The object.", ref(item)), **ERRORS},
        },
    }


def find(summary, parameters):
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "302": {
                    "description": "Found: a redirect to its detail address.",
                    "headers": {"Location": {"schema": {"type": "string"}}},
                },
                **ERRORS,
            },
        }
    }


def nullable(schema):
    return {**schema, "nullable": True}


def object_meta(**properties):
    """The `meta` of an item: `type` and `detail_url` always (unless removed by `fields`)."""
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string"},
            "detail_url": {"type": "string", "format": "uri"},
            **properties,
        },
    }


PAGE_LINK = {
    "type": "object",
    "description": "A related page, in short.",
    "properties": {"id": {"type": "integer"}, "meta": object_meta(), "title": {"type": "string"}},
}

COMPONENTS = {
    "Error": {
        "type": "object",
        "description": "Wagtail's errors have a `message`, Django REST framework's a `detail`.",
        "minProperties": 1,
        "properties": {"message": {"type": "string"}, "detail": {"type": "string"}},
    },
    "Rendition": {
        "type": "object",
        "description": "A resized picture; `error` alone when the original cannot be read.",
        "properties": {
            "url": {"type": "string", "format": "uri-reference"},
            "full_url": {"type": "string", "format": "uri"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "alt": {"type": "string"},
            "error": {"type": "string"},
        },
    },
    "Page": {
        "type": "object",
        "description": "A live, public page; with `type` and `fields`, its type's own fields.",
        "properties": {
            "id": {"type": "integer"},
            "meta": object_meta(
                html_url=nullable({"type": "string", "format": "uri"}),
                slug={"type": "string"},
                show_in_menus={"type": "boolean"},
                seo_title={"type": "string"},
                search_description={"type": "string"},
                first_published_at=nullable({"type": "string", "format": "date-time"}),
                alias_of=nullable(PAGE_LINK),
                parent=nullable(PAGE_LINK),
                locale={"type": "string"},
            ),
            "title": {"type": "string"},
        },
    },
    "Image": {
        "type": "object",
        "description": "A picture of a public collection: renditions only, never the original.",
        "properties": {
            "id": {"type": "integer"},
            "meta": {
                **object_meta(tags={"type": "array", "items": {"type": "string"}}),
                "not": {"required": ["download_url"]},  # the original file's address
            },
            "title": {"type": "string"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "alt": {"type": "string"},
            "credit": {"type": "string"},
            "thumbnail": ref("Rendition"),
            "large": ref("Rendition"),
        },
    },
    "Document": {
        "type": "object",
        "description": "A document that a published, public page uses.",
        "properties": {
            "id": {"type": "integer"},
            "meta": object_meta(
                tags={"type": "array", "items": {"type": "string"}},
                download_url={"type": "string", "format": "uri"},
            ),
            "title": {"type": "string"},
        },
    },
}


def api_description():
    """The OpenAPI document, as a dict."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Latvijas Mazpulki — public content API",
            "version": "2",
            "description": (
                "Wagtail's API v2: live, public pages of the site in Latvian and English, "
                "pictures (renditions only) and the documents public pages use. Read-only and "
                "anonymous; no member data. A listing gives at most "
                f"{settings.WAGTAILAPI_LIMIT_MAX} items."
            ),
        },
        "servers": [{"url": "/api/v2"}],
        "paths": {
            "/pages/": listing("Pages", "Page", page_parameters()),
            "/pages/{id}/": detail("A page with all its fields", "Page"),
            "/pages/find/": find("A page by id or path", find_parameters(with_html_path=True)),
            "/images/": listing("Pictures", "Image", image_parameters()),
            "/images/{id}/": detail("A picture", "Image"),
            "/images/find/": find("A picture by id", find_parameters()),
            "/documents/": listing("Documents", "Document", document_parameters()),
            "/documents/{id}/": detail("A document", "Document"),
            "/documents/find/": find("A document by id", find_parameters()),
        },
        "components": {"schemas": COMPONENTS},
    }


@require_safe
def openapi_json(request):
    return JsonResponse(api_description(), json_dumps_params={"ensure_ascii": False, "indent": 2})
