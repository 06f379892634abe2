"""One sign-in for everyone: allauth's, in the site's languages, the admin included."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/admin/login/?next=/admin/pages/", "/konts/login/?next=/admin/pages/"),
        ("/admin/", "/konts/login/?next=/admin/"),
    ],
)
def test_admin_sign_in_goes_through_allauth(client, url, target):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == target


def test_sign_in_page_in_both_languages(client):
    latvian = client.get("/konts/login/").content.decode()
    assert "<h1>Pieslēgties</h1>" in latvian
    assert '<html lang="lv">' in latvian
    english = client.get("/en/account/login/").content.decode()
    assert "<h1>Sign in</h1>" in english


def test_wrong_password_is_refused_in_latvian(client, coordinator):
    response = client.post("/konts/login/", {"login": coordinator.email, "password": "nepareizi"})
    assert response.status_code == 200
    assert "Nepareizs e-pasts un/vai parole." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unverified_email_cannot_sign_in(client):
    get_user_model().objects.create_user(email="jauna@mazpulki.example", password="x" * 12)
    response = client.post(
        "/konts/login/", {"login": "jauna@mazpulki.example", "password": "x" * 12}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "apstiprin" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_accounts_are_made_by_the_join_form_only(client):
    count = get_user_model().objects.count()
    response = client.post(
        "/konts/signup/",
        {
            "email": "kads@mazpulki.example",
            "password1": "Garš-parole-123",
            "password2": "Garš-parole-123",
        },
    )
    assert response.status_code == 200
    assert get_user_model().objects.count() == count
    assert 'href="/biedri/pievienoties/"' in response.content.decode()


def test_email_is_the_login_and_is_stored_in_lower_case():
    user = get_user_model().objects.create_user(email="Liela@Mazpulki.Example", password="x" * 12)
    assert user.email == "liela@mazpulki.example"
    assert get_user_model().USERNAME_FIELD == "email"
    assert not hasattr(user, "username")


@pytest.mark.parametrize(
    ("login_url", "expected"), [("/konts/login/", "/"), ("/en/account/login/", "/en/")]
)
def test_signing_in_leads_home_in_the_visitors_language(client, login_url, expected):
    from tests.conftest import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD

    response = client.post(login_url, {"login": DEMO_ADMIN_EMAIL, "password": DEMO_ADMIN_PASSWORD})
    assert response["Location"] == expected


def test_signing_in_returns_to_the_page_asked_for(client):
    from tests.conftest import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD

    response = client.post(
        "/konts/login/?next=/admin/pages/",
        {"login": DEMO_ADMIN_EMAIL, "password": DEMO_ADMIN_PASSWORD},
    )
    assert response["Location"] == "/admin/pages/"


def test_repeated_wrong_passwords_are_stopped(client, coordinator, settings):
    del settings.ACCOUNT_RATE_LIMITS  # allauth's own limits, as in production
    for _attempt in range(5):
        client.post("/konts/login/", {"login": coordinator.email, "password": "minējums"})
    from tests.conftest import DEMO_ADMIN_PASSWORD

    response = client.post(
        "/konts/login/", {"login": coordinator.email, "password": DEMO_ADMIN_PASSWORD}
    )
    assert "_auth_user_id" not in client.session  # even the right password waits now
    assert response.status_code in {200, 429}


def test_the_admin_does_not_change_passwords_outside_allauth(client, coordinator):
    client.force_login(coordinator)
    html = client.get("/admin/account/").content.decode()
    assert "new_password1" not in html
    assert 'name="email-email"' not in html
