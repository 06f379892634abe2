"""Volunteer hours: families log them; leaders and coordinators decide and see the totals.

Families see their own people's entries (`of_family`); staff see and decide on entries of the
clubs they manage (`VolunteerEntry.objects.managed_by`): anything else is a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.forms import attach_errors, checked_field
from members_area.accounts.decorators import family_required, staff_required
from members_area.accounts.models import Person
from members_area.volunteering import services
from members_area.volunteering.forms import DeclineForm, LogHoursForm
from members_area.volunteering.models import TRAINING_HOURS_A_YEAR, AwardGrant, VolunteerEntry

RECENTLY_DECIDED = 30


@family_required
@never_cache
def my_hours(request):
    """Each person of the family: the hours logged, their state, and the yearly totals."""
    people = list(
        Person.objects.of_family(request.user)
        .not_erased()
        .prefetch_related(
            Prefetch("awards", queryset=AwardGrant.objects.select_related("kind")),
            Prefetch(
                "volunteer_entries",
                queryset=VolunteerEntry.objects.select_related("club", "event").order_by(
                    "-date", "-pk"
                ),
            ),
        )
        .order_by("first_name", "last_name")
    )
    year = timezone.localdate().year
    leaders = set(
        services.current_leaders()
        .filter(pk__in=[p.pk for p in people])
        .values_list("pk", flat=True)
    )
    for person in people:
        person.totals = services.yearly_totals(person)
        if person.pk in leaders:
            person.training_hours = services.training_hours(person, year)
    return render(
        request,
        "volunteering/my_hours.html",
        {
            "people": people,
            "may_log": services.loggable_people(request.user).exists(),
            "training_needed": TRAINING_HOURS_A_YEAR,
            "year": year,
        },
    )


def year_asked(request):
    """The year in ?year=, this year when it is missing, odd or in the future."""
    this_year = timezone.localdate().year
    year = request.GET.get("year", "")
    return int(year) if year.isdecimal() and 2000 <= int(year) <= this_year else this_year


def recent_years():
    this_year = timezone.localdate().year
    return range(this_year, this_year - 5, -1)


@family_required
@never_cache
def log_hours(request):
    people = services.loggable_people(request.user)
    form = LogHoursForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.log_hours(
                by=request.user,
                person=data["person"],
                club=data["club"],
                date=data["date"],
                hours=data["hours"],
                kind=data["kind"],
                event=data["event"],
                description=data["description"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("The hours are logged. The club's leader will confirm them; they count then."),
            )
            return redirect("volunteering:mine")
    return render(request, "volunteering/log_hours.html", {"form": form, "people": people})


@staff_required
@never_cache
def review(request):
    """Leaders: their clubs' waiting hours (approve many at once) and recent decisions."""
    entries = VolunteerEntry.objects.managed_by(request.user).select_related(
        "person", "club", "event", "decided_by"
    )
    if request.method == "POST":
        chosen = [int(value) for value in request.POST.getlist("entry") if value.isdecimal()]
        approved = services.approve_many(entries.filter(pk__in=chosen), by=request.user)
        messages.success(
            request,
            ngettext("%(count)s entry approved.", "%(count)s entries approved.", approved)
            % {"count": approved},
        )
        return redirect("volunteering:review")
    waiting = list(entries.waiting().order_by("date", "pk"))
    family = services.family_ids(request.user)
    for entry in waiting:
        entry.may_decide = services.may_decide(request.user, entry, family)
    return render(
        request,
        "volunteering/review.html",
        {
            "waiting": waiting,
            "decided": entries.exclude(status=VolunteerEntry.Status.SUBMITTED).order_by(
                "-decided_at", "-pk"
            )[:RECENTLY_DECIDED],
            "decline_form": DeclineForm(),
        },
    )


@staff_required
@require_POST
def decide(request, pk):
    entry = get_object_or_404(
        VolunteerEntry.objects.managed_by(request.user).select_related("club", "person"), pk=pk
    )
    action = request.POST.get("action")
    if action not in ("approve", "decline"):
        return HttpResponseBadRequest(_("Choose a decision."))
    try:
        services.decide(
            entry,
            by=request.user,
            approve=action == "approve",
            # No reason written: services.decide asks for one when it is needed.
            reason=checked_field(DeclineForm(request.POST), "reason")
            if request.POST.get("reason", "").strip()
            else "",
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if action == "approve":
            message = _("Approved: %(hours)s h of %(person)s.")
        else:
            message = _("Declined: %(hours)s h of %(person)s; the family sees the reason.")
        values = {"hours": services.hours_display(entry.hours), "person": entry.person.full_name}
        messages.success(request, message % values)
    return redirect("volunteering:review")


@staff_required
@never_cache
def totals(request):
    """Approved hours, active and new volunteers of a year, per club and together."""
    year = year_asked(request)
    rows, overall = services.totals(VolunteerEntry.objects.managed_by(request.user), year)
    return render(
        request,
        "volunteering/totals.html",
        {
            "rows": rows,
            "overall": overall,
            "year": year,
            "years": recent_years(),
        },
    )
