"""The coordinators' group and the online mazpulks, which exist from the start."""

from django.db import migrations


def seed(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Club = apps.get_model("clubs", "Club")
    Group.objects.get_or_create(name="Koordinatori")
    if not Club.objects.filter(kind="online").exists():
        Club.objects.create(
            name="Tiešsaistes mazpulks",
            number=999,
            kind="online",
            meeting_place="Tiešsaistē",
            contact_name="Latvijas Mazpulki",
        )


class Migration(migrations.Migration):
    dependencies = [("clubs", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
