"""The club room: what families, members and leaders of a club see and press.

Clubs are fetched through `services.visible_clubs(user)` (this year's members of the club and
their families, its leaders, coordinators): any other club is a 404.
"""

import os

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from members_area.accounts.decorators import family_required
from members_area.online import services
from members_area.online.models import AnnouncementAttachment, Meeting


@family_required
@never_cache
def rooms(request):
    """The rooms of the family's clubs (and the clubs the login leads); one goes straight in."""
    clubs = list(services.own_clubs(request.user))
    if len(clubs) == 1:
        return redirect("online:room", clubs[0].pk)
    return render(request, "online/rooms.html", {"clubs": clubs})


@family_required
@never_cache
def room(request, club_id):
    club = get_object_or_404(services.visible_clubs(request.user), pk=club_id)
    return render(request, "online/room.html", {"club": club, **services.room(club, request.user)})


@family_required
@require_POST
def attend(request, club_id, pk):
    """ "I am here" for one of the family's people, during the meeting's window."""
    meeting = get_object_or_404(
        Meeting.objects.filter(club__in=services.visible_clubs(request.user), club_id=club_id),
        pk=pk,
    )
    person_id = request.POST.get("person", "")
    person = (
        services.attending_family(request.user, meeting.club).filter(pk=person_id).first()
        if person_id.isdecimal()
        else None
    )
    if person is None:
        return HttpResponseBadRequest(_("Choose who is here."))
    try:
        services.mark_present(meeting, person, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(name)s is marked present at “%(meeting)s”.")
            % {"name": person.full_name, "meeting": meeting.title},
        )
    return redirect("online:room", meeting.club_id)


@family_required
def attachment(request, club_id, announcement_id, pk):
    """An announcement's file, to whoever sees the club room; never public or cached."""
    attachment = get_object_or_404(
        AnnouncementAttachment.objects.filter(
            announcement__club__in=services.visible_clubs(request.user),
            announcement__club_id=club_id,
            announcement_id=announcement_id,
        ),
        pk=pk,
    )
    # Named as stored: a phone's IMG_1234.HEIC is kept as a JPEG.
    stem = os.path.splitext(attachment.original_name)[0] or "file"
    response = FileResponse(
        attachment.file.open("rb"),
        filename=stem + os.path.splitext(attachment.file.name)[1],
        as_attachment=False,
    )
    patch_cache_control(response, private=True, no_store=True)
    # A PDF opened in the browser could run its scripts on our origin; sandboxed, it cannot.
    # Photos still show inline.
    response["Content-Security-Policy"] = "sandbox"
    return response
