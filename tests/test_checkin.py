"""Check-in at events: a desk scans member cards (the phone's camera opens /k/<token>/, a
scanner types the code, or the member is found by name), once per person and event."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from members_area.accounts.services import replace_lost_card
from members_area.checkin.models import Checkin, EventHost, FailedScan
from members_area.clubs.models import Membership
from tests.checkin import desk_session, make_event, open_desk
from tests.members import make_member, make_person, years_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(pages):
    return make_event(pages, capacity=3)


@pytest.fixture
def desk(world, event):
    return open_desk(event, world.coordinator)


@pytest.fixture
def at_desk(client, world, desk):
    client.force_login(world.coordinator)
    desk_session(client, desk)
    return client


def card_path(person):
    return reverse("card_lookup", args=[person.current_card().token])


def text(response):
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_opening_a_desk_then_the_card_address_checks_the_member_in(client, world, event):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("checkin:home"), {"event": event.pk, "name": "Galvenie vārti"}, follow=True
    )
    assert "Galvenie vārti" in text(response)

    response = client.get(card_path(world.child), headers={"sec-fetch-site": "none"})

    assert response.status_code == 200
    assert "Anna Ozola: ierašanās reģistrēta" in text(response)
    checkin = Checkin.objects.get(event=event, person=world.child)
    assert checkin.method == "card"
    assert checkin.checked_in_by == world.coordinator
    assert checkin.desk.name == "Galvenie vārti"
    assert "Reģistrēti: 1 no 3" in text(response)
    assert response["Cache-Control"].count("no-store") == 1


def test_a_second_scan_says_when_and_by_whom_and_records_nothing_new(at_desk, world, event):
    at_desk.get(card_path(world.child))
    second = at_desk.get(card_path(world.child))

    assert second.status_code == 200
    first = Checkin.objects.get(event=event, person=world.child)
    time = timezone.localtime(first.checked_in_at).strftime("%H:%M")
    assert f"{time}" in text(second)
    assert "Kora Koordinatore" in text(second)
    assert Checkin.objects.filter(event=event).count() == 1
    assert FailedScan.objects.get().outcome == "already"


def test_a_second_desk_scanning_the_same_card_gets_the_first_check_in(client, world, event, desk):
    EventHost.objects.create(event=event, club=world.club)
    other_desk = open_desk(event, world.leader, name="Otrie vārti")
    client.force_login(world.coordinator)
    desk_session(client, desk)
    client.get(card_path(world.youth))

    client.force_login(world.leader)
    desk_session(client, other_desk)
    response = client.post(
        reverse("checkin:code", args=[other_desk.pk]), {"code": world.youth.current_card().token}
    )

    assert "jau ir reģistrēta" in text(response)
    assert "Vārti" in text(response)  # the first desk
    assert Checkin.objects.filter(event=event, person=world.youth).count() == 1


@pytest.mark.parametrize(
    "typed",
    [
        "{token}",
        "  {lower}  ",
        "https://mazpulki.lv/k/{token}/",
        "{spaced}",
    ],
)
def test_a_typed_or_scanner_sent_code_checks_in(at_desk, world, event, desk, typed):
    token = world.child.current_card().token
    code = typed.format(
        token=token, lower=token.lower(), spaced=" ".join([token[:9], token[9:18], token[18:]])
    )
    response = at_desk.post(reverse("checkin:code", args=[desk.pk]), {"code": code})

    assert response.status_code == 200
    assert Checkin.objects.filter(event=event, person=world.child, method="code").exists()


def test_unknown_replaced_and_lapsed_cards_are_refused_with_their_reason(at_desk, world, desk):
    old_token = world.child.current_card().token
    replace_lost_card(world.child)
    Membership.objects.filter(person=world.youth).update(year=timezone.localdate().year - 1)
    code_url = reverse("checkin:code", args=[desk.pk])

    unknown = at_desk.post(code_url, {"code": "ABCDEFGHJK" * 2 + "MNPQRST"})
    replaced = at_desk.post(code_url, {"code": old_token})
    lapsed = at_desk.get(card_path(world.youth))
    garbage = at_desk.post(code_url, {"code": "<script>"})

    assert unknown.status_code == replaced.status_code == lapsed.status_code == 409
    assert "Nezināma karte" in text(unknown)
    assert "aizstāta ar jaunu" in text(replaced)
    assert "nav atjaunota" in text(lapsed)
    assert garbage.status_code == 409
    assert not Checkin.objects.exists()
    outcomes = sorted(FailedScan.objects.values_list("outcome", flat=True))
    assert outcomes == ["lapsed", "revoked", "unknown", "unknown"]
    # An unknown code is kept only by its first characters.
    assert FailedScan.objects.filter(outcome="unknown").first().code_start in ("ABCD", "<SCR")
    assert "Anna" not in text(replaced)  # a replaced card no longer names its holder here


def test_a_card_address_without_a_desk_leaks_nothing_and_records_nothing(client, world):
    path = card_path(world.child)
    anonymous = client.get(path)
    client.force_login(world.other_parent)
    other_family = client.get(path)
    client.force_login(world.other_leader)
    other_leader = client.get(path)

    for response in (anonymous, other_family, other_leader):
        assert response.status_code == 200
        assert "derīga" in text(response)
        assert "Anna" not in text(response) and "Ozola" not in text(response)
        assert "M-" not in text(response)
    assert not Checkin.objects.exists()
    assert not FailedScan.objects.exists()


def test_a_desk_of_another_login_in_the_session_is_not_used(client, world, desk):
    client.force_login(world.other_leader)
    desk_session(client, desk)  # the coordinator's desk

    response = client.get(card_path(world.child))

    assert "Anna" not in text(response)
    assert not Checkin.objects.exists()


def test_an_address_opened_from_another_site_asks_before_checking_in(at_desk, world, event):
    path = card_path(world.child)
    asked = at_desk.get(path, headers={"sec-fetch-site": "cross-site"})
    assert asked.status_code == 200
    assert not Checkin.objects.exists()
    assert "Anna" not in text(asked)

    confirmed = at_desk.post(path)

    assert confirmed.status_code == 200
    assert Checkin.objects.filter(event=event, person=world.child).exists()


def test_finding_a_member_by_name_or_number(at_desk, world, event, desk):
    by_name = at_desk.get(reverse("checkin:desk", args=[desk.pk]), {"q": "anna ozo"})
    assert "Anna Ozola" in text(by_name)
    assert "Jānis" not in text(by_name)
    number = world.youth.member_number.replace("-", "").lower()
    by_number = at_desk.get(reverse("checkin:desk", args=[desk.pk]), {"q": number})
    assert "Jānis Ozols" in text(by_number)
    nothing = at_desk.get(reverse("checkin:desk", args=[desk.pk]), {"q": "Zzzz"})
    assert "Neatradām nevienu" in text(nothing)

    at_desk.post(reverse("checkin:pick", args=[desk.pk]), {"person": world.child.pk})

    assert Checkin.objects.get(event=event, person=world.child).method == "search"
    again = at_desk.get(reverse("checkin:desk", args=[desk.pk]), {"q": "Anna"})
    assert "reģistrēts" in text(again)


def test_a_leader_finds_only_his_clubs_members(client, world, event):
    EventHost.objects.create(event=event, club=world.club)
    desk = open_desk(event, world.leader)
    client.force_login(world.leader)

    found = client.get(reverse("checkin:desk", args=[desk.pk]), {"q": "Kalna"})
    picked = client.post(reverse("checkin:pick", args=[desk.pk]), {"person": world.other_child.pk})

    assert "Līga" not in text(found)
    assert picked.status_code == 404
    assert not Checkin.objects.exists()


def test_undo_needs_a_reason_keeps_the_row_and_allows_a_new_check_in(at_desk, world, event):
    at_desk.get(card_path(world.child))
    checkin = Checkin.objects.get()
    undo_url = reverse("checkin:undo", args=[checkin.pk])

    refused = at_desk.post(undo_url, {"reason": ""})
    assert refused.status_code == 200
    assert "Norādi iemeslu" in text(refused)

    at_desk.post(undo_url, {"reason": "Noskenēta māsas karte"})
    checkin.refresh_from_db()
    assert checkin.undone_by == world.coordinator
    assert checkin.undo_reason == "Noskenēta māsas karte"
    listing = at_desk.get(reverse("checkin:attendance", args=[event.pk]))
    assert "Reģistrēti: 0" in text(listing)
    assert "Noskenēta māsas karte" in text(listing)

    at_desk.get(card_path(world.child))
    assert Checkin.objects.active().filter(event=event, person=world.child).count() == 1
    assert Checkin.objects.filter(event=event, person=world.child).count() == 2


def test_the_count_against_capacity_and_a_full_event(at_desk, world, event, desk):
    for person in (world.child, world.youth):
        at_desk.get(card_path(person))
    newcomer = make_person("Ieva", "Liepa", years_ago(12))
    make_member(newcomer, world.club)

    response = at_desk.get(card_path(newcomer))

    assert "Reģistrēti: 3 no 3" in text(response)
    assert "pasākums ir pilns" in text(response)


def test_attendance_list_and_csv(at_desk, world, event):
    at_desk.get(card_path(world.child))
    at_desk.get(card_path(world.youth))

    listing = at_desk.get(reverse("checkin:attendance", args=[event.pk]))
    export = at_desk.get(reverse("checkin:attendance_csv", args=[event.pk]))

    assert "Anna Ozola" in text(listing) and "Jānis Ozols" in text(listing)
    rows = export.content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Uzvārds,Vārds,Biedra numurs")
    assert rows[1].startswith(f"Ozola,Anna,{world.child.member_number},")
    assert "Cēsu mazpulks" in rows[1] and "Vārti" in rows[1]
    assert export["Content-Disposition"].endswith('-attendance.csv"')


def test_an_event_outside_its_check_in_hours_refuses(at_desk, world, pages):
    later = make_event(pages, starts_in=datetime.timedelta(days=2))
    from members_area.checkin.models import Desk

    desk = Desk.objects.create(event=later, name="Agri", opened_by=world.coordinator)
    desk_session(at_desk, desk)

    scanned = at_desk.get(card_path(world.child))
    typed = at_desk.post(
        reverse("checkin:code", args=[desk.pk]), {"code": world.child.current_card().token}
    )

    assert "Šī biedra karte ir derīga" in text(scanned)  # no desk takes it: the card lookup
    assert typed.status_code == 409
    assert "nepieņem reģistrāciju" in text(typed)
    assert not Checkin.objects.exists()
    opening = at_desk.post(reverse("checkin:home"), {"event": later.pk, "name": "X"})
    assert "12 stundas pirms" in text(opening)


def test_leaders_run_desks_only_for_events_their_club_hosts(client, world, event):
    client.force_login(world.leader)
    refused = client.post(reverse("checkin:home"), {"event": event.pk, "name": "Vārti"})
    assert refused.status_code == 200
    assert "Neviens no taviem mazpulkiem tuvākajā nedēļā nerīko pasākumu" in text(refused)
    assert client.get(reverse("checkin:attendance", args=[event.pk])).status_code == 404

    EventHost.objects.create(event=event, club=world.club)
    opened = client.post(reverse("checkin:home"), {"event": event.pk, "name": "Vārti"})
    assert opened.status_code == 302
    assert client.get(reverse("checkin:attendance", args=[event.pk])).status_code == 200

    client.force_login(world.other_leader)
    assert client.get(opened["Location"]).status_code == 404  # not his desk
    assert client.get(reverse("checkin:attendance", args=[event.pk])).status_code == 404


def test_coordinators_name_host_clubs(client, world, event):
    client.force_login(world.coordinator)
    client.post(reverse("checkin:hosts", args=[event.pk]), {"club": world.club.pk})
    again = client.post(
        reverse("checkin:hosts", args=[event.pk]), {"club": world.club.pk}, follow=True
    )
    assert "jau" in text(again)
    host = EventHost.objects.get(event=event)
    assert host.club == world.club and host.added_by == world.coordinator

    client.post(reverse("checkin:host_remove", args=[event.pk, host.pk]))
    assert not EventHost.objects.exists()
    client.force_login(world.leader)
    assert client.get(reverse("checkin:hosts", args=[event.pk])).status_code == 403


def test_a_leader_checked_in_at_a_training_event_gets_its_hours_back_on_undo(at_desk, world, pages):
    from members_area.volunteering.models import TrainingRecord
    from members_area.volunteering.services import training_hours

    training = make_event(pages, kind="training", training_hours=Decimal("6"))
    from members_area.checkin.models import Desk

    desk = Desk.objects.create(event=training, name="Zāle", opened_by=world.coordinator)
    desk_session(at_desk, desk)
    leader = world.leader.person
    year = timezone.localtime(training.start).year

    response = at_desk.get(card_path(leader))
    at_desk.get(reverse("checkin:desk", args=[desk.pk]))  # a later page view credits nothing
    at_desk.get(card_path(world.child))  # a member is not a leader: no training hours

    assert "6 mācību stundas" in text(response)
    assert training_hours(leader, year) == Decimal("6")
    record = TrainingRecord.objects.get()
    assert record.event_id == training.pk and record.person == leader
    checkin = Checkin.objects.get(person=leader)
    at_desk.post(reverse("checkin:undo", args=[checkin.pk]), {"reason": "Kļūda"})
    assert training_hours(leader, year) == 0


def test_the_desk_shows_a_no_photos_flag(at_desk, world):
    world.child.photo_consent = "none"
    world.child.save()

    response = at_desk.get(card_path(world.child))

    assert "Nefotografēt" in text(response)


def test_an_event_with_attendance_cannot_be_deleted_in_the_admin(client, coordinator, event):
    open_desk(event, coordinator)
    client.force_login(coordinator)

    response = client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]), follow=True)

    assert "nevar izdzēst" in text(response)
    assert type(event).objects.filter(pk=event.pk).exists()


def test_desk_page_query_budget(at_desk, world, desk, django_assert_max_num_queries):
    for person in (world.child, world.youth):
        at_desk.get(card_path(person))
    path = card_path(world.child)
    with django_assert_max_num_queries(30):  # a second scan: a failed scan is recorded
        response = at_desk.get(path)
    assert response.status_code == 200
    with django_assert_max_num_queries(22):
        at_desk.get(reverse("checkin:desk", args=[desk.pk]), {"q": "Ozol"})


def test_attendance_query_count_does_not_grow(at_desk, world, event, django_assert_max_num_queries):
    at_desk.get(card_path(world.child))
    with django_assert_max_num_queries(22) as few:
        at_desk.get(reverse("checkin:attendance", args=[event.pk]))
    queries = len(few.captured_queries)
    for number in range(6):
        person = make_person("Bērns", f"Nr{number}", years_ago(11))
        make_member(person, world.club)
        at_desk.get(card_path(person))
    with django_assert_max_num_queries(queries):
        at_desk.get(reverse("checkin:attendance", args=[event.pk]))


def test_my_data_lists_check_ins_and_erasure_keeps_the_count(at_desk, world, event):
    from members_area.accounts.services import erase_person, personal_data

    at_desk.get(card_path(world.child))

    (anna,) = [p for p in personal_data(world.parent)["people"] if p["first_name"] == "Anna"]
    assert [row["event"] for row in anna["event_checkins"]] == [event.title]
    erase_person(world.child)
    assert Checkin.objects.active().filter(event=event).count() == 1
    listing = at_desk.get(reverse("checkin:attendance", args=[event.pk]))
    assert "Anna" not in text(listing)


def test_an_address_opened_as_an_image_or_a_prefetch_checks_no_one_in(at_desk, world):
    path = card_path(world.child)
    image = at_desk.get(
        path, headers={"sec-fetch-site": "same-origin", "sec-fetch-dest": "image",
                       "sec-fetch-mode": "no-cors"},
    )  # fmt: skip
    prefetch = at_desk.get(path, headers={"sec-purpose": "prefetch"})
    head = at_desk.head(path)

    assert image.status_code == prefetch.status_code == head.status_code == 200
    assert "Reģistrēt šīs kartes īpašnieku?" in text(image)
    assert not Checkin.objects.exists()


def test_the_card_address_answers_in_the_desks_language(client, world, event, desk):
    client.force_login(world.coordinator)
    with translation.override("en"):
        english_desk = client.get(reverse("checkin:desk", args=[desk.pk]))
    assert english_desk.status_code == 200
    world.child.photo_consent = "none"
    world.child.save()

    response = client.get(card_path(world.child), headers={"accept-language": "lv"})

    assert "Anna Ozola is checked in" in text(response)
    assert "No photos" in text(response)
    assert "/en/members/" in response.content.decode()


def test_a_desk_left_open_after_its_event_no_longer_takes_over_card_scans(at_desk, world, desk):
    from members_area.checkin.services import CLOSES_AFTER_END

    type(desk.event).objects.filter(pk=desk.event_id).update(
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - CLOSES_AFTER_END - datetime.timedelta(minutes=1),
    )

    response = at_desk.get(card_path(world.child))

    assert response.status_code == 200
    assert "Šī biedra karte ir derīga" in text(response)  # the card lookup
    assert not Checkin.objects.exists()
    closed = at_desk.post(
        reverse("checkin:code", args=[desk.pk]), {"code": world.child.current_card().token}
    )
    assert closed.status_code == 409
    assert FailedScan.objects.get().outcome == "closed"


def test_an_unpublished_event_keeps_its_list_and_takes_no_more_check_ins(at_desk, world, event):
    at_desk.get(card_path(world.child))
    event.unpublish()

    listing = at_desk.get(reverse("checkin:attendance", args=[event.pk]))
    scanned = at_desk.get(card_path(world.youth))

    assert "Anna Ozola" in text(listing)
    assert "ierašanās reģistrēta" not in text(scanned)
    assert Checkin.objects.count() == 1


def test_a_second_scan_on_another_day_names_the_day_and_keeps_the_flags(at_desk, world, event):
    world.child.photo_consent = "none"
    world.child.save()
    at_desk.get(card_path(world.child))
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Checkin.objects.update(checked_in_at=yesterday)

    response = at_desk.get(card_path(world.child))

    assert timezone.localtime(yesterday).strftime("%d.%m.%Y") in text(response)
    assert "Nefotografēt" in text(response)


def test_the_photo_is_shown_only_at_an_open_desk_of_the_event(client, world, event, desk):
    from tests.test_privacy import jpeg

    world.child.photo.save("anna.jpg", jpeg(), save=False)
    world.child.photo_consent = "internal"
    world.child.save()
    EventHost.objects.create(event=event, club=world.other_club)
    leader_desk = open_desk(event, world.other_leader)
    client.force_login(world.coordinator)
    desk_session(client, desk)
    client.get(card_path(world.child))
    photo = reverse("checkin:photo", args=[Checkin.objects.get().pk])

    assert client.get(photo).status_code == 200
    client.force_login(world.other_leader)
    assert client.get(photo).status_code == 200  # at his open desk of the event
    from members_area.checkin.services import close_desk

    close_desk(leader_desk)
    assert client.get(photo).status_code == 404


def test_hours_entered_by_hand_are_not_credited_again_at_check_in(at_desk, world, pages):
    from members_area.volunteering.services import record_training, training_hours

    training = make_event(pages, kind="seminar", training_hours=Decimal("6"))
    leader = world.leader.person
    record_training(
        by=world.coordinator, person=leader, course="Seminārs", provider="LM",
        date=timezone.localdate(), hours=6, event=training,
    )  # fmt: skip
    desk_session(at_desk, open_desk(training, world.coordinator))

    response = at_desk.get(card_path(leader))

    assert training_hours(leader, timezone.localdate().year) == Decimal("6")
    assert "jau ievadījis koordinators" in text(response)


def test_hours_credited_at_check_in_are_not_entered_again_by_hand(at_desk, world, pages):
    from django.core.exceptions import ValidationError

    from members_area.volunteering.services import record_training

    training = make_event(pages, kind="training", training_hours=Decimal("1.5"))
    leader = world.leader.person
    desk_session(at_desk, open_desk(training, world.coordinator))
    response = at_desk.get(card_path(leader))
    assert "1,5 mācību stundas" in text(response)

    with pytest.raises(ValidationError) as error:
        record_training(
            by=world.coordinator, person=leader, course="Apmācība", provider="LM",
            date=timezone.localdate(), hours=Decimal("1.5"), event=training,
        )  # fmt: skip
    assert "event" in error.value.message_dict


def test_a_leader_checking_himself_in_gets_no_training_hours(client, world, pages):
    from members_area.volunteering.services import training_hours

    training = make_event(pages, kind="training", training_hours=Decimal("12"))
    EventHost.objects.create(event=training, club=world.club)
    desk = open_desk(training, world.leader)
    client.force_login(world.leader)

    response = client.post(
        reverse("checkin:pick", args=[desk.pk]), {"person": world.leader.person.pk}
    )

    assert "kolēģim" in text(response)
    assert training_hours(world.leader.person, timezone.localdate().year) == 0


def test_a_login_that_ran_a_desk_can_still_be_closed(client, world, event):
    from members_area.accounts.services import erase_family

    EventHost.objects.create(event=event, club=world.club)
    desk = open_desk(event, world.leader)
    from members_area.checkin.services import check_in

    check_in(desk, world.child, by=world.leader, method="card")
    Membership.objects.filter(person__user=world.leader).delete()
    world.leader.groups.clear()
    leader = type(world.leader).objects.get(pk=world.leader.pk)

    erase_family(leader)

    checkin = Checkin.objects.get()
    assert checkin.checked_in_by is None
    client.force_login(world.coordinator)
    listing = client.get(reverse("checkin:attendance", args=[event.pk]))
    assert "slēgts konts" in text(listing)


def test_a_check_in_and_the_training_hours_it_credits_are_saved_together(
    at_desk, world, pages, monkeypatch
):
    """The database lost between the check-in and the leader's training hours (a restart)
    leaves neither: otherwise the scan made again answers "already checked in" and the
    hours are never credited."""
    from django.db import OperationalError

    from members_area.checkin import services
    from members_area.checkin.models import Desk
    from members_area.volunteering.models import TrainingRecord

    training = make_event(pages, kind="training", training_hours=Decimal("6"))
    desk = Desk.objects.create(event=training, name="Zāle", opened_by=world.coordinator)
    desk_session(at_desk, desk)
    leader = world.leader.person
    credit = services.credit_training

    def the_database_goes(checkin, *, by):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "credit_training", the_database_goes)
    at_desk.raise_request_exception = False
    assert at_desk.get(card_path(leader)).status_code in (500, 503)
    assert not Checkin.objects.filter(person=leader).exists()
    assert not TrainingRecord.objects.exists()

    monkeypatch.setattr(services, "credit_training", credit)
    assert "6 mācību stundas" in text(at_desk.get(card_path(leader)))
    assert Checkin.objects.get(person=leader).event == training
    assert TrainingRecord.objects.get().person == leader
