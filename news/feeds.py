"""RSS 2.0 and Atom feeds of a news section, one per language (each index has its own)."""

from django.utils.feedgenerator import Atom1Feed

from home.feeds import SectionFeed

FEED_LENGTH = 20


class NewsRssFeed(SectionFeed):
    def items(self, index):
        return index.articles().select_related("locale")[:FEED_LENGTH]

    def item_pubdate(self, article):
        return article.published_at

    def item_author_name(self, article):
        return article.author_name or None


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    route = "atom"
    subtitle = SectionFeed.description
