"""`/health/` for the load balancer (home/health.py): "ok" when the database, the cache and the
uploads' storage answer, "unavailable" (503) when one does not, and never anything more."""

from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import override_settings

from home import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def checks_run_again(monkeypatch):
    """Each test asks afresh (a process otherwise repeats its last answer for a few seconds)."""
    monkeypatch.setattr(health, "_last", [float("-inf"), []])


def ask(client, **extra):
    # Load balancers ask by the server's own address, over plain HTTP.
    return client.get("/health/", HTTP_HOST="10.0.0.7:8000", **extra)


@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_healthy_server_answers_ok_on_any_address_over_http(client):
    response = ask(client)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies  # no session, no CSRF cookie


def test_a_database_that_does_not_answer_makes_it_unavailable(client, caplog):
    with mock.patch(
        "home.health.connection.cursor", side_effect=OperationalError("connection refused")
    ):
        response = ask(client)

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}  # nothing about what or why
    assert "database" in caplog.text  # that is for the log


def test_a_cache_that_does_not_answer_makes_it_unavailable(client):
    with mock.patch("home.health.cache.set", side_effect=ConnectionError("Redis is down")):
        response = ask(client)

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_a_missing_media_folder_makes_it_unavailable(client, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "not-mounted"):
        response = ask(client)

    assert response.status_code == 503
    health._last[0] = float("-inf")  # a few seconds later
    with override_settings(MEDIA_ROOT=tmp_path):
        assert ask(client).status_code == 200


def test_only_reading_is_allowed(client):
    response = client.post("/health/", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_a_flood_of_requests_checks_once_every_few_seconds(client, django_assert_num_queries):
    assert ask(client).status_code == 200
    with django_assert_num_queries(0):
        for _ in range(20):
            assert ask(client).status_code == 200
