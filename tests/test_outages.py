"""While the database or the cache is away, pages say so with 503 and Retry-After (no error
page that looks broken, nothing from the database needed to say it). bench/db_restart.py
restarts PostgreSQL under load and checks the site recovers by itself."""

import pytest
from django.db import OperationalError, connections
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_a_cache_that_does_not_answer_gives_a_clear_503(visitor, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    response = visitor.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Lapa uz brīdi nav pieejama" in page and "Something went wrong" not in page
    english = visitor.get("/en/").content.decode()
    assert "The site is briefly unavailable" in english


def test_a_database_that_does_not_answer_gives_a_clear_503(visitor, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def refuse(self, name=None):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(BaseDatabaseWrapper, "_cursor", refuse)
    # A query that failed on a connection that still answers is a bug, not an outage.
    assert visitor.get("/jaunumi/").status_code == 500
    monkeypatch.setattr(type(connections["default"]), "is_usable", lambda self: False)
    response = visitor.get("/jaunumi/")
    assert response.status_code == 503
    assert "Lapa uz brīdi nav pieejama" in response.content.decode()


def test_other_errors_are_still_a_500(visitor, monkeypatch):
    from django.urls import reverse

    from home import views

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(views, "search_pages", broken)
    response = visitor.get(reverse("search"), {"q": "bietes"})
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Kaut kas nogāja greizi" in response.content.decode()


def session_lost_with(error):
    """SessionInterrupted as Django raises it when the session's save failed with `error`."""
    from django.contrib.sessions.backends.base import UpdateError
    from django.contrib.sessions.exceptions import SessionInterrupted

    try:
        try:
            try:
                raise error
            except OperationalError:
                raise UpdateError  # noqa: B904 (the db backend's save, context kept)
        except UpdateError:
            raise SessionInterrupted("The request's session was deleted.")  # noqa: B904
    except SessionInterrupted as interrupted:
        return interrupted


def test_a_session_lost_with_the_database_is_a_503_and_other_bad_requests_stay_400(
    monkeypatch,
):
    """The database stopped between the view and the session's save (bench/db_restart.py
    caught one): Django answers 400 from the failed save; it is an outage, said as one."""
    from django.contrib.sessions.exceptions import SessionInterrupted
    from django.test import RequestFactory

    from home.views import bad_request

    request = RequestFactory().get("/konts/confirm-email/abc/")
    lost = session_lost_with(OperationalError("server closed the connection unexpectedly"))
    monkeypatch.setattr(type(connections["default"]), "is_usable", lambda self: False)
    response = bad_request(request, lost)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Lapa uz brīdi nav pieejama" in response.content.decode()
    # The database answering: a session deleted by a concurrent sign-out, Django's 400.
    monkeypatch.setattr(type(connections["default"]), "is_usable", lambda self: True)
    assert bad_request(request, lost).status_code == 400
    assert bad_request(request, SessionInterrupted("deleted")).status_code == 400
