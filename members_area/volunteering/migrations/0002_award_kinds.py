"""The strategy's two awards, and coordinators keeping award kinds in the admin."""

from decimal import Decimal

from django.contrib.auth.management import create_permissions
from django.db import migrations

AWARDS = [
    {
        "name": "Izauguši Latvijai",
        "name_en": "Grown Up for Latvia",
        "description": (
            "Apbalvojums brīvprātīgajiem, kas ilgus gadus devuši savu laiku mazpulkiem un "
            "Latvijai; stratēģija paredz vismaz piecus gadā."
        ),
        "rule": "chosen",
        "min_hours": None,
        "yearly_target": 5,
    },
    {
        "name": "Motivācijas balva",
        "name_en": "Motivation prize",
        "description": (
            "Balva jauniešiem par aktīvu brīvprātīgo darbu gada laikā; stratēģija paredz "
            "vismaz 20 gadā."
        ),
        "rule": "hours",
        "min_hours": Decimal("20"),
        "yearly_target": 20,
    },
]
PERMISSIONS = ["add_awardkind", "change_awardkind", "view_awardkind"]


def seed(apps, schema_editor):
    AwardKind = apps.get_model("volunteering", "AwardKind")
    for award in AWARDS:
        AwardKind.objects.get_or_create(name=award["name"], defaults=award)
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Koordinatori")
    for codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="volunteering", codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("volunteering", "0001_initial"),
        ("clubs", "0004_coordinators_manage_clubs"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
