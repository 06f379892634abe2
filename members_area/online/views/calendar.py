"""Each member's private calendar of his clubs' meetings, at a secret address.

The feed is read by calendar apps, which send no cookies: the token is the only key, so it is
long and random, a wrong one is a 404, and the family can replace it. The feed has no video
link (a calendar is synced to other services and shared; the room shows the link when due),
only a link to the club room.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from events.calendar import PRODUCT_ID, escape_text, fold, utc
from members_area.accounts.decorators import family_required
from members_area.clubs.tasks import absolute
from members_area.online import services


@family_required
@never_cache
def calendar(request):
    """The family's calendar addresses, one per person in a club this year."""
    people = list(services.feed_people(request.user))
    for person in people:
        feed = services.feed_for(person)
        person.feed_url = absolute(reverse("online:calendar_feed", args=[feed.token]))
    return render(request, "online/calendar.html", {"people": people})


@family_required
@require_POST
def rotate(request, person_id):
    person = get_object_or_404(services.feed_people(request.user), pk=person_id)
    services.rotate_feed(person)
    messages.success(
        request,
        _(
            "%(name)s has a new calendar address; the old one no longer works. Add the new one "
            "to the calendar app."
        )
        % {"name": person.full_name},
    )
    return redirect("online:calendar")


def feed(request, token):
    """The iCalendar file (RFC 5545) behind a secret address: no sign-in, no personal data."""
    found = services.feed_by_token(token)
    if found is None:
        raise Http404
    generated = utc(services.now())
    host = urlsplit(settings.SITE_BASE_URL).hostname  # UIDs stay the same behind any proxy
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(_("Mazpulki meetings")),
    ]
    for meeting in services.feed_meetings(found.person):
        room_url = absolute(reverse("online:room", args=[meeting.club_id]))
        description = "\n\n".join(part for part in (meeting.agenda, room_url) if part)
        lines += [
            "BEGIN:VEVENT",
            f"UID:meeting-{meeting.pk}@{host}",
            f"DTSTAMP:{generated}",
            f"LAST-MODIFIED:{utc(meeting.updated_at)}",
            f"DTSTART:{utc(meeting.starts_at)}",
            f"DTEND:{utc(meeting.ends_at)}",
            f"SUMMARY:{escape_text(f'{meeting.title} ({meeting.club})')}",
            f"DESCRIPTION:{escape_text(description)}",
            f"URL:{room_url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    response = HttpResponse(
        "".join(fold(line) + "\r\n" for line in lines), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="mazpulki.ics"'
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, private=True, no_store=True)
    return response
