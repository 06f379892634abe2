"""Settings for the test suite: the production settings with what tests must not depend on.

The database comes from DATABASE_URL as in production, so the same suite runs against SQLite
and PostgreSQL.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-" + "x" * 50)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from mazpulki.settings import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_RATE_LIMITS = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Tests change pages through the ORM and read them again; the page cache has its own tests
# (tests/test_page_cache.py), which turn it on.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Uploaded and generated files go to a folder of their own, removed after the run.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mazpulki-test-media-"))
STATIC_ROOT = MEDIA_ROOT / "static"  # unused (static files come from the finders), but present
STATIC_ROOT.mkdir()

# Browser tests restore the demo database after each flush (tests/e2e/conftest.py). wagtail-
# localize's records are not needed to show pages, and restoring its LocaleSynchronization
# would start a tree sync half-way through the restore.
TEST_NON_SERIALIZED_APPS = ["wagtail_localize"]

# Parallel test processes (pytest-xdist) share one Redis: each keeps to its own keys, and the
# suite's cache clearing deletes only those (tests/conftest.py).
if "django_redis" in CACHES["default"]["BACKEND"] and os.environ.get("PYTEST_XDIST_WORKER"):  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] += "-" + os.environ["PYTEST_XDIST_WORKER"]  # noqa: F405
