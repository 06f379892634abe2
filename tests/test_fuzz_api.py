"""The headless API fed generated requests: schemathesis, from the API's own OpenAPI
description (/api/v2/openapi.json, site/openapi.py), against the site in-process over WSGI
with the demo content. No request may end in a server error, and every answer must be what
the description says (status, content type, JSON shape).
"""

import os
import re

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.models import get_page_models

from home.api import PublicPagesAPIViewSet
from mazpulki.api import api_router
from mazpulki.openapi import api_description

pytestmark = pytest.mark.django_db

# Generated requests per operation: a few for the suite's time; FUZZ_EXAMPLES=500 for more.
FUZZ_SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_the_description_is_valid_openapi(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    description = response.json()
    assert description == api_description()
    assert description["openapi"].startswith("3.")
    schemathesis.openapi.from_dict(description).validate()  # against OpenAPI's own schema


def router_paths():
    """Every address of the API router, as OpenAPI paths with `{}` for a parameter."""
    paths = set()
    for endpoint in api_router.get_urlpatterns():
        prefix = endpoint.pattern.regex.pattern.lstrip("^")
        for route in endpoint.url_patterns:
            paths.add("/" + prefix + re.sub(r"<[^>]+>", "{}", str(route.pattern)))
    return paths


def test_every_route_of_the_api_router_is_described():
    described = {re.sub(r"{[^}]+}", "{}", path) for path in api_description()["paths"]}
    assert router_paths() == described
    assert {"/pages/", "/pages/{}/", "/pages/find/", "/images/", "/documents/"} <= described


# Read from the site itself (the view makes no query: nothing to set up before the tests);
# the generated requests go to the site in-process, with the test's database.
schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", get_wsgi_application())


@pytest.fixture
def connection_kept_open(db):
    """The database connection holds the test's transaction: it must stay open between
    requests, as Django's test client keeps it."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@FUZZ_SETTINGS
def test_the_api_answers_generated_requests_as_described(case, connection_kept_open):
    case.call_and_validate(checks=CHECKS)


def field_filters():
    """(page type, field) for every database field a listing of one type filters on."""
    filters = []
    for model in get_page_models():
        label = model._meta.label
        for name in PublicPagesAPIViewSet.get_available_fields(model, db_fields_only=True):
            if name != "locale":
                filters.append((label, name))
    return filters


ODD_VALUES = st.one_of(
    st.text(max_size=40),
    st.integers().map(str),
    st.sampled_from(
        [
            "99999999999999999999",
            "-1",
            "2024-02-30",
            "1e5",
            "true",
            "root",
            ",",
            "0001-01-01",
            "0001-01-01T00:00:00+05:00",
            "9999-12-31T23:59:59-05:00",
            "2026-01-01T00:00:00+23:59",
        ]
    ),
)


@FUZZ_SETTINGS
@given(field_filter=st.sampled_from(field_filters()), value=ODD_VALUES)
def test_field_filters_of_every_page_type_refuse_what_they_cannot_hold(client, field_filter, value):
    """Filters of a type's own fields (`?type=events.EventPage&start=…`), which the
    description names only in words: a value the field cannot hold is a 400."""
    page_type, field = field_filter
    response = client.get("/api/v2/pages/", {"type": page_type, field: value})
    assert response.status_code in (200, 400), (page_type, field, value, response.content)
    assert response["Content-Type"] == "application/json"


# Each was a server error before (issue 11's fuzzing found them): now a 400 with a message.
ONCE_SERVER_ERRORS = [
    "/api/v2/pages/?site=no-such-host",  # Site.DoesNotExist
    "/api/v2/pages/?site=localhost:port",  # a port that is no number
    "/api/v2/pages/find/?id=abc",
    "/api/v2/documents/find/?id=1.5",
    "/api/v2/pages/?offset=99999999999999999999",  # past the database's integers
    "/api/v2/pages/?search=mazpulki&search_operator=xor",
    "/api/v2/pages/?first_published_at=yesterday",  # no date
    "/api/v2/pages/?first_published_at=0001-01-01T00:00:00%2B05:00",  # before year 1 in UTC
    "/api/v2/pages/?first_published_at=2026-01-01T00:00:00%2B23:59",  # PostgreSQL: ±15:59
    "/api/v2/pages/?alias_of=99999999999999999999",
    "/api/v2/pages/?type=events.EventPage&start=soon",
    "/api/v2/pages/?type=news.NewsPage&priority_areas=vide",  # a many-to-many of ids
    "/api/v2/pages/?locale=lv%00",  # PostgreSQL refuses NUL
    "/api/v2/images/?title=a%00b",
]


@pytest.mark.parametrize("url", ONCE_SERVER_ERRORS)
def test_malformed_queries_are_bad_requests(client, url):
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert response.json()["message"]


def test_documents_and_pictures_can_be_searched(client):
    """`?search=` was a server error on documents and always a 400 on pictures: their
    querysets filtered on what the search index cannot filter on."""
    documents = client.get("/api/v2/documents/", {"search": "Mazpulks", "limit": 50})
    assert documents.status_code == 200
    assert documents.json()["meta"]["total_count"] > 0
    images = client.get("/api/v2/images/", {"search": "nometne"})
    assert images.status_code == 200
    assert images.json()["meta"]["total_count"] > 0
