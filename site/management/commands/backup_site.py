"""`manage.py backup_site <file>`: the database and every media file in one archive.

Safe while the site runs (the database is copied at one instant); see mazpulki.backups.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from mazpulki.backups import BackupError, create_backup


def megabytes(size):
    return f"{size / 1_000_000:.1f} MB"


class Command(BaseCommand):
    help = "Back up the database and every media file into one new tar archive."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to write; must not exist yet")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the database alias to back up"
        )

    def handle(self, *args, **options):
        try:
            manifest = create_backup(options["file"], using=options["database"])
        except BackupError as error:
            raise CommandError(error) from error
        database = manifest["database"]
        media_size = sum(entry["size"] for entry in manifest["media"])
        self.stdout.write(
            f"Backed up the {database['vendor']} database ({megabytes(database['size'])}) "
            f"and {len(manifest['media'])} media files ({megabytes(media_size)}) "
            f"into {options['file']}."
        )
