"""Two-step sign-in: anyone may turn it on, staff must, and no path lets them past it."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.test import Client

from tests.conftest import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, totp_code

pytestmark = pytest.mark.django_db


def sign_in(client, email=DEMO_ADMIN_EMAIL, password=DEMO_ADMIN_PASSWORD):
    return client.post("/konts/login/", {"login": email, "password": password})


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client):
    sign_in(client)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/konts/2fa/totp/activate/"
    # Adding a second factor asks for the password again (a borrowed session cannot).
    assert client.get(response["Location"])["Location"].startswith("/konts/reauthenticate/")


def test_setting_up_an_authenticator_stores_its_secret_encrypted(client):
    sign_in(client)
    client.post("/konts/reauthenticate/", {"password": DEMO_ADMIN_PASSWORD})
    assert client.get("/konts/2fa/totp/activate/").status_code == 200
    secret = client.session["mfa.totp.secret"]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post("/konts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    user = get_user_model().objects.get(email=DEMO_ADMIN_EMAIL)
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    assert secret not in stored  # not in clear in the database
    assert get_mfa_adapter().decrypt(stored) == secret
    assert client.get("/admin/").status_code == 200


def test_with_a_second_factor_the_password_alone_opens_nothing(client, coordinator):
    response = sign_in(client)
    assert response["Location"] == "/konts/2fa/authenticate/"
    assert client.get("/admin/")["Location"].startswith("/konts/login/")
    # Wagtail's own sign-in is only a redirect to the site's: no way around the code.
    response = client.post(
        "/admin/login/", {"username": DEMO_ADMIN_EMAIL, "password": DEMO_ADMIN_PASSWORD}
    )
    assert response["Location"].startswith("/konts/login/")
    assert client.get("/admin/")["Location"].startswith("/konts/login/")

    wrong = client.post("/konts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get("/admin/")["Location"].startswith("/konts/login/")
    assert client.post("/konts/2fa/authenticate/", {"code": totp_code()}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_also_opens_the_second_step(client, coordinator):
    codes = RecoveryCodes(
        Authenticator.objects.get(user=coordinator, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    sign_in(client)
    assert client.post("/konts/2fa/authenticate/", {"code": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_member_may_turn_it_on_but_need_not(client):
    member = get_user_model().objects.create_user(email="berns@example.com", password="pw-12345!")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    assert not member.requires_second_factor
    assert sign_in(client, member.email, "pw-12345!").status_code == 302
    assert client.get("/konts/2fa/").status_code == 200  # may set one up
    assert client.get("/admin/")["Location"].startswith("/konts/login/")  # not staff anyway


def test_sessions_are_listed_and_others_can_be_closed(client, coordinator):
    other_device = Client()
    sign_in(client)
    client.post("/konts/2fa/authenticate/", {"code": totp_code()})
    # A code works once: the other device uses a recovery code.
    recovery = RecoveryCodes(
        Authenticator.objects.get(user=coordinator, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()[0]
    sign_in(other_device)
    other_device.post("/konts/2fa/authenticate/", {"code": recovery})
    user = get_user_model().objects.get(email=DEMO_ADMIN_EMAIL)
    assert UserSession.objects.filter(user=user).count() == 2
    page = client.get("/konts/sessions/")
    assert page.status_code == 200
    client.post("/konts/sessions/", {"action": "logout"})
    assert UserSession.objects.filter(user=user).count() == 1
    assert other_device.get("/admin/")["Location"].startswith("/konts/login/")
    assert client.get("/admin/").status_code == 200


def test_the_account_pages_link_to_each_other(client, coordinator):
    sign_in(client)
    client.post("/konts/2fa/authenticate/", {"code": totp_code()})
    html = client.get("/konts/sessions/").content.decode()
    nav = html.split('class="account-nav"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/konts/2fa/">Divpakāpju pieteikšanās</a>' in nav
    assert 'href="/konts/sessions/" aria-current="page">Sesijas</a>' in nav
    assert 'href="/konts/email/">' in nav and 'href="/konts/logout/">' in nav
    english = client.get("/en/account/2fa/").content.decode()
    assert 'href="/en/account/2fa/" aria-current="page">Two-step sign-in</a>' in english
