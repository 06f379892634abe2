from django.core.management.base import BaseCommand

from members_area.clubs.services import UNCONFIRMED_DAYS, purge_unconfirmed_joins


class Command(BaseCommand):
    help = "Forget join forms whose e-mail address was not confirmed (run daily, e.g. by cron)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=UNCONFIRMED_DAYS)

    def handle(self, *args, days, **options):
        removed = purge_unconfirmed_joins(days)
        self.stdout.write(f"Removed {removed} unconfirmed join request(s).")
