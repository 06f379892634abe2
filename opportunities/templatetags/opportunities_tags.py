from django import template

from opportunities.models import OpportunityIndexPage, OpportunityPage

register = template.Library()


@register.inclusion_tag("opportunities/tags/open_opportunities.html", takes_context=True)
def open_opportunities(context, count=3):
    """The open opportunities of the page's language closing soonest, for the home page."""
    page = context.get("page")
    if page is None:
        return {}
    opportunities = (
        OpportunityPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .open()
        .nearest_deadline_first()
        .with_cards()[:count]
    )
    index = OpportunityIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    return {
        "request": context.get("request"),
        "opportunities": opportunities,
        "opportunity_index": index,
    }
