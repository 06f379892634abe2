"""Pictures on public pages: modern formats, sized to how wide they are shown, lazily loaded
except the first, and their renditions made once."""

from html.parser import HTMLParser

import pytest

from brandbook.models import BrandbookPage, PromoMaterialsPage
from events.models import EventPage
from home.models import SiteImageRendition
from news.models import NewsPage
from newspaper.models import NewspaperIssuePage
from opportunities.models import OpportunityPage

# The widest (CSS pixels) static/css/site.css can show a picture of each class at; a srcset
# candidate may be at most twice that (a 2x screen). Mobile first: most cards are widest in
# one column, just before the grid fits a second one.
MAX_SHOWN_WIDTH = {
    "hero__image": 1920,  # full-bleed (100vw): designed for screens up to 1920 px
    "figure__image": 768,  # .figure: at most --measure (48rem)
    "news-card__image": 568,  # .news-list minmax(17rem): one column up to 35.5rem
    "issue-card__cover": 376,  # .issue-grid minmax(11rem): one column up to 23.5rem
    "issue__cover": 608,  # issue header and newest issue: full width below 40rem (38rem)
    "rule__image": 496,  # .card-grid minmax(15rem): one column up to 31rem
    "promo-item__photo": 464,  # the same card less its padding: 29rem
    "logo-variant__image": 432,  # the preview box in that card: 27rem, 6rem high
}


class Pictures(HTMLParser):
    """Every <picture> of a page: its <source>s and its <img>, in document order."""

    def __init__(self):
        super().__init__()
        self.pictures = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self.inside = True
            self.pictures.append({"sources": [], "img": None})
        elif self.inside and tag == "source":
            self.pictures[-1]["sources"].append(attrs)
        elif self.inside and tag == "img":
            self.pictures[-1]["img"] = attrs

    def handle_endtag(self, tag):
        if tag == "picture":
            self.inside = False


def pictures_of(html):
    parser = Pictures()
    parser.feed(html)
    return parser.pictures


def candidate_widths(srcset):
    """The widths of a srcset's candidates ("url 800w, url 1200w")."""
    return [int(candidate.split()[-1].removesuffix("w")) for candidate in srcset.split(",")]


def first_live(model, **image):
    page = model.objects.live().filter(locale__language_code="lv", **image).first()
    assert page is not None, f"the demo content has no {model.__name__} with a picture"
    return page.url


# Pages whose first picture is not near the top: every picture of theirs loads lazily.
NO_LEAD_PICTURE = {"brandbook", "promotional materials"}


def public_pages(pages):
    """The addresses of the pages to check; each must show at least one picture."""
    return {
        "home": "/",
        "content page": "/par-mums/",
        "news index": pages["jaunumi"].url,
        "news page": first_live(NewsPage, main_image__isnull=False),
        "event": first_live(EventPage, main_image__isnull=False),
        "events index": EventPage.objects.live().first().get_parent().url,
        "opportunity": first_live(OpportunityPage, main_image__isnull=False),
        "opportunities index": OpportunityPage.objects.live().first().get_parent().url,
        "newspaper issue": first_live(NewspaperIssuePage, cover_image__isnull=False),
        "newspaper index": NewspaperIssuePage.objects.live().first().get_parent().url,
        "brandbook": first_live(BrandbookPage),
        "promotional materials": first_live(PromoMaterialsPage),
    }


def assert_pictures_are_modern_and_sized(name, html, lead=True):
    pictures = pictures_of(html)
    assert pictures, f"{name}: no <picture> on the page"
    for index, picture in enumerate(pictures):
        img = picture["img"]
        where = f"{name}, picture {index + 1} ({img and img.get('class')})"
        assert img is not None, f"{where}: a <picture> without <img>"
        types = [source.get("type") for source in picture["sources"]]
        assert types == ["image/avif", "image/webp"], f"{where}: sources {types}"
        assert img["src"].endswith((".jpg", ".png")), f"{where}: fallback {img['src']}"
        width, height = (int(img.get(side) or 0) for side in ("width", "height"))
        assert width > 0 and height > 0, f"{where}: no width/height, the layout would jump"
        assert img.get("sizes"), f"{where}: no sizes"
        assert all(source.get("sizes") == img["sizes"] for source in picture["sources"])

        shown = MAX_SHOWN_WIDTH.get(img.get("class"))
        assert shown, f"{where}: a class MAX_SHOWN_WIDTH does not know"
        for srcset in [img.get("srcset", "")] + [s["srcset"] for s in picture["sources"]]:
            widths = candidate_widths(srcset) if srcset else [int(img["width"])]
            assert max(widths) <= 2 * shown, f"{where}: {max(widths)} px for at most {shown}"

        if index == 0 and lead:  # above the fold: fetched first
            assert img.get("loading") != "lazy", f"{where}: the first picture is lazy"
            assert img.get("fetchpriority") == "high", f"{where}: not fetched first"
        else:
            assert img.get("loading") == "lazy", f"{where}: not lazy"
            assert img.get("fetchpriority") in (None, "auto"), f"{where}: fetched first"


@pytest.mark.django_db
def test_every_picture_comes_in_avif_and_webp_sized_and_lazy_but_the_first(client, pages):
    for name, url in public_pages(pages).items():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert_pictures_are_modern_and_sized(name, html, lead=name not in NO_LEAD_PICTURE)


@pytest.mark.django_db
def test_social_preview_stays_one_jpeg(client, pages):
    html = client.get(first_live(NewsPage, main_image__isnull=False)).content.decode()
    og_image = html.split('<meta property="og:image" content="')[1].split('"')[0]
    assert og_image.endswith(".jpg")


@pytest.mark.django_db
def test_a_second_view_makes_no_new_renditions(client, pages):
    urls = public_pages(pages).values()
    for url in urls:
        client.get(url)  # the first view makes what it needs
    made = SiteImageRendition.objects.count()
    for url in urls:
        assert client.get(url).status_code == 200
    assert SiteImageRendition.objects.count() == made
