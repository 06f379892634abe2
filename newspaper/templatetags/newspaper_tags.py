from django import template

from newspaper.models import NewspaperIssuePage

register = template.Library()


@register.inclusion_tag("newspaper/tags/newest_issue.html", takes_context=True)
def newest_issue(context):
    """The newest issue of "Mazpulks" in the page's language, for the home page."""
    page = context.get("page")
    if page is None:
        return {}
    issue = (
        NewspaperIssuePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .select_related("cover_image")
        .prefetch_related("cover_image__renditions")
        .order_by("-year", "-number")
        .first()
    )
    return {"request": context.get("request"), "issue": issue}
