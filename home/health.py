"""`/health/`: whether this app server can serve, for the load balancer.

Answered by the first middleware, before the host is checked, HTTPS is required or a session
is read: load balancers ask by the server's own address, over plain HTTP, many times a minute.
The answer says only "ok" or "unavailable"; what failed goes to the log, not to whoever asks.
"""

import logging
import os
import time
import uuid

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import JsonResponse

PATH = "/health/"
RECHECK_SECONDS = 5
_last = [float("-inf"), []]  # when the checks last ran in this process, and what failed
logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache():
    """A round trip through the shared cache: sessions' rate limits and kept pages need it.

    A key of its own each time: two servers (or a flood of requests) asking at once must not
    read each other's value."""
    key, value = f"health-check:{uuid.uuid4().hex}", "1"
    cache.set(key, value, 30)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


def check_storage():
    """Uploads can be stored: the media folder is there and writable, or the bucket answers."""
    if isinstance(default_storage, FileSystemStorage):
        location = default_storage.location
        return os.path.isdir(location) and os.access(location, os.W_OK)
    try:
        default_storage.exists("health-check")  # a request to the bucket
    except Exception as error:
        # Any answer of the bucket (a key without the right to list gets 403) means it is
        # there; only no answer at all is a failure.
        if getattr(error, "response", None) is None:
            raise
    return True


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def failing_checks():
    """The names of the checks that fail, asked at most every few seconds per process: the
    address is public, and a flood of requests must not become a flood of queries."""
    now = time.monotonic()
    if now - _last[0] >= RECHECK_SECONDS:
        _last[:] = [now, _run_checks()]
    return _last[1]


def _run_checks():
    failing = []
    for name, check in CHECKS.items():
        try:
            healthy = check()
        except Exception:  # whatever the database, cache or storage client raises
            logger.exception("Health check %s failed.", name)
            healthy = False
        if not healthy:
            logger.error("Health check %s failed.", name)
            failing.append(name)
    return failing


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"status": "method not allowed"}, status=405)
            response["Allow"] = "GET, HEAD"
        elif failing_checks():
            response = JsonResponse({"status": "unavailable"}, status=503)
        else:
            response = JsonResponse({"status": "ok"})
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
