import contextlib
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from brandbook import colours
from brandbook.blocks import COLOUR_ROLES, BrandbookStreamBlock
from brandbook.serializers import PaletteField, PromoItemsField
from home.models import SiteImage
from home.serializers import localized_stream

MAX_QUANTITY = 500


# Translations --------------------------------------------------------------------------------


class SourceQuerySet(models.QuerySet):
    def source(self):
        """The Latvian objects: the ones with the values (colour, price) that count."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)

    def translated(self, locale_id):
        """The Latvian objects, each with `.shown`: itself as named in one language.

        Editors keep the values in Latvian and translate the words; a page shows the
        Latvian object's values with its translation's words (or the Latvian ones, where
        not translated yet). Two queries whatever the number of objects.
        """
        objects = list(self.source())
        found = {}
        if any(obj.locale_id != locale_id for obj in objects):
            found = {
                obj.translation_key: obj
                for obj in self.model.objects.filter(
                    locale_id=locale_id,
                    translation_key__in=[obj.translation_key for obj in objects],
                )
            }
        for obj in objects:
            obj.shown = found.get(obj.translation_key, obj)
        return objects


class SourceValuesMixin:
    """Values that are the same in every language are copied from Latvian to translations.

    wagtail-localize copies synchronised fields only when a translation is updated; this
    keeps the admin's lists and the API right as soon as the Latvian object is saved.
    """

    synchronised_fields = ()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.locale.language_code == settings.LANGUAGE_CODE:
            values = {name: getattr(self, name) for name in self.synchronised_fields}
            type(self).objects.filter(translation_key=self.translation_key).exclude(
                pk=self.pk
            ).update(**values)


# The palette ---------------------------------------------------------------------------------


def validate_hex(value):
    try:
        colours.normalise_hex(value)
    except ValueError as error:
        raise ValidationError(
            _("Enter the colour as # and six hexadecimal digits, e.g. #17602e."), code="hex"
        ) from error


def validate_cmyk(value):
    try:
        colours.parse_cmyk(value)
    except ValueError as error:
        raise ValidationError(
            _("Enter four percentages from 0 to 100 (C M Y K), e.g. 76 0 52 62."), code="cmyk"
        ) from error


class BrandColour(SourceValuesMixin, TranslatableMixin, models.Model):
    """A colour of the brand: shown in the brandbook and used by the site's own CSS.

    The Latvian colour is the source: its `css_name` becomes the CSS custom property
    `--color-<css_name>` of every page (see views.brand_colours_css).
    """

    name = models.CharField(_("name"), max_length=80)
    css_name = models.CharField(
        _("CSS name"),
        max_length=40,
        validators=[
            RegexValidator(
                r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$",
                _("Lower-case letters, digits and single hyphens, starting with a letter."),
            )
        ],
        help_text=_(
            "The site's styles use it as --color-<name>: renaming one the styles use "
            "changes how the site looks."
        ),
    )
    hex = models.CharField(_("HEX"), max_length=7, validators=[validate_hex])
    role = models.CharField(_("kind"), max_length=20, choices=COLOUR_ROLES, default="brand")
    usage = models.TextField(_("what it is used for"), blank=True)
    cmyk = models.CharField(
        _("CMYK"),
        max_length=40,
        blank=True,
        validators=[validate_cmyk],
        help_text=_("For print, from the designer (C M Y K). Empty: an approximation is shown."),
    )
    pantone = models.CharField(_("Pantone"), max_length=40, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    synchronised_fields = ("css_name", "hex", "role", "cmyk", "pantone", "sort_order")
    override_translatable_fields = [
        SynchronizedField("css_name"),
        SynchronizedField("hex"),
        SynchronizedField("cmyk"),
        SynchronizedField("pantone"),
    ]

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("hex"), FieldPanel("css_name")]),
        FieldPanel("role"),
        FieldPanel("usage"),
        FieldRowPanel([FieldPanel("cmyk"), FieldPanel("pantone")]),
        FieldPanel("sort_order"),
    ]

    objects = SourceQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("brand colour")
        verbose_name_plural = _("brand colours")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "css_name"], name="unique_brandbook_colour_css_name"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.hex})"

    def clean(self):
        super().clean()
        # Stored in one spelling; a value that is not a colour is reported by its validator.
        with contextlib.suppress(ValueError):
            self.hex = colours.normalise_hex(self.hex)
        with contextlib.suppress(ValueError):
            self.cmyk = " ".join(str(part) for part in colours.parse_cmyk(self.cmyk))

    @property
    def custom_property(self):
        return f"--color-{self.css_name}"

    @property
    def rgb(self):
        return colours.hex_to_rgb(self.hex)

    @property
    def cmyk_values(self):
        """(C, M, Y, K) percentages and whether they are only a computed approximation."""
        if self.cmyk:
            try:
                return colours.parse_cmyk(self.cmyk), False
            except ValueError:
                pass
        return colours.approximate_cmyk(self.hex), True

    @property
    def contrasts(self):
        """Against white, then against black."""
        return colours.contrasts(self.hex)


# Promotional materials -----------------------------------------------------------------------


class PromoItem(SourceValuesMixin, TranslatableMixin, models.Model):
    """An item of the promotional materials (T-shirt, badge…) that clubs and partners order."""

    IN_STOCK = "in_stock"
    ON_ORDER = "on_order"
    OUT_OF_STOCK = "out_of_stock"
    AVAILABILITY = [
        (IN_STOCK, _("In stock")),
        (ON_ORDER, _("Made to order")),
        (OUT_OF_STOCK, _("Out of stock")),
    ]

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=600)
    photo = models.ForeignKey(
        SiteImage,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    price = models.DecimalField(
        _("price (EUR)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    availability = models.CharField(
        _("availability"), max_length=20, choices=AVAILABILITY, default=IN_STOCK
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    synchronised_fields = ("photo", "price", "availability", "sort_order")

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("price"), FieldPanel("availability")]),
        FieldPanel("sort_order"),
    ]

    objects = SourceQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("promotional item")
        verbose_name_plural = _("promotional items")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def orderable(self):
        return self.availability != self.OUT_OF_STOCK


def order_reference(created_at, pk):
    return f"{timezone.localtime(created_at):%Y}-{pk:04d}"


class PromoOrder(models.Model):
    """An order request from the promotional materials page, for the office to handle."""

    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    name = models.CharField(_("name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    page = models.ForeignKey(
        "brandbook.PromoMaterialsPage",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("promotional materials order")
        verbose_name_plural = _("promotional materials orders")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return _("Order %(reference)s: %(organisation)s") % {
            "reference": self.reference,
            "organisation": self.organisation,
        }

    @property
    def reference(self):
        return order_reference(self.created_at, self.pk) if self.pk else ""

    @property
    def total(self):
        return sum((line.total for line in self.lines.all()), Decimal("0"))

    @property
    def items_summary(self):
        return "; ".join(f"{line.item_name} × {line.quantity}" for line in self.lines.all())


class PromoOrderLine(models.Model):
    """One item of an order, with its name and price as they were when it was ordered."""

    order = models.ForeignKey(PromoOrder, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(
        PromoItem,
        verbose_name=_("item"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    item_name = models.CharField(_("item"), max_length=120)
    unit_price = models.DecimalField(_("price (EUR)"), max_digits=8, decimal_places=2)
    quantity = models.PositiveSmallIntegerField(
        _("quantity"), validators=[MinValueValidator(1), MaxValueValidator(MAX_QUANTITY)]
    )

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.item_name} × {self.quantity}"

    @property
    def total(self):
        return self.unit_price * self.quantity


# Pages ---------------------------------------------------------------------------------------


class BrandbookPage(Page):
    """The brandbook: logos and their files, the palette, typography, templates, rules."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BrandbookStreamBlock(), verbose_name=_("sections"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("body", serializer=localized_stream()),
        APIField("palette", serializer=PaletteField(source="*")),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["brandbook.PromoMaterialsPage", "home.ContentPage"]

    class Meta:
        verbose_name = _("brandbook")

    def sections(self):
        """(anchor, heading) of each section, for the table of contents."""
        return [
            (f"section-{block.id}", block.value["heading"])
            for block in self.body
            if block.block_type in BrandbookStreamBlock.SECTIONS
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["brand_colours"] = BrandColour.objects.translated(self.locale_id)
        context["sections"] = self.sections()
        context["subpages"] = self.get_children().live().public()
        prefetch_block_renditions(self.body)
        return context


def prefetch_block_renditions(stream):
    """Read the renditions of every picture in the sections at once, not one by one."""
    from django.db.models import prefetch_related_objects

    images = []
    for block in stream:
        if block.block_type == "logos":
            images += [variant["preview"] for variant in block.value["variants"]]
        elif block.block_type == "rules":
            images += [rule["image"] for rule in block.value["rules"]]
    images = [image for image in images if image is not None]
    if images:
        prefetch_related_objects(images, "renditions")


class PromoMaterialsPage(RoutablePageMixin, Page):
    """The promotional materials and the form to request them."""

    intro = models.TextField(_("introduction"), blank=True)
    order_intro = models.TextField(
        _("above the order form"),
        blank=True,
        help_text=_("E.g. who may order and how payment works."),
    )
    next_steps = models.TextField(
        _("what happens next"),
        blank=True,
        help_text=_(
            "Shown after a request is sent and in the confirmation e-mail. Empty: a standard text."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("order_intro"), FieldPanel("next_steps")], heading=_("Order form")
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("order_intro"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("order_intro"),
        APIField("next_steps"),
        APIField("items", serializer=PromoItemsField(source="*")),
    ]

    parent_page_types = ["brandbook.BrandbookPage", "home.HomePage", "home.ContentPage"]
    subpage_types = []

    THANKS_ROUTES = {"lv": "thanks_lv", "en": "thanks_en"}

    class Meta:
        verbose_name = _("promotional materials page")

    def promo_items(self):
        return (
            PromoItem.objects.select_related("photo")
            .prefetch_related("photo__renditions")
            .translated(self.locale_id)
        )

    def thanks_url(self, request=None):
        route = self.THANKS_ROUTES.get(self.locale.language_code, "thanks_en")
        return self.get_url(request) + self.reverse_subpage(route)

    def get_next_steps(self):
        return self.next_steps or _(
            "We will check the items and the quantities and answer by e-mail within three "
            "working days with the price, the payment details and when and where you can "
            "collect the materials (or how they will be sent)."
        )

    @path("")
    def order(self, request):
        from brandbook import services
        from brandbook.forms import PromoOrderForm

        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        items = self.promo_items()
        status = 200
        if request.method == "POST":
            form = PromoOrderForm(request.POST, page=self, items=items)
            if services.rate_limited(request):
                form.add_error(None, services.RATE_LIMIT_MESSAGE)
                status = 429
            elif form.is_valid():
                order = services.place_order(form, self, request)
                return redirect(
                    f"{self.thanks_url(request)}?ref={services.order_token(order)}",
                    permanent=False,
                )
        else:
            form = PromoOrderForm(page=self, items=items)
        response = self.render(
            request,
            context_overrides={
                "items": items,
                "form": form,
                "form_token": services.form_token(self.pk),
            },
        )
        response.status_code = status
        return response

    @path("paldies/", name="thanks_lv")
    @path("thank-you/", name="thanks_en")
    def thanks(self, request):
        from brandbook import services

        order = services.order_from_token(request.GET.get("ref", ""), page=self)
        lines = []
        if order is not None:
            lines = services.name_lines_in(list(order.lines.select_related("item")), self.locale_id)
        return self.render(
            request,
            template="brandbook/promo_order_received.html",
            context_overrides={
                "order": order,
                "lines": lines,
                "total": sum((line.total for line in lines), Decimal("0")),
            },
        )
