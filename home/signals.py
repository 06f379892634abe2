from django.dispatch import receiver
from wagtail.signals import page_published

from home.models import SharedWithTranslationsMixin


@receiver(page_published)
def keep_shared_fields_the_same_in_every_language(sender, instance, **kwargs):
    if isinstance(instance, SharedWithTranslationsMixin):
        instance.share_with_translations()
