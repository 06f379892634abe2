import time

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# Where other people's data can be seen: the Wagtail admin, and every member-area view marked
# `requires_second_factor` (members_area.accounts.decorators.staff_required).
PROTECTED_PREFIXES = ("/admin/",)

# What a session remembers about its own age (SessionLifetimeMiddleware).
SIGNED_IN_AT = "mazpulki.signed_in_at"
SEEN_AT = "mazpulki.seen_at"
IDLE_LIMIT = "mazpulki.idle_limit"


class SecondFactorRequiredMiddleware:
    """Staff reach other people's data only once a second factor protects their login.

    Until they turn one on, the admin sends them to set up an authenticator app. Their
    later sign-ins then always ask for its code (allauth), /admin/login/ included, as it
    is only a redirect to the site's sign-in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PROTECTED_PREFIXES) and self.lacks_second_factor(request.user):
            return self.ask_for_second_factor(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "requires_second_factor", False) and self.lacks_second_factor(
            request.user
        ):
            return self.ask_for_second_factor(request)
        return None

    @staticmethod
    def lacks_second_factor(user):
        return user.is_authenticated and user.requires_second_factor and not is_mfa_enabled(user)

    @staticmethod
    def ask_for_second_factor(request):
        messages.info(
            request,
            _(
                "Before you can see members' data, turn on two-step sign-in: scan the code "
                "with an authenticator app on your phone and enter the number it shows."
            ),
        )
        return redirect("mfa_activate_totp")


class SessionLifetimeMiddleware:
    """Signs out a session left idle too long, and any session older than its absolute limit.

    The limits are in settings (SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS) and docs/
    security.md. The idle limit is fixed when signing in (`start`), so a request costs no
    query; the time last seen is written at most once a minute, not on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: the session is not even read, or
        # every public page would vary by cookie and could not be kept.
        signed_in = (
            settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated
        )
        if signed_in and self.expired(request.session):
            return self.sign_out(request)
        return self.get_response(request)

    @staticmethod
    def start(session, user):
        now = int(time.time())
        role = "staff" if user.requires_second_factor else "member"
        session[SIGNED_IN_AT] = now
        session[SEEN_AT] = now
        session[IDLE_LIMIT] = settings.SESSION_IDLE_SECONDS[role]

    @classmethod
    def expired(cls, session):
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_AT)
        if signed_in_at is None:  # a session from before these limits: they start now
            session[SIGNED_IN_AT] = signed_in_at = now
        seen_at = session.get(SEEN_AT, now)
        idle_limit = session.get(IDLE_LIMIT, settings.SESSION_IDLE_SECONDS["staff"])
        if now - seen_at > idle_limit or now - signed_in_at > settings.SESSION_ABSOLUTE_SECONDS:
            return True
        if now - seen_at >= 60 or SEEN_AT not in session:
            session[SEEN_AT] = now
        return False

    @staticmethod
    def sign_out(request):
        logout(request)
        messages.info(
            request,
            _("You were signed out to keep your data safe. Please sign in again."),
        )
        return redirect_to_login(request.get_full_path())
