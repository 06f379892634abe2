"""International opportunities: youth exchanges, training courses, volunteering abroad.

Whether an opportunity is open is never stored: it is read from its application deadline and
today's date in Riga on every request, so an opportunity closes by itself, with no job to
run and nothing for an editor to do, and stays readable in the archive.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import page_cache
from home.blocks import BodyStreamBlock
from home.models import (
    PriorityArea,
    SectionIndexPage,
    SharedWithTranslationsMixin,
    SiteImage,
    in_default_language,
)
from home.serializers import LocalizedTermsField, localized_stream
from opportunities.countries import COUNTRIES
from opportunities.serializers import LocalizedChoiceField

OPPORTUNITIES_PER_PAGE = 12
OLDEST_AGE = 99

# Facts, not words: the English page always has the Latvian page's (SharedWithTranslationsMixin).
FACT_FIELDS = (
    "opportunity_type",
    "country",
    "start_date",
    "end_date",
    "application_deadline",
    "min_age",
    "max_age",
    "covers_travel",
    "covers_stay",
    "covers_fee",
)


def today():
    """Today in Riga (settings.TIME_ZONE): the one "today" every deadline is compared with.

    The deadline is the last day to apply: an opportunity is open until the end of that day,
    Riga time (23:59:59), and closed from midnight on. Everything that asks "is it open?"
    goes through here, so tests can set the date.
    """
    return timezone.localdate()


class OpportunityType(models.TextChoices):
    # Values appear in filter addresses (?type=youth-exchange), the same in both languages.
    YOUTH_EXCHANGE = "youth-exchange", _("Youth exchange")
    TRAINING_COURSE = "training-course", _("Training course")
    VOLUNTEERING = "volunteering", _("Volunteering abroad")
    CONFERENCE = "conference", _("Conference")
    CAMP = "camp", _("Camp abroad")
    OTHER = "other", _("Other opportunity")


class OpportunityPageQuerySet(PageQuerySet):
    def open(self):
        """Still taking applications: the deadline is today or later."""
        return self.filter(application_deadline__gte=today())

    def closed(self):
        """Past their deadline: the archive."""
        return self.filter(application_deadline__lt=today())

    def nearest_deadline_first(self):
        return self.order_by("application_deadline", "start_date", "pk")

    def newest_first(self):
        return self.order_by("-application_deadline", "-start_date", "-pk")

    def for_age(self, age):
        """Open to a person of this age: min_age <= age <= max_age (an empty limit: none)."""
        return self.filter(
            models.Q(min_age__isnull=True) | models.Q(min_age__lte=age),
            models.Q(max_age__isnull=True) | models.Q(max_age__gte=age),
        )

    def with_cards(self):
        """What a list of cards reads, in a fixed number of queries however long the list."""
        return page_cache.with_card_pictures(self, "main_image")


OpportunityPageManager = PageManager.from_queryset(OpportunityPageQuerySet)


class OpportunityIndexPage(RoutablePageMixin, SectionIndexPage):
    """The opportunities section: the open ones by nearest deadline, the past ones archived."""

    subpage_types = ["opportunities.OpportunityPage"]

    class Meta:
        verbose_name = _("international opportunities index")

    def opportunities(self):
        """The live, public opportunities of this section, open or not."""
        return OpportunityPage.objects.child_of(self).live().public()

    def open_opportunities(self):
        return self.opportunities().open().nearest_deadline_first()

    def past_opportunities(self):
        return self.opportunities().closed().newest_first()

    def archive_path(self, language=None):
        """The archive's route in this page's language ("arhivs/" or "archive/")."""
        with translation.override(language or self.locale.language_code):
            return self.reverse_subpage("archive")

    def archive_url(self, request=None):
        return self.get_url(request) + self.archive_path()

    def list_view(self, request, opportunities, *, archive):
        from opportunities.forms import OpportunityFilterForm

        form = OpportunityFilterForm(request.GET or None, index=self)
        archive_path, url = self.archive_path(), self.get_url(request)
        # An English alias of an untranslated index is canonical at the Latvian original.
        original = self.alias_of if self.alias_of_id else self
        canonical = original.get_full_url(request)
        if archive:
            canonical += self.archive_path(original.locale.language_code)
        return self.render_list(
            request,
            form,
            opportunities,
            per_page=OPPORTUNITIES_PER_PAGE,
            name="opportunities",
            archive=archive,
            list_url=url + archive_path if archive else url,
            archive_url=url + archive_path,
            canonical_url=canonical,
        )

    @path("")
    def index(self, request):
        return self.list_view(request, self.open_opportunities(), archive=False)

    # A translated route: "arhivs/" in Latvian, "archive/" in English.
    @path(_("archive/"), name="archive")
    def archive(self, request):
        return self.list_view(request, self.past_opportunities(), archive=True)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from opportunities.feeds import OpenOpportunitiesFeed

        return OpenOpportunitiesFeed(self)(request)


class OpportunityPage(SharedWithTranslationsMixin, Page):
    """One opportunity abroad: what, where, when, for whom, what is paid and how to apply."""

    opportunity_type = models.CharField(_("type"), max_length=20, choices=OpportunityType.choices)
    country = models.CharField(
        _("host country"),
        max_length=5,
        choices=COUNTRIES,
        help_text=_("Where it takes place."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day activity.")
    )
    application_deadline = models.DateField(
        _("application deadline"),
        help_text=_(
            "The last day to apply: applications are open until the end of this day (Riga "
            "time). The next day the opportunity shows as closed and moves to the archive."
        ),
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(OLDEST_AGE)],
        help_text=_("Leave empty if there is no lower limit."),
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(OLDEST_AGE)],
        help_text=_("Leave empty if there is no upper limit."),
    )
    covers_travel = models.BooleanField(_("travel costs are covered"), default=False)
    covers_stay = models.BooleanField(_("accommodation and meals are covered"), default=False)
    covers_fee = models.BooleanField(
        _("no participation fee"),
        default=False,
        help_text=_("Tick if there is no fee to pay or the fee is covered."),
    )
    covered_note = models.CharField(
        _("note on costs"),
        max_length=300,
        blank=True,
        help_text=_("E.g. “Travel reimbursed up to 275 EUR by the Erasmus+ distance bands.”"),
    )
    partner_name = models.CharField(
        _("partner organisation"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Rural Youth Europe."),
    )
    partner_url = models.URLField(_("partner's website"), blank=True)
    apply_url = models.URLField(
        _("application form"), blank=True, help_text=_("A link to the application form.")
    )
    apply_email = models.EmailField(
        _("application e-mail"),
        blank=True,
        help_text=_("Where to send an application. Give this, a link, or both."),
    )
    lead = models.TextField(
        _("summary"),
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
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    # Chosen in Latvian and shown in the page's language (see TaxonomyTerm).
    priority_areas = ParentalManyToManyField(
        PriorityArea,
        verbose_name=_("priority areas"),
        blank=True,
        related_name="opportunity_pages",
        limit_choices_to=in_default_language,
    )

    objects = OpportunityPageManager()

    # Facts and choices follow the Latvian page at once (see SharedWithTranslationsMixin):
    # a deadline moved in Latvian closes the English page on the same day.
    fields_shared_with_translations = (*FACT_FIELDS, "priority_areas")
    override_translatable_fields = [
        SynchronizedField("priority_areas"),
        SynchronizedField("opportunity_type", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("partner_name"),  # a proper name; a translator may still adapt it
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opportunity_type"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("application_deadline"),
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
            ],
            heading=_("The opportunity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("covers_travel"),
                FieldPanel("covers_stay"),
                FieldPanel("covers_fee"),
                FieldPanel("covered_note"),
            ],
            heading=_("What is covered"),
        ),
        MultiFieldPanel(
            [FieldPanel("apply_url"), FieldPanel("apply_email")],
            heading=_("How to apply"),
        ),
        MultiFieldPanel(
            [FieldPanel("partner_name"), FieldPanel("partner_url")],
            heading=_("Partner organisation"),
        ),
        FieldPanel("main_image"),
        FieldPanel("body"),
        FieldPanel("priority_areas", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("partner_name"),
        index.SearchField("covered_note"),
        index.FilterField("application_deadline"),
        index.FilterField("opportunity_type"),
        index.FilterField("country"),
    ]

    api_fields = [
        APIField("lead"),
        APIField("opportunity_type", serializer=LocalizedChoiceField()),
        APIField("country", serializer=LocalizedChoiceField()),
        APIField("start_date"),
        APIField("end_date"),
        APIField("application_deadline"),
        APIField("is_open"),
        APIField("min_age"),
        APIField("max_age"),
        APIField("covers_travel"),
        APIField("covers_stay"),
        APIField("covers_fee"),
        APIField("covered_note"),
        APIField("partner_name"),
        APIField("partner_url"),
        APIField("apply_url"),
        APIField("apply_email"),
        APIField("main_image", serializer=ImageRenditionField("fill-1200x630")),
        APIField(
            "main_image_thumbnail",
            serializer=ImageRenditionField("fill-400x250", source="main_image"),
        ),
        APIField("body", serializer=localized_stream()),
        APIField("priority_areas", serializer=LocalizedTermsField()),
    ]
    api_select_related = ["main_image"]
    api_prefetch_related = ["main_image__renditions", "priority_areas"]

    parent_page_types = ["opportunities.OpportunityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("international opportunity")
        verbose_name_plural = _("international opportunities")
        # Lists are sorted by the application deadline.
        indexes = [models.Index(fields=["application_deadline"], name="opportunity_deadline_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if not self.apply_url and not self.apply_email:
            message = _("Give a link to the application form or an e-mail address (or both).")
            errors["apply_url"] = message
            errors["apply_email"] = message
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = _("The maximum age cannot be lower than the minimum age.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if errors:
            raise ValidationError(errors)

    # What is shown ------------------------------------------------------------------------

    @property
    def is_open(self):
        """Applications accepted: today (in Riga) is the deadline or before it."""
        return self.application_deadline is not None and self.application_deadline >= today()

    @property
    def closes_today(self):
        return self.application_deadline == today()

    @property
    def last_day(self):
        """The last day of the activity (the start date for a one-day activity)."""
        return self.end_date or self.start_date

    def age_range_display(self):
        values = {"min": self.min_age, "max": self.max_age}
        if self.min_age is not None and self.max_age is not None:
            return _("%(min)s to %(max)s years old") % values
        if self.min_age is not None:
            return _("%(min)s years and older") % values
        if self.max_age is not None:
            return _("up to %(max)s years old") % values
        return _("No age limit")

    def coverage(self):
        """(what, covered?) for the three costs a participant asks about."""
        return [
            (_("Travel"), self.covers_travel),
            (_("Accommodation and meals"), self.covers_stay),
            (_("Participation fee"), self.covers_fee),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        areas = list(self.priority_areas.all())
        context["priority_areas"] = PriorityArea.objects.translated_for(areas, self.locale_id)
        context["opportunity_index"] = self.get_parent().specific
        return context
