"""Club leaders' and coordinators' pages: members, exports and join requests."""

import csv
import io
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from members_area.accounts.models import PRIVACY_POLICY_VERSION, Consent, Person, current_year
from members_area.clubs.models import JoinRequest, MemberExport, Membership
from tests.members import add_guardian, make_leader, make_member, make_person, make_user, years_ago

pytestmark = pytest.mark.django_db

MEMBER_NUMBER = re.compile(r"M-\d{4}-\d{5}")


def url(name, *args, language="en"):
    """Pages are tested in English where their text is read (the Latvian is merged later)."""
    with translation.override(language):
        return reverse(name, args=args)


def names(response):
    return {m.person.full_name for m in response.context["memberships"]}


def pending_request(club, *, role="member", age=11, first_name="Ieva", email="gimene@example.lv"):
    """A family's request, confirmed and waiting for the leader, with its consents."""
    parent = make_user(email, first_name="Dace", last_name="Bērziņa")
    person = make_person(first_name, "Bērziņa", years_ago(age), status=Person.Status.APPLICANT)
    add_guardian(person, parent, phone="+371 29999999")
    for kind, level in ((Consent.Kind.DATA_PROCESSING, "yes"), (Consent.Kind.PHOTOS, "internal")):
        Consent.objects.create(
            person=person,
            kind=kind,
            level=level,
            policy_version=PRIVACY_POLICY_VERSION,
            given_by=parent,
        )
    return JoinRequest.objects.create(
        person=person,
        club=club,
        role=role,
        year=current_year(),
        message="Ļoti gribu audzēt kartupeļus.",
        status=JoinRequest.Status.PENDING,
        submitted_by=parent,
    )


# Access ----------------------------------------------------------------------------------------


def test_a_leader_sees_his_clubs_members_only(client, world):
    client.force_login(world.leader)
    response = client.get(url("clubs:staff_members"))
    assert response.status_code == 200
    assert {"Anna Ozola", "Jānis Ozols", "Vita Vadītāja"} <= names(response)
    assert "Līga Kalna" not in names(response)
    content = response.content.decode()
    assert "Anna Ozola" in content and world.child.member_number in content
    assert "10–12 years" in content  # the age group, not the date of birth
    assert world.child.date_of_birth.isoformat() not in content
    assert url("clubs:export_csv") not in content  # exports are for coordinators
    assert "no-store" in response["Cache-Control"]


def test_a_coordinator_sees_every_club_and_the_export_links(client, world):
    client.force_login(world.coordinator)
    response = client.get(url("clubs:staff_members"), {"q": "a", "club": "101"})
    assert names(response) >= {"Anna Ozola"}
    content = response.content.decode()
    assert f"{url('clubs:export_csv')}?q=a&amp;club=101" in content
    assert f"{url('clubs:export_xlsx')}?q=a&amp;club=101" in content
    response = client.get(url("clubs:staff_members"))
    assert {"Anna Ozola", "Jānis Ozols", "Līga Kalna"} <= names(response)


@pytest.mark.parametrize("name", ["clubs:staff_members", "clubs:join_requests"])
def test_a_family_login_is_refused_and_a_visitor_sent_to_sign_in(client, world, name):
    client.force_login(world.parent)
    assert client.get(url(name)).status_code == 403
    client.logout()
    response = client.get(url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login"))


def test_a_leader_without_a_second_factor_is_sent_to_set_one_up(client, world):
    newcomer = make_leader("jauna.vaditaja@example.lv", world.club, "Jana", "Jaunā")
    client.force_login(newcomer)
    for name in ("clubs:staff_members", "clubs:join_requests"):
        response = client.get(url(name))
        assert response.status_code == 302
        assert response["Location"] == url("mfa_activate_totp")


def test_the_member_list_has_a_query_budget(client, world, django_assert_max_num_queries):
    client.force_login(world.coordinator)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("clubs:staff_members")).status_code == 200
        return len(queries)

    for index in range(3):
        make_member(make_person(f"Bērns{index}", "Liepa", years_ago(8)), world.club)
    count_queries()  # the first request fills the site-wide caches (menu, colours)
    few = count_queries()
    for index in range(3, 30):
        make_member(make_person(f"Bērns{index}", "Liepa", years_ago(8)), world.club)
    assert count_queries() == few
    # Coordinators open the admin too, so Wagtail's user bar reads their profile (2 queries).
    with django_assert_max_num_queries(20):
        client.get(url("clubs:staff_members"))


def test_the_member_list_is_paginated(client, world):
    for index in range(55):
        make_member(make_person(f"Bērns{index:02d}", "Liepa", years_ago(8)), world.club)
    client.force_login(world.leader)
    first = client.get(url("clubs:staff_members"))
    assert len(first.context["memberships"]) == 50
    second = client.get(url("clubs:staff_members"), {"page": 2})
    assert len(second.context["memberships"]) == 58 - 50  # 55 + Anna, Jānis and the leader
    assert not names(first) & names(second)


# Filters ---------------------------------------------------------------------------------------


def test_filters_by_club_and_region(client, world):
    client.force_login(world.coordinator)
    response = client.get(url("clubs:staff_members"), {"club": world.other_club.number})
    assert names(response) == {"Līga Kalna", "Kārlis Vadītājs"}
    region = world.other_club.municipality.region.slug
    response = client.get(url("clubs:staff_members"), {"region": region})
    assert names(response) == {"Līga Kalna", "Kārlis Vadītājs"}
    # A leader is offered only his own clubs.
    client.force_login(world.leader)
    form = client.get(url("clubs:staff_members")).context["filter_form"]
    assert list(form.fields["club"].queryset) == [world.club]


def test_filters_by_age_group_and_status(client, world):
    client.force_login(world.coordinator)
    response = client.get(url("clubs:staff_members"), {"age_group": "5-9"})
    assert names(response) == {"Līga Kalna"}
    response = client.get(url("clubs:staff_members"), {"age_group": "13-17"})
    assert names(response) == {"Jānis Ozols"}
    Membership.objects.filter(person=world.youth).update(status=Membership.Status.ENDED)
    assert "Jānis Ozols" not in names(client.get(url("clubs:staff_members")))
    response = client.get(url("clubs:staff_members"), {"status": "ended"})
    assert names(response) == {"Jānis Ozols"}
    assert "Jānis Ozols" in names(client.get(url("clubs:staff_members"), {"status": "all"}))


def test_filters_by_year(client, world):
    former = make_person("Pēteris", "Vecais", years_ago(20))
    make_member(former, world.club, year=current_year() - 1)
    client.force_login(world.coordinator)
    assert "Pēteris Vecais" not in names(client.get(url("clubs:staff_members")))
    response = client.get(url("clubs:staff_members"), {"year": current_year() - 1})
    assert names(response) == {"Pēteris Vecais"}
    assert f"1 membership in {current_year() - 1}" in response.content.decode()


def test_search_by_name_or_member_number(client, world):
    client.force_login(world.leader)
    response = client.get(url("clubs:staff_members"), {"q": "ozol"})
    assert names(response) == {"Anna Ozola", "Jānis Ozols"}
    response = client.get(url("clubs:staff_members"), {"q": "anna ozola"})
    assert names(response) == {"Anna Ozola"}
    response = client.get(url("clubs:staff_members"), {"q": world.child.member_number})
    assert names(response) == {"Anna Ozola"}
    response = client.get(url("clubs:staff_members"), {"q": "Kalna"})  # another club's
    assert names(response) == set()
    assert "No members match these filters." in response.content.decode()


def test_an_invalid_filter_is_reported_and_the_others_still_apply(client, world):
    client.force_login(world.coordinator)
    response = client.get(
        url("clubs:staff_members"), {"club": world.club.number, "age_group": "99", "year": "x"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Some filters could not be used:" in content
    assert "Select a valid choice" in content
    assert names(response) == {"Anna Ozola", "Jānis Ozols", "Vita Vadītāja"}
    # In Latvian, on the Latvian address.
    response = client.get(
        url("clubs:staff_members", language="lv"),
        {"club": world.other_club.number, "age_group": "x"},
    )
    content = response.content.decode()
    assert "Dažus filtrus nevarēja izmantot:" in content
    assert "Jāatlasa derīga izvēle" in content
    assert names(response) == {"Līga Kalna", "Kārlis Vadītājs"}


def test_a_leader_cannot_filter_for_another_club(client, world):
    client.force_login(world.leader)
    response = client.get(url("clubs:staff_members"), {"club": world.other_club.number})
    assert "Select a valid choice" in response.content.decode()
    assert "Līga Kalna" not in names(response)
    assert "Anna Ozola" in names(response)


# Exports ---------------------------------------------------------------------------------------


def read_csv(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


def test_a_coordinator_exports_csv_with_guardians_contacts(client, world):
    client.force_login(world.coordinator)
    response = client.get(url("clubs:export_csv"), {"club": world.club.number})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert re.fullmatch(
        r'attachment; filename="mazpulki-biedri-\d{4}-\d{2}-\d{2}\.csv"',
        response["Content-Disposition"],
    )
    assert response["Cache-Control"] == "private, no-store"
    header, *rows = read_csv(response)
    assert header[:4] == ["Member number", "First name", "Last name", "Date of birth"]
    assert "Guardians' e-mails" in header
    anna = next(row for row in rows if row[1] == "Anna")
    assert anna[0] == world.child.member_number
    assert anna[3] == world.child.date_of_birth.isoformat()
    assert anna[4] == "10–12 years"
    assert anna[5:9] == ["Cēsu mazpulks", "101", "member", str(current_year())]
    assert anna[9] == world.child.municipality.name_en
    assert anna[12] == "mamma@example.lv"
    assert anna[13] == "'+371 20000000"  # a leading + would be a formula to a spreadsheet
    assert {row[1] for row in rows} == {"Anna", "Jānis", "Vita"}
    export = MemberExport.objects.get()
    assert export.exported_by == world.coordinator
    assert export.format == "csv"
    assert export.row_count == 3
    assert export.filters == {"club": 101, "year": current_year(), "status": "active"}


def test_a_coordinator_exports_xlsx(client, world):
    client.force_login(world.coordinator)
    response = client.get(url("clubs:export_xlsx"), {"q": "ozol"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert response["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.values)
    assert header[0] == "Member number"
    assert sorted((row[1], row[2]) for row in rows) == [("Anna", "Ozola"), ("Jānis", "Ozols")]
    anna = next(row for row in rows if row[1] == "Anna")
    assert anna[3].date() == world.child.date_of_birth
    assert anna[6] == 101
    assert anna[12] == "mamma@example.lv"
    export = MemberExport.objects.get()
    assert (export.format, export.row_count, export.filters["q"]) == ("xlsx", 2, "ozol")


def test_exports_are_for_coordinators_only(client, world):
    for user in (world.leader, world.parent):
        client.force_login(user)
        assert client.get(url("clubs:export_csv")).status_code == 403
        assert client.get(url("clubs:export_xlsx")).status_code == 403
    client.logout()
    assert client.get(url("clubs:export_csv"))["Location"].startswith(url("account_login"))
    assert not MemberExport.objects.exists()


def test_exports_neutralise_formulas(client, world):
    Person.objects.filter(pk=world.child.pk).update(
        first_name='=HYPERLINK("http://evil.example","Klik")', last_name="@SUM(A1)"
    )
    client.force_login(world.coordinator)
    _header, *rows = read_csv(client.get(url("clubs:export_csv")))
    row = next(row for row in rows if row[0] == world.child.member_number)
    assert row[1] == '\'=HYPERLINK("http://evil.example","Klik")'
    assert row[2] == "'@SUM(A1)"
    response = client.get(url("clubs:export_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == world.child.member_number)
    assert cells[1].data_type == "s"  # text, never a formula
    assert cells[1].value == '=HYPERLINK("http://evil.example","Klik")'


# Join requests ---------------------------------------------------------------------------------


def test_the_leader_lists_his_clubs_requests_waiting_first(client, world):
    mine = pending_request(world.club)
    decided = pending_request(world.club, first_name="Rūta", email="cita@example.lv")
    decided.status = JoinRequest.Status.DECLINED
    decided.decided_at = decided.submitted_at
    decided.save()
    other = pending_request(world.other_club, first_name="Zane", email="treša@example.lv")
    client.force_login(world.leader)
    response = client.get(url("clubs:join_requests"))
    assert list(response.context["pending"]) == [mine]
    assert list(response.context["decided"]) == [decided]
    content = response.content.decode()
    assert content.index("Ieva Bērziņa") < content.index("Rūta Bērziņa")
    assert "Zane" not in content
    assert url("clubs:join_request", mine.pk) in content
    client.force_login(world.coordinator)
    response = client.get(url("clubs:join_requests"))
    assert set(response.context["pending"]) == {mine, other}


def test_the_request_list_has_a_query_budget(client, world, django_assert_max_num_queries):
    client.force_login(world.leader)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("clubs:join_requests")).status_code == 200
        return len(queries)

    for index in range(3):
        pending_request(world.club, first_name=f"Bērns{index}", email=f"g{index}@example.lv")
    count_queries()  # the first request fills the site-wide caches (menu, colours)
    few = count_queries()
    for index in range(3, 30):
        pending_request(world.club, first_name=f"Bērns{index}", email=f"g{index}@example.lv")
    assert count_queries() == few
    with django_assert_max_num_queries(15):
        client.get(url("clubs:join_requests"))


def test_the_request_shows_what_the_leader_needs_to_decide(
    client, world, django_assert_max_num_queries
):
    join_request = pending_request(world.club)
    client.force_login(world.leader)
    with django_assert_max_num_queries(22):  # 2 of them write the record-access log
        response = client.get(url("clubs:join_request", join_request.pk))
    content = response.content.decode()
    assert "Ieva Bērziņa would like to join Cēsu mazpulks" in content
    assert "11 years" in content
    assert "gimene@example.lv" in content and "+371 29999999" in content  # a minor's guardian
    assert "Ļoti gribu audzēt kartupeļus." in content
    assert "Photos: Only inside the organisation" in content
    assert "Processing of personal data: yes" in content
    assert 'value="approve"' in content and 'value="decline"' in content


def test_approving_makes_a_member_with_a_number_and_a_card(
    client, world, django_capture_on_commit_callbacks
):
    join_request = pending_request(world.club)
    client.force_login(world.leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("clubs:join_request", join_request.pk), {"action": "approve"})
    assert response.status_code == 302
    assert response["Location"] == url("clubs:join_requests")
    person = Person.objects.get(pk=join_request.person_id)
    assert MEMBER_NUMBER.fullmatch(person.member_number)
    assert person.status == Person.Status.ACTIVE
    assert person.current_card() is not None
    membership = Membership.objects.current().get(person=person)
    assert (membership.club, membership.role) == (world.club, "member")
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == ("approved", world.leader)
    assert [message.to for message in mail.outbox] == [["gimene@example.lv"]]
    assert person.member_number in mail.outbox[0].body
    page = client.get(response["Location"]).content.decode()
    assert "The family has been e-mailed" in page and person.member_number in page


def test_declining_needs_a_reason_and_tells_the_family(
    client, world, django_capture_on_commit_callbacks
):
    join_request = pending_request(world.club)
    client.force_login(world.leader)
    address = url("clubs:join_request", join_request.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, {"action": "decline", "reason": "  "})
    assert response.status_code == 200
    assert "Write the reason: the family will read it." in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, {"action": "decline", "reason": "Grupa ir pilna."})
    assert response["Location"] == url("clubs:join_requests")
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.DECLINED
    assert join_request.decline_reason == "Grupa ir pilna."
    assert not Membership.objects.filter(person=join_request.person).exists()
    assert [message.to for message in mail.outbox] == [["gimene@example.lv"]]
    assert "Grupa ir pilna." in mail.outbox[0].body
    assert "was declined" in client.get(response["Location"]).content.decode()


def test_another_clubs_leader_gets_not_found(client, world):
    join_request = pending_request(world.club)
    client.force_login(world.other_leader)
    address = url("clubs:join_request", join_request.pk)
    assert client.get(address).status_code == 404
    assert client.post(address, {"action": "approve"}).status_code == 404
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    client.force_login(world.parent)
    assert client.get(address).status_code == 403


def test_deciding_twice_changes_nothing(client, world, django_capture_on_commit_callbacks):
    join_request = pending_request(world.club)
    client.force_login(world.leader)
    address = url("clubs:join_request", join_request.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(address, {"action": "approve"})
    number = Person.objects.get(pk=join_request.person_id).member_number
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(address, {"action": "approve"})
        declined = client.post(address, {"action": "decline", "reason": "Pārdomāju."})
    for response in (again, declined):
        assert response.status_code == 200
        assert "This request has already been decided." in response.content.decode()
        assert 'value="approve"' not in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.APPROVED
    assert join_request.decline_reason == ""
    assert Person.objects.get(pk=join_request.person_id).member_number == number
    assert Membership.objects.filter(person=join_request.person).count() == 1
    assert not mail.outbox


def test_only_a_coordinator_approves_a_leader(client, world, django_capture_on_commit_callbacks):
    join_request = pending_request(world.club, role="leader", age=35)
    client.force_login(world.leader)
    address = url("clubs:join_request", join_request.pk)
    response = client.get(address)
    assert 'value="approve"' not in response.content.decode()
    assert "A coordinator decides" in response.content.decode()
    assert "+371 29999999" not in response.content.decode()  # an adult: no guardians shown
    assert client.post(address, {"action": "approve"}).status_code == 403
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert not Membership.objects.filter(person=join_request.person).exists()

    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, {"action": "approve"})
    assert response.status_code == 302
    assert Membership.objects.current().leading().filter(person=join_request.person).exists()


def test_the_online_clubs_requests_are_for_coordinators(client, world):
    join_request = pending_request(world.online_club, age=16)
    client.force_login(world.leader)
    assert client.get(url("clubs:join_request", join_request.pk)).status_code == 404
    client.force_login(world.coordinator)
    response = client.get(url("clubs:join_request", join_request.pk))
    assert 'value="approve"' in response.content.decode()
