from django import template

from news.models import NewsIndexPage, NewsPage

register = template.Library()


@register.inclusion_tag("news/tags/latest_news.html", takes_context=True)
def latest_news(context, count=3):
    """The newest articles of the page's language, for the home page."""
    page = context.get("page")
    if page is None:
        return {}
    articles = (
        NewsPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .select_related("main_image")
        .prefetch_related("main_image__renditions")
        .order_by("-date", "-first_published_at", "-pk")[:count]
    )
    index = NewsIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    return {"request": context.get("request"), "articles": articles, "news_index": index}
