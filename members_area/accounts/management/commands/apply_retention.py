from django.core.management.base import BaseCommand

from members_area.accounts.retention import apply_retention_rules


class Command(BaseCommand):
    help = (
        "Delete or anonymise personal data kept longer than docs/privacy.md allows "
        "(run daily, e.g. by cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        for rule, count in apply_retention_rules().items():
            self.stdout.write(f"{rule}: {count}")
