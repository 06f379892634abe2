from django.core.management.base import BaseCommand

from members_area.online.tasks import send_meeting_reminders


class Command(BaseCommand):
    help = (
        "E-mail the members of a club about its meetings of the next 24 hours, once per "
        "meeting (run hourly, e.g. by cron)."
    )

    def handle(self, *args, **options):
        result = send_meeting_reminders.enqueue()
        if result.is_finished:
            self.stdout.write(f"Reminded of {result.return_value} meeting(s).")
        else:
            self.stdout.write("Reminders queued for the task worker.")
