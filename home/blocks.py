"""StreamField blocks shared by every content page of the site."""

import copy

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import expand_db_html
from wagtail_localize.segments import StringSegmentValue

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class RichTextBlock(blocks.RichTextBlock):
    """Rich text whose API form has real links, not Wagtail's internal page references."""

    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source) if value else ""


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading")), ("h4", _("Minor heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/captioned_image.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["above_the_fold"] = is_lead_picture(value, (parent_context or {}).get("page"))
        return context


def is_lead_picture(value, page):
    """The first picture of a page's text, with no main picture above it, is seen without
    scrolling: it is fetched first, not lazily."""
    if page is None or getattr(page, "main_image", None) or getattr(page, "hero_image", None):
        return False
    first = page.body.first_block_by_name("image") if hasattr(page, "body") else None
    return first is not None and first.value is value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or an address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter an address, not both."))
                }
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Documents")
        template = "home/blocks/document_links.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    body = RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    entries = blocks.ListBlock(AccordionItemBlock(), label=_("entries"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "home/blocks/accordion.html"


class TranslatableTableBlock(TableBlock):
    """A table whose caption and cells wagtail-localize offers for translation."""

    class Meta:
        icon = "table"
        label = _("Table")
        template = "home/blocks/table.html"

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for col_index, cell in enumerate(row):
                if isinstance(cell, str) and cell.strip():
                    segments.append(StringSegmentValue(f"r{row_index}c{col_index}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["table_caption"] = text
                continue
            row_index, col_index = (int(part) for part in segment.path[1:].split("c"))
            value["data"][row_index][col_index] = text
        return value


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock(label=_("Text"), icon="pilcrow", features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Video or embed"),
        help_text=_("A YouTube or Vimeo address."),
        icon="media",
        template="home/blocks/embed.html",
    )
    call_to_action = CallToActionBlock()
    documents = DocumentLinksBlock()
    accordion = AccordionBlock()
    table = TranslatableTableBlock()
