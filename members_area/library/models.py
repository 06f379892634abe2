"""The leaders' library: methodological materials only club leaders and coordinators see.

Who may read it is Wagtail's own privacy, tied to the leader role rather than a shared
password: the library index of each language carries a view restriction to the groups
"Mazpulku vadītāji" (kept equal to this year's leaders, see services) and "Koordinatori", so
every page under it is private; its documents live in a collection with the same
restriction, which Wagtail's document view checks. Private pages are left out of the site
search, the sitemap, the API and the menus, which all list public pages only.

Each material says when it was last reviewed (the strategy asks for a yearly reviewed
methodology); what has not been reviewed for a year is listed in the admin's reports.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PagePermissionTester, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyStreamBlock
from home.models import SharedWithTranslationsMixin
from home.search import search_words

# The leader role as a Wagtail group: its members are exactly the active logins with a
# leading membership this year (members_area.library.services keeps it so).
LEADERS_GROUP = "Mazpulku vadītāji"
# The collection of the library's documents, private to the same groups as the pages.
LIBRARY_COLLECTION = "Vadītāju bibliotēka"
# The public site's pictures and documents: the collection the newspaper's editors work in
# (their rights on it do not reach the library's, which is not under it).
PUBLIC_COLLECTION = "Publiskās datnes"
# Library materials submitted for moderation go to the coordinators.
LIBRARY_WORKFLOW = "Bibliotēkas apstiprinājums"
# A material is due for review once its last review is older than this.
REVIEW_INTERVAL = datetime.timedelta(days=365)


def review_cutoff(today=None):
    """Reviewed before this day: due for review again."""
    return (today or timezone.localdate()) - REVIEW_INTERVAL


def is_due_for_review(last_reviewed, today=None):
    return last_reviewed is None or last_reviewed < review_cutoff(today)


def is_private_to_leaders(collection):
    """Whether a collection's documents are served only to the leaders' group (and whoever
    else its restriction names), through its own restriction or an ancestor's."""
    return (
        collection.get_view_restrictions()
        .filter(restriction_type="groups", groups__name=LEADERS_GROUP)
        .exists()
    )


def private_collection_error():
    return ValidationError(
        _(
            "Move this document to the collection “%(collection)s” first: only there is it "
            "hidden from everyone but leaders and coordinators."
        )
        % {"collection": LIBRARY_COLLECTION},
        code="public_document",
    )


def is_library_keeper(user):
    """Coordinators keep the library in the admin; the newspaper's editors, whose rights
    cover the rest of the site, do not even see it there."""
    return user.is_active and user.is_coordinator


class LibraryDocumentBlock(blocks.StructBlock):
    """A document of a library page, with the day it was last reviewed."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )
    last_reviewed = blocks.DateBlock(
        label=_("last reviewed"),
        help_text=_("The day this document was last checked and found up to date."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")

    def clean(self, value):
        value = super().clean(value)
        document = value.get("document")
        if document is not None and not is_private_to_leaders(document.collection):
            # Anyone who had the address of a document outside it could download it.
            raise blocks.StructBlockValidationError(
                block_errors={"document": private_collection_error()}
            )
        return value


class LibraryBodyBlock(BodyStreamBlock):
    """The site's text blocks, whose document links must lead into the private collection.

    Pictures cannot be private (Wagtail serves them as plain files to anyone with their
    address), which the body's help text tells the editor.
    """

    def clean(self, value):
        value = super().clean(value)
        document_model = get_document_model()
        linked = {
            index: {
                int(object_id)
                for model, object_id, _model_path, _content_path in child.block.extract_references(
                    child.value
                )
                if issubclass(model, document_model)
            }
            for index, child in enumerate(value)
        }
        documents = document_model.objects.select_related("collection").in_bulk(
            set().union(*linked.values())
        )
        private = {}  # collection id: whether private, asked once per collection
        for document in documents.values():
            if document.collection_id not in private:
                private[document.collection_id] = is_private_to_leaders(document.collection)
        errors = {
            index: private_collection_error()
            for index, ids in linked.items()
            if any(pk in documents and not private[documents[pk].collection_id] for pk in ids)
        }
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


class LibraryPagePermissions(PagePermissionTester):
    """Refuses everything to whoever does not keep the library: Wagtail's page rights are
    inherited down the tree, and the editors' rights on the whole site would reach it."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.permissions = set()

    def __getattribute__(self, name):
        if name.startswith("can_"):
            return refuse
        return super().__getattribute__(name)


def refuse(*args, **kwargs):
    return False


class LibraryPermissionsMixin:
    def permissions_for_user(self, user):
        if is_library_keeper(user):
            return super().permissions_for_user(user)
        return LibraryPagePermissions(user, self)


class LibraryIndexPage(LibraryPermissionsMixin, Page):
    """The library of one language: its materials by title, and a search over them."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.LibraryPage"]
    max_count_per_parent = 1  # one library in each language's tree

    class Meta:
        verbose_name = _("leaders' library")

    def save(self, *args, **kwargs):
        from members_area.library.services import keep_library_private, let_coordinators_keep

        created = self._state.adding
        result = super().save(*args, **kwargs)
        # Whoever creates the library (an editor, the demo loader) cannot forget to make it
        # private: it is private from its first save. A translation or an alias of a private
        # library is given a copy of its original's restriction by Wagtail itself, after
        # saves of a few fields (update_fields) that are Wagtail's bookkeeping.
        partial = kwargs.get("update_fields") is not None
        if not partial and not (created and self.has_private_original()):
            keep_library_private(self)
        if not partial:
            let_coordinators_keep(self)
        return result

    def has_private_original(self):
        return (
            PageViewRestriction.objects.filter(page__translation_key=self.translation_key)
            .exclude(page=self)
            .exists()
        )

    def materials(self):
        """The published materials of this library, by title."""
        return LibraryPage.objects.child_of(self).live().order_by("title")

    def search_materials(self, query):
        """This library's materials containing all the words of the query, best first."""
        words = search_words(query)
        if not words:
            return LibraryPage.objects.none()
        return LibraryPage.objects.child_of(self).live().search(words, operator="and")

    def get_context(self, request, *args, **kwargs):
        from home.search import QUERY_MAX_LENGTH

        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
        # Not "query": the site's own search box (base.html) would show it.
        context["library_query"] = query
        context["materials"] = self.materials().defer_streamfields()
        if query:
            context["library_results"] = list(self.search_materials(query))
        return context


class LibraryPageQuerySet(PageQuerySet):
    def due_for_review(self, today=None):
        """Last reviewed more than a year ago."""
        return self.filter(last_reviewed__lt=review_cutoff(today))


LibraryPageManager = PageManager.from_queryset(LibraryPageQuerySet)


class LibraryPage(LibraryPermissionsMixin, SharedWithTranslationsMixin, Page):
    """One methodological material: a text, its documents, and when it was last reviewed."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences: shown in the library's list and its search."),
    )
    body = StreamField(
        LibraryBodyBlock(),
        verbose_name=_("text"),
        blank=True,
        help_text=_(
            "Pictures are seen by anyone who has their address: keep anything private in documents."
        ),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        help_text=_(
            "The day the material was last checked and found up to date. Materials not "
            "reviewed for a year are listed in the report “Library: not reviewed for a year”."
        ),
    )
    reviewed_by = models.CharField(
        _("reviewed by"),
        max_length=200,
        blank=True,
        help_text=_("Who reviewed it, e.g. “Methodology working group”."),
    )
    documents = StreamField(
        [("document", LibraryDocumentBlock())],
        verbose_name=_("documents"),
        blank=True,
        help_text=_(
            "Upload them to the collection “Vadītāju bibliotēka”: only there are they hidden "
            "from everyone but leaders and coordinators."
        ),
    )

    objects = LibraryPageManager()

    # The review is a fact about the material: the English page always has the Latvian's.
    fields_shared_with_translations = ("last_reviewed", "reviewed_by")
    override_translatable_fields = [
        SynchronizedField("last_reviewed", overridable=False),
        SynchronizedField("reviewed_by", overridable=False),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("reviewed_by")])],
            heading=_("Review"),
        ),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("documents"),
        index.FilterField("last_reviewed"),
    ]

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("library material")
        verbose_name_plural = _("library materials")

    @property
    def is_due_for_review(self):
        return is_due_for_review(self.last_reviewed)

    def document_items(self):
        """The documents that still exist, each with its review date and whether it is due."""
        return [
            {
                "document": block.value["document"],
                "title": block.value["title"] or block.value["document"].title,
                "last_reviewed": block.value["last_reviewed"],
                "is_due_for_review": is_due_for_review(block.value["last_reviewed"]),
            }
            for block in self.documents
            if block.value["document"] is not None
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library"] = self.get_parent().specific
        return context
