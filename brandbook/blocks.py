"""The sections of the brandbook page: logos, palette, typography, templates, rules of use."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.api.v2.utils import get_full_url
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from brandbook.documents import has_format
from home.blocks import RICH_TEXT_FEATURES, RichTextBlock

COLOUR_ROLES = [
    ("brand", _("Brand colours")),
    ("neutral", _("Neutral colours")),
    ("interface", _("Interface colours")),
]


def document_representation(document, context):
    if document is None:
        return None
    request = (context or {}).get("request")
    url = get_full_url(request, document.url) if request is not None else document.url
    return {"id": document.pk, "title": document.title, "url": url, "size": document.file_size}


class SectionBlock(blocks.StructBlock):
    """A section of the page: its heading is an entry of the page's table of contents."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    intro = blocks.TextBlock(label=_("introduction"), required=False)


class LogoVariantBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    description = blocks.TextBlock(label=_("when to use it"), required=False)
    background = blocks.ChoiceBlock(
        label=_("preview background"),
        choices=[("light", _("Light")), ("dark", _("Dark (for a white logo)"))],
        default="light",
    )
    preview = ImageChooserBlock(
        label=_("preview picture"),
        required=False,
        help_text=_("Optional: a PNG or JPEG picture. Without it the SVG file is shown."),
    )
    svg = DocumentChooserBlock(label=_("SVG file"), required=False)
    png = DocumentChooserBlock(label=_("PNG file"), required=False)
    pdf = DocumentChooserBlock(label=_("PDF file"), required=False)

    FILES = ("svg", "png", "pdf")

    class Meta:
        icon = "image"
        label = _("Logo variant")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for kind in self.FILES:
            document = value.get(kind)
            if document is not None and not has_format(document, kind):
                errors[kind] = ValidationError(
                    _(
                        "“%(title)s” is not a %(kind)s file, or (for SVG) it contains "
                        "scripts or links. Choose the logo's %(kind)s file."
                    )
                    % {"title": document.title, "kind": kind.upper()}
                )
        if not any(value.get(kind) for kind in self.FILES):
            errors["svg"] = ValidationError(_("Add at least one file people can download."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        return {
            "name": value["name"],
            "description": value["description"],
            "background": value["background"],
            **{kind: document_representation(value[kind], context) for kind in self.FILES},
        }


class LogosBlock(SectionBlock):
    variants = blocks.ListBlock(LogoVariantBlock(), label=_("logo variants"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Logos")
        template = "brandbook/blocks/logos.html"


class PaletteBlock(SectionBlock):
    """The brand colours, as kept in Snippets → Brand colours: the site's CSS uses the same."""

    roles = blocks.MultipleChoiceBlock(
        label=_("colours shown"),
        choices=COLOUR_ROLES,
        required=False,
        help_text=_("Leave empty to show every brand colour."),
    )

    class Meta:
        icon = "pick"
        label = _("Colour palette")
        template = "brandbook/blocks/palette.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        colours = (parent_context or {}).get("brand_colours") or []
        roles = set(value.get("roles") or [])
        context["colours"] = [c for c in colours if not roles or c.role in roles]
        return context


class TypefaceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("typeface"), max_length=120)
    usage = blocks.TextBlock(label=_("what it is used for"), required=False)
    sample = blocks.TextBlock(
        label=_("sample text"),
        max_length=300,
        help_text=_("Shown in the typeface: include the Latvian letters (ā, č, ē, ģ, ī, ķ, ļ…)."),
    )
    style = blocks.ChoiceBlock(
        label=_("sample style"),
        choices=[
            ("heading", _("Heading (large, bold)")),
            ("body", _("Body text")),
        ],
        default="body",
    )
    weights = blocks.CharBlock(label=_("weights"), max_length=120, required=False)
    download = DocumentChooserBlock(label=_("font file"), required=False)
    link = blocks.URLBlock(label=_("or where to get it"), required=False)

    class Meta:
        icon = "bold"
        label = _("Typeface")

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        representation["download"] = document_representation(value["download"], context)
        return representation


class TypographyBlock(SectionBlock):
    typefaces = blocks.ListBlock(TypefaceBlock(), label=_("typefaces"), min_num=1)

    class Meta:
        icon = "bold"
        label = _("Typography")
        template = "brandbook/blocks/typography.html"


class TemplateDocumentBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    description = blocks.TextBlock(label=_("description"), required=False)
    document = DocumentChooserBlock(label=_("file"))

    class Meta:
        icon = "doc-full"
        label = _("Template")

    def get_api_representation(self, value, context=None):
        return {
            "name": value["name"],
            "description": value["description"],
            "document": document_representation(value["document"], context),
        }


class TemplatesBlock(SectionBlock):
    templates = blocks.ListBlock(TemplateDocumentBlock(), label=_("templates"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Document templates")
        template = "brandbook/blocks/templates.html"


class RuleBlock(blocks.StructBlock):
    verdict = blocks.ChoiceBlock(
        label=_("do or don't"),
        choices=[("do", _("Do")), ("dont", _("Don't"))],
        default="do",
    )
    text = blocks.TextBlock(label=_("rule"), max_length=400)
    image = ImageBlock(label=_("picture"), required=False)

    class Meta:
        icon = "tick"
        label = _("Rule")


class RulesBlock(SectionBlock):
    rules = blocks.ListBlock(RuleBlock(), label=_("rules"), min_num=1)

    class Meta:
        icon = "tick-inverse"
        label = _("Rules of use")
        template = "brandbook/blocks/rules.html"


class BrandbookStreamBlock(blocks.StreamBlock):
    logos = LogosBlock()
    palette = PaletteBlock()
    typography = TypographyBlock()
    templates = TemplatesBlock()
    rules = RulesBlock()
    text = RichTextBlock(label=_("Text"), icon="pilcrow", features=RICH_TEXT_FEATURES)

    SECTIONS = ("logos", "palette", "typography", "templates", "rules")
