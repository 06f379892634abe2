import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyStreamBlock
from home.models import (
    PriorityArea,
    Region,
    SectionIndexPage,
    SharedWithTranslationsMixin,
    SiteImage,
    in_default_language,
)
from home.serializers import LocalizedTermsField, localized_stream

EVENTS_PER_PAGE = 12


def start_of_today():
    """Midnight in Riga: an event that ends at any time today is still upcoming."""
    today = timezone.localdate()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))


class EventKind(models.TextChoices):
    CAMP = "camp", _("Camp")
    SEMINAR = "seminar", _("Seminar")
    PROJECT_FORUM = "project_forum", _("Project forum")
    CONFERENCE = "conference", _("Conference")
    SPORTS_GAMES = "sports_games", _("Sports games")
    HIKE = "hike", _("Hike")
    FESTIVAL = "festival", _("Festival")
    TRAINING = "training", _("Training")
    COUNCIL_MEETING = "council_meeting", _("Council meeting")
    # The strategy counts these two apart: events to win new members, and events telling
    # members about international opportunities.
    RECRUITMENT = "recruitment", _("Recruitment event")
    INFORMATION = "information", _("Information on international opportunities")
    OTHER = "other", _("Other")


class EventScale(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    CLUB = "club", _("Club")
    INTERNATIONAL = "international", _("International")


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The events: what is coming first, what has been in an archive; filters and calendars."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events index")

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def upcoming(self):
        """Events not yet over, soonest first (one that ends today is still upcoming)."""
        return self.events().filter(end__gte=start_of_today()).order_by("start", "pk")

    def past(self):
        return self.events().filter(end__lt=start_of_today()).order_by("-start", "-pk")

    def listing(self, request, events, *, archive):
        from events.forms import EventFilterForm

        form = EventFilterForm(request.GET or None, index=self, events=events)
        return self.render_list(
            request, form, events, per_page=EVENTS_PER_PAGE, name="events", archive=archive
        )

    @path("")
    def upcoming_view(self, request):
        return self.listing(request, self.upcoming(), archive=False)

    # A translated route: "arhivs/" in Latvian, "archive/" in English.
    @path(_("archive/"), name="archive")
    def archive_view(self, request):
        return self.listing(request, self.past(), archive=True)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from events.feeds import UpcomingEventsFeed

        return UpcomingEventsFeed(self)(request)

    @path("ical/", name="calendar")
    def calendar(self, request):
        from events.calendar import calendar_response

        return calendar_response(request, self.upcoming(), self.title, "mazpulki-events.ics")


class EventPage(SharedWithTranslationsMixin, RoutablePageMixin, Page):
    """One event: when, where (or online), what kind and for whom."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
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
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    scale = models.CharField(_("scale"), max_length=20, choices=EventScale.choices)
    online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Required unless online.")
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        limit_choices_to=in_default_language,
    )
    priority_areas = ParentalManyToManyField(
        PriorityArea,
        verbose_name=_("priority areas"),
        blank=True,
        related_name="events",
        limit_choices_to=in_default_language,
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("How many people can take part.")
    )
    registration_info = models.TextField(_("how to register"), blank=True)
    registration_url = models.URLField(_("registration address"), blank=True)
    training_hours = models.DecimalField(
        _("training hours for leaders"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Qualification hours credited to club leaders who attend, if any."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)

    # Facts and choices follow the Latvian event at once (see SharedWithTranslationsMixin).
    fields_shared_with_translations = (
        "start",
        "end",
        "kind",
        "scale",
        "online",
        "capacity",
        "training_hours",
        "registration_url",
        "address",
        "municipality",
        "region",
        "priority_areas",
    )
    override_translatable_fields = [
        SynchronizedField("priority_areas"),
        SynchronizedField("region"),
        SynchronizedField("address"),
        SynchronizedField("municipality"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("online"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("region")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("scale")]),
                FieldPanel("priority_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("capacity"),
                FieldPanel("training_hours"),
            ],
            heading=_("What"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_info"), FieldPanel("registration_url")],
            heading=_("Registration"),
        ),
        FieldPanel("main_image"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("venue"),
        index.SearchField("municipality"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("lead"),
        APIField("kind"),
        APIField("scale"),
        APIField("online"),
        APIField("venue"),
        APIField("address"),
        APIField("municipality"),
        APIField("region", serializer=LocalizedTermsField(many=False)),
        APIField("priority_areas", serializer=LocalizedTermsField()),
        APIField("capacity"),
        APIField("registration_info"),
        APIField("registration_url"),
        APIField("training_hours"),
        APIField("main_image", serializer=ImageRenditionField("fill-1200x630")),
        APIField(
            "main_image_thumbnail",
            serializer=ImageRenditionField("fill-400x250", source="main_image"),
        ),
        APIField("body", serializer=localized_stream()),
    ]
    api_select_related = ["main_image", "region"]
    api_prefetch_related = ["main_image__renditions", "priority_areas"]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Lists are sorted by start.
        indexes = [models.Index(fields=["start"], name="events_page_start_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("An event cannot end before it starts.")
        if not self.online and not self.venue:
            errors["venue"] = _("Give the place, or mark the event as online.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.end < start_of_today()

    @property
    def takes_registrations(self):
        """Whether the page invites people to register: a coming event with a way to do it."""
        return not self.is_past and bool(self.registration_info or self.registration_url)

    @property
    def is_multi_day(self):
        return timezone.localtime(self.start).date() != timezone.localtime(self.end).date()

    @path("ical/", name="calendar")
    def calendar(self, request):
        from events.calendar import calendar_response

        return calendar_response(request, [self], self.title, f"{self.slug}.ics")

    @path("")
    def detail(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["priority_areas"] = PriorityArea.objects.translated_for(
            list(self.priority_areas.all()), self.locale_id
        )
        context["region"] = (
            Region.objects.translated_for([self.region], self.locale_id)[0]
            if self.region_id
            else None
        )
        context["events_index"] = self.get_parent()
        return context
