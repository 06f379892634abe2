from django.core.management.base import BaseCommand
from django.db import transaction

from members_area.library.services import keep_everything_private, sync_leaders_group


class Command(BaseCommand):
    help = (
        "Make the group of leaders hold exactly this year's club leaders, and check that the "
        "leaders' library is still private (run daily, e.g. by cron: the new year ends last "
        "year's memberships without anyone saving them)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            added, removed = sync_leaders_group()
            restored = keep_everything_private()
        self.stdout.write(f"Leaders' group: {len(added)} added, {len(removed)} removed.")
        if restored:
            self.stdout.write(
                self.style.WARNING(f"Library privacy restored on {restored} page(s).")
            )
