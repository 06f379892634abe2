"""iCalendar (RFC 5545) files of events: one event, or the upcoming ones as a subscription."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from wagtail.models import Site

PRODUCT_ID = "-//Latvijas Mazpulki//mazpulki.lv//LV"


def calendar_response(request, events, name, filename):
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    generated = utc(timezone.now())
    for event in events:
        lines += event_lines(request, event, host, generated)
    lines.append("END:VCALENDAR")
    body = "".join(fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    # A slug may have Latvian letters: the header then gives the name in both forms.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def event_lines(request, event, host, generated):
    place = ", ".join(part for part in (event.venue, event.address, event.municipality) if part)
    lines = [
        "BEGIN:VEVENT",
        # One UID for every language version: calendars see one event, not two.
        f"UID:event-{event.translation_key}@{host}",
        # DTSTAMP is when this file was made: a calendar that fetches it again sees a newer
        # copy of the event and takes its changes (an English event may change without
        # being republished, when its Latvian original moves).
        f"DTSTAMP:{generated}",
        f"LAST-MODIFIED:{utc(last_modified(event))}",
        f"DTSTART:{utc(event.start)}",
        f"DTEND:{utc(event.end)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(event.lead)}",
        f"URL:{event.get_full_url(request)}",
    ]
    if place:
        lines.append(f"LOCATION:{escape_text(place)}")
    lines.append("END:VEVENT")
    return lines


def last_modified(event):
    return event.latest_revision_created_at or event.last_published_at or timezone.now()


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


CONTROL_CHARACTERS = dict.fromkeys(list(range(0, 9)) + list(range(11, 32)) + [127])


def escape_text(text):
    """TEXT values: backslash, semicolon, comma and new lines escaped (RFC 5545, 3.3.11)."""
    return (
        str(text)
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .translate(CONTROL_CHARACTERS)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def fold(line, limit=75):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1)."""
    encoded = line.encode()
    if len(encoded) <= limit:
        return line
    parts, current = [], b""
    for character in line:
        piece = character.encode()
        if len(current) + len(piece) > (limit if not parts else limit - 1):
            parts.append(current)
            current = b""
        current += piece
    parts.append(current)
    return "\r\n ".join(part.decode() for part in parts)
