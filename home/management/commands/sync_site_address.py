"""Point the default site at SITE_BASE_URL.

Wagtail builds full addresses (canonical links, the sitemap, links in e-mails) from the
default Site's host name and port; this keeps them equal to the address people use.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = "Set the default site's host name and port from SITE_BASE_URL."

    def handle(self, *args, **options):
        address = urlsplit(settings.SITE_BASE_URL)
        if address.scheme not in {"http", "https"} or not address.hostname:
            raise CommandError(
                f"SITE_BASE_URL is not an http(s) address: {settings.SITE_BASE_URL!r}"
            )
        port = address.port or (443 if address.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site; run `manage.py migrate` first.")
        if (site.hostname, site.port) == (address.hostname, port):
            self.stdout.write(f"The site's address is already {settings.SITE_BASE_URL}.")
            return
        site.hostname, site.port = address.hostname, port
        site.save()  # through the model, so Wagtail forgets its cached root paths
        self.stdout.write(f"The site's address is now {settings.SITE_BASE_URL}.")
