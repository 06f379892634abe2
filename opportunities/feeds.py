"""An RSS 2.0 feed of the open opportunities, one per language (each index has its own)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from home.feeds import SectionFeed

FEED_LENGTH = 30


class OpenOpportunitiesFeed(SectionFeed):
    """Open opportunities by nearest deadline: one that closes leaves the feed by itself."""

    def items(self, index):
        return index.open_opportunities()[:FEED_LENGTH]

    def item_description(self, opportunity):
        deadline = date_format(opportunity.application_deadline, "DATE_FORMAT")
        return "{lead} {deadline}".format(
            lead=opportunity.lead,
            deadline=_("Application deadline: %(date)s.") % {"date": deadline},
        )

    def item_categories(self, opportunity):
        return [opportunity.get_opportunity_type_display()]
