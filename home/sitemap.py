from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedPagesSitemap(Sitemap):
    """Every live public page of every language, each with its translations (hreflang).

    Wagtail's own sitemap lists only the descendants of the site's root page, which is the
    Latvian home: the English tree is a sibling of it and would be missing. Aliases (pages
    not yet translated, showing the Latvian text under /en/) are left out as duplicates.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        pages = Page.objects.none()
        for home in [root, *root.get_translations()]:
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return (
            pages.live()
            .public()
            .filter(alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _alternates(self, pages):
        by_translation = defaultdict(list)
        for page in pages:
            by_translation[page.translation_key].append(
                {
                    "lang_code": page.locale.language_code,
                    "location": page.get_full_url(self.request),
                }
            )
        alternates = {}
        for key, versions in by_translation.items():
            if len(versions) < 2:
                continue
            default = next(
                (v for v in versions if v["lang_code"] == settings.LANGUAGE_CODE), versions[0]
            )
            alternates[key] = [
                *versions,
                {"lang_code": "x-default", "location": default["location"]},
            ]
        return alternates

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates(self.items())
        urls = []
        last_mods = set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates.get(item.translation_key, [])})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
