from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from brandbook.models import BrandColour
from brandbook.services import forget_palette_stylesheet


@receiver(post_save, sender=BrandColour)
@receiver(post_delete, sender=BrandColour)
def palette_changed(sender, **kwargs):
    """A colour edited in the admin changes the site's stylesheet (and its address)."""
    forget_palette_stylesheet()
