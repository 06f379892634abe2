"""iCalendar (RFC 5545) files of events: one event, or the upcoming ones as a subscription."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
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
    for event in events:
        lines += event_lines(request, event, host)
    lines.append("END:VCALENDAR")
    body = "".join(fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_lines(request, event, host):
    place = ", ".join(part for part in (event.venue, event.address, event.municipality) if part)
    lines = [
        "BEGIN:VEVENT",
        # One UID for every language version: calendars see one event, not two.
        f"UID:event-{event.translation_key}@{host}",
        f"DTSTAMP:{utc(event.last_published_at or timezone.now())}",
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


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def escape_text(text):
    """TEXT values: backslash, semicolon, comma and new lines escaped (RFC 5545, 3.3.11)."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
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
