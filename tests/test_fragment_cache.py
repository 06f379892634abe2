"""Parts of pages kept in the cache ({% fragment %}, home/page_cache.py): rendered once for
everyone, again after anything is published, and in the visitor's language."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from news.models import NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


@pytest.fixture
def fragments_on():
    with override_settings(FRAGMENT_CACHE_SECONDS=300):
        yield


def newest_article(pages):
    return NewsPage.objects.child_of(pages["jaunumi"]).live().order_by("-date", "-pk").first()


def test_the_home_page_is_rendered_again_with_few_queries(
    client, pages, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as first:
        assert client.get(pages["home"].url).status_code == 200
    with django_assert_max_num_queries(len(first) // 2):
        again = client.get(pages["home"].url)
    assert again.status_code == 200
    assert newest_article(pages).title in again.content.decode()


def test_publishing_shows_the_new_text_in_every_list_at_once(client, pages):
    article = newest_article(pages)
    for address in (pages["home"].url, pages["jaunumi"].url):
        assert article.title in client.get(address).content.decode()

    # A change saved without publishing reaches no list: the cards come from the cache.
    NewsPage.objects.filter(pk=article.pk).update(title="Melnraksta virsraksts")
    assert "Melnraksta virsraksts" not in client.get(pages["jaunumi"].url).content.decode()

    article.refresh_from_db()
    article.title = "Publicēts jauns virsraksts"
    article.save_revision().publish()
    for address in (pages["home"].url, pages["jaunumi"].url):
        body = client.get(address).content.decode()
        assert "Publicēts jauns virsraksts" in body, address


def test_each_language_gets_its_own_parts(client, pages):
    latvian = client.get(pages["jaunumi"].url).content.decode()
    english = client.get(pages["en:jaunumi"].url).content.decode()

    assert 'id="footer-contacts">Kontakti<' in latvian
    assert 'id="footer-contacts">Contacts<' in english
    assert 'aria-label="Galvenā izvēlne"' in latvian
    assert 'aria-label="Main"' in english


def test_signed_in_members_get_the_same_public_parts(client, pages, world):
    anonymous = client.get(pages["jaunumi"].url).content.decode()
    client.force_login(world.parent)
    signed_in = client.get(pages["jaunumi"].url).content.decode()
    title = newest_article(pages).title
    assert title in anonymous and title in signed_in
    # The member area's own pages, which have no Wagtail page, still get the menu and footer.
    member_home = client.get("/biedri/").content.decode()
    assert 'class="site-footer"' in member_home


def test_kept_parts_are_rendered_again_the_next_day(rf):
    template = Template(
        '{% load fragment_tags %}{% fragment "today" %}{% now "Y-m-d" %}{% endfragment %}'
    )
    request = rf.get("/")
    with time_machine.travel(datetime.datetime(2026, 11, 27, 21, 30, tzinfo=datetime.UTC)):
        # 23:30 in Riga, 27 November
        assert template.render(Context({"request": request})) == "2026-11-27"
    with time_machine.travel(datetime.datetime(2026, 11, 27, 22, 30, tzinfo=datetime.UTC)):
        # 00:30 in Riga: a new day, so lists that depend on the date are rendered again
        assert template.render(Context({"request": rf.get("/")})) == "2026-11-28"


def test_a_deploy_forgets_kept_parts(client, pages):
    article = newest_article(pages)
    client.get(pages["jaunumi"].url)
    NewsPage.objects.filter(pk=article.pk).update(title="Jaunās versijas virsraksts")

    call_command("purge_page_cache", stdout=io.StringIO())

    assert "Jaunās versijas virsraksts" in client.get(pages["jaunumi"].url).content.decode()


def test_each_choice_of_filters_is_kept_apart(client, pages):
    articles = NewsPage.objects.child_of(pages["jaunumi"]).live()
    in_area = articles.filter(priority_areas__slug="vides-izglitiba").count()
    chosen = '<option value="vides-izglitiba" selected>'
    for _ in range(2):  # rendered, then from what was kept
        everything = client.get(pages["jaunumi"].url)
        filtered = client.get(pages["jaunumi"].url + "?area=vides-izglitiba")
        assert everything.context["page_obj"].paginator.count == articles.count()
        assert filtered.context["page_obj"].paginator.count == in_area < articles.count()
        assert chosen in filtered.content.decode()
        assert chosen not in everything.content.decode()
    # An unknown value is reported, not answered with a kept form.
    unknown = client.get(pages["jaunumi"].url + "?area=nav-tadas").content.decode()
    assert "Dažus filtrus nevarēja izmantot" in unknown
