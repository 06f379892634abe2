"""Compile the project's .po catalogues into .mo files without GNU gettext.

Django's compilemessages needs `msgfmt` from the system's gettext package; this does the
same with polib (a Python dependency already), so `make run` works on a fresh machine.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SKIPPED_DIRS = {".venv", "var", "node_modules", ".git"}


def project_catalogues(base_dir):
    for po_path in sorted(Path(base_dir).rglob("locale/*/LC_MESSAGES/*.po")):
        if not SKIPPED_DIRS.intersection(po_path.relative_to(base_dir).parts):
            yield po_path


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (.po -> .mo)."

    def handle(self, *args, **options):
        compiled = 0
        for po_path in project_catalogues(settings.BASE_DIR):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            catalogue.save_as_mofile(str(mo_path))
            compiled += 1
            self.stdout.write(f"Compiled {po_path.relative_to(settings.BASE_DIR)}")
        if not compiled:
            self.stdout.write("Translations are up to date.")
