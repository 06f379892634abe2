"""Council meetings: council members read the agenda, link and minutes; coordinators plan
meetings, write the minutes and mark who was present."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.forms import attach_errors
from members_area.accounts.decorators import coordinator_required
from members_area.council import services
from members_area.council.decorators import council_required
from members_area.council.forms import MeetingForm
from members_area.council.models import Meeting, MeetingAttendance

PAST_MEETINGS_SHOWN = 30


@council_required
@never_cache
def meeting_list(request):
    meetings = services.visible_meetings(request.user).annotate(present=Count("attendance"))
    now = timezone.now()
    return render(
        request,
        "council/meeting_list.html",
        {
            "upcoming": meetings.filter(starts_at__gte=now).order_by("starts_at"),
            "past": meetings.filter(starts_at__lt=now).order_by("-starts_at")[:PAST_MEETINGS_SHOWN],
            "year": services.yearly_counts(services.today().year),
            "is_coordinator": request.user.is_coordinator,
        },
    )


@council_required
@never_cache
def meeting_detail(request, pk):
    meeting = get_object_or_404(
        services.visible_meetings(request.user)
        .select_related("cancelled_by")
        .prefetch_related(
            Prefetch(
                "attendance",
                queryset=MeetingAttendance.objects.select_related("person").order_by(
                    "person__first_name", "person__last_name"
                ),
            )
        ),
        pk=pk,
    )
    return render(
        request,
        "council/meeting_detail.html",
        {"meeting": meeting, "is_coordinator": request.user.is_coordinator},
    )


def _edit(request, meeting):
    day = timezone.localdate(meeting.starts_at) if meeting.pk else services.today()
    form = MeetingForm(request.POST or None, instance=meeting, members=services.members_on(day))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.save_meeting(
                form.instance, by=request.user, attendees=form.cleaned_data["attendees"]
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect("council:meeting", pk=meeting.pk)
    return render(request, "council/meeting_form.html", {"form": form, "meeting": meeting})


@coordinator_required
@never_cache
def meeting_new(request):
    return _edit(request, Meeting())


@coordinator_required
@never_cache
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting.objects.all(), pk=pk)
    if meeting.is_cancelled:
        messages.error(request, _("This meeting is cancelled: it cannot be changed."))
        return redirect("council:meeting", pk=meeting.pk)
    return _edit(request, meeting)


@coordinator_required
@require_POST
def meeting_cancel(request, pk):
    meeting = get_object_or_404(Meeting.objects.all(), pk=pk)
    try:
        services.cancel_meeting(meeting, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The meeting is cancelled."))
    return redirect("council:meeting", pk=meeting.pk)
