"""Events and desks for the check-in tests."""

import datetime
import itertools

from django.utils import timezone

NUMBERS = itertools.count(1)


def make_event(pages, *, starts_in=datetime.timedelta(hours=-1), hours=6, **fields):
    """A published event in the demo's events section, going on now unless said."""
    from events.models import EventPage

    number = next(NUMBERS)
    start = timezone.now() + starts_in
    defaults = {
        "title": f"Salidojums {number}",
        "slug": f"salidojums-{number}",
        "lead": "Visi kopā.",
        "kind": "camp",
        "scale": "national",
        "venue": "Ērgļu vidusskola",
    }
    event = EventPage(start=start, end=start + datetime.timedelta(hours=hours), **{
        **defaults, **fields
    })  # fmt: skip
    pages["pasakumi"].add_child(instance=event)
    event.save_revision().publish()
    return event


def open_desk(event, user, name="Vārti"):
    from members_area.checkin.services import open_desk

    return open_desk(user, event, name)


def desk_session(client, desk):
    """The browser `client` works at `desk` (as after opening it)."""
    session = client.session
    session["checkin_desk"] = desk.pk
    session.save()


def events_index():
    from wagtail.models import Page

    return {"pasakumi": Page.objects.get(slug="pasakumi", locale__language_code="lv").specific}


def checkin_arguments(world, kind):
    """An event going on now, hosted by the child's club, whose leader runs a desk at which
    the child is checked in."""
    from members_area.checkin.models import EventHost
    from members_area.checkin.services import check_in

    event = make_event(events_index())
    host = EventHost.objects.create(event=event, club=world.club)
    desk = open_desk(event, world.leader)
    checkin = check_in(desk, world.child, by=world.leader, method="card").checkin
    return {
        "checkin_desk": [desk.pk],
        "checkin_event": [event.pk],
        "checkin_checkin": [checkin.pk],
        "checkin_host": [event.pk, host.pk],
    }[kind]
