"""What a family does: marks interest in an opportunity, withdraws it, reads its record.

People are fetched through `Person.objects.of_family(user)` and interests through
`Interest.objects.of_family(user)`: another family's are a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from home.forms import attach_errors
from members_area.accounts.decorators import family_required
from members_area.international import services
from members_area.international.forms import InterestForm
from members_area.international.models import Interest


@family_required
@never_cache
def interest(request, opportunity_id):
    """ "I'm interested" for one of the family's people; the address may carry the page id of
    any language, the interest goes to the Latvian page."""
    opportunity = services.original_opportunity(opportunity_id)
    if opportunity is None:
        raise Http404
    choices = services.family_choices(request.user, opportunity)
    markable = [choice.person.pk for choice in choices if choice.may_mark]
    form = InterestForm(
        request.POST or None,
        people=services.family_people(request.user),
        initial={"person": markable[0]} if len(markable) == 1 else None,
    )
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            services.mark_interest(
                opportunity, person, by=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("Interest for %(name)s is marked. The office will write to you about applying.")
                % {"name": person.full_name},
            )
            return redirect("international:interest", opportunity_id)
    shown = services.in_active_language([opportunity])[opportunity.pk]
    return render(
        request,
        "international/interest.html",
        {
            "opportunity": opportunity,
            "shown": shown,
            "choices": choices,
            "marked": [choice for choice in choices if choice.interest is not None],
            "may_mark": bool(markable),
            "closed_message": None if opportunity.is_open else services.closed_message(opportunity),
            "form": form,
            "chosen": str(form["person"].value() or ""),
        },
    )


@family_required
@require_POST
def withdraw(request, pk):
    interest = get_object_or_404(
        Interest.objects.of_family(request.user).select_related("opportunity", "person"), pk=pk
    )
    try:
        services.withdraw_interest(interest)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The interest of %(name)s is withdrawn.") % {"name": interest.person.full_name},
        )
    back = request.POST.get("back", "")
    if back.isdecimal():
        return redirect("international:interest", int(back))
    return redirect("international:mine")


@family_required
@never_cache
def mine(request):
    """The family's international record: each person's interests and participations."""
    locale = Locale.get_active()
    return render(
        request,
        "international/mine.html",
        {
            "people": services.family_record(request.user, locale),
            "opportunity_index": services.opportunity_index(locale),
        },
    )
