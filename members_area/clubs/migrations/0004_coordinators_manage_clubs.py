"""Coordinators open the admin and keep the list of clubs there."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("clubs", "club", "add_club"),
    ("clubs", "club", "change_club"),
    ("clubs", "club", "delete_club"),
    ("clubs", "club", "view_club"),
]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now to give them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Koordinatori")
    for app_label, model, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("clubs", "0003_clubfinderpage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
