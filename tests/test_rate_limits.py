"""Rate limits on every form that signs in, sends e-mails, makes records or looks people up.

They are counted by allauth in the shared cache (Redis in production and in CI's PostgreSQL
run; bench/scale_out.py checks two servers share one count), per client address as the
trusted proxies report it.
"""

import pytest
from django.urls import reverse

from tests.checkin import checkin_arguments, desk_session, open_desk
from tests.test_join import JOIN, form_data

pytestmark = pytest.mark.django_db

LOGIN = "/konts/login/"


def wrong_password(client, email, **headers):
    return client.post(LOGIN, {"login": email, "password": "nepareiza-parole"}, **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "counted_apart"),
    [
        # Behind one proxy: its own last entry is the visitor; what visitors send before it is
        # theirs to invent and is not believed.
        (1, ["203.0.113.7, 198.51.100.1", "203.0.113.7, 198.51.100.2"], True),
        (1, ["198.51.100.9, 198.51.100.1", "203.0.113.8, 198.51.100.1"], False),
        # Not behind a proxy: X-Forwarded-For is anyone's invention and changes nothing.
        (0, ["198.51.100.1", "198.51.100.2"], False),
    ],
)
def test_visitors_are_told_apart_by_the_address_the_proxy_saw(
    client, world, settings, proxies, forwarded, counted_apart
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip", "login_failed": None}
    first, second = forwarded
    statuses = [
        wrong_password(client, world.parent.email, HTTP_X_FORWARDED_FOR=first).status_code,
        wrong_password(client, world.parent.email, HTTP_X_FORWARDED_FOR=first).status_code,
        wrong_password(client, world.parent.email, HTTP_X_FORWARDED_FOR=second).status_code,
    ]
    assert statuses == [200, 200, 200 if counted_apart else 429]


def test_password_reset_requests_are_limited(client, world, settings):
    settings.ACCOUNT_RATE_LIMITS = {"reset_password": "2/m/ip"}
    url = reverse("account_reset_password")
    statuses = [client.post(url, {"email": world.parent.email}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert "Pārāk daudz mēģinājumu" in client.post(url, {"email": "x@example.lv"}).content.decode()


def test_one_address_gets_few_join_mails_whoever_sends_them(client, world, settings, mailoutbox):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {"join": "100/h/ip", "join_email": "2/h/key"}
    statuses = [
        client.post(
            JOIN, form_data(world, email="Upuris@example.lv" if n else "upuris@example.lv"),
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(3)
    ]  # fmt: skip
    assert statuses[2] == 429
    assert not [m for m in mailoutbox if m.to == ["upuris@example.lv"]][2:]


def test_mistakes_in_the_join_form_do_not_use_up_an_address(client, world, settings):
    settings.ACCOUNT_RATE_LIMITS = {"join": "100/h/ip", "join_email": "1/h/key"}
    for _attempt in range(3):
        response = client.post(JOIN, form_data(world, first_name=""))
        assert response.status_code == 200  # the form's own error, not "too many"
    assert client.post(JOIN, form_data(world)).status_code == 302


def test_card_lookups_are_limited_per_address(client, world, settings):
    settings.ACCOUNT_RATE_LIMITS = {"card_lookup": "3/m/ip"}
    token = world.child.current_card().token
    statuses = [client.get(f"/k/{token}/").status_code for _ in range(3)]
    statuses += [client.get("/k/NEESOSA/").status_code, client.get(f"/k/{token}/").status_code]
    assert statuses == [200, 200, 200, 429, 429]
    # A leader on the same network is counted by his login.
    settings.ACCOUNT_RATE_LIMITS["card_lookup_login"] = "1/m/user"
    client.force_login(world.leader)
    assert client.get(f"/k/{token}/").status_code == 200
    assert client.get(f"/k/{token}/").status_code == 429


def test_a_desk_scans_quickly_but_not_without_end(client, world, settings):
    settings.ACCOUNT_RATE_LIMITS = {"checkin": "3/m/user"}
    from members_area.checkin.models import Desk

    desk = Desk.objects.get(pk=checkin_arguments(world, "checkin_desk")[0])
    client.force_login(world.leader)
    desk_session(client, desk)
    url = reverse("checkin:code", args=[desk.pk])
    statuses = [client.post(url, {"code": f"NEESOSS{n}"}).status_code for n in range(3)]
    assert 429 not in statuses
    assert client.post(url, {"code": "NEESOSS9"}).status_code == 429
    pick = reverse("checkin:pick", args=[desk.pk])
    assert client.post(pick, {"person": world.child.pk}).status_code == 429
    # Another login at its own desk is not held up.
    other = open_desk(desk.event, world.coordinator, name="Otrie vārti")
    client.force_login(world.coordinator)
    desk_session(client, other)
    assert client.post(reverse("checkin:code", args=[other.pk]), {"code": "X"}).status_code != 429
