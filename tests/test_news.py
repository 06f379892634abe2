"""The news: the index with its filters and pages, the articles, feeds and shared links."""

import datetime
import html as html_module
import itertools
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Locale

from home.models import PriorityArea, Region, SiteImage
from news.models import NewsIndexPage, NewsPage, NewsPageRelatedArticle, NewsTag

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SLUG_NUMBERS = itertools.count()


def titles(html):
    """The article titles of a news list, in order."""
    found = re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', html)
    return [html_module.unescape(title) for title in found]


def latvian_articles():
    return NewsPage.objects.live().filter(locale__language_code="lv").order_by("-date", "-pk")


def add_articles(index, count, image=None, **fields):
    """More Latvian articles under an index, published; the newest last."""
    created = []
    for number in range(count):
        article = NewsPage(
            title=f"Pārbaudes ziņa {number}",
            slug=f"parbaudes-zina-{next(SLUG_NUMBERS)}",
            date=datetime.date(2026, 11, 21) + datetime.timedelta(days=number),
            lead="Īsi par notikušo.",
            main_image=image,
        )
        index.add_child(instance=article)
        for name, value in fields.items():
            getattr(article, name).set(value)
        article.save_revision().publish()
        created.append(article)
    return created


def test_index_lists_the_newest_twelve_then_paginates(client, pages):
    expected = [article.title for article in latvian_articles()]
    assert len(expected) > 24  # the demo spans three pages

    first = client.get("/jaunumi/").content.decode()
    assert titles(first) == expected[:12]
    assert 'href="?page=2" rel="next"' in first
    assert f"{len(expected)} raksti" in first or f"{len(expected)} rakstu" in first

    second = client.get("/jaunumi/?page=2").content.decode()
    assert titles(second) == expected[12:24]
    assert 'rel="prev"' in second
    last = client.get("/jaunumi/?page=99").content.decode()  # beyond the end: the last page
    assert titles(last) == expected[24:36]


def test_filters_combine_and_stay_in_the_pagination_links(client, pages):
    index = pages["jaunumi"]
    area = PriorityArea.objects.get(locale__language_code="lv", slug="vides-izglitiba")
    region = Region.objects.get(locale__language_code="lv", slug="latgale")
    add_articles(index, 14, priority_areas=[area])
    matching = add_articles(index, 13, priority_areas=[area])
    for article in matching:
        article.region = region
        article.save_revision().publish()
    expected = list(
        latvian_articles()
        .filter(priority_areas=area, region=region, date__year=2026)
        .values_list("title", flat=True)
    )
    assert len(expected) >= 13

    url = "/jaunumi/?area=vides-izglitiba&region=latgale&year=2026"
    html = client.get(url).content.decode()
    assert titles(html) == expected[:12]
    assert '<meta name="robots" content="noindex, follow">' in html
    # The next page keeps every filter: the address can be shared.
    next_link = re.search(r'href="(\?[^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert {"area=vides-izglitiba", "region=latgale", "year=2026", "page=2"} == set(
        next_link[1:].split("&")
    )
    second = client.get("/jaunumi/" + next_link).content.decode()
    assert titles(second) == expected[12:24]
    # The chosen values are shown selected in the form.
    assert '<option value="latgale" selected>' in html


def test_a_tag_filter_in_english_uses_the_same_address_and_english_names(client, pages):
    tag = NewsTag.objects.filter(locale__language_code="lv", news_pages__isnull=False).first()
    expected = list(
        NewsPage.objects.live()
        .filter(locale__language_code="en", tags=tag)
        .order_by("-date", "-pk")
        .values_list("title", flat=True)
    )
    assert expected
    html = client.get(f"/en/news/?tag={tag.slug}").content.decode()
    assert titles(html) == expected[:12]
    english_name = NewsTag.objects.get(
        locale__language_code="en", translation_key=tag.translation_key
    ).name
    assert f'<option value="{tag.slug}" selected>{english_name}</option>' in html
    # The language switcher leads to the same filtered list in Latvian.
    assert f'<a href="/jaunumi/?tag={tag.slug}" hreflang="lv"' in html


def test_no_match_says_so_and_offers_all_news(client):
    NewsTag.objects.create(
        locale=Locale.objects.get(language_code="lv"), name="biškopība", slug="biskopiba"
    )
    html = client.get("/jaunumi/?tag=biskopiba").content.decode()
    assert titles(html) == []
    assert "Šiem filtriem neatbilst neviena ziņa." in html
    assert '<a href="/jaunumi/">Rādīt visas ziņas</a>' in html


def test_an_unknown_filter_value_is_reported_and_the_others_still_apply(client):
    html = client.get("/jaunumi/?region=atlantida&year=2025").content.decode()
    assert "Dažus filtrus nevarēja izmantot" in html
    assert "atlantida" in html  # Django's own "not one of the available choices", in Latvian
    expected = list(latvian_articles().filter(date__year=2025).values_list("title", flat=True)[:12])
    assert titles(html) == expected


def test_index_query_count_does_not_grow_with_the_articles(
    client, pages, django_assert_max_num_queries
):
    urls = ["/jaunumi/", "/jaunumi/?page=2", "/jaunumi/?area=vides-izglitiba&year=2025&tag=nometne"]
    counts = {}
    for url in urls:
        client.get(url)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    add_articles(pages["jaunumi"], 20, image=SiteImage.objects.first())
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(counts[url]):
            client.get(url)
    with django_assert_max_num_queries(22):
        client.get("/jaunumi/?area=vides-izglitiba&region=latgale&tag=nometne&year=2026")


def test_article_page_shows_its_content_topics_and_related_news(client, pages):
    article = latvian_articles().filter(priority_areas__isnull=False, region__isnull=False).first()
    html = client.get(article.url).content.decode()
    assert f"<h1>{article.title}</h1>" in html
    assert article.lead in html
    assert f'datetime="{article.date:%Y-%m-%d}"' in html
    for area in article.priority_areas.all():
        assert f'href="/jaunumi/?area={area.slug}">{area.name}</a>' in html
    assert f'href="/jaunumi/?region={article.region.slug}">{article.region.name}</a>' in html
    assert "Saistītās ziņas" in html


def test_english_article_shows_topics_by_their_english_names(client, pages):
    english = Locale.objects.get(language_code="en")
    latvian = latvian_articles().filter(priority_areas__isnull=False).first()
    article = latvian.get_translation(english)
    html = client.get(article.url).content.decode()
    for area in latvian.priority_areas.all():
        name = PriorityArea.objects.get(locale=english, translation_key=area.translation_key).name
        assert f'href="/en/news/?area={area.slug}">{name}</a>' in html
        assert f">{area.name}</a>" not in html or area.name == name


def test_related_news_computed_from_shared_topics_unless_chosen(client, pages):
    article = latvian_articles().filter(tags__isnull=False).first()
    computed = article.related_articles()
    assert computed and article not in computed
    shared_tags = set(article.tags.values_list("pk", flat=True))
    shared_areas = set(article.priority_areas.values_list("pk", flat=True))
    for other in computed:
        assert shared_tags & set(other.tags.values_list("pk", flat=True)) or shared_areas & set(
            other.priority_areas.values_list("pk", flat=True)
        )

    chosen = latvian_articles().exclude(pk=article.pk).exclude(pk__in=[a.pk for a in computed])[0]
    article.related_article_links.add(NewsPageRelatedArticle(article=chosen))
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    related = html.split("Saistītās ziņas", 1)[1]
    assert titles(related) == [chosen.title]

    # The English article shows the English translation of the chosen one.
    english = Locale.objects.get(language_code="en")
    english_article = article.get_translation(english)
    english_article.related_article_links.add(NewsPageRelatedArticle(article=chosen))
    english_article.save_revision().publish()
    english_html = client.get(english_article.url).content.decode()
    assert titles(english_html.split("Related news", 1)[1]) == [
        chosen.get_translation(english).title
    ]


def test_article_page_has_a_query_budget(client, django_assert_max_num_queries):
    article = latvian_articles().filter(tags__isnull=False).first()
    client.get(article.url)
    with django_assert_max_num_queries(23):
        assert client.get(article.url).status_code == 200


def test_shared_links_have_opengraph_and_twitter_metadata(client):
    article = latvian_articles().filter(main_image__isnull=False).first()
    html = client.get(article.url).content.decode()
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html))
    assert meta["og:type"] == "article"
    assert meta["og:title"] == article.title
    assert meta["og:description"] == article.lead
    assert meta["og:url"] == article.get_full_url()
    assert meta["og:locale"] == "lv_LV"
    assert meta["og:locale:alternate"] == "en_GB"
    assert meta["article:published_time"].startswith(f"{article.date:%Y-%m-%d}T12:00:00")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image:alt"] == article.main_image.alt
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    image_url = meta["og:image"]
    assert image_url.startswith(f"{article.get_site().root_url}/media/images/")  # absolute
    assert f'<link rel="canonical" href="{article.get_full_url()}">' in html

    english = client.get(article.get_translation(Locale.objects.get(language_code="en")).url)
    english_meta = dict(
        re.findall(
            r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', english.content.decode()
        )
    )
    assert english_meta["og:locale"] == "en_GB"
    assert english_meta["og:image"] == image_url  # the same picture


def test_feeds_are_valid_xml_with_the_newest_items_in_each_language(client):
    latvian = [article.title for article in latvian_articles()[:20]]
    response = client.get("/jaunumi/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "lv"
    root_url = NewsIndexPage.objects.first().get_site().root_url
    assert channel.findtext("link") == f"{root_url}/jaunumi/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == latvian
    assert items[0].findtext("link").startswith(f"{root_url}/jaunumi/")
    assert items[0].findtext("pubDate")

    english = (
        NewsPage.objects.live().filter(locale__language_code="en").order_by("-date", "-pk")[:20]
    )
    response = client.get("/en/news/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [a.title for a in english]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith(f"{root_url}/en/news/")
    assert entries[0].findtext(f"{ATOM}summary") == english[0].lead


def test_pages_announce_their_feeds(client):
    html = client.get("/en/news/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/news/rss/"' in html
    assert 'href="/en/news/atom/"' in html


def test_home_page_shows_the_latest_news(client):
    newest = [article.title for article in latvian_articles()[:3]]
    html = client.get("/").content.decode()
    section = html.split('id="latest-news-heading"', 1)[1]
    assert titles(section)[:3] == newest
    assert '<a class="button" href="/jaunumi/">Visas ziņas</a>' in html

    english = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date", "-pk")
    html = client.get("/en/").content.decode()
    assert titles(html.split('id="latest-news-heading"', 1)[1])[:3] == [
        a.title for a in english[:3]
    ]


def test_search_finds_news_by_their_lead(client):
    article = latvian_articles()[5]
    word = max(re.findall(r"\w+", article.lead), key=len)
    html = client.get("/meklet/", {"q": f"{word} {article.title.split()[0]}"}).content.decode()
    assert f">{escape(article.title)}</a>" in html
    assert f"<p>{escape(article.lead)}</p>" in html  # the lead as the result's summary


def test_api_lists_news_with_image_renditions_and_named_topics(
    client, django_assert_max_num_queries
):
    params = {
        "type": "news.NewsPage",
        "fields": "date,lead,main_image,main_image_thumbnail,priority_areas,tags,region",
        "locale": "en",
        "order": "-date",
        "limit": 10,
    }
    data = client.get("/api/v2/pages/", params).json()
    item = data["items"][0]
    newest = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    assert item["title"] == newest.title
    assert item["lead"] == newest.lead
    assert item["main_image"]["url"].startswith("/media/images/")
    assert item["main_image"]["width"] == 1200
    assert item["main_image_thumbnail"]["url"].startswith("/media/images/")
    english_areas = PriorityArea.objects.filter(locale__language_code="en")
    area_names = {area.slug: area.name for area in english_areas}
    for area in item["priority_areas"]:
        assert area["name"] == area_names[area["slug"]]  # English names
    with django_assert_max_num_queries(16):
        assert client.get("/api/v2/pages/", params).status_code == 200


def test_a_tag_not_yet_translated_still_filters_the_english_news(client, pages):
    tag = NewsTag.objects.create(
        locale=Locale.objects.get(language_code="lv"), name="biškopība", slug="biskopiba"
    )
    (article,) = add_articles(pages["jaunumi"], 1)
    english = article.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "A test article"
    english.save_revision().publish()
    article.tags.set([tag])
    article.save_revision().publish()  # the English article follows (see below)

    html = client.get("/en/news/?tag=biskopiba").content.decode()
    assert "Some filters could not be used" not in html
    assert titles(html) == ["A test article"]
    assert '<option value="biskopiba" selected>biškopība</option>' in html  # Latvian name


def test_topics_removed_in_latvian_are_removed_in_english(client):
    english = Locale.objects.get(language_code="en")
    article = latvian_articles().filter(tags__isnull=False, region__isnull=False).first()
    translation = article.get_translation(english).specific
    assert translation.tags.exists() and translation.region_id

    area = PriorityArea.objects.get(locale__language_code="lv", slug="modernas-tehnologijas")
    article.tags.set([])
    article.priority_areas.set([area])
    article.region = None
    article.save_revision().publish()

    translation = NewsPage.objects.get(pk=translation.pk)
    assert list(translation.tags.all()) == []
    assert list(translation.priority_areas.all()) == [area]
    assert translation.region_id is None
    html = client.get(translation.url).content.decode()
    assert "Modern technologies" in html
    tag_slugs = NewsTag.objects.values_list("slug", flat=True)
    assert not any(f"?tag={slug}" in html for slug in tag_slugs)


def test_a_later_page_of_the_index_is_its_own_canonical_page(client, pages):
    html = client.get("/jaunumi/?page=2").content.decode()
    full_url = pages["jaunumi"].get_full_url()
    assert f'<link rel="canonical" href="{full_url}?page=2">' in html
    html = client.get("/jaunumi/").content.decode()
    assert f'<link rel="canonical" href="{full_url}">' in html
