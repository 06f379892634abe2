from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import NewsTag


class NewsTagViewSet(SnippetViewSet):
    model = NewsTag
    icon = "tag"
    list_display = ["name", "slug"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


register_snippet(NewsTagViewSet)
