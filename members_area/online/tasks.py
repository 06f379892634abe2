"""Reminders of tomorrow's meetings, e-mailed once per meeting (run hourly, see the README).

A meeting is reminded of when it starts within the next 24 hours and has not started: run
every hour, that is about a day before. `reminder_sent_at` is claimed before sending, so runs
that overlap, or run again, send nothing twice. The e-mails carry no video-call link: it shows
in the club room from an hour before (services.py).

When the mail server fails for a meeting, the error is logged and the meeting stays marked as
reminded: some families may have been written to already, and a missing reminder is better
than a second one to them. The other meetings are still reminded of.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from members_area.clubs.tasks import absolute

REMIND_WITHIN = datetime.timedelta(hours=24)

logger = logging.getLogger(__name__)


def due_meetings(moment):
    from members_area.online.models import Meeting

    return Meeting.objects.filter(
        reminder_sent_at=None, starts_at__gt=moment, starts_at__lte=moment + REMIND_WITHIN
    ).order_by("starts_at")


def member_language(person):
    """The language the family chose when joining (the latest request), else Latvian."""
    languages = dict(settings.LANGUAGES)
    for join_request in person.join_requests.all():  # newest first
        if join_request.language in languages:
            return join_request.language
    return settings.LANGUAGE_CODE


def families(meeting):
    """[(language, [addresses])]: one message per family. Each person's own address and a
    minor's guardians'; an address already written to (a sibling's parent) gets no second."""
    from members_area.clubs.models import JoinRequest
    from members_area.online.services import meeting_year, people_in_club

    people = (
        people_in_club(meeting.club, meeting_year(meeting))
        .select_related("user")
        .prefetch_related(
            "guardians",
            Prefetch(
                "join_requests", queryset=JoinRequest.objects.order_by("-submitted_at", "-pk")
            ),
        )
    )
    found, seen = [], set()
    for person in people:
        new = [address for address in person.message_recipients() if address not in seen]
        if new:
            found.append((member_language(person), new))
            seen.update(new)
    return found


def remind(meeting):
    """E-mail the meeting's club; returns the number of messages sent."""
    sent = 0
    for language, addresses in families(meeting):
        with translation.override(language):
            starts = timezone.localtime(meeting.starts_at)
            EmailMessage(
                subject=gettext("Meeting reminder: %(title)s (%(club)s)")
                % {"title": meeting.title, "club": meeting.club},
                body=render_to_string(
                    "online/emails/meeting_reminder.txt",
                    {
                        "meeting": meeting,
                        "starts": starts,
                        "ends": timezone.localtime(meeting.ends_at),
                        "url": absolute(reverse("online:room", args=[meeting.club_id])),
                    },
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=addresses[:1],
                cc=addresses[1:],  # a minor's guardians, copied
            ).send()
        sent += 1
    return sent


@task()
def send_meeting_reminders():
    """Remind of every meeting due; returns the number of meetings reminded of."""
    from members_area.online.models import Meeting

    moment = timezone.now()
    reminded = 0
    for meeting in due_meetings(moment).select_related("club"):
        # Claimed first: a run going on at the same time skips it.
        claimed = Meeting.objects.filter(pk=meeting.pk, reminder_sent_at=None).update(
            reminder_sent_at=moment
        )
        if not claimed:
            continue
        try:
            remind(meeting)
        except Exception:
            # Kept marked (see the module's docstring): no second reminder to families
            # already written to; the next meetings still get theirs.
            logger.exception("Meeting %s: the reminder failed part-way", meeting.pk)
            continue
        reminded += 1
    return reminded
