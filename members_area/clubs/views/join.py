from allauth.core import ratelimit
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from members_area.accounts.models import PRIVACY_POLICY_VERSION
from members_area.clubs import services
from members_area.clubs.join_forms import JoinForm


@never_cache
def join(request):
    """Public: anyone may ask to join (a visitor gets a login whose address he must confirm)."""
    if request.method == "POST":
        visitor = not request.user.is_authenticated
        # Each visitor's form makes a login and sends e-mails: limited per client address,
        # and, once the form is right (mistakes cost nothing), per e-mail address, so that
        # nobody is flooded with our mails from many addresses.
        if visitor and (too_many := ratelimit.consume_or_429(request, action="join")):
            return too_many
        form = JoinForm(request.POST, user=request.user)
        if form.is_valid():
            email = (form.cleaned_data.get("email") or "").lower() if visitor else ""
            if email and (
                too_many := ratelimit.consume_or_429(request, action="join_email", key=email)
            ):
                return too_many
            try:
                result = services.join(form.cleaned_data, request.user, get_language())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if result.new_login is not None:
                    result.new_login.emailaddress_set.get().send_confirmation(request, signup=True)
                request.session["join_sent"] = {
                    "confirm_email": not request.user.is_authenticated,
                    "club": str(form.cleaned_data["club"]),
                }
                return redirect("clubs:join_sent")
        messages.error(request, _("Please check the fields marked below."))
    else:
        initial = {}
        if request.GET.get("club", "").isdigit():
            initial["club"] = request.GET["club"]
        if request.GET.get("for") == JoinForm.CHILD:
            initial["for_whom"] = JoinForm.CHILD
        form = JoinForm(initial=initial, user=request.user)
    return render(
        request,
        "clubs/join.html",
        {"form": form, "policy_version": PRIVACY_POLICY_VERSION},
    )


@never_cache
def join_sent(request):
    """Public: what happens next after the join form was sent."""
    sent = request.session.get("join_sent")
    if sent is None:
        return redirect("clubs:join")
    return render(request, "clubs/join_sent.html", {"sent": sent})
