"""The council's home for every member, and the coordinators' list of who is on it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.forms import attach_errors
from members_area.accounts.decorators import coordinator_required
from members_area.council import services
from members_area.council.decorators import member_required
from members_area.council.forms import AppointForm
from members_area.council.models import CouncilMembership, Meeting, Proposal, Survey

SHOWN_ON_HOME = 5
PAST_TERMS_SHOWN = 50


@member_required
@never_cache
def home(request):
    """Everyone: the council's members, its next meetings, one's own proposals and the
    surveys waiting for an answer. Council members and coordinators: the work in progress."""
    user = request.user
    in_council = services.may_see_council(user)
    context = {
        "members": services.current_members(),
        "upcoming": Meeting.objects.upcoming()[:SHOWN_ON_HOME],
        "surveys_to_answer": services.surveys_to_answer(user),
        "may_propose": services.proposers(user).exists(),
        "in_council": in_council,
        "is_coordinator": user.is_coordinator,
        "membership": services.council_membership(user),
    }
    if in_council:
        context["open_proposals"] = Proposal.objects.filter(
            state__in=[Proposal.State.SUBMITTED, Proposal.State.DISCUSSION]
        ).order_by("submitted_at", "pk")
        context["surveys"] = Survey.objects.exclude(state=Survey.State.CLOSED).order_by(
            "-created_at"
        )
        context["year"] = services.yearly_counts(services.today().year)
    else:
        context["my_proposals"] = services.visible_proposals(user).order_by("-submitted_at")
    return render(request, "council/home.html", context)


@coordinator_required
@never_cache
def manage(request):
    form = AppointForm(request.POST or None, youths=services.eligible_youths())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = services.appoint(
                by=request.user,
                person=data["person"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                role=data["role"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is on the council from %(start)s to %(end)s.")
                % {
                    "name": membership.person.full_name,
                    "start": date_format(membership.starts_on, "SHORT_DATE_FORMAT"),
                    "end": date_format(membership.ends_on, "SHORT_DATE_FORMAT"),
                },
            )
            return redirect("council:members")
    terms = CouncilMembership.objects.select_related("person")
    today = services.today()
    return render(
        request,
        "council/members.html",
        {
            "form": form,
            "current": terms.current(today).order_by("person__first_name", "person__last_name"),
            "coming": terms.in_force().filter(starts_on__gt=today).order_by("starts_on"),
            # Ended terms, and withdrawn ones (which never began) among them.
            "past": terms.filter(Q(ends_on__lt=today) | Q(withdrawn=True)).order_by("-ends_on")[
                :PAST_TERMS_SHOWN
            ],
        },
    )


@coordinator_required
@require_POST
def end(request, pk):
    membership = get_object_or_404(CouncilMembership.objects.select_related("person"), pk=pk)
    try:
        services.end_term(membership, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(name)s is no longer on the council.") % {"name": membership.person.full_name},
        )
    return redirect("council:members")
