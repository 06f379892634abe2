import datetime

from django import forms
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import page_cache
from home.blocks import BodyStreamBlock
from home.models import (
    PriorityArea,
    Region,
    SectionIndexPage,
    SharedWithTranslationsMixin,
    SiteImage,
    TaxonomyTerm,
    in_default_language,
)
from home.serializers import LocalizedTermsField, localized_stream

ARTICLES_PER_PAGE = 12
RELATED_ARTICLES = 3


class NewsTag(TaxonomyTerm):
    """A keyword of the news, named in each language: one slug keeps filter links the same."""

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The news section: every article, newest first, with filters and feeds."""

    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        """The live, public articles of this section, newest first."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-first_published_at", "-pk")
        )

    @path("")
    def index(self, request):
        from news.forms import NewsFilterForm

        form = NewsFilterForm(request.GET or None, index=self)
        return self.render_list(
            request, form, self.articles(), per_page=ARTICLES_PER_PAGE, name="articles"
        )

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(SharedWithTranslationsMixin, Page):
    """One news article."""

    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        help_text=_("The date the article is about, shown with it; the news are sorted by it."),
    )
    lead = models.TextField(
        _("lead paragraph"),
        max_length=400,
        help_text=_("One or two sentences: shown in lists, feeds and when shared."),
    )
    main_image = models.ForeignKey(
        SiteImage,
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    author_name = models.CharField(_("author"), max_length=120, blank=True)
    # Terms are chosen in Latvian and shown in the page's language (see TaxonomyTerm).
    priority_areas = ParentalManyToManyField(
        PriorityArea,
        verbose_name=_("priority areas"),
        blank=True,
        related_name="news_pages",
        limit_choices_to=in_default_language,
    )
    tags = ParentalManyToManyField(
        NewsTag,
        verbose_name=_("tags"),
        blank=True,
        related_name="news_pages",
        limit_choices_to=in_default_language,
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
        limit_choices_to=in_default_language,
        help_text=_("Leave empty for news of the whole country."),
    )

    # The English article keeps the Latvian choices; they are shown by their English names.
    fields_shared_with_translations = ("date", "region", "priority_areas", "tags")
    override_translatable_fields = [
        SynchronizedField("priority_areas"),
        SynchronizedField("tags"),
        SynchronizedField("region"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("main_image"),
        FieldPanel("body"),
        FieldPanel("author_name"),
        MultiFieldPanel(
            [
                FieldPanel("priority_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags", widget=forms.CheckboxSelectMultiple),
                FieldPanel("region"),
            ],
            heading=_("Topics"),
        ),
        InlinePanel(
            "related_article_links",
            label=_("Related articles"),
            max_num=RELATED_ARTICLES,
            help_text=_("Leave empty to show the newest articles on the same topics."),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("author_name"),
        APIField("main_image", serializer=ImageRenditionField("fill-1200x630")),
        APIField(
            "main_image_thumbnail",
            serializer=ImageRenditionField("fill-400x250", source="main_image"),
        ),
        APIField("body", serializer=localized_stream()),
        APIField("priority_areas", serializer=LocalizedTermsField()),
        APIField("tags", serializer=LocalizedTermsField()),
        APIField("region", serializer=LocalizedTermsField(many=False)),
    ]
    api_select_related = ["main_image", "region"]
    api_prefetch_related = ["main_image__renditions", "priority_areas", "tags"]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # Lists are sorted by date: the newest twelve of thousands without reading them all.
        indexes = [models.Index(fields=["date"], name="news_page_date_idx")]

    @property
    def published_at(self):
        """The article's date as a moment, for feeds and OpenGraph."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(12)))

    def related_articles(self, areas=None, tags=None, index=None):
        """The editor's choice, else the newest articles sharing a priority area or a tag."""
        chosen = [link.article_id for link in self.related_article_links.all()]
        siblings = NewsPage.objects.live().public().exclude(pk=self.pk)
        if chosen:
            # Chosen in Latvian: shown in this page's language where translated, in order.
            originals = NewsPage.objects.filter(pk__in=chosen).in_bulk()
            keys = [originals[pk].translation_key for pk in chosen if pk in originals]
            found = {
                article.translation_key: article
                for article in siblings.filter(translation_key__in=keys, locale_id=self.locale_id)
            }
            return [found[key] for key in keys if key in found]
        areas = [area.pk for area in (self.priority_areas.all() if areas is None else areas)]
        tags = [tag.pk for tag in (self.tags.all() if tags is None else tags)]
        # Counted only for what the article has: an empty "in" would match no article at all.
        shared = [
            Count(field, filter=Q(**{f"{field}__in": chosen}), distinct=True)
            for field, chosen in (("priority_areas", areas), ("tags", tags))
            if chosen
        ]
        if not shared:
            return []
        # child_of, not sibling_of: also in the preview of an article not yet saved
        related = (
            siblings.child_of(index or self.get_parent())
            .annotate(shared=sum(shared[1:], shared[0]))
            .filter(shared__gt=0)
            .order_by("-shared", "-date", "-pk")
        )
        return list(page_cache.with_card_pictures(related, "main_image")[:RELATED_ARTICLES])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        areas, tags = list(self.priority_areas.all()), list(self.tags.all())
        context["priority_areas"] = PriorityArea.objects.translated_for(areas, self.locale_id)
        context["tags"] = NewsTag.objects.translated_for(tags, self.locale_id)
        context["region"] = (
            Region.objects.translated_for([self.region], self.locale_id)[0]
            if self.region_id
            else None
        )
        index = self.get_parent().specific
        # Read only when the related news are not kept as a fragment (news_page.html).
        context["related_articles"] = SimpleLazyObject(
            lambda: self.related_articles(areas, tags, index)
        )
        context["news_index"] = index
        return context


class NewsPageRelatedArticle(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_article_links")
    article = models.ForeignKey(
        NewsPage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article", page_type="news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
