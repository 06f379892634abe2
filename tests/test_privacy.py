"""My data: what a family sees and downloads, and erasure that leaves nothing personal behind."""

import datetime
import io
import json

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from tests.members import PASSWORD, add_guardian, make_member, make_person, make_user, years_ago

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clubs_personal_data():
    """The clubs' section of "My data" and of erasure.

    ClubsConfig.ready() registers it; registering again replaces it, so this fixture only
    makes the tests independent of that line (and of its order among other apps' sections),
    and puts the list back afterwards.
    """
    from members_area.accounts.services import PERSONAL_DATA_SECTIONS
    from members_area.clubs import personal_data

    before = list(PERSONAL_DATA_SECTIONS)
    personal_data.register()
    yield
    PERSONAL_DATA_SECTIONS[:] = before


def url(name, *args, language="lv"):
    with translation.override(language):
        return reverse(f"members:{name}", args=args)


def jpeg():
    output = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(output, "JPEG")
    return ContentFile(output.getvalue())


@pytest.fixture
def family(world):
    """The world's parent and her child, with everything a family may have here: a photo,
    a second guardian named only by e-mail, consents, two cards (one replaced), memberships
    over two years and a declined join request. Values are unusual so that a leftover is
    found anywhere in the database."""
    from members_area.accounts.models import PRIVACY_POLICY_VERSION, Consent, Guardian
    from members_area.accounts.services import replace_lost_card
    from members_area.clubs.models import JoinRequest, Membership

    child = world.child
    child.first_name = "Zelmīra"
    child.last_name = "Vītolkalne"
    child.phone = "+371 29990111"
    child.photo_consent = child.PhotoConsent.INTERNAL
    child.save()
    child.photo.save("zelmira.jpg", jpeg())
    grandmother = Guardian.objects.create(
        first_name="Ausma",
        last_name="Vītolkalne",
        email="ausma.vecmamina@example.lv",
        phone="+371 29990222",
    )
    grandmother.children.add(child)
    given_at = timezone.now() - datetime.timedelta(days=400)
    for kind, level in ((Consent.Kind.DATA_PROCESSING, "yes"), (Consent.Kind.PHOTOS, "internal")):
        Consent.objects.create(
            person=child,
            kind=kind,
            level=level,
            policy_version=PRIVACY_POLICY_VERSION,
            given_by=world.parent,
            given_at=given_at,
        )
    first_card = child.current_card()
    second_card = replace_lost_card(child)
    first_card.refresh_from_db()
    year = timezone.localdate().year
    last_year = Membership.objects.create(
        person=child,
        club=world.club,
        year=year - 1,
        starts_on=datetime.date(year - 1, 3, 1),
        ends_on=datetime.date(year - 1, 12, 31),
        status=Membership.Status.ENDED,
        created_by=world.parent,
    )
    declined = JoinRequest.objects.create(
        person=child,
        club=world.other_club,
        year=year,
        message="Zelmīra grib dziedāt korī",
        status=JoinRequest.Status.DECLINED,
        submitted_by=world.parent,
        decided_by=world.other_leader,
        decided_at=timezone.now(),
        decline_reason="Talsos vietu vairs nav",
    )
    world.child.refresh_from_db()
    world.cards = (first_card, second_card)
    world.last_year = last_year
    world.declined = declined
    world.grandmother = grandmother
    return world


def text_fields():
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
                yield model, field.attname


def found_in_database(*values):
    """Every text column of every table holding one of `values`: (table, column, value)."""
    return [
        (model._meta.db_table, column, value)
        for model, column in text_fields()
        for value in values
        if model._default_manager.filter(**{f"{column}__icontains": value}).exists()
    ]


# Who may open the pages ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["my_data", "my_data_json", "close_account"])
def test_anonymous_is_sent_to_sign_in(client, world, name):
    response = client.get(url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_cannot_erase(client, world):
    address = url("erase_person", world.child.pk)
    for response in (client.get(address), client.post(address, {"first_name": "Anna"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    world.child.refresh_from_db()
    assert world.child.first_name == "Anna"


@pytest.mark.parametrize("who", ["other_parent", "leader", "coordinator", "youth"])
def test_nobody_outside_the_family_can_erase_a_child(client, world, who):
    """Another family, the child's own leader, a coordinator, even his brother: 404."""
    client.force_login(world.youth.user if who == "youth" else getattr(world, who))
    address = url("erase_person", world.child.pk)
    assert client.get(address).status_code == 404
    assert client.post(address, {"first_name": "Anna"}).status_code == 404
    world.child.refresh_from_db()
    assert world.child.first_name == "Anna"


def test_an_erased_record_cannot_be_erased_again(client, world):
    from members_area.accounts.services import erase_person

    erase_person(world.child)
    client.force_login(world.parent)
    assert client.get(url("erase_person", world.child.pk)).status_code == 404


# The page -------------------------------------------------------------------------------


def test_my_data_lists_the_family_with_its_actions(client, world, django_assert_max_num_queries):
    for number in range(3):  # a large family costs no more queries than a small one
        add_guardian(make_person(f"Bērns{number}", "Ozols", years_ago(6 + number)), world.parent)
    client.force_login(world.parent)
    with django_assert_max_num_queries(17):
        response = client.get(url("my_data"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    for person in (world.child, world.youth):
        assert person.full_name in page
        assert url("erase_person", person.pk) in page
    assert world.other_child.full_name not in page
    assert url("my_data_json") in page
    assert url("close_account") in page


def test_a_youth_sees_only_himself(client, world):
    client.force_login(world.youth.user)
    page = client.get(url("my_data")).content.decode()
    assert world.youth.full_name in page
    assert url("erase_person", world.youth.pk) in page
    assert world.child.full_name not in page


def test_my_data_in_english(client, world):
    client.force_login(world.parent)
    page = client.get(url("my_data", language="en")).content.decode()
    assert "Download my data (JSON)" in page
    assert "Erase this person's data" in page
    assert "Close my account" in page


# The download ---------------------------------------------------------------------------


def test_download_holds_every_record_of_the_family(client, family, django_assert_max_num_queries):
    child, parent = family.child, family.parent
    client.force_login(parent)
    # A few queries per person for each app's section (projects, hours, check-ins…).
    with django_assert_max_num_queries(32):
        response = client.get(url("my_data_json"))
    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="mazpulki-mani-dati-{today}.json"'
    )
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"].startswith("application/json")
    assert "Zelmīra" in response.content.decode("utf-8")  # readable, not \u escapes
    data = json.loads(response.content)

    assert data["login"]["email"] == parent.email
    assert data["login"]["first_name"] == "Ilze"
    assert data["login"]["email_addresses"] == [
        {"email": parent.email, "verified": True, "primary": True}
    ]
    assert data["guardian_records"][0]["email"] == parent.email
    assert sorted(data["guardian_records"][0]["children"]) == sorted(
        [child.member_number, family.youth.member_number]
    )

    people = {person["member_number"]: person for person in data["people"]}
    assert set(people) == {child.member_number, family.youth.member_number}
    assert people[family.youth.member_number]["own_login"] == "janis@example.lv"
    record = people[child.member_number]
    assert record["first_name"] == "Zelmīra"
    assert record["last_name"] == "Vītolkalne"
    assert record["date_of_birth"] == child.date_of_birth.isoformat()
    assert record["municipality"] == child.municipality.name_lv
    assert record["phone"] == "+371 29990111"
    assert record["photo"] == child.photo.name
    assert record["photo_consent"] == "internal"
    assert record["status"] == "active"
    assert record["own_login"] is None
    assert {guardian["email"]: guardian["phone"] for guardian in record["guardians"]} == {
        parent.email: "+371 20000000",
        "ausma.vecmamina@example.lv": "+371 29990222",
    }
    assert sorted((c["kind"], c["level"]) for c in record["consents"]) == [
        ("data", "yes"),
        ("photos", "internal"),
    ]
    for consent in record["consents"]:
        assert consent["given_by"] == parent.email
        assert consent["policy_version"]
        assert consent["given_at"]
    first_card, second_card = family.cards
    assert sorted(record["member_cards"], key=lambda card: card["issued_at"]) == [
        {
            "issued_at": first_card.issued_at.isoformat(),
            "revoked_at": first_card.revoked_at.isoformat(),
        },
        {"issued_at": second_card.issued_at.isoformat(), "revoked_at": None},
    ]
    year = timezone.localdate().year
    assert record["clubs"]["memberships"] == [
        {
            "club": "Cēsu mazpulks",
            "role": "member",
            "year": year,
            "starts_on": timezone.localdate().isoformat(),
            "ends_on": None,
            "status": "active",
        },
        {
            "club": "Cēsu mazpulks",
            "role": "member",
            "year": year - 1,
            "starts_on": f"{year - 1}-03-01",
            "ends_on": f"{year - 1}-12-31",
            "status": "ended",
        },
    ]
    assert record["clubs"]["join_requests"] == [
        {
            "club": "Talsu mazpulks",
            "role": "member",
            "year": year,
            "status": "declined",
            "submitted_at": family.declined.submitted_at.isoformat(),
            "decided_at": family.declined.decided_at.isoformat(),
            "decline_reason": "Talsos vietu vairs nav",
            "message": "Zelmīra grib dziedāt korī",
        }
    ]


def test_download_holds_nobody_else(client, family):
    """A youth's file has his guardians, not his sister; no family has another's data."""
    client.force_login(family.youth.user)
    content = client.get(url("my_data_json")).content.decode()
    data = json.loads(content)
    assert [person["member_number"] for person in data["people"]] == [family.youth.member_number]
    assert data["people"][0]["guardians"][0]["email"] == family.parent.email
    assert "Zelmīra" not in content and family.child.member_number not in content
    client.force_login(family.other_parent)
    content = client.get(url("my_data_json")).content.decode()
    assert "Zelmīra" not in content and "Ozols" not in content
    assert family.other_child.member_number in content


# Erasure ----------------------------------------------------------------------------------


def test_erase_page_says_what_goes_and_what_stays(client, family, django_assert_max_num_queries):
    client.force_login(family.parent)
    with django_assert_max_num_queries(19):
        response = client.get(url("erase_person", family.child.pk, language="en"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Erase data: Zelmīra Vītolkalne" in page
    assert family.child.member_number in page
    assert "is retired: it is never given to anyone else" in page
    assert "Memberships (club, role and year)" in page and ": 2." in page


def test_a_guardian_erases_a_child_and_nothing_personal_remains(
    client, family, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress

    from members_area.accounts.models import (
        Consent,
        Guardian,
        MemberCard,
        Person,
        User,
    )
    from members_area.clubs.models import JoinRequest, Membership

    child = family.child
    number, photo = child.member_number, child.photo.name
    date_of_birth = child.date_of_birth
    tokens = [card.token for card in family.cards]
    first_revoked_at = family.cards[0].revoked_at
    club_members = Membership.objects.filter(club=family.club, year=timezone.localdate().year)
    members_before = club_members.count()
    assert default_storage.exists(photo)

    client.force_login(family.parent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("erase_person", child.pk, language="en"), {"first_name": " zelmīra "}
        )
    assert response.status_code == 302
    assert response["Location"] == url("my_data", language="en")
    page = client.get(response["Location"]).content.decode()
    assert "Data erased: Zelmīra Vītolkalne." in page
    assert "Zelmīra" not in page.replace("Data erased: Zelmīra Vītolkalne.", "")

    child = Person.objects.get(pk=child.pk)
    assert child.status == Person.Status.ERASED and child.erased_at is not None
    assert (child.first_name, child.last_name, child.phone, child.photo.name) == ("", "", "", "")
    assert child.date_of_birth is None and child.user_id is None
    assert child.photo_consent == Person.PhotoConsent.NONE
    assert child.member_number == number  # retired with the record, never given again
    assert not default_storage.exists(photo)
    assert not Person.objects.filter(date_of_birth=date_of_birth, pk=child.pk).exists()
    assert not Consent.objects.filter(person=child).exists()
    assert not child.guardians.exists()
    assert not Guardian.objects.filter(email="ausma.vecmamina@example.lv").exists()
    # The parent keeps her login and her guardian record, for her son.
    assert User.objects.filter(pk=family.parent.pk).exists()
    assert EmailAddress.objects.filter(user=family.parent).exists()
    assert list(Guardian.objects.get(user=family.parent).children.all()) == [family.youth]
    for token in tokens:
        assert not MemberCard.objects.lookup(token).is_valid
        assert MemberCard.objects.lookup(token).person is None
    assert MemberCard.objects.get(token=tokens[0]).revoked_at == first_revoked_at
    declined = JoinRequest.objects.get(pk=family.declined.pk)
    assert (declined.message, declined.decline_reason, declined.submitted_by) == ("", "", None)
    assert declined.status == JoinRequest.Status.DECLINED  # still counted
    assert child.memberships.count() == 2
    assert club_members.count() == members_before
    assert Membership.objects.get(pk=family.last_year.pk).created_by is None
    assert (
        found_in_database(
            "Zelmīra",
            "Vītolkalne",
            "29990111",
            "29990222",
            "ausma.vecmamina",
            "grib dziedāt korī",
            "Talsos vietu vairs nav",
        )
        == []
    )


@pytest.mark.parametrize("language", ["lv", "en"])
def test_a_youth_erases_himself_and_his_login_goes(
    client, family, language, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress
    from allauth.usersessions.models import UserSession

    from members_area.accounts.models import Guardian, Person, User

    youth, login = family.youth, family.youth.user
    number = youth.member_number
    client.force_login(login)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("erase_person", youth.pk, language=language), {"first_name": "Jānis"}
        )
    assert response.status_code == 302
    assert response["Location"] == ("/" if language == "lv" else "/en/")
    assert "_auth_user_id" not in client.session
    if language == "en":
        home = client.get(response["Location"]).content.decode()
        assert "Data erased: Jānis Ozols. Your login is closed too." in home
    assert not User.objects.filter(pk=login.pk).exists()
    assert not EmailAddress.objects.filter(email__iexact="janis@example.lv").exists()
    assert not UserSession.objects.filter(user_id=login.pk).exists()
    youth = Person.objects.get(pk=youth.pk)
    assert youth.status == Person.Status.ERASED and youth.member_number == number
    assert list(Guardian.objects.get(user=family.parent).children.all()) == [family.child]
    assert found_in_database("janis@example.lv") == []


def test_a_guardian_erasing_a_youth_closes_his_login_too(client, world):
    from members_area.accounts.models import User

    login = world.youth.user
    client.force_login(world.parent)
    page = client.get(url("erase_person", world.youth.pk, language="en")).content.decode()
    assert "The login janis@example.lv is closed too." in page
    response = client.post(url("erase_person", world.youth.pk), {"first_name": "Jānis"})
    assert response["Location"] == url("my_data")
    assert not User.objects.filter(pk=login.pk).exists()
    assert client.get(url("my_data")).status_code == 200  # the parent is still signed in


def test_a_parent_who_is_a_member_erases_herself_and_keeps_her_login(client, world):
    from members_area.accounts.models import Person, User

    own = make_person("Ilze", "Ozola", years_ago(38), user=world.parent)
    make_member(own, world.club, role="volunteer")
    client.force_login(world.parent)
    page = client.get(url("erase_person", own.pk, language="en")).content.decode()
    assert "Your login stays, as you still act for your children." in page
    response = client.post(url("erase_person", own.pk), {"first_name": "ilze"})
    assert response["Location"] == url("my_data")
    assert Person.objects.get(pk=own.pk).status == Person.Status.ERASED
    assert User.objects.filter(pk=world.parent.pk).exists()
    assert Person.objects.of_family(world.parent).not_erased().count() == 2


def test_wrong_first_name_erases_nothing(client, family):
    from members_area.accounts.models import Consent, Guardian, Person

    client.force_login(family.parent)
    response = client.post(
        url("erase_person", family.child.pk, language="en"), {"first_name": "Anna"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "That is not the first name shown above, so nothing has been erased." in page
    assert "Type Zelmīra to confirm." in page
    response = client.post(url("erase_person", family.child.pk, language="en"), {})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    child = Person.objects.get(pk=family.child.pk)
    assert (child.first_name, child.status, child.phone) == ("Zelmīra", "active", "+371 29990111")
    assert default_storage.exists(child.photo.name)
    assert Consent.objects.filter(person=child).count() == 2
    assert Guardian.objects.filter(children=child).count() == 2
    assert child.current_card() is not None


def test_the_retired_number_is_never_given_again(client, world):
    from members_area.accounts.models import Person
    from members_area.accounts.services import assign_member_number, erase_person
    from members_area.clubs.models import JoinRequest
    from members_area.clubs.services import approve_join_request

    retired = world.child.member_number
    erase_person(world.child)
    newcomer = make_person("Marta", "Jauna", years_ago(11), status=Person.Status.APPLICANT)
    add_guardian(newcomer, world.parent)
    join_request = JoinRequest.objects.create(
        person=newcomer,
        club=world.club,
        year=timezone.localdate().year,
        status=JoinRequest.Status.PENDING,
        submitted_by=world.parent,
    )
    approve_join_request(join_request, by=world.leader)
    newcomer.refresh_from_db()
    assert newcomer.member_number and newcomer.member_number != retired
    another = make_person("Kārlis", "Jauns", years_ago(12))
    assert assign_member_number(another) not in (retired, newcomer.member_number)
    assert Person.objects.filter(member_number=retired).get().status == Person.Status.ERASED


# Closing the account ------------------------------------------------------------------------


@pytest.fixture
def closing(world):
    """The parent is a member herself; her daughter has only her; her son has his own login;
    a third child also has a father with a login."""
    own = make_person(
        "Ilze", "Ozola-Bērziņa", years_ago(38), user=world.parent, phone="+371 29990333"
    )
    make_member(own, world.club, role="volunteer")
    shared = make_person("Roberts", "Ozols", years_ago(7))
    add_guardian(shared, world.parent)
    father = make_user("tevs.ozols@example.lv", first_name="Edgars", last_name="Ozols")
    add_guardian(shared, father)
    make_member(shared, world.club)
    world.own, world.shared, world.father = own, shared, father
    return world


def test_close_account_page_says_who_goes_and_who_stays(
    client, closing, django_assert_max_num_queries
):
    client.force_login(closing.parent)
    with django_assert_max_num_queries(19):
        response = client.get(url("close_account", language="en"))
    page = response.content.decode()
    erased, kept = page.split("Kept, as someone else acts for them")
    assert "Anna Ozola" in erased and "Ilze Ozola-Bērziņa" in erased
    assert "Roberts Ozols" in kept and "Jānis Ozols" in kept
    assert "Roberts" not in erased and "Jānis" not in erased


def test_closing_an_account_erases_who_nobody_else_acts_for(
    client, closing, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress

    from members_area.accounts.models import Guardian, Person, User

    parent = closing.parent
    client.force_login(parent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("close_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(pk=parent.pk).exists()
    assert not EmailAddress.objects.filter(email__iexact="mamma@example.lv").exists()
    assert not Guardian.objects.filter(email__iexact="mamma@example.lv").exists()

    def status(person):
        return Person.objects.get(pk=person.pk).status

    assert status(closing.own) == Person.Status.ERASED
    assert status(closing.child) == Person.Status.ERASED
    # Kept: the son acts for himself, Roberts has his father.
    assert status(closing.youth) == Person.Status.ACTIVE
    assert status(closing.shared) == Person.Status.ACTIVE
    assert list(closing.shared.guardians.values_list("user", flat=True)) == [closing.father.pk]
    assert User.objects.filter(pk=closing.youth.user_id).exists()
    assert closing.own.memberships.count() == 1 and closing.child.memberships.count() == 1
    assert found_in_database("mamma@example.lv", "Ozola-Bērziņa", "29990333") == []
    assert Person.objects.get(pk=closing.child.pk).first_name == ""


def test_closing_with_a_wrong_password_changes_nothing(client, closing):
    from members_area.accounts.models import Person, User

    client.force_login(closing.parent)
    response = client.post(url("close_account", language="en"), {"password": "not-this-one"})
    assert response.status_code == 200
    assert "The password is not correct, so the account has not been closed." in (
        response.content.decode()
    )
    assert User.objects.filter(pk=closing.parent.pk).exists()
    assert Person.objects.of_family(closing.parent).not_erased().count() == 4
    assert client.get(url("my_data")).status_code == 200


def test_an_editor_closes_no_account_here(client, world):
    from members_area.accounts.models import User

    editor = make_user("redaktore@example.lv", is_staff=True)
    client.force_login(editor)
    page = client.get(url("close_account", language="en")).content.decode()
    assert "the office closes it" in page and 'name="password"' not in page
    assert client.post(url("close_account"), {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=editor.pk).exists()


def test_a_club_leader_closes_no_account_here_either(client, world):
    from members_area.accounts.models import User

    client.force_login(world.leader)
    page = client.get(url("close_account", language="en")).content.decode()
    assert "the office closes it" in page and 'name="password"' not in page
    assert client.post(url("close_account"), {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=world.leader.pk).exists()
