from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# Where other people's data can be seen: the Wagtail admin, and every member-area view marked
# `requires_second_factor` (members_area.accounts.decorators.staff_required).
PROTECTED_PREFIXES = ("/admin/",)


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
