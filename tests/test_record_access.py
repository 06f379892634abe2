"""Who opened or exported whose records: written by the staff views, read by coordinators."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from members_area.accounts.models import RecordAccess
from tests.members import make_person, years_ago
from tests.projects import make_project, make_theme
from tests.test_member_access import arguments

pytestmark = pytest.mark.django_db


def entries_about(person):
    return list(RecordAccess.objects.filter(people=person))


def test_a_leader_opening_a_join_request_is_written_down(client, world):
    (pk,) = arguments(world, "join_request")
    client.force_login(world.leader)
    assert client.get(reverse("clubs:join_request", args=[pk])).status_code == 200
    (entry,) = RecordAccess.objects.all()
    assert entry.by == world.leader and entry.by_email == world.leader.email
    assert entry.what == RecordAccess.What.JOIN_REQUEST
    assert entry.path == reverse("clubs:join_request", args=[pk])
    assert [person.first_name for person in entry.people.all()] == ["Pēteris"]


def test_the_family_reading_its_own_project_is_not_logged_but_the_leader_is(client, world):
    project = make_project(
        make_theme(), world.club, [world.child], created_by=world.parent, state="submitted"
    )
    url = reverse("projects:detail", args=[project.pk])
    client.force_login(world.parent)
    assert client.get(url).status_code == 200
    assert entries_about(world.child) == []
    client.force_login(world.leader)
    assert client.get(url).status_code == 200
    assert [entry.by for entry in entries_about(world.child)] == [world.leader]


def test_a_scanned_card_is_logged_only_when_the_holder_is_shown(client, world):
    url = reverse("card_lookup", args=[world.child.current_card().token])
    assert client.get(url).status_code == 200  # anyone: only "the card is valid"
    client.force_login(world.other_leader)
    client.get(url)
    assert entries_about(world.child) == []
    client.force_login(world.leader)
    client.get(url)
    assert [entry.what for entry in entries_about(world.child)] == [RecordAccess.What.CARD]


def test_an_export_names_everyone_in_it(client, world):
    client.force_login(world.coordinator)
    response = client.get(reverse("clubs:export_csv"))
    assert response.status_code == 200
    (entry,) = RecordAccess.objects.all()
    assert entry.what == RecordAccess.What.MEMBER_EXPORT
    exported = {person.pk for person in entry.people.all()}
    assert {world.child.pk, world.youth.pk, world.other_child.pk} <= exported


def test_coordinators_find_who_opened_a_childs_records(
    client, world, django_assert_max_num_queries
):
    for viewer in (world.leader, world.coordinator):
        client.force_login(viewer)
        client.get(reverse("card_lookup", args=[world.child.current_card().token]))
        client.get(reverse("card_lookup", args=[world.other_child.current_card().token]))
    client.force_login(world.coordinator)
    url = reverse("members:record_accesses")
    with django_assert_max_num_queries(16):  # the member-area page itself takes 14
        page = client.get(url, {"person": world.child.member_number}).content.decode()
    assert page.count("Nolasīta biedra karte") == 2
    assert world.leader.email in page and "Anna Ozola" in page
    assert "Līga" not in page
    # The leader saw only "valid" for Līga (another club's): nothing about her to log.
    everyone = client.get(url).content.decode()
    assert everyone.count("Nolasīta biedra karte") == 3
    by_login = client.get(url, {"login": world.leader.email}).content.decode()
    assert "Anna Ozola" in by_login and "Līga Kalna" not in by_login
    assert world.coordinator.email not in by_login.split("<table", 1)[1]
    nothing = client.get(url, {"person": "Neviens"}).content.decode()
    assert "Žurnālā nekas neatbilst šiem filtriem." in nothing
    # Both words about the same person: Anna Ozola and Līga Kalna are not "Anna Kalna".
    mixed = client.get(url, {"person": "Anna Kalna"}).content.decode()
    assert "Žurnālā nekas neatbilst šiem filtriem." in mixed


def test_a_large_export_is_shown_as_a_count(client, world):
    from members_area.accounts.services import record_access

    people = [make_person(f"Bērns{n}", "Eksportēts", years_ago(10)).pk for n in range(7)]
    request = RequestFactory().get("/biedri/eksports.csv")
    request.user = world.coordinator
    record_access(request, RecordAccess.What.MEMBER_EXPORT, people + people[:2])
    client.force_login(world.coordinator)
    page = client.get(reverse("members:record_accesses")).content.decode()
    assert "7 cilvēki" in page and "Bērns1" not in page
