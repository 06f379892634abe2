"""An RSS feed of a language's upcoming events."""

from django.utils import formats, timezone

from home.feeds import SectionFeed

FEED_LENGTH = 30


class UpcomingEventsFeed(SectionFeed):
    def items(self, index):
        return index.upcoming()[:FEED_LENGTH]

    def item_title(self, event):
        when = formats.date_format(timezone.localtime(event.start), "SHORT_DATE_FORMAT")
        return f"{when} · {event.title}"
