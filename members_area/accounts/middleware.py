from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# Where other people's data can be seen. Member-area staff views join this list.
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
        user = request.user
        if (
            request.path.startswith(PROTECTED_PREFIXES)
            and user.is_authenticated
            and user.requires_second_factor
            and not is_mfa_enabled(user)
        ):
            messages.info(
                request,
                _(
                    "Before you can open the admin, turn on two-step sign-in: scan the code "
                    "with an authenticator app on your phone and enter the number it shows."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
