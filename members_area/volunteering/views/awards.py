"""Coordinators: awards of the year and leaders' training hours."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.forms import attach_errors
from members_area.accounts.decorators import coordinator_required
from members_area.volunteering import services
from members_area.volunteering.forms import GrantForm, TrainingForm
from members_area.volunteering.models import TRAINING_HOURS_A_YEAR
from members_area.volunteering.views.hours import recent_years, year_asked


@coordinator_required
@never_cache
def awards(request):
    """Each award: given this year against the strategy's target, and who may get it."""
    year = year_asked(request)
    return render(
        request,
        "volunteering/awards.html",
        {
            "standings": services.award_standings(year),
            "year": year,
            "years": recent_years(),
            "today": timezone.localdate(),
        },
    )


@coordinator_required
@require_POST
def grant(request):
    form = GrantForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose the award, the person and the date."))
    data = form.cleaned_data
    try:
        services.grant_award(
            data["kind"],
            data["person"],
            by=request.user,
            year=data["year"],
            granted_on=data["granted_on"],
            note=data["note"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(award)s given to %(person)s.")
            % {"award": data["kind"], "person": data["person"].full_name},
        )
    return redirect(reverse("volunteering:awards") + f"?year={data['year']}")


@coordinator_required
@never_cache
def training(request):
    """Every current leader's training hours this year against 12; record new hours."""
    year = timezone.localdate().year
    form = TrainingForm(request.POST or None, leaders=services.current_leaders())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = services.record_training(
                by=request.user,
                person=data["person"],
                course=data["course"],
                provider=data["provider"],
                date=data["date"],
                hours=data["hours"],
                event=data["event"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("%(hours)s h of “%(course)s” recorded for %(person)s.")
                % {
                    "hours": services.hours_display(record.hours),
                    "course": record.course,
                    "person": record.person.full_name,
                },
            )
            return redirect("volunteering:training")
    return render(
        request,
        "volunteering/training.html",
        {
            "form": form,
            "rows": services.training_overview(year),
            "year": year,
            "needed": TRAINING_HOURS_A_YEAR,
        },
    )
