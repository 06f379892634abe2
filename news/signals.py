from django.dispatch import receiver
from wagtail.signals import page_published

from news.models import NewsPage


@receiver(page_published, sender=NewsPage)
def keep_topics_the_same_in_every_language(sender, instance, **kwargs):
    instance.share_topics_with_translations()
