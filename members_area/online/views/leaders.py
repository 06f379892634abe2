"""The club's leaders (and coordinators): meetings, announcements, the attendance list.

Each view is `staff_required` (a second factor: the attendance lists name other families'
children) and fetches through `services.managed_clubs(user)`: another club is a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from home.forms import attach_errors
from members_area.accounts.decorators import staff_required
from members_area.online import services
from members_area.online.forms import AnnouncementForm, MeetingForm
from members_area.online.models import Announcement, Meeting


def managed_club(request, club_id):
    return get_object_or_404(services.managed_clubs(request.user), pk=club_id)


@staff_required
@never_cache
def meeting_form(request, club_id, pk=None):
    club = managed_club(request, club_id)
    meeting = get_object_or_404(Meeting, club=club, pk=pk) if pk else Meeting(club=club)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_meeting(form.instance, by=request.user)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect("online:room", club.pk)
    return render(request, "online/meeting_form.html", {"club": club, "form": form})


@staff_required
@never_cache
def announcement_form(request, club_id, pk=None):
    club = managed_club(request, club_id)
    announcement = (
        get_object_or_404(Announcement, club=club, pk=pk) if pk else Announcement(club=club)
    )
    form = AnnouncementForm(request.POST or None, request.FILES or None, instance=announcement)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_announcement(
                form.instance,
                by=request.user,
                upload=form.cleaned_data["attachment"],
                remove_ids=[
                    int(value) for value in request.POST.getlist("remove") if value.isdecimal()
                ],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The announcement is published in the club room."))
            return redirect("online:room", club.pk)
    return render(
        request,
        "online/announcement_form.html",
        {
            "club": club,
            "form": form,
            "attachments": announcement.attachments.all() if announcement.pk else [],
        },
    )


@staff_required
@never_cache
def attendance(request, club_id, pk):
    """Who was there; once the meeting has ended the leader corrects the list."""
    club = managed_club(request, club_id)
    meeting = get_object_or_404(Meeting, club=club, pk=pk)
    if request.method == "POST":
        chosen = {int(value) for value in request.POST.getlist("present") if value.isdecimal()}
        try:
            added, removed = services.correct_attendance(meeting, chosen, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The list is saved. Added: %(added)s, removed: %(removed)s.")
                % {"added": added, "removed": removed},
            )
        return redirect("online:attendance", club.pk, meeting.pk)
    people = services.attendance_list(meeting)
    return render(
        request,
        "online/attendance.html",
        {
            "club": club,
            "meeting": meeting,
            "people": people,
            "present": sum(person.present for person in people),
            "may_correct": services.correction_open(meeting),
            "corrections": meeting.corrections.select_related("person", "by")[:50],
        },
    )


@staff_required
@never_cache
def counts(request, club_id):
    """Attendance of a year: per meeting, and per member (meetings attended of those held)."""
    club = managed_club(request, club_id)
    this_year = timezone.localdate().year
    year = request.GET.get("year", "")
    year = int(year) if year.isdecimal() and 2000 <= int(year) <= this_year else this_year
    return render(
        request,
        "online/counts.html",
        {
            "club": club,
            "year": year,
            "years": range(this_year, this_year - 5, -1),
            "meetings": services.meetings_with_counts(club, year),
            "members": services.member_counts(club, year),
        },
    )
