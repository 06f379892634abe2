from itertools import groupby

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from home import page_cache
from home.models import SectionIndexPage, SharedWithTranslationsMixin, SiteImage
from home.serializers import DocumentFileField, RawStreamField
from newspaper.blocks import ContentsEntryBlock

ISSUES_PER_YEAR = 3  # the strategy: "Mazpulks" comes out three times a year
PDF_SIGNATURE = b"%PDF-"


def current_year():
    return timezone.localdate().year


class NewspaperIndexPage(SectionIndexPage):
    """The archive of the newspaper "Mazpulks", by year."""

    subpage_types = ["newspaper.NewspaperIssuePage"]

    class Meta:
        verbose_name = _("newspaper archive")

    def issues(self):
        return (
            NewspaperIssuePage.objects.child_of(self).live().public().order_by("-year", "-number")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        issues = page_cache.with_card_pictures(self.issues(), "cover_image")
        years = [(year, list(group)) for year, group in groupby(issues, key=lambda i: i.year)]
        this_year = current_year()
        context["years"] = years
        context["this_year"] = this_year
        context["issues_this_year"] = sum(len(group) for year, group in years if year == this_year)
        context["issues_per_year"] = ISSUES_PER_YEAR
        return context


class NewspaperIssuePage(SharedWithTranslationsMixin, Page):
    """One issue of "Mazpulks": its PDF, cover and table of contents."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        default=current_year,
        validators=[MinValueValidator(1928), MaxValueValidator(2200)],
    )
    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("The issue's number within its year."),
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    theme = models.CharField(
        _("theme"), max_length=200, blank=True, help_text=_("The issue's main theme, if any.")
    )
    cover_image = models.ForeignKey(
        SiteImage,
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Required to publish (or to submit for approval); a draft may wait for the file.
    pdf = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("PDF"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The whole issue as one PDF file."),
    )
    # The English issue is the same issue: its facts follow the Latvian page at once.
    fields_shared_with_translations = ("year", "number", "publication_date", "cover_image", "pdf")

    contents = StreamField(
        [("article", ContentsEntryBlock())],
        verbose_name=_("table of contents"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("number")]),
                FieldPanel("publication_date"),
                FieldPanel("theme"),
            ],
            heading=_("Issue"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("pdf"),
        FieldPanel("contents"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("theme"),
        index.SearchField("contents"),
        index.FilterField("year"),
    ]

    api_fields = [
        APIField("year"),
        APIField("number"),
        APIField("publication_date"),
        APIField("theme"),
        APIField("cover_image", serializer=ImageRenditionField("max-800x1200")),
        APIField(
            "cover_thumbnail", serializer=ImageRenditionField("fill-300x420", source="cover_image")
        ),
        APIField("pdf", serializer=DocumentFileField()),
        # Entries as stored: "article" is the id of the linked (Latvian) news page.
        APIField("contents", serializer=RawStreamField()),
    ]
    api_select_related = ["cover_image", "pdf"]
    api_prefetch_related = ["cover_image__renditions"]

    parent_page_types = ["newspaper.NewspaperIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newspaper issue")
        verbose_name_plural = _("newspaper issues")
        indexes = [models.Index(fields=["year", "number"], name="newspaper_issue_number_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if self.year and self.number:
            same_number = (
                NewspaperIssuePage.objects.filter(
                    locale_id=self.locale_id, year=self.year, number=self.number
                )
                .exclude(translation_key=self.translation_key)
                .first()
            )
            if same_number is not None:
                errors["number"] = _(
                    "Issue No. %(number)s of %(year)s already exists: “%(title)s”."
                ) % {"number": self.number, "year": self.year, "title": same_number.title}
        if self.pdf_id and not is_pdf(self.pdf):
            errors["pdf"] = _("The file is not a PDF: choose the issue's PDF file.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contents"] = self.contents_with_articles()
        context["archive"] = self.get_parent()
        return context

    def contents_with_articles(self):
        """The table of contents, each entry with its article in this page's language.

        Entries link to the Latvian articles (the English issue keeps its source's links);
        the translations are found in one query, untranslated or unpublished ones left out.
        """
        entries = [entry.value for entry in self.contents]
        keys = [entry["article"].translation_key for entry in entries if entry["article"]]
        articles = {}
        if keys:
            articles = {
                page.translation_key: page
                for page in Page.objects.live()
                .public()
                .filter(translation_key__in=keys, locale_id=self.locale_id)
            }
        return [
            (entry, articles.get(entry["article"].translation_key) if entry["article"] else None)
            for entry in entries
        ]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The page shows the PDF in an <object>, from this site only (browsers check it as
        # an object and, showing a document, as a frame).
        response._csp_replace = {"object-src": ["'self'"]}
        response._csp_update = {"frame-src": ["'self'"]}
        return response


def is_pdf(document):
    """Whether the document's file is a PDF by its content, not by its name."""
    try:
        with document.file.open("rb") as file:
            return file.read(len(PDF_SIGNATURE)) == PDF_SIGNATURE
    except (OSError, ValueError):
        return False
