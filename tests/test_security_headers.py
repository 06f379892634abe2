"""The headers every answer carries, scored the way Mozilla's HTTP Observatory scores them
(tests/observatory.py): A+ (100 or more) on public pages, forms, the sign-in and the member area,
with the production settings (HTTPS only, HSTS, __Host- cookies)."""

import pytest
from django.http import HttpResponse
from django.test import override_settings

import mazpulki.settings as production
from tests.members import PASSWORD
from tests.observatory import FOREIGN_ORIGIN, score

pytestmark = pytest.mark.django_db

ORIGIN = "https://testserver"
PRODUCTION_SECURITY = (
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
    "LANGUAGE_COOKIE_SECURE",
)


@pytest.fixture
def production_security():
    """The security settings production runs with (the test settings relax them for http)."""
    assert not production.DEBUG
    values = {name: getattr(production, name) for name in PRODUCTION_SECURITY}
    with override_settings(**values, SECURE_SSL_REDIRECT=True):
        yield


def assert_a_plus(response):
    points, results = score(response, own_origin=ORIGIN)
    cookies = response.cookies.output()
    assert points >= 100, (response.request["PATH_INFO"], points, results, cookies)


def test_the_scorer_fails_a_bare_answer_and_scripts_from_elsewhere():
    points, results = score(HttpResponse("<p>hi</p>"), own_origin=ORIGIN)
    assert points < 50
    assert results["csp-not-implemented"] == -25
    page = HttpResponse('<script src="http://testserver.cdn.example/x.js"></script>')
    page["Content-Security-Policy"] = "default-src 'self'; object-src 'none'"
    assert (
        score(page, own_origin=ORIGIN)[1][
            "sri-not-implemented-and-external-scripts-not-loaded-securely"
        ]
        == -50
    )


@pytest.mark.usefixtures("production_security")
def test_public_pages_and_forms_score_a_plus(client, pages):
    article = pages["jaunumi"].get_children().live().first()
    for address in ("/", pages["jaunumi"].url, article.url, "/biedri/pievienoties/", "/en/"):
        response = client.get(address, secure=True, HTTP_ORIGIN=FOREIGN_ORIGIN)
        assert response.status_code == 200, address
        assert_a_plus(response)
    # The sign-in form sets the CSRF cookie: Secure, SameSite, __Host-.
    sign_in = client.get("/konts/login/", secure=True)
    assert sign_in.cookies, "the sign-in form sets its CSRF cookie"
    assert_a_plus(sign_in)


@pytest.mark.usefixtures("production_security")
def test_signing_in_and_the_member_area_score_a_plus(client, world):
    client.get("/konts/login/", secure=True)
    signed_in = client.post(
        "/konts/login/", {"login": world.parent.email, "password": PASSWORD}, secure=True
    )
    assert signed_in.status_code == 302
    assert "__Host-sessionid" in signed_in.cookies  # the session cookie is scored too
    assert_a_plus(signed_in)
    assert_a_plus(client.get("/biedri/", secure=True))


@pytest.mark.usefixtures("production_security")
def test_plain_http_is_sent_to_https_on_the_same_host(client):
    response = client.get("/jaunumi/?area=x", HTTP_HOST="testserver")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/jaunumi/?area=x"


def test_a_visitor_without_a_session_is_given_none_and_pages_stay_cacheable(client, pages):
    response = client.get(pages["jaunumi"].url)

    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_no_template_has_an_inline_script():
    """Scripts come from files: the policy allows no inline script, and a nonce written into
    a kept page or fragment (home/page_cache.py) would be stale for the next visitor."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
    found = [
        f"{path.relative_to(root)}: {match}"
        for path in root.glob("**/templates/**/*.html")
        if ".venv" not in path.parts
        for match in inline.findall(path.read_text())
        if "application/ld+json" not in match and "application/json" not in match
    ]
    assert found == []
