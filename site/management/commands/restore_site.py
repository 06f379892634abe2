"""`manage.py restore_site <file>`: a backup of backup_site back into an empty server.

Refuses a database that has tables and checks every file before writing anything; see
mazpulki.backups.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from mazpulki.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup_site archive into an empty database and media storage."

    def add_arguments(self, parser):
        parser.add_argument("file", help="an archive written by backup_site")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the (empty) database alias to fill"
        )

    def handle(self, *args, **options):
        try:
            result = restore_backup(options["file"], using=options["database"])
        except BackupError as error:
            raise CommandError(error) from error
        manifest = result["manifest"]
        self.stdout.write(
            f"Restored the database and {len(manifest['media'])} media files of the backup "
            f"made {manifest['created']}; every file matched its sha256."
        )
        if result["unknown_migrations"]:
            unknown = result["unknown_migrations"]
            self.stderr.write(
                f"The backup has {len(unknown)} migrations this code does not know; it was "
                f"made by a newer release, deploy that one: {', '.join(unknown[:5])}"
            )
        if result["pending_migrations"]:
            self.stdout.write(
                f"This code has {len(result['pending_migrations'])} migrations the backup "
                "lacks: run `manage.py migrate` next."
            )
