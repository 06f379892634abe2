"""The score Mozilla's HTTP Observatory would give a response, from its headers and cookies.

Follows the published methodology (MDN, "HTTP Observatory: tests and scoring"): 100, minus the
penalties, plus the bonuses only if the result is 90 or more; A+ from 100. The tests that need
the network (HSTS preloading, certificates, http→https redirection of the real host) are left
to the caller, who checks the redirect himself. Each result names the rule that gave it, so a
failing test says what changed.
"""

import re
from urllib.parse import urljoin, urlsplit

PRIVATE_REFERRER = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
UNSAFE_REFERRER = {"origin", "origin-when-cross-origin", "unsafe-url"}
SIX_MONTHS = 15_768_000
FOREIGN_ORIGIN = "https://observatory.example"


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), [word.lower() for word in words[1:]])
    return directives


def csp_result(header):
    if not header:
        return "csp-not-implemented", -25
    policy = csp_directives(header)
    default = policy.get("default-src")
    script = policy.get("script-src", default)
    objects = policy.get("object-src", default)
    style = policy.get("style-src", default)
    if script is None or objects is None:
        return "csp-implemented-with-unsafe-inline", -20  # scripts or plugins not restricted
    broad = {"*", "https:", "http:", "data:"}
    nonce_or_hash = any(re.match(r"'(nonce|sha256|sha384|sha512)-", source) for source in script)
    if (
        ("'unsafe-inline'" in script and not nonce_or_hash)
        or broad & set(script)
        or broad & set(objects)
    ):
        return "csp-implemented-with-unsafe-inline", -20
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10
    if any(source.startswith("http:") for sources in policy.values() for source in sources):
        return "csp-implemented-with-insecure-scheme", -20
    if style is not None and ({"'unsafe-inline'"} | broad) & set(style):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if default == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies_result(cookies):
    if not cookies:
        return "cookies-not-found", 0
    samesite_everywhere = True
    for name, morsel in cookies.items():
        session = any(word in name.lower() for word in ("sess", "login"))
        samesite = morsel["samesite"].lower()
        if not morsel["secure"]:
            return (
                ("cookies-session-without-secure-flag", -40)
                if session
                else (
                    "cookies-without-secure-flag",
                    -20,
                )
            )
        if session and not morsel["httponly"]:
            return "cookies-session-without-httponly-flag", -30
        if samesite and samesite not in ("strict", "lax"):
            return "cookies-samesite-flag-invalid", -20
        if "csrf" in name.lower() and not samesite:
            return "cookies-anticsrf-without-samesite-flag", -20
        samesite_everywhere &= bool(samesite)
    if samesite_everywhere:
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def hsts_result(header):
    match = re.search(r"max-age=(\d+)", header or "")
    if not match:
        return ("hsts-header-invalid", -20) if header else ("hsts-not-implemented", -20)
    if int(match.group(1)) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0  # preloading is not ours to say


def referrer_result(header):
    values = {value.strip().lower() for value in (header or "").split(",") if value.strip()}
    if not values:
        return "referrer-policy-not-implemented", 0
    if values & UNSAFE_REFERRER:
        return "referrer-policy-unsafe", -5
    if values <= PRIVATE_REFERRER:
        return "referrer-policy-private", 5
    return "referrer-policy-header-invalid", -5


def sri_result(response, own_origin):
    if "text/html" not in response.get("Content-Type", ""):
        return "sri-not-implemented-response-not-html", 0
    scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    own = urlsplit(own_origin)
    result = ("sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)
    for tag in scripts:
        source = re.search(r"""\ssrc\s*=\s*["']?([^"'\s>]+)""", tag)
        if source is None:
            continue  # an inline script loads nothing
        address = urlsplit(urljoin(own_origin + "/", source.group(1)))
        if (address.scheme, address.netloc) == (own.scheme, own.netloc):
            continue
        if address.scheme != "https":
            return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
        if "integrity=" not in tag:
            result = ("sri-not-implemented-but-external-scripts-loaded-securely", -5)
    return result


def frame_result(response):
    if "frame-ancestors" in csp_directives(response.get("Content-Security-Policy", "")):
        return "x-frame-options-implemented-via-csp", 5
    value = response.get("X-Frame-Options", "").strip().upper()
    if value in ("DENY", "SAMEORIGIN"):
        return "x-frame-options-sameorigin-or-deny", 0
    return (
        ("x-frame-options-header-invalid", -20)
        if value
        else (
            "x-frame-options-not-implemented",
            -20,
        )
    )


def score(response, *, own_origin):
    """(score, {rule: modifier}) of one HTTPS response, asked with `Origin: FOREIGN_ORIGIN` (a
    site that echoes that origin and allows credentials shares its pages with any site)."""
    nosniff = response.get("X-Content-Type-Options", "").strip().lower() == "nosniff"
    corp = response.get("Cross-Origin-Resource-Policy", "").strip().lower()
    acao = response.get("Access-Control-Allow-Origin", "").strip()
    results = dict(
        [
            csp_result(response.get("Content-Security-Policy")),
            cookies_result(response.cookies),
            hsts_result(response.get("Strict-Transport-Security")),
            referrer_result(response.get("Referrer-Policy")),
            sri_result(response, own_origin),
            frame_result(response),
            ("x-content-type-options-nosniff", 0)
            if nosniff
            else ("x-content-type-options-not-implemented", -5),
            ("corp-implemented-with-cross-origin", -20)
            if corp == "cross-origin"
            else ("corp-not-cross-origin", 0),
            ("cross-origin-resource-sharing-implemented-with-universal-access", -50)
            if acao == FOREIGN_ORIGIN
            and response.get("Access-Control-Allow-Credentials", "").lower() == "true"
            else ("cross-origin-resource-sharing-not-universal", 0),
        ]
    )
    penalties = 100 + sum(value for value in results.values() if value < 0)
    bonuses = sum(value for value in results.values() if value > 0)
    return (penalties + bonuses if penalties >= 90 else penalties), results
