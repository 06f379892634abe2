"""The personal QR member card: the family's card page, downloads, print, lost card, and the
public page its code leads to (/k/<token>/), which tells strangers only whether it is valid."""

import io
import math
import re
import xml.etree.ElementTree as ET

import pytest
import zxingcpp
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image, ImageDraw

from members_area.accounts.models import (
    CARD_TOKEN_ALPHABET,
    MemberCard,
    Person,
    new_card_token,
)
from members_area.accounts.services import card_url, erase_person, replace_lost_card
from tests.members import add_guardian, make_leader, make_member, make_person, years_ago

pytestmark = pytest.mark.django_db

LOOK_ALIKES = set("0O1ILUV")
SVG = "{http://www.w3.org/2000/svg}"


def url(name, person, language=None):
    with translation.override(language or settings.LANGUAGE_CODE):
        return reverse(f"members:{name}", args=[person.pk])


def lookup_url(card):
    return reverse("card_lookup", args=[card.token])


def scan(client, token, **headers):
    """Open the page a card's code leads to, as an English-speaking phone would."""
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.get(f"/k/{token}/", **headers)


def png_bytes(colour="green"):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), colour).save(buffer, "PNG")
    return buffer.getvalue()


def assert_private(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


def assert_holder_hidden(response, person):
    html = response.content.decode()
    assert person.first_name not in html
    assert person.last_name not in html
    assert person.member_number not in html
    assert person.date_of_birth.isoformat() not in html
    assert person.date_of_birth.strftime("%d.%m.%Y") not in html
    for membership in person.memberships.all():
        assert membership.club.name not in html


# The card page ------------------------------------------------------------------------------


def test_card_page_shows_name_club_number_year_and_qr(client, world, django_assert_max_num_queries):
    client.force_login(world.parent)
    card = world.child.current_card()

    client.get(url("card", world.child))  # warm the site's caches: measure a usual request
    with django_assert_max_num_queries(15):
        response = client.get(url("card", world.child))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Anna Ozola" in html
    assert world.child.member_number in html
    assert "Cēsu mazpulks" in html
    assert str(timezone.localdate().year) in html
    svg = ET.fromstring(html[html.index("<svg") : html.index("</svg>") + len("</svg>")])
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}path") is not None
    # The code's address carries the token only, never the number or the name.
    assert card.token not in world.child.member_number
    assert_private(response)
    assert "css/members-card.css" in html


def rasterise(svg):
    """Draw the squares of qrcode's SVG path ("Mx,yHx2Vy2Hxz" each) into a picture."""
    size = int(float(svg.get("viewBox").split()[2]))
    image = Image.new("L", (size * 8, size * 8), 255)
    draw = ImageDraw.Draw(image)
    for path in svg.iter(f"{SVG}path"):
        for x, y, x2, y2 in re.findall(r"M(\d+),(\d+)H(\d+)V(\d+)H\d+z", path.get("d")):
            box = [int(x) * 8, int(y) * 8, int(x2) * 8 - 1, int(y2) * 8 - 1]
            draw.rectangle(box, fill=0)
    return image


def test_qr_code_on_the_card_page_leads_to_the_card(client, world):
    client.force_login(world.parent)
    html = client.get(url("card", world.child)).content.decode()
    svg = ET.fromstring(html[html.index("<svg") : html.index("</svg>") + len("</svg>")])
    results = zxingcpp.read_barcodes(rasterise(svg))
    assert [result.text for result in results] == [card_url(world.child.current_card())]


def test_inline_qr_code_obeys_the_strict_content_security_policy(client, world):
    client.force_login(world.parent)
    response = client.get(url("card", world.child))
    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "style=" not in svg
    assert "<script" not in svg
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_a_youth_sees_his_own_card(client, world):
    client.force_login(world.youth.user)
    response = client.get(url("card", world.youth))
    assert response.status_code == 200
    assert world.youth.member_number in response.content.decode()


def test_the_family_sees_the_photo_on_its_own_card(client, world):
    world.child.photo.save("anna.png", ContentFile(png_bytes()))
    client.force_login(world.parent)
    response = client.get(url("card", world.child))
    assert f"/biedri/{world.child.pk}/foto/" in response.content.decode()


def test_someone_without_a_card_yet_is_told_so_kindly(client, world):
    newcomer = make_person("Oskars", "Ozols", years_ago(7), status=Person.Status.APPLICANT)
    add_guardian(newcomer, world.parent)
    client.force_login(world.parent)

    response = client.get(url("card", newcomer, "en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Oskars has no member card yet." in html
    assert "<svg" not in html
    assert url("card_png", newcomer, "en") not in html
    assert client.get(url("card_png", newcomer)).status_code == 404
    assert client.get(url("card_svg", newcomer)).status_code == 404
    assert client.get(url("card_print", newcomer)).status_code == 404


def test_a_lapsed_member_is_told_his_card_is_not_valid_until_renewed(client, world):
    world.child.memberships.update(year=timezone.localdate().year - 1)
    client.force_login(world.parent)
    response = client.get(url("card", world.child, "en"))
    assert "has not been renewed yet" in response.content.decode()


CARD_VIEWS = ["card", "card_png", "card_svg", "card_print", "card_lost"]


@pytest.mark.parametrize("name", CARD_VIEWS)
def test_card_views_ask_anonymous_visitors_to_sign_in(client, world, name):
    response = client.get(url(name, world.child))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", CARD_VIEWS)
@pytest.mark.parametrize("who", ["other_parent", "leader", "coordinator"])
def test_card_views_are_only_for_the_family(client, world, name, who):
    """Staff see members through the staff views; the card is the family's own."""
    client.force_login(getattr(world, who))
    assert client.get(url(name, world.child)).status_code == 404


def test_an_erased_person_has_no_card_page(client, world):
    erase_person(world.child)
    client.force_login(world.parent)
    assert client.get(url("card", world.child)).status_code == 404


# Downloads -------------------------------------------------------------------------------------


def test_png_download_decodes_to_exactly_the_card_address(client, world):
    client.force_login(world.parent)
    card = world.child.current_card()

    response = client.get(url("card_png", world.child))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == (
        f'attachment; filename="mazpulki-karte-{world.child.member_number}.png"'
    )
    assert_private(response)
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    assert [result.text for result in results] == [f"{settings.SITE_BASE_URL}/k/{card.token}/"]
    assert card_url(card) == f"{settings.SITE_BASE_URL}/k/{card.token}/"


def test_svg_download_is_an_svg_image_of_the_code(client, world):
    client.force_login(world.parent)

    response = client.get(url("card_svg", world.child))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == (
        f'attachment; filename="mazpulki-karte-{world.child.member_number}.svg"'
    )
    assert_private(response)
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox")
    shapes = list(root.iter(f"{SVG}path")) + list(root.iter(f"{SVG}rect"))
    assert shapes
    assert any(len(path.get("d", "")) > 100 for path in root.iter(f"{SVG}path"))


def test_printable_card_has_bank_card_size_and_everything_on_it(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.parent)

    client.get(url("card_print", world.child))  # warm the site's caches
    with django_assert_max_num_queries(15):
        response = client.get(url("card_print", world.child))

    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Anna Ozola", "Cēsu mazpulks", world.child.member_number, "img/logo.svg"):
        assert text in html
    assert str(timezone.localdate().year) in html
    assert "<svg" in html
    assert "css/members-card.css" in html
    assert_private(response)
    with open(finders.find("css/members-card.css"), encoding="utf-8") as css:
        stylesheet = css.read()
    assert "85.6mm" in stylesheet
    assert "53.98mm" in stylesheet
    assert "@media print" in stylesheet


# Tokens ------------------------------------------------------------------------------------


def test_tokens_are_long_random_and_free_of_look_alike_characters(world):
    tokens = [world.child.current_card().token, world.youth.current_card().token]
    tokens += [new_card_token() for _i in range(300)]
    assert not LOOK_ALIKES & set(CARD_TOKEN_ALPHABET)
    for token in tokens:
        assert len(token) * math.log2(len(set(CARD_TOKEN_ALPHABET))) >= 128
        assert set(token) <= set(CARD_TOKEN_ALPHABET)
        assert not LOOK_ALIKES & set(token)
    assert len(set(tokens)) == len(tokens)
    # Every character of the alphabet is used: nothing fixed or derived in the token.
    assert set("".join(tokens)) == set(CARD_TOKEN_ALPHABET)


def test_tokens_say_nothing_about_the_person(world):
    """Twins with the same name and birthday get unrelated tokens."""
    twins = [
        make_person("Ieva", "Liepa", years_ago(11, days=3)),
        make_person("Ieva", "Liepa", years_ago(11, days=3)),
    ]
    for twin in twins:
        make_member(twin, world.club)
    first, second = (twin.current_card().token for twin in twins)
    assert first != second
    assert sum(a == b for a, b in zip(first, second, strict=True)) < len(first) // 2
    for twin in twins:
        token = twin.current_card().token
        assert twin.member_number.replace("-", "")[-5:] not in token
        assert "IEVA" not in token and "LIEPA" not in token


# Lost card ------------------------------------------------------------------------------------


def test_lost_card_confirmation_does_not_replace_the_card(client, world):
    card = world.child.current_card()
    client.force_login(world.parent)

    response = client.get(url("card_lost", world.child, "en"))

    assert response.status_code == 200
    assert "stops working at once" in response.content.decode()
    assert world.child.current_card() == card


def test_lost_card_gets_a_new_code_and_the_old_one_stops_working(client, world):
    old = world.child.current_card()
    client.force_login(world.parent)

    response = client.post(url("card_lost", world.child, "en"), follow=True)

    new = world.child.current_card()
    assert new != old
    assert new.token != old.token
    assert response.redirect_chain[-1][0] == url("card", world.child, "en")
    assert "The old card's QR code no longer works" in next(
        str(message) for message in response.context["messages"]
    )

    client.logout()
    old_page = scan(client, old.token)
    assert old_page.status_code == 200
    assert "This member card is not valid" in old_page.content.decode()
    assert "replaced by a new card" in old_page.content.decode()
    new_page = scan(client, new.token)
    assert "This member card is valid" in new_page.content.decode()


def test_lost_card_downloads_carry_the_new_code(client, world):
    client.force_login(world.parent)
    client.post(url("card_lost", world.child))
    new = world.child.current_card()
    response = client.get(url("card_png", world.child))
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    assert results[0].text == card_url(new)


@pytest.mark.parametrize("who", ["other_parent", "leader", "coordinator"])
def test_nobody_outside_the_family_can_replace_a_card(client, world, who):
    card = world.child.current_card()
    client.force_login(getattr(world, who))
    assert client.post(url("card_lost", world.child)).status_code == 404
    assert world.child.current_card() == card


def test_a_person_without_a_card_cannot_replace_one(client, world):
    newcomer = make_person("Oskars", "Ozols", years_ago(7), status=Person.Status.APPLICANT)
    add_guardian(newcomer, world.parent)
    client.force_login(world.parent)
    response = client.post(url("card_lost", newcomer))
    assert response.status_code == 302
    assert not MemberCard.objects.filter(person=newcomer).exists()


# The page the code leads to ---------------------------------------------------------------


def test_anonymous_scanner_learns_only_that_the_card_is_valid(
    client, world, django_assert_max_num_queries
):
    token = world.child.current_card().token
    scan(client, token)  # warm the site's caches
    with django_assert_max_num_queries(7):
        response = scan(client, token)

    assert response.status_code == 200
    html = response.content.decode()
    assert "This member card is valid" in html
    assert_holder_hidden(response, world.child)
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "noindex" in response["X-Robots-Tag"]
    assert_private(response)


@pytest.mark.parametrize("who", ["other_parent", "parent", "other_leader"])
def test_people_outside_the_holders_club_staff_learn_only_validity(client, world, who):
    """Another family, the holder's own family, and another club's leader alike."""
    client.force_login(getattr(world, who))
    response = scan(client, world.child.current_card().token)
    assert response.status_code == 200
    assert "This member card is valid" in response.content.decode()
    assert_holder_hidden(response, world.child)


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_the_clubs_leader_and_coordinators_see_whose_card_it_is(
    client, world, who, django_assert_max_num_queries
):
    client.force_login(getattr(world, who))
    token = world.child.current_card().token
    scan(client, token)  # warm the site's caches
    with django_assert_max_num_queries(18):  # 2 of them write the record-access log
        response = scan(client, token)

    assert response.status_code == 200
    html = response.content.decode()
    assert "This member card is valid" in html
    assert "Anna Ozola" in html
    assert world.child.member_number in html
    assert "Cēsu mazpulks" in html
    assert "10–12 years" in html
    assert world.child.date_of_birth.isoformat() not in html
    assert_private(response)


def test_staff_without_a_second_factor_learn_only_validity(client, world):
    leader = make_leader("bez.mfa@example.lv", world.club, "Dace", "Bezkoda")
    client.force_login(leader)
    response = scan(client, world.child.current_card().token)
    assert response.status_code == 200
    assert "This member card is valid" in response.content.decode()
    assert_holder_hidden(response, world.child)


@pytest.mark.parametrize(
    ("consent", "shown"),
    [
        (Person.PhotoConsent.NONE, False),
        (Person.PhotoConsent.INTERNAL, True),
        (Person.PhotoConsent.PUBLIC, True),
    ],
)
def test_staff_see_the_photo_only_with_photo_consent(client, world, consent, shown):
    world.child.photo.save("anna.png", ContentFile(png_bytes()))
    world.child.photo_consent = consent
    world.child.save(update_fields=["photo_consent"])
    client.force_login(world.leader)

    response = scan(client, world.child.current_card().token)

    assert (f"/biedri/{world.child.pk}/foto/" in response.content.decode()) is shown


def test_anonymous_scanner_never_sees_the_photo(client, world):
    world.child.photo.save("anna.png", ContentFile(png_bytes()))
    world.child.photo_consent = Person.PhotoConsent.PUBLIC
    world.child.save(update_fields=["photo_consent"])
    response = scan(client, world.child.current_card().token)
    assert f"/biedri/{world.child.pk}/foto/" not in response.content.decode()


def test_lapsed_membership_makes_the_card_not_valid(client, world):
    world.child.memberships.update(year=timezone.localdate().year - 1)
    token = world.child.current_card().token

    response = scan(client, token)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This member card is not valid" in html
    assert "not been renewed this year" in html
    assert_holder_hidden(response, world.child)

    # Last year's leader no longer sees whose card it is; a coordinator still does.
    client.force_login(world.leader)
    assert_holder_hidden(scan(client, token), world.child)
    client.force_login(world.coordinator)
    coordinator_view = scan(client, token).content.decode()
    assert "Anna Ozola" in coordinator_view
    assert "This member card is not valid" in coordinator_view


def test_replaced_card_is_not_valid_even_for_staff(client, world):
    old = world.child.current_card()
    replace_lost_card(world.child)
    client.force_login(world.leader)
    html = scan(client, old.token).content.decode()
    assert "This member card is not valid" in html
    assert "replaced by a new card" in html


@pytest.mark.parametrize(
    "token",
    [
        "garbage",
        "<img src=x onerror=alert(1)>",
        "2" * 27,  # well-formed, but no such card
        "O" * 27,  # a look-alike character
    ],
)
def test_unknown_token_is_a_friendly_not_found_page(client, world, token):
    client.force_login(world.coordinator)
    response = scan(client, token)
    assert response.status_code == 404
    html = response.content.decode()
    assert "This member card is not valid" in html
    assert "we do not know this card" in html
    assert "<img src=x" not in html
    assert_private(response)


def test_erased_persons_card_is_unknown(client, world):
    token = world.child.current_card().token
    erase_person(world.child)
    client.force_login(world.coordinator)
    response = scan(client, token)
    assert response.status_code == 404
    assert "we do not know this card" in response.content.decode()


def test_lookup_token_is_case_insensitive(client, world):
    token = world.child.current_card().token
    assert "This member card is valid" in scan(client, token.lower()).content.decode()


def test_lookup_answers_in_the_scanning_phones_language(client, world):
    token = world.child.current_card().token
    assert '<html lang="en">' in scan(client, token).content.decode()
    latvian = scan(client, token, HTTP_ACCEPT_LANGUAGE="lv").content.decode()
    assert '<html lang="lv">' in latvian
    with translation.override("lv"):
        assert translation.gettext("This member card is valid") in latvian
