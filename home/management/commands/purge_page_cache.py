"""Forget every kept page and part of a page (home/page_cache.py).

After a deploy: pages and fragments kept by the previous release's templates would otherwise
be served for up to PAGE_CACHE_SECONDS / FRAGMENT_CACHE_SECONDS beside the new ones.
"""

from django.core.management.base import BaseCommand

from home import page_cache


class Command(BaseCommand):
    help = "Forget every kept page and part of a page (after a deploy)."

    def handle(self, *args, **options):
        page_cache.purge_all()
        self.stdout.write("Kept pages and parts of pages forgotten.")
