from django import template

from events.models import EventIndexPage, EventPage, start_of_today

register = template.Library()


@register.inclusion_tag("events/tags/upcoming_events.html", takes_context=True)
def upcoming_events(context, count=3):
    """The next events of the page's language, for the home page."""
    page = context.get("page")
    if page is None:
        return {}
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, end__gte=start_of_today())
        .select_related("main_image")
        .prefetch_related("main_image__renditions")
        .order_by("start", "pk")[:count]
    )
    index = EventIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    return {"request": context.get("request"), "events": events, "events_index": index}


@register.inclusion_tag("events/includes/when.html")
def event_when(event):
    """The event's dates and times in Riga, one day or several."""
    return {"event": event}
