"""The leaders' group and the library's private collection, which exist from the start.

The group is given nothing in the admin: it only opens the library's pages and documents.
Its members are filled by `manage.py sync_leaders_group` and kept by signals.
"""

from django.db import migrations

# Wagtail's real Collection model is used to add the collection, as Wagtail's own
# migrations do (0059): its tree methods keep the paths ordered by name, and they touch only
# the tree's fields.
from wagtail.models import Collection

LEADERS_GROUP = "Mazpulku vadītāji"
COORDINATORS_GROUP = "Koordinatori"
LIBRARY_COLLECTION = "Vadītāju bibliotēka"


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    leaders, _created = Group.objects.get_or_create(name=LEADERS_GROUP)
    coordinators, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    collection = Collection.objects.filter(name=LIBRARY_COLLECTION, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=LIBRARY_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection_id=collection.pk).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection_id=collection.pk, restriction_type="groups", password=""
        )
        restriction.groups.add(leaders, coordinators)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("clubs", "0002_coordinators_and_online_club"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
