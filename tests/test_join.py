"""Joining: oneself from 13, a child by a parent, the age rules, confirmation, the leader's
decision and the yearly renewal."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from members_area.accounts.models import (
    PRIVACY_POLICY_VERSION,
    Consent,
    Guardian,
    MemberCard,
    Person,
)
from members_area.clubs import services
from members_area.clubs.models import JoinRequest, Membership
from tests.members import PASSWORD, make_member, make_person, make_user, years_ago

pytestmark = pytest.mark.django_db

JOIN = "/biedri/pievienoties/"


def form_data(world, **changes):
    data = {
        "for_whom": "myself",
        "first_name": "Marta",
        "last_name": "Bērziņa",
        "date_of_birth": years_ago(15).isoformat(),
        "municipality": world.club.municipality_id,
        "phone": "",
        "club": world.club.pk,
        "role": "member",
        "guardian_first_name": "Inga",
        "guardian_last_name": "Bērziņa",
        "guardian_email": "inga@example.lv",
        "guardian_phone": "+371 29999999",
        "photo_consent": "internal",
        "data_consent": "on",
        "message": "Gribu audzēt bietes.",
        "email": "marta@example.lv",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return data


def confirmation_link(message):
    return re.search(
        r"https?://[^\s]+/konts/confirm-email/[^\s]+|https?://[^\s]+confirm[^\s]+", message.body
    ).group(0)


def test_the_join_form_is_public_and_in_both_languages(client, world):
    latvian = client.get(JOIN)
    assert latvian.status_code == 200
    assert "Pievienojies" in latvian.content.decode() or "Pievienoties" in latvian.content.decode()
    english = client.get("/en/members/join/")
    assert english.status_code == 200
    assert "Join Latvijas Mazpulki" in english.content.decode()


def test_the_club_chosen_in_the_finder_is_preselected(client, world):
    response = client.get(f"{JOIN}?club={world.other_club.pk}")
    html = response.content.decode()
    assert f'<option value="{world.other_club.pk}" selected>' in html


def test_a_youth_of_15_joins_himself_confirms_and_is_approved(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, form_data(world))
    assert response.status_code == 302
    assert response["Location"] == "/biedri/pievienoties/nosutits/"

    person = Person.objects.get(first_name="Marta")
    assert person.user.email == "marta@example.lv"
    assert person.status == Person.Status.APPLICANT
    assert person.member_number is None
    guardian = person.guardians.get()
    assert (guardian.email, guardian.user) == ("inga@example.lv", None)
    assert set(person.consents.values_list("kind", "level", "policy_version")) == {
        (Consent.Kind.DATA_PROCESSING, "yes", PRIVACY_POLICY_VERSION),
        (Consent.Kind.PHOTOS, "internal", PRIVACY_POLICY_VERSION),
    }
    join_request = person.join_requests.get()
    assert join_request.status == JoinRequest.Status.UNVERIFIED
    # Only the confirmation goes out: the leader hears nothing before the address is proven.
    assert [message.to for message in mail.outbox] == [["marta@example.lv"]]
    assert client.get("/biedri/pievienoties/nosutits/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirmation_link(mail.outbox[0]))
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert EmailAddress.objects.get(email="marta@example.lv").verified
    # The leader is asked to decide; the parent Marta named is told and invited.
    assert sorted(message.to[0] for message in mail.outbox[1:]) == [
        "inga@example.lv",
        "vaditaja@example.lv",
    ]
    to_leader = next(message for message in mail.outbox if message.to == ["vaditaja@example.lv"])
    assert "Marta Bērziņa" in to_leader.body
    assert f"/biedri/vaditajiem/pieteikumi/{join_request.pk}/" in to_leader.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_join_request(join_request, by=world.leader)
    person.refresh_from_db()
    assert re.fullmatch(rf"M-{timezone.localdate().year}-\d{{5}}", person.member_number)
    assert person.status == Person.Status.ACTIVE
    assert Membership.objects.get(person=person).club == world.club
    assert MemberCard.objects.lookup(person.current_card().token).is_valid
    (welcome,) = mail.outbox
    # A minor's messages also go to the guardian.
    assert set(welcome.to) == {"marta@example.lv", "inga@example.lv"}
    assert person.member_number in welcome.body
    assert f"/biedri/{person.pk}/karte/" in welcome.body


def test_a_parent_joins_a_child_of_8(client, world, django_capture_on_commit_callbacks):
    data = form_data(
        world,
        for_whom="child",
        first_name="Krišs",
        date_of_birth=years_ago(8).isoformat(),
        parent_first_name="Inga",
        parent_last_name="Bērziņa",
        parent_phone="+371 29999999",
        guardian_email="",
        email="inga@example.lv",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, data)
    assert response.status_code == 302
    child = Person.objects.get(first_name="Krišs")
    assert child.user is None  # under 13: no login of his own
    guardian = child.guardians.get()
    assert guardian.user.email == "inga@example.lv"
    assert guardian.user.get_full_name() == "Inga Bērziņa"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirmation_link(mail.outbox[0]))
    join_request = child.join_requests.get()
    assert join_request.status == JoinRequest.Status.PENDING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_join_request(join_request, by=world.leader)
    assert mail.outbox[0].to == ["inga@example.lv"]


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        (
            {"for_whom": "child", "date_of_birth": years_ago(4).isoformat()},
            "date_of_birth",
            "no 5 gadu vecuma",
        ),
        ({"date_of_birth": years_ago(26).isoformat()}, "date_of_birth", "5 līdz 25"),
        ({"date_of_birth": years_ago(11).isoformat()}, "date_of_birth", "vecāks"),
        (
            {"for_whom": "child", "date_of_birth": years_ago(19).isoformat()},
            "for_whom",
            "18",
        ),
        ({"role": "leader"}, "role", "18"),
        ({"guardian_email": ""}, "guardian_email", "vecāka"),
        ({"password2": "cita-parole-123"}, "password2", "parol"),
        ({"data_consent": ""}, "data_consent", "piekrišan"),
    ],
)
def test_who_may_not_join_is_told_why_and_nothing_is_saved(client, world, changes, field, text):
    people, users = Person.objects.count(), EmailAddress.objects.count()
    if "parent" not in changes and changes.get("for_whom") == "child":
        changes = {**changes, "parent_first_name": "Inga", "parent_last_name": "Bērziņa"}
    response = client.post(JOIN, form_data(world, **changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert text in " ".join(errors[field]).lower() or text in " ".join(errors[field])
    assert (Person.objects.count(), EmailAddress.objects.count()) == (people, users)
    assert not mail.outbox


def test_under_13_joining_alone_is_asked_to_bring_a_parent(client, world):
    response = client.post(JOIN, form_data(world, date_of_birth=years_ago(12).isoformat()))
    html = response.content.decode()
    assert "Līdz 13 gadu vecumam" in html
    assert not Person.objects.filter(first_name="Marta").exists()


def test_an_adult_joins_as_a_volunteer(client, world, django_capture_on_commit_callbacks):
    data = form_data(world, date_of_birth=years_ago(40).isoformat(), role="volunteer")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(JOIN, data).status_code == 302
    person = Person.objects.get(first_name="Marta")
    assert not person.guardians.exists()
    assert person.join_requests.get().role == "volunteer"


def test_an_address_with_an_account_is_told_by_email_not_on_the_page(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, form_data(world, email="MAMMA@example.lv"))
    assert response["Location"] == "/biedri/pievienoties/nosutits/"
    assert not Person.objects.filter(first_name="Marta").exists()
    (notice,) = mail.outbox
    assert notice.to == ["mamma@example.lv"]
    assert "/konts/login/" in notice.body


def test_a_signed_in_parent_joins_another_child_straight_to_the_leader(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.parent)
    form = client.get(JOIN).content.decode()
    assert 'name="password1"' not in form
    data = form_data(
        world,
        for_whom="child",
        first_name="Ieva",
        last_name="Ozola",
        date_of_birth=years_ago(7).isoformat(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, data)
    assert response.status_code == 302
    ieva = Person.objects.get(first_name="Ieva")
    assert ieva.guardians.get().user == world.parent
    assert ieva.join_requests.get().status == JoinRequest.Status.PENDING
    assert mail.outbox[-1].to == ["vaditaja@example.lv"]
    family = client.get("/biedri/").content.decode()
    assert "Ieva Ozola" in family
    assert "gaida vadītāja lēmumu" in family


def test_the_online_club_is_decided_by_coordinators(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.parent)
    data = form_data(
        world,
        for_whom="child",
        first_name="Ieva",
        date_of_birth=years_ago(9).isoformat(),
        club=world.online_club.pk,
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN, data)
    assert mail.outbox[-1].to == [world.coordinator.email] or world.coordinator.email in (
        mail.outbox[-1].to
    )
    join_request = JoinRequest.objects.get(person__first_name="Ieva")
    assert not join_request.can_be_decided_by(world.leader)
    assert join_request.can_be_decided_by(world.coordinator)


def test_decline_needs_a_reason_and_tells_the_family(world, django_capture_on_commit_callbacks):
    person = make_person("Ieva", "Ozola", years_ago(9))
    Guardian.objects.get(user=world.parent).children.add(person)
    join_request = JoinRequest.objects.create(
        person=person, club=world.club, year=timezone.localdate().year, status="pending"
    )
    with pytest.raises(Exception, match=r"iemesl|reason"):
        services.decline_join_request(join_request, by=world.leader, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_join_request(join_request, by=world.leader, reason="Grupa ir pilna.")
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == ("declined", world.leader)
    assert join_request.decided_at is not None
    (message,) = mail.outbox
    assert message.to == ["mamma@example.lv"]
    assert "Grupa ir pilna." in message.body


def test_a_membership_is_renewed_in_one_click(client, world):
    year = timezone.localdate().year
    Membership.objects.filter(person=world.child).update(year=year - 1)
    card = world.child.current_card()
    assert MemberCard.objects.lookup(card.token).status == "lapsed"
    client.force_login(world.parent)
    family = client.get("/biedri/").content.decode()
    assert f"Atjaunot {year}. gadam" in family or f"{year}" in family
    response = client.post(f"/biedri/{world.child.pk}/atjaunot/")
    assert response.status_code == 302
    renewed = Membership.objects.get(person=world.child, year=year)
    assert (renewed.club, renewed.role) == (world.club, "member")
    assert MemberCard.objects.lookup(card.token).is_valid
    # Twice is harmless: nothing more is created.
    client.post(f"/biedri/{world.child.pk}/atjaunot/")
    assert Membership.objects.filter(person=world.child).count() == 2


def test_another_family_cannot_renew(client, world):
    Membership.objects.filter(person=world.child).update(year=timezone.localdate().year - 1)
    client.force_login(world.other_parent)
    assert client.post(f"/biedri/{world.child.pk}/atjaunot/").status_code == 404
    assert not Membership.objects.filter(
        person=world.child, year=timezone.localdate().year
    ).exists()


def test_a_guardian_gives_a_youth_his_own_login(client, world, django_capture_on_commit_callbacks):
    teen = make_person("Roberts", "Ozols", years_ago(14))
    Guardian.objects.get(user=world.parent).children.add(teen)
    make_member(teen, world.club)
    client.force_login(world.parent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/biedri/{teen.pk}/sava-pieeja/", {"email": "roberts@example.lv"})
    assert response.status_code == 302
    teen.refresh_from_db()
    assert teen.user.email == "roberts@example.lv"
    invitation, notice = mail.outbox
    assert invitation.to == ["roberts@example.lv"] and not invitation.cc
    # The guardian is told, but never gets the link that sets the youth's password.
    assert notice.to == ["mamma@example.lv"]
    assert "/konts/password/reset/key/" not in notice.body and "http" not in notice.body
    link = re.search(r"https?://\S+", invitation.body).group(0).split("testserver")[-1]
    link = link.replace("http://127.0.0.1:8000", "")
    client.logout()
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": PASSWORD, "password2": PASSWORD},
    )
    assert EmailAddress.objects.get(email="roberts@example.lv").verified
    assert client.login(email="roberts@example.lv", password=PASSWORD)


def test_a_child_under_13_cannot_get_a_login(client, world):
    client.force_login(world.parent)
    response = client.post(f"/biedri/{world.child.pk}/sava-pieeja/", {"email": "anna@example.lv"})
    assert response.status_code == 200
    assert "13" in response.content.decode()
    world.child.refresh_from_db()
    assert world.child.user is None


def test_messages_to_a_minor_go_to_the_guardian_too(world):
    assert set(world.youth.message_recipients()) == {"janis@example.lv", "mamma@example.lv"}
    adult = make_person("Zane", "Liepa", years_ago(30), user=make_user("zane@example.lv"))
    assert adult.message_recipients() == ["zane@example.lv"]


def test_confirming_an_address_does_not_make_one_a_guardian(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN, form_data(world))  # Marta names inga@example.lv as her parent
    marta = Person.objects.get(first_name="Marta")
    # Someone makes a login for that address through the join form and confirms it.
    other = form_data(
        world,
        first_name="Svešais",
        date_of_birth=years_ago(30).isoformat(),
        role="volunteer",
        email="inga@example.lv",
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN, other)
        client.post(confirmation_link(mail.outbox[0]))
    assert marta.guardians.get().user is None
    client.force_login(EmailAddress.objects.get(email="inga@example.lv").user)
    assert "Marta" not in client.get("/biedri/").content.decode()
    assert client.get(f"/biedri/{marta.pk}/karte/").status_code == 404


def test_the_join_form_cannot_change_a_recorded_birth_date(client, world):
    client.force_login(world.youth.user)
    data = form_data(
        world,
        first_name="Jānis",
        last_name="Ozols",
        date_of_birth=years_ago(20).isoformat(),
        role="leader",
        club=world.other_club.pk,
        email="",
    )
    response = client.post(JOIN, data)
    assert response.status_code == 200
    assert "atšķiras" in response.content.decode()
    world.youth.refresh_from_db()
    assert world.youth.age() == 15
    assert not world.youth.join_requests.exists()


def test_a_minor_cannot_join_a_child(client, world):
    client.force_login(world.youth.user)
    data = form_data(world, for_whom="child", date_of_birth=years_ago(8).isoformat())
    response = client.post(JOIN, data)
    assert "for_whom" in response.context["form"].errors
    assert not Person.objects.filter(first_name="Marta").exists()


def test_an_ended_membership_is_not_renewed(client, world):
    year = timezone.localdate().year
    membership = Membership.objects.get(person=world.child)
    Membership.objects.create(person=world.child, club=world.club, year=year - 1, role="member")
    membership.status = Membership.Status.ENDED
    membership.save()
    client.force_login(world.parent)
    client.post(f"/biedri/{world.child.pk}/atjaunot/")
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ENDED


def test_a_leader_renews_by_asking_the_coordinators(
    client, world, django_capture_on_commit_callbacks
):
    Membership.objects.filter(person__user=world.leader).update(year=timezone.localdate().year - 1)
    client.force_login(world.leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/biedri/{world.leader.person.pk}/atjaunot/")
    assert not Membership.objects.filter(
        person__user=world.leader, year=timezone.localdate().year
    ).exists()
    join_request = JoinRequest.objects.get(person__user=world.leader)
    assert (join_request.role, join_request.status) == ("leader", "pending")
    assert world.coordinator.email in mail.outbox[-1].to
    assert not join_request.can_be_decided_by(world.other_leader)


def test_an_erased_persons_waiting_request_cannot_be_approved(world):
    from members_area.accounts.services import erase_person

    person = make_person("Ieva", "Ozola", years_ago(9), status="applicant")
    Guardian.objects.get(user=world.parent).children.add(person)
    join_request = JoinRequest.objects.create(
        person=person, club=world.club, year=timezone.localdate().year, status="pending"
    )
    erase_person(person)
    join_request.refresh_from_db()
    assert join_request.status == "declined"
    with pytest.raises(Exception, match=r"decided|izlemts|lemts"):
        services.approve_join_request(join_request, by=world.leader)
    person.refresh_from_db()
    assert person.status == Person.Status.ERASED


def test_a_guardian_does_not_act_for_an_adult_with_his_own_login(client, world):
    world.youth.date_of_birth = years_ago(19)
    world.youth.save()
    client.force_login(world.parent)
    assert client.get(f"/biedri/{world.youth.pk}/karte/").status_code == 404
    assert client.get(f"/biedri/{world.child.pk}/karte/").status_code == 200


def test_the_join_form_is_rate_limited_for_visitors(client, world, settings):
    settings.ACCOUNT_RATE_LIMITS = {"join": "2/m/ip"}
    statuses = [
        client.post(JOIN, form_data(world, email=f"bots{n}@example.lv")).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert "Pārāk daudz mēģinājumu" in client.post(JOIN, form_data(world)).content.decode()
    assert Person.objects.filter(first_name="Marta").count() == 2


def test_unconfirmed_join_forms_are_forgotten_after_two_weeks(client, world, settings):
    from django.core.management import call_command

    client.post(JOIN, form_data(world))
    fresh = form_data(world, first_name="Laura", email="laura@example.lv")
    client.post(JOIN, fresh)
    JoinRequest.objects.filter(person__first_name="Marta").update(
        submitted_at=timezone.now() - timezone.timedelta(days=15)
    )
    call_command("purge_unconfirmed_joins", stdout=io.StringIO())
    assert not Person.objects.filter(first_name="Marta").exists()
    assert Guardian.objects.filter(email="inga@example.lv").count() == 1  # Laura's only
    assert not EmailAddress.objects.filter(email="marta@example.lv").exists()
    assert Person.objects.filter(first_name="Laura").exists()  # not two weeks yet


def test_a_named_guardian_makes_an_account_from_the_link_and_sees_the_youth(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN, form_data(world))
        client.post(confirmation_link(mail.outbox[0]))
    marta = Person.objects.get(first_name="Marta")
    invitation = next(m for m in mail.outbox if m.to == ["inga@example.lv"])
    assert "Marta Bērziņa" in invitation.body
    link = (
        "/"
        + re.search(r"https?://\S+/biedri/aizbildnis/\S+", invitation.body)
        .group(0)
        .split("/", 3)[3]
    )
    client.logout()
    page = client.get(link).content.decode()
    assert "Marta" in page and "Bērziņa" not in page  # the first name only
    response = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response["Location"] == "/biedri/"
    assert marta.guardians.get().user.email == "inga@example.lv"
    assert EmailAddress.objects.get(email="inga@example.lv").verified
    assert "Marta Bērziņa" in client.get("/biedri/").content.decode()
    # The link is used up.
    client.logout()
    assert client.get(link).status_code == 404


def test_a_guardianship_link_needs_the_guardians_own_login(client, world):
    from members_area.accounts.services import guardianship_token

    named = world.child.guardians.create(first_name="Inga", last_name="Ozola", email="inga@x.lv")
    link = f"/biedri/aizbildnis/{guardianship_token(named)}/"
    client.force_login(world.other_parent)
    client.post(link)
    named.refresh_from_db()
    assert named.user is None
    assert client.get(f"/biedri/{world.child.pk}/karte/").status_code == 404
    assert client.get("/biedri/aizbildnis/forged-token/").status_code == 404


def test_a_join_the_database_drops_saves_nothing_and_sends_no_email(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    """The database goes away before the join is committed (a restart): the visitor is told
    it failed, nothing is half saved and no confirmation goes out for it."""
    from django.db import OperationalError
    from django.test import Client

    submit = services.submit_join_request

    def then_the_database_goes(**kwargs):
        submit(**kwargs)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "submit_join_request", then_the_database_goes)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = Client(raise_request_exception=False).post(JOIN, form_data(world))
    assert response.status_code in (500, 503)  # 503 when the database is really away
    assert not Person.objects.filter(first_name="Marta").exists()
    assert not EmailAddress.objects.filter(email="marta@example.lv").exists()
    assert (callbacks, mail.outbox) == ([], [])


def test_a_confirmation_is_saved_whole_or_not_at_all(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    """Confirming the address releases the join request in the same transaction: a database
    lost in between must not leave a confirmed address whose request waits for ever (a
    second click finds the address confirmed and releases nothing)."""
    from django.db import OperationalError
    from django.test import Client

    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN, form_data(world))
    link = confirmation_link(mail.outbox[0])
    mail.outbox.clear()
    release = services.email_confirmed

    def the_database_goes(user):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "email_confirmed", the_database_goes)
    visitor = Client(raise_request_exception=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert visitor.post(link).status_code in (500, 503)
    assert not EmailAddress.objects.get(email="marta@example.lv").verified
    join_request = JoinRequest.objects.get(person__first_name="Marta")
    assert join_request.status == JoinRequest.Status.UNVERIFIED
    assert mail.outbox == []

    monkeypatch.setattr(services, "email_confirmed", release)
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(link)
    assert EmailAddress.objects.get(email="marta@example.lv").verified
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert "vaditaja@example.lv" in [message.to[0] for message in mail.outbox]
