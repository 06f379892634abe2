import datetime
import io
import shutil
import time
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections

DEMO_ADMIN_EMAIL = "koordinators@mazpulki.example"
DEMO_ADMIN_PASSWORD = "demo-password-for-tests"
DEMO_DATABASE = {}
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"  # a test authenticator app's secret (base32)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site, loaded once: every test starts from it and its changes are rolled back."""
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEMO_ADMIN_EMAIL", DEMO_ADMIN_EMAIL)
        patch.setenv("DEMO_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD)
        call_command("load_demo_content", stdout=io.StringIO())
        # Browser tests commit for real and end with a flush, which empties every table;
        # they restore this copy (see tests/e2e/conftest.py).
        connection = connections["default"]
        DEMO_DATABASE["default"] = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = DEMO_DATABASE["default"]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Latvian: a language left active by another test would change the
    addresses reverse() gives (the English member area is under /en/members/)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_caches():
    """Wagtail caches site root paths; a rolled-back test must not leave them behind."""
    yield
    for cache in caches.all():
        if hasattr(cache, "delete_pattern"):
            cache.delete_pattern("*")  # django-redis: only this process's keys (its prefix)
        else:
            cache.clear()


@pytest.fixture
def pages(db):
    """The demo pages by their Latvian slug, and their English translations by `en:<slug>`."""
    from wagtail.models import Locale, Page

    english = Locale.objects.get(language_code="en")
    found = {}
    for page in Page.objects.filter(depth__gte=2, locale__language_code="lv").specific():
        found[page.slug] = page
        translation = page.get_translation_or_none(english)
        if translation is not None:
            found[f"en:{page.slug}"] = translation.specific
    return found


def enrol_second_factor(user):
    """Give a user an authenticator app (and recovery codes), as staff must have."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP
    from allauth.mfa.utils import is_mfa_enabled

    if not is_mfa_enabled(user):
        TOTP.activate(user, TOTP_SECRET)
        RecoveryCodes.activate(user)
    return user


def at_noon_on(day):
    """Travel to noon of `day` in Riga, the clock ticking on from there: for tests whose dates
    must not depend on the day the suite runs (in January the days just past are last year's,
    and last year's hours are still open)."""
    noon = datetime.datetime.combine(
        day, datetime.time(12), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )
    return time_machine.travel(noon, tick=True)


def totp_code(secret=TOTP_SECRET):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def coordinator(db):
    """The demo coordinator, with the second factor staff must have."""
    from django.contrib.auth import get_user_model

    return enrol_second_factor(get_user_model().objects.get(email=DEMO_ADMIN_EMAIL))


@pytest.fixture
def world(db):
    """A small organisation (tests/members.py); staff have their second factor."""
    from tests.members import build_world

    world = build_world()
    for user in (world.leader, world.other_leader, world.coordinator):
        enrol_second_factor(user)
    return world
