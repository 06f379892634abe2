"""Whole public pages kept for visitors who are not signed in (home/page_cache.py): answered
without the database, purged in both languages on publishing, and never someone's own page."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from news.models import NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def fetch(client, address, **extra):
    response = client.get(address, **extra)
    return response, response.get("X-Page-Cache")


def test_a_page_is_kept_and_answered_without_the_database(client, pages, django_assert_num_queries):
    first, state = fetch(client, pages["jaunumi"].url)
    assert state == "miss"
    with django_assert_num_queries(0):
        second, state = fetch(client, pages["jaunumi"].url)
    assert state == "hit"
    assert second.content == first.content
    assert second.status_code == 200
    # Each address (filters, pages) is its own.
    _response, state = fetch(client, pages["jaunumi"].url + "?page=2")
    assert state == "miss"


def test_publishing_purges_both_languages(client, pages):
    news = pages["jaunumi"]
    article = NewsPage.objects.child_of(news).live().order_by("-date").first()
    english = article.get_translation(pages["en:jaunumi"].locale).specific
    addresses = (news.url, pages["en:jaunumi"].url, article.url, english.url)
    for address in addresses:
        fetch(client, address)
        assert fetch(client, address)[1] == "hit", address

    article.title = "Pavisam jauns virsraksts"
    article.save_revision().publish()
    english.title = "A brand new headline"
    english.save_revision().publish()

    for address in addresses:
        assert fetch(client, address)[1] == "miss", address
    assert "Pavisam jauns virsraksts" in client.get(article.url).content.decode()
    assert "A brand new headline" in client.get(english.url).content.decode()


def test_unpublishing_and_moving_purge(client, pages):
    article = pages["jaunumi"].get_children().live().specific().first()
    address = article.url
    fetch(client, address)
    assert fetch(client, address)[1] == "hit"

    article.unpublish()
    assert client.get(address).status_code == 404

    article.save_revision().publish()
    fetch(client, address)
    assert fetch(client, address)[1] == "hit"
    article.move(pages["par-mums"], pos="last-child")
    moved, state = fetch(client, address)
    assert moved.status_code == 301  # Wagtail's redirect to the new address, not the kept page
    assert state is None


def test_a_signed_in_persons_page_is_never_kept_nor_given_to_others(client, pages, world):
    client.force_login(world.parent)
    _own, state = fetch(client, pages["home"].url)
    assert state is None  # neither answered from nor put into the cache

    client.logout()
    client.cookies.clear()
    _anonymous, state = fetch(client, pages["home"].url)
    assert state == "miss"  # the signed-in visit left nothing behind
    # A signed-in visitor never gets the kept page either.
    client.force_login(world.parent)
    assert fetch(client, pages["home"].url)[1] is None


def test_a_page_with_a_csrf_token_is_not_kept(client, pages):
    page = pages["ka-iestaties"]
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")

    form, state = fetch(client, page.url)

    assert form.status_code == 200
    assert "csrfmiddlewaretoken" in form.content.decode()
    assert state is None
    client.cookies.clear()
    assert fetch(client, page.url)[1] is None


def test_a_visitor_with_a_messages_or_other_cookie_passes_by(client, pages):
    fetch(client, pages["jaunumi"].url)
    client.cookies["messages"] = "something"
    assert fetch(client, pages["jaunumi"].url)[1] is None


def test_the_member_area_admin_and_documents_are_never_kept(client, pages):
    for address in ("/biedri/pievienoties/", "/admin/login/", "/robots.txt"):
        fetch(client, address)
        assert fetch(client, address)[1] is None, address


def test_the_api_is_kept_and_purged(client, pages):
    address = "/api/v2/pages/?type=news.NewsPage"
    fetch(client, address)
    assert fetch(client, address)[1] == "hit"
    pages["jaunumi"].get_children().live().first().unpublish()
    assert fetch(client, address)[1] == "miss"


def test_a_club_change_purges_the_club_finder(client, pages, world):
    from members_area.clubs.models import Club

    finder = next(page for page in pages.values() if type(page).__name__ == "ClubFinderPage")
    fetch(client, finder.url)
    assert fetch(client, finder.url)[1] == "hit"
    club = Club.objects.get(pk=world.club.pk)
    club.name = "Pārdēvētais mazpulks"
    club.save()

    response, state = fetch(client, finder.url)
    assert state == "miss"
    assert "Pārdēvētais mazpulks" in response.content.decode()


def test_posts_pass_by(client, pages):
    response = client.post(pages["jaunumi"].url)
    assert response.get("X-Page-Cache") is None


def test_giving_a_page_a_password_purges_it(client, pages):
    article = pages["jaunumi"].get_children().live().specific().first()
    fetch(client, article.url)
    assert fetch(client, article.url)[1] == "hit"

    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")

    asked, state = fetch(client, article.url)
    assert state is None  # not the kept page: the password form
    assert 'type="password"' in asked.content.decode()
    assert article.lead not in asked.content.decode()
