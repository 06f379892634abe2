"""RSS 2.0 and Atom feeds of a news section, one per language (each index has its own)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

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

    feed_route = "rss"

    def feed_url(self, index):
        return index.get_full_url(self.request) + index.reverse_subpage(self.feed_route)

    def items(self, index):
        return index.articles().select_related("locale")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.author_name or None

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.locale.language_code
        return feed


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    feed_route = "atom"
    subtitle = NewsRssFeed.description
