from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ContentsEntryBlock(blocks.StructBlock):
    """One line of an issue's table of contents."""

    title = blocks.CharBlock(label=_("article title"), max_length=200)
    page = blocks.IntegerBlock(label=_("page"), min_value=1, max_value=200)
    summary = blocks.TextBlock(label=_("short summary"), required=False, max_length=300)
    article = blocks.PageChooserBlock(
        label=_("news article"),
        page_type="news.NewsPage",
        required=False,
        help_text=_("Optional: the same story on the website."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Article")
