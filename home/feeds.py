"""RSS/Atom feeds of a section of the site: one per index page, so one per language."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed


class SectionFeed(Feed):
    """The items of one index page, linked on the site's own address, in its language.

    Subclasses give `items(index)` and may override how an item is described.
    """

    feed_type = Rss201rev2Feed
    route = "rss"  # the index's route that serves this feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{index.title} · Latvijas Mazpulki"

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return index.search_description or index.intro or index.title

    def feed_url(self, index):
        return index.get_full_url(self.request) + index.reverse_subpage(self.route)

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.lead

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_guid(self, page):
        return page.get_full_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.locale.language_code
        return feed
