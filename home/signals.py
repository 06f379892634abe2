from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import page_cache
from home.models import Municipality, SharedWithTranslationsMixin, TaxonomyTerm


@receiver(page_published)
def keep_shared_fields_the_same_in_every_language(sender, instance, **kwargs):
    if isinstance(instance, SharedWithTranslationsMixin):
        instance.share_with_translations()


# The public page cache (home/page_cache.py): what pages show changed, so every kept page goes.


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_pages_on_publishing(sender, **kwargs):
    page_cache.purge_all()


@receiver(post_save)
@receiver(post_delete)
def purge_pages_on_content_change(sender, instance, **kwargs):
    """Pages show settings, terms, places, pictures and documents besides their own text; a
    page given a password or a group is no longer for everyone (nor are lists showing it)."""
    if isinstance(instance, PAGE_CONTENT) and not kwargs.get("raw"):
        page_cache.purge_all()


PAGE_CONTENT = (
    Page,
    TaxonomyTerm,
    BaseSiteSetting,
    Municipality,
    AbstractImage,
    AbstractDocument,
    BaseViewRestriction,
    Site,
    Locale,
)
