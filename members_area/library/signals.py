"""A leader's place in the leaders' group follows his memberships as they are saved.

Only leading memberships (or ones that were leading) cost queries: the many ordinary
memberships saved on joining and renewing are left alone. Changes made without saving
objects (queryset updates, the turn of the year) wait for `manage.py sync_leaders_group`.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from members_area.accounts.models import Person
from members_area.clubs.models import Membership
from members_area.library.services import keep_everything_private, sync_leaders_group

UNKNOWN = object()


@receiver(post_init, sender=Membership)
def remember_role(sender, instance, **kwargs):
    # Read without loading a deferred field (that would be a query per membership).
    instance._library_role_loaded = instance.__dict__.get("role", UNKNOWN)


@receiver(post_save, sender=Membership)
def follow_saved_membership(sender, instance, created, **kwargs):
    loaded = getattr(instance, "_library_role_loaded", UNKNOWN)
    was_leading = not created and (loaded is UNKNOWN or loaded in Membership.LEADING_ROLES)
    if instance.is_leading or was_leading:
        sync_leaders_group([login_of(instance)])
    instance._library_role_loaded = instance.role


@receiver(post_delete, sender=Membership)
def follow_deleted_membership(sender, instance, **kwargs):
    if instance.is_leading:
        sync_leaders_group([login_of(instance)])


@receiver(post_init, sender=Person)
def remember_login(sender, instance, **kwargs):
    instance._library_user_id_loaded = instance.__dict__.get("user_id", UNKNOWN)


@receiver(post_save, sender=Person)
def follow_login_link(sender, instance, created, **kwargs):
    """A leader's record linked to another login moves the library access with it."""
    loaded = getattr(instance, "_library_user_id_loaded", UNKNOWN)
    if not created and loaded != instance.user_id:
        previous = None if loaded is UNKNOWN else loaded
        sync_leaders_group([previous, instance.user_id])
    instance._library_user_id_loaded = instance.user_id


def login_of(membership):
    """The login of a membership's person, from the loaded person if there is one."""
    person = membership._state.fields_cache.get("person")
    if person is not None:
        return person.user_id
    return Person.objects.filter(pk=membership.person_id).values_list("user_id", flat=True).first()


@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def restore_library_privacy(sender, instance, **kwargs):
    """The library is never made public: not from the Privacy dialog, not from the
    collection's settings. Whatever removes its restriction, it is back once committed."""
    transaction.on_commit(keep_everything_private)
