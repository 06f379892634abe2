"""Sessions end: with the browser, when idle, at an absolute limit, and everywhere else when the
password changes. No path signs anyone in past the second factor."""

import re
import time

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from members_area.accounts.middleware import SEEN_AT, SIGNED_IN_AT
from tests.conftest import DEMO_ADMIN_EMAIL, totp_code
from tests.members import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/konts/login/"


def sign_in(client, email, password=PASSWORD):
    response = client.post(LOGIN, {"login": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def members_home():
    return reverse("members:home")


def age_session(client, *, idle=0, since_sign_in=0):
    session = client.session
    now = int(time.time())
    session[SEEN_AT] = now - idle
    session[SIGNED_IN_AT] = now - since_sign_in
    session.save()


def is_signed_in(client):
    return client.get(members_home()).status_code == 200


def test_signing_in_sets_a_cookie_that_ends_with_the_browser(client, world):
    response = sign_in(client, world.parent.email)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]
    assert "remember" not in client.get(LOGIN).content.decode()


def test_a_member_idle_for_three_hours_is_still_signed_in(client, world):
    sign_in(client, world.parent.email)
    age_session(client, idle=3 * 3600, since_sign_in=3 * 3600)
    assert is_signed_in(client)
    # The request counted as activity: the clock starts again.
    assert time.time() - client.session[SEEN_AT] < 5


def test_a_member_idle_for_over_four_hours_is_signed_out(client, world):
    sign_in(client, world.parent.email)
    age_session(client, idle=4 * 3600 + 60, since_sign_in=5 * 3600)
    response = client.get(members_home(), follow=True)
    assert response.redirect_chain[0][0] == f"{LOGIN}?next={members_home()}"
    assert "Tavu datu drošībai tevi izrakstījām no konta" in response.content.decode()
    assert not is_signed_in(client)


def test_staff_are_signed_out_after_an_idle_hour(client, world):
    client.post(LOGIN, {"login": world.leader.email, "password": PASSWORD})
    client.post("/konts/2fa/authenticate/", {"code": totp_code()})
    assert is_signed_in(client)
    age_session(client, idle=3600 + 60, since_sign_in=2 * 3600)
    assert client.get(reverse("clubs:staff_members"))["Location"].startswith(LOGIN)


def test_no_session_lasts_more_than_twelve_hours(client, world):
    sign_in(client, world.parent.email)
    age_session(client, idle=60, since_sign_in=12 * 3600 + 60)
    assert client.get(members_home())["Location"].startswith(LOGIN)


def test_a_password_change_closes_the_other_sessions(client, world):
    phone = Client()
    sign_in(client, world.parent.email)
    sign_in(phone, world.parent.email)
    assert is_signed_in(phone)
    new = "Jauna-parole-2026"
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert is_signed_in(client)  # the one who changed it stays
    assert not is_signed_in(phone)


def test_a_password_reset_closes_every_session_and_signs_nobody_in(client, coordinator):
    laptop, stranger = Client(), Client()
    sign_in(laptop, DEMO_ADMIN_EMAIL, "demo-password-for-tests")
    laptop.post("/konts/2fa/authenticate/", {"code": totp_code()})
    assert laptop.get("/admin/").status_code == 200

    stranger.post(reverse("account_reset_password"), {"email": DEMO_ADMIN_EMAIL})
    link = re.search(r"https?://[^/]+(/\S+/password/reset/key/\S+/)", mail.outbox[-1].body)[1]
    form_url = stranger.get(link)["Location"]
    new = "Cita-parole-2026"
    response = stranger.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    # Setting the password from the mail opens no session, and closes the others.
    assert stranger.get("/admin/")["Location"].startswith(LOGIN)
    assert laptop.get("/admin/")["Location"].startswith(LOGIN)
    # The new password still needs the second factor.
    assert sign_in(stranger, DEMO_ADMIN_EMAIL, new)["Location"] == "/konts/2fa/authenticate/"
    assert stranger.get("/admin/")["Location"].startswith(LOGIN)


def test_the_api_ignores_passwords_sent_to_it(client, coordinator):
    import base64

    credentials = base64.b64encode(f"{DEMO_ADMIN_EMAIL}:demo-password-for-tests".encode())
    response = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Basic {credentials.decode()}")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert client.get("/admin/")["Location"].startswith(LOGIN)
