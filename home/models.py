from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    WagtailImageField,
    WagtailImageFieldFile,
    get_upload_to,
)
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import page_cache
from home.blocks import BodyStreamBlock
from home.photos import strip_image_metadata
from home.serializers import localized_rich_text, localized_stream

# Images -----------------------------------------------------------------------------------


class MetadataFreeImageFieldFile(WagtailImageFieldFile):
    """Every write of an image file goes through here, whichever admin view started it."""

    def save(self, name, content, save=True):
        clean = strip_image_metadata(content, name)
        super().save(clean.name, clean.content, save)


class MetadataFreeImageField(WagtailImageField):
    attr_class = MetadataFreeImageFieldFile


class SiteImage(AbstractImage):
    """An image of the site: stored without metadata, with alt text and the photographer."""

    file = MetadataFreeImageField(
        verbose_name=_("file"),
        upload_to=get_upload_to,
        width_field="width",
        height_field="height",
    )
    description = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        default="",
        help_text=_(
            "What the picture shows, for people who cannot see it (read aloud by screen "
            "readers). Required."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source, shown beside the image."),
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "credit",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]

    api_fields = [
        APIField("alt"),
        APIField("credit"),
        APIField("thumbnail", serializer=ImageRenditionField("fill-400x300", source="*")),
        APIField("large", serializer=ImageRenditionField("max-1600x1600", source="*")),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def alt(self):
        return self.description or self.title

    def save(self, *args, **kwargs):
        # A freshly uploaded file is cleaned before Wagtail records its size and hash.
        if self.file and not self.file._committed:
            self.file.save(self.file.name, self.file.file, save=False)
            self._set_image_file_metadata()
        super().save(*args, **kwargs)


class SiteImageRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# Taxonomy ---------------------------------------------------------------------------------


def in_default_language():
    """The terms an editor picks from: the Latvian ones (pages show them translated)."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class TaxonomyTermQuerySet(models.QuerySet):
    def choices_in(self, locale_id):
        """(slug, name) of every term pages choose from, named in one language: for filters.

        Pages carry the Latvian terms, so those are the choices; a term not translated yet
        keeps its Latvian name rather than leaving English pages' links without a filter.
        """
        return page_cache.remembered(
            "term-choices", lambda: self._choices_in(locale_id), self.model._meta.label, locale_id
        )

    def _choices_in(self, locale_id):
        terms = self.filter(
            Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
        ).select_related("locale")
        translated = {t.translation_key: t.name for t in terms if t.locale_id == locale_id}
        return [
            (term.slug, translated.get(term.translation_key, term.name))
            for term in terms
            if term.locale.language_code == settings.LANGUAGE_CODE
        ]

    def translated_for(self, terms, locale_id):
        """These terms as named in one language, in the same order.

        Pages keep the Latvian terms their editor chose, also in their English translation
        (wagtail-localize cannot translate many-to-many choices), and show them through this.
        A term not yet translated is shown as it is.
        """
        terms = [term for term in terms if term is not None]
        if all(term.locale_id == locale_id for term in terms):
            return terms
        found = {
            term.translation_key: term
            for term in self.filter(
                locale_id=locale_id, translation_key__in=[term.translation_key for term in terms]
            )
        }
        return [found.get(term.translation_key, term) for term in terms]


class SharedWithTranslationsMixin:
    """A page some of whose fields are always those of its Latvian original.

    Facts (dates, numbers, kinds) and taxonomy choices are edited on the Latvian page only.
    wagtail-localize copies them to a translation when an editor syncs it, and copies
    many-to-many choices only when there are some: a deadline moved or a topic removed in
    Latvian would stay wrong in English meanwhile. `share_with_translations` runs on every
    publish (home.signals) and gives each translation the original's values.
    """

    fields_shared_with_translations = ()  # field names: plain, foreign keys, many-to-many

    def share_with_translations(self):
        model = type(self)
        default = Locale.get_default()
        # Aliases are kept up to date by Wagtail itself.
        versions = model.objects.filter(translation_key=self.translation_key, alias_of=None)
        is_source = self.locale_id == default.pk
        source = self if is_source else versions.filter(locale=default).first()
        if source is None or not source.live:
            return
        fields = [model._meta.get_field(name) for name in self.fields_shared_with_translations]
        wanted = {
            field.name: set(getattr(source, field.name).all())
            if field.many_to_many
            else getattr(source, field.attname)
            for field in fields
        }
        for version in versions.exclude(pk=source.pk):
            changed = []
            for field in fields:
                if field.many_to_many:
                    if set(getattr(version, field.name).all()) != wanted[field.name]:
                        getattr(version, field.name).set(wanted[field.name])
                        changed.append(field.name)
                elif getattr(version, field.attname) != wanted[field.name]:
                    setattr(version, field.attname, wanted[field.name])
                    changed.append(field.name)
            if changed:
                version.save(clean=False, update_fields=changed)


class TaxonomyTerm(TranslatableMixin, models.Model):
    """A term content is tagged with, named in each language, with one slug for all of them."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    override_translatable_fields = [SynchronizedField("slug")]

    objects = TaxonomyTermQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_%(app_label)s_%(class)s_slug"
            ),
        ]

    def __str__(self):
        return self.name


class PriorityArea(TaxonomyTerm):
    """One of the strategy's seven priority areas; news, events and projects are tagged with it."""

    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")


class Region(TaxonomyTerm):
    """One of Latvia's five planning regions."""

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class MunicipalityQuerySet(models.QuerySet):
    def in_region(self, slug):
        return self.filter(region__slug=slug)


class Municipality(models.Model):
    """One of Latvia's 43 municipalities (36 novadi and 7 state cities) since the 2021 reform.

    Reference data seeded by a migration, not content: a place has one official name in each
    language and belongs to one of the five planning regions (the Latvian region term).
    """

    class Kind(models.TextChoices):
        MUNICIPALITY = "novads", _("municipality")
        STATE_CITY = "valstspilseta", _("state city")

    name_lv = models.CharField(_("name in Latvian"), max_length=100, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("planning region"),
        on_delete=models.PROTECT,
        related_name="municipalities",
        limit_choices_to=in_default_language,
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name_lv"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the language of the page being shown."""
        if get_language() == "en":
            return self.name_en
        return self.name_lv


# Site settings ------------------------------------------------------------------------------


@register_setting(icon="mail")
class OrganisationSettings(BaseSiteSetting):
    """Contacts and social-network links shown in every page's footer."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Biedrība „Latvijas Mazpulki”"
    )
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("organisation_name"),
                    FieldPanel("registration_number"),
                    FieldPanel("address"),
                    FieldPanel("email"),
                    FieldPanel("phone"),
                ],
                heading=_("Contacts"),
            ),
            ObjectList(
                [
                    FieldPanel("facebook_url"),
                    FieldPanel("instagram_url"),
                    FieldPanel("youtube_url"),
                    FieldPanel("tiktok_url"),
                ],
                heading=_("Social networks"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("organisation details")

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("TikTok", self.tiktok_url),
        ]
        return [(name, url) for name, url in links if url]


# Pages --------------------------------------------------------------------------------------


class HomePage(Page):
    """The front page: who we are, the call to join and the seven priority areas."""

    hero_heading = models.CharField(_("hero heading"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        SiteImage,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    join_heading = models.CharField(_("join heading"), max_length=120, blank=True)
    join_text = models.TextField(_("join text"), blank=True)
    join_link_label = models.CharField(_("join button label"), max_length=60, blank=True)
    join_page = models.ForeignKey(
        Page,
        verbose_name=_("join page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    priority_areas_heading = models.CharField(
        _("priority areas heading"), max_length=120, blank=True
    )
    priority_areas_intro = models.TextField(_("priority areas introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("more sections"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("join_heading"),
                FieldPanel("join_text"),
                FieldPanel("join_link_label"),
                FieldPanel("join_page"),
            ],
            heading=_("Call to join"),
        ),
        MultiFieldPanel(
            [FieldPanel("priority_areas_heading"), FieldPanel("priority_areas_intro")],
            heading=_("Priority areas"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("hero_image", serializer=ImageRenditionField("fill-1600x900")),
        APIField("intro", serializer=localized_rich_text()),
        APIField("join_heading"),
        APIField("join_text"),
        APIField("join_link_label"),
        APIField("join_page"),
        APIField("priority_areas_heading"),
        APIField("priority_areas_intro"),
        APIField("body", serializer=localized_stream()),
    ]

    # One home per language tree, directly under the root.
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        if self.join_link_label and not self.join_page:
            raise ValidationError({"join_page": _("Choose the page the join button leads to.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["priority_areas"] = PriorityArea.objects.filter(locale_id=self.locale_id)
        return context


class SectionIndexPage(Page):
    """The top page of a section (news, events, …): a title, an introduction, its children."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    def render_list(self, request, form, pages, *, per_page, name, **context):
        """A filtered page of this section's pages shown as cards (with their main image).

        The filter form, whether it filters and the page of results are in the context, the
        pages themselves under `name`.
        """
        found = page_cache.with_card_pictures(form.filter(pages), "main_image")
        paginator = Paginator(found, per_page)
        # Counting thousands of pages is a list's dearest query: kept like the cards.
        paginator.count = page_cache.remembered("list-count", found.count, found.query)
        page_obj = paginator.get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "filtered": form.is_filtered,
                "page_obj": page_obj,
                name: page_obj.object_list,
                **context,
            },
        )


class ContentPage(Page):
    """A page of text and pictures: "About us", "How to join", the history, contacts."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [APIField("intro"), APIField("body", serializer=localized_stream())]

    class Meta:
        verbose_name = _("content page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = Page.objects.ancestor_of(self).filter(depth__gte=2)
        context["subpages"] = self.get_children().live().public()
        return context
