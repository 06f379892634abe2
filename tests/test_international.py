"""International participation: interest marked from an opportunity's page, the coordinators'
e-mail, the family's record, recording who took part, the yearly counts, exports and erasure.

The family's and the coordinators' main pages are checked in Latvian, the site's language;
texts added since the Latvian catalogue was last filled are checked on the English pages.
"""

import csv
import datetime
import html as html_module
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from members_area.accounts.models import Person
from members_area.accounts.services import erase_person, personal_data
from members_area.clubs.models import Membership
from members_area.international import services
from members_area.international.models import Interest, Participation
from members_area.volunteering.models import VolunteerEntry
from opportunities import models as opportunity_models
from opportunities.models import OpportunityIndexPage
from tests.conftest import at_noon_on
from tests.members import add_guardian, make_member, make_person, years_ago
from tests.test_opportunities import add_opportunity, translate

pytestmark = pytest.mark.django_db

# Mid-June of this year: memberships of `world` are this year's, deadlines are near.
TODAY = datetime.date(datetime.date.today().year, 6, 15)


def days(number):
    return TODAY + datetime.timedelta(days=number)


def lv_date(day):
    """A date as the Latvian pages show it (SHORT_DATE_FORMAT j.m.Y)."""
    return f"{day.day}.{day:%m.%Y}"


@pytest.fixture(autouse=True)
def _mid_june():
    """Autouse, so the clock is set before `world` gives this year's memberships."""
    with at_noon_on(TODAY):
        yield


@pytest.fixture
def index(pages):
    index = OpportunityIndexPage(
        title="Iespējas ārzemēs", slug="iespejas-starptautiski-testiem", intro="Brauc."
    )
    pages["home"].add_child(instance=index)
    index.save_revision().publish()
    translate(index, title="Opportunities abroad", slug="opportunities-abroad-tests")
    return index


@pytest.fixture
def exchange(index):
    """Open for ten more days, for 13 to 30 year olds, starting in 40 days for a week."""
    return add_opportunity(
        index,
        "Jauniešu apmaiņa Vācijā",
        days(10),
        start_date=days(40),
        end_date=days(47),
        min_age=13,
        max_age=30,
        opportunity_type="youth-exchange",
        country="DE",
    )


def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def latvian(name, *args):
    with translation.override("lv"):
        return reverse(name, args=args)


def interest_url(opportunity, language="lv"):
    with translation.override(language):
        return reverse("international:interest", args=[opportunity.pk])


def text(response):
    """The page's text as a reader sees it (entities such as &quot; turned back)."""
    return html_module.unescape(response.content.decode())


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


def mark(client, opportunity, person, message="", language="lv"):
    return client.post(
        interest_url(opportunity, language),
        {"person": person.pk, "message": message},
        follow=True,
    )


def person_of(user):
    return Person.objects.get(user=user)


# The public page ---------------------------------------------------------------------------


def test_the_public_page_links_to_the_member_area_in_its_language(client, exchange):
    html = client.get(exchange.url).content.decode()
    assert f'href="{interest_url(exchange)}">Mani interesē (biedriem)</a>' in html

    english_page = translate(exchange, title="Youth exchange in Germany", slug="exchange-de")
    html = client.get(english_page.url).content.decode()
    assert f'href="{interest_url(english_page, "en")}">I\'m interested (members)</a>' in html


def test_the_link_is_the_same_for_everyone(client, world, exchange):
    anonymous = client.get(exchange.url).content.decode()
    client.force_login(world.parent)
    signed_in = client.get(exchange.url).content.decode()
    link = f'href="{interest_url(exchange)}"'
    assert link in anonymous and link in signed_in


# Marking interest --------------------------------------------------------------------------


def test_a_family_marks_interest_and_the_coordinators_are_told(
    client,
    world,
    exchange,
    coordinator,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    client.force_login(world.parent)
    with django_assert_max_num_queries(25):
        response = client.get(interest_url(exchange))
    html = text(response)
    assert "Interese: Jauniešu apmaiņa Vācijā" in html
    assert "Mūsu starptautiskie pasākumi" in html
    # The youth (15) may; the child (10) is shown why not.
    assert f'value="{world.youth.pk}"' in html
    assert (
        "Vecums pasākuma sākumā (Anna Ozola): 10; iespēja paredzēta vecumā no 13 līdz 30 gadiem."
        in html
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = mark(client, exchange, world.youth, "Runāju vāciski.")
    assert shown_messages(response)[0].startswith("Jānis Ozols: interese atzīmēta.")

    interest = Interest.objects.get()
    assert (interest.opportunity_id, interest.person, interest.marked_by) == (
        exchange.pk,
        world.youth,
        world.parent,
    )
    assert interest.message == "Runāju vāciski."

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {world.coordinator.email, coordinator.email}
    # The subject shows in lists and notifications: the first name only; the body says who.
    assert message.subject == "Interese par “Jauniešu apmaiņa Vācijā”: Jānis"
    assert "Jānis Ozols vēlas piedalīties" in message.body
    assert "Runāju vāciski." in message.body
    assert "Cēsu mazpulks" in message.body
    assert f"?opportunity={exchange.pk}" in message.body


def test_nothing_is_sent_for_a_refused_interest(
    client, world, exchange, django_capture_on_commit_callbacks
):
    client.force_login(world.parent)
    with django_capture_on_commit_callbacks(execute=True):
        mark(client, exchange, world.child)
    assert not Interest.objects.exists()
    assert mail.outbox == []


def test_a_closed_opportunity_is_refused(client, world, index):
    closed = add_opportunity(index, "Pagājusi", days(-1), start_date=days(20), end_date=days(25))
    client.force_login(world.parent)
    html = text(client.get(interest_url(closed)))
    assert f"Pieteikšanās šai iespējai beidzās {lv_date(days(-1))}: interesi vairs nevar" in html
    assert 'name="message"' not in html

    response = mark(client, closed, world.youth)
    assert response.status_code == 200
    assert "Pieteikšanās šai iespējai beidzās" in text(response)
    assert not Interest.objects.exists()


def test_the_deadline_day_is_still_open(client, world, index):
    last_day = add_opportunity(index, "Pēdējā diena", TODAY, start_date=days(20))
    client.force_login(world.parent)
    mark(client, last_day, world.youth)
    assert Interest.objects.filter(person=world.youth).exists()


def test_an_age_outside_the_range_is_refused(client, world, exchange):
    client.force_login(world.parent)
    response = mark(client, exchange, world.child)
    assert "Vecums pasākuma sākumā (Anna Ozola): 10;" in text(response)
    assert not Interest.objects.exists()

    response = mark(client, exchange, world.child, language="en")
    assert (
        "Anna Ozola will be 10 when the activity starts; the opportunity is for people 13 to "
        "30 years old." in text(response)
    )


def test_the_age_counts_on_the_first_day_of_the_activity(world, index):
    """12 today, 13 when the activity starts: he may."""
    turning = make_person("Roberts", "Ozols", years_ago(13, days=-20))
    add_guardian(turning, world.parent)
    make_member(turning, world.club)
    opportunity = add_opportunity(index, "Vasarā", days(10), start_date=days(30), min_age=13)
    assert turning.age() == 12
    services.mark_interest(opportunity, turning, by=world.parent)


def test_a_person_not_a_member_this_year_is_refused(client, world, exchange):
    newcomer = make_person("Kārlis", "Ozols", years_ago(16))
    add_guardian(newcomer, world.parent)
    client.force_login(world.parent)
    response = mark(client, exchange, newcomer)
    assert (
        "Kārlis Ozols šogad nav neviena mazpulka biedrs: interesi var atzīmēt tikai šī gada "
        "biedri." in text(response)
    )
    assert not Interest.objects.exists()


def test_a_repeat_says_when_it_was_marked(client, world, exchange):
    client.force_login(world.parent)
    mark(client, exchange, world.youth)
    response = mark(client, exchange, world.youth)
    assert f"Jānis Ozols: interese jau atzīmēta {lv_date(TODAY)} plkst. 12:" in text(response)
    assert Interest.objects.count() == 1


def test_another_familys_person_cannot_be_chosen(client, world, exchange):
    client.force_login(world.other_parent)
    response = mark(client, exchange, world.youth)
    assert response.status_code == 200
    assert not Interest.objects.exists()


def test_a_youth_marks_his_own_interest(client, world, exchange):
    client.force_login(world.youth.user)
    mark(client, exchange, world.youth)
    assert Interest.objects.get().marked_by == world.youth.user


def test_an_english_page_leads_to_the_latvian_opportunity(client, world, exchange):
    english_page = translate(exchange, title="Youth exchange in Germany", slug="exchange-de")
    client.force_login(world.parent)
    html = client.get(interest_url(english_page, "en")).content.decode()
    assert "Interest: Youth exchange in Germany" in html
    mark(client, english_page, world.youth, language="en")
    assert Interest.objects.get().opportunity_id == exchange.pk

    # The Latvian page knows the interest too.
    response = mark(client, exchange, world.youth)
    assert "interese jau atzīmēta" in text(response)


def test_an_unpublished_opportunity_is_not_found(client, world, exchange):
    exchange.unpublish()
    client.force_login(world.parent)
    assert client.get(interest_url(exchange)).status_code == 404


def test_the_family_withdraws_while_open_not_after(client, world, exchange, monkeypatch):
    client.force_login(world.parent)
    mark(client, exchange, world.youth)
    interest = Interest.objects.get()
    response = client.post(latvian("international:withdraw", interest.pk), follow=True)
    assert "Jānis Ozols: interese atsaukta." in shown_messages(response)
    assert not Interest.objects.exists()

    mark(client, exchange, world.youth)
    interest = Interest.objects.get()
    monkeypatch.setattr(opportunity_models, "today", lambda: days(11))
    response = client.post(latvian("international:withdraw", interest.pk), follow=True)
    assert "interesi vairs nevar atsaukt" in shown_messages(response)[0]
    assert Interest.objects.filter(pk=interest.pk).exists()


def test_an_interest_cannot_be_withdrawn_once_participation_is_recorded(client, world, exchange):
    services.mark_interest(exchange, world.youth, by=world.parent)
    interest = Interest.objects.get()
    client.force_login(world.parent)
    html = client.get(interest_url(exchange, "en")).content.decode()
    assert f'action="{english("international:withdraw", interest.pk)}"' in html

    record(world.youth, exchange.title, days(40), opportunity=exchange)
    # Open still, but the office has recorded him: no button, on either page.
    for url in (interest_url(exchange, "en"), english("international:mine")):
        html = client.get(url).content.decode()
        assert english("international:withdraw", interest.pk) not in html
    assert "(participation recorded)" in client.get(interest_url(exchange, "en")).content.decode()

    response = client.post(english("international:withdraw", interest.pk), follow=True)
    assert shown_messages(response) == [
        "The participation of Jānis Ozols is already recorded: the interest can no longer be "
        "withdrawn. Write to the office if plans have changed."
    ]
    assert Interest.objects.filter(pk=interest.pk).exists()


def test_another_family_cannot_withdraw(client, world, exchange):
    interest = services.mark_interest(exchange, world.youth, by=world.parent)
    client.force_login(world.other_parent)
    assert client.post(latvian("international:withdraw", interest.pk)).status_code == 404
    assert Interest.objects.filter(pk=interest.pk).exists()


# The family's record -----------------------------------------------------------------------


def record(
    person,
    activity,
    start,
    *,
    kind="youth-exchange",
    country="DE",
    end=None,
    by=None,
    opportunity=None,
):
    return services.save_participation(
        Participation(
            person=person,
            opportunity=opportunity,
            activity=activity,
            kind=kind,
            country=country,
            start_date=start,
            end_date=end or start,
        ),
        by=by,
    )


def test_the_family_sees_its_interests_and_participations(
    client, world, exchange, index, django_assert_max_num_queries
):
    services.mark_interest(exchange, world.youth, by=world.parent, message="Gribu!")
    past = add_opportunity(index, "Nometne Lietuvā", days(-30), start_date=days(-10))
    Interest.objects.create(opportunity=past, person=world.youth, marked_by=world.parent)
    record(
        world.youth,
        "Nometne Lietuvā",
        days(-10),
        end=days(-3),
        kind="camp",
        country="LT",
        opportunity=past,
    )
    record(world.child, "Apmaiņa Igaunijā", days(-100), kind="volunteering", country="EE")
    other = record(world.other_child, "Slepens", days(-50))

    client.force_login(world.parent)
    with django_assert_max_num_queries(22):
        response = client.get(latvian("international:mine"))
    html = text(response)
    assert "<h1>Starptautiskie pasākumi</h1>" in html
    assert "Jauniešu apmaiņa Vācijā" in html
    assert "Interese atzīmēta; pieteikšanās notiek" in html
    assert "<caption>Piedalījās</caption>" in html
    assert "Nometne Lietuvā" in html and "Lietuva" in html and "Nometne ārvalstīs" in html
    assert "Apmaiņa Igaunijā" in html and "Brīvprātīgais darbs ārvalstīs" in html
    assert other.activity not in html  # another family's
    assert html.count("Atsaukt<span") == 1  # only the open one


def test_a_recorded_activity_not_yet_begun_is_planned(client, world, exchange):
    """Recorded before the trip: the family sees he will take part, not that he took part."""
    services.mark_interest(exchange, world.youth, by=world.parent)
    record(world.youth, exchange.title, days(40), end=days(47), opportunity=exchange)
    client.force_login(world.parent)
    html = client.get(english("international:mine")).content.decode()
    assert "<caption>Will take part</caption>" in html
    assert "<td>Will take part</td>" in html  # the interest's state
    assert "Took part" not in html

    with at_noon_on(days(40)):
        client.force_login(world.parent)  # a new session: the old one has expired by then
        html = client.get(english("international:mine")).content.decode()
    assert "<caption>Took part</caption>" in html and "<td>Took part</td>" in html
    assert "Will take part" not in html


def test_the_record_page_is_linked_from_the_member_menu(client, world):
    client.force_login(world.parent)
    html = client.get(reverse("members:home")).content.decode()
    assert f'href="{reverse("international:mine")}"' in html
    assert reverse("international:interests") not in html  # the office's page


# Coordinators ------------------------------------------------------------------------------


def test_leaders_are_not_coordinators(client, world):
    client.force_login(world.leader)
    for name in ("international:interests", "international:participations", "international:record"):
        assert client.get(reverse(name)).status_code == 403


def test_coordinators_see_interests_by_opportunity(
    client, world, exchange, index, django_assert_max_num_queries
):
    services.mark_interest(exchange, world.youth, by=world.parent, message="Runāju vāciski.")
    closed = add_opportunity(index, "Vecā", days(-5), start_date=days(5), min_age=None)
    Interest.objects.create(opportunity=closed, person=world.child, marked_by=world.parent)
    for number in range(5):  # a longer list costs no more queries
        person = make_person(f"Dalībnieks{number}", "Tests", years_ago(17))
        make_member(person, world.other_club)
        services.mark_interest(exchange, person, by=world.parent)

    client.force_login(world.coordinator)
    with django_assert_max_num_queries(25):
        response = client.get(latvian("international:interests"))
    html = text(response)
    assert "<h1>Interese par starptautiskām iespējām</h1>" in html
    assert ">Jauniešu apmaiņa Vācijā</h2>" in html and "Runāju vāciski." in html
    assert f"Termiņš {lv_date(days(10))}" in html
    assert "Ierakstīt izvēlēto dalībnieku dalību" in html
    assert ">Vecā</h2>" not in html  # open ones by default
    assert "Cēsu mazpulks" in html and world.youth.member_number in html

    html = client.get(latvian("international:interests") + "?state=closed").content.decode()
    assert ">Vecā</h2>" in html and ">Jauniešu apmaiņa Vācijā</h2>" not in html
    # The e-mail's link: one opportunity, whatever its state.
    html = client.get(latvian("international:interests") + f"?opportunity={closed.pk}").content
    assert "Anna Ozola" in html.decode()


def test_erased_people_are_left_out_of_the_coordinators_pages(client, world, exchange):
    services.mark_interest(exchange, world.youth, by=world.parent)
    erased = make_person("Dzēšamais", "Cilvēks", years_ago(16))
    make_member(erased, world.other_club)
    services.mark_interest(exchange, erased, by=world.parent)
    erase_person(erased)
    # Even an interest left behind (erasure deletes them) is not shown.
    Interest.objects.create(opportunity=exchange, person=erased)

    client.force_login(world.coordinator)
    for url in (
        latvian("international:interests"),
        latvian("international:record_from_interests", exchange.pk),
    ):
        html = text(client.get(url))
        assert "Jānis Ozols" in html
        assert f'value="{erased.pk}"' not in html
        assert str(erased) not in html and erased.member_number not in html


def test_coordinators_record_participation_from_interest(
    client, world, exchange, django_assert_max_num_queries
):
    services.mark_interest(exchange, world.youth, by=world.parent)
    client.force_login(world.coordinator)
    url = latvian("international:record_from_interests", exchange.pk)
    with django_assert_max_num_queries(24):
        html = text(client.get(url + f"?person={world.youth.pk}"))
    assert "<h1>Kas piedalījās: Jauniešu apmaiņa Vācijā</h1>" in html
    assert f'value="{days(40).isoformat()}"' in html and f'value="{days(47).isoformat()}"' in html
    assert 'value="Jauniešu apmaiņa Vācijā"' in html
    assert "checked" in html

    form = {
        "people": [world.youth.pk],
        "activity": "Jauniešu apmaiņa Vācijā",
        "kind": "youth-exchange",
        "country": "DE",
        "start_date": days(40).isoformat(),
        "end_date": days(47).isoformat(),
    }
    response = client.post(url, form, follow=True)
    assert "Ierakstīta 1 dalība." in shown_messages(response)
    participation = Participation.objects.get()
    assert (participation.person, participation.opportunity_id, participation.recorded_by) == (
        world.youth,
        exchange.pk,
        world.coordinator,
    )
    assert (participation.start_date, participation.end_date) == (days(40), days(47))
    assert participation.age_at_start == 15

    # Twice: said, not failed, not doubled.
    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    assert f"Jau ir ieraksts: Jānis Ozols, “Jauniešu apmaiņa Vācijā” no {lv_date(days(40))}." in (
        shown_messages(response)
    )
    assert Participation.objects.count() == 1

    # The family sees it as planned until the activity begins, then as taken part.
    client.force_login(world.parent)
    assert "Will take part" in client.get(english("international:mine")).content.decode()
    with at_noon_on(days(41)):
        client.force_login(world.parent)
        html = client.get(latvian("international:mine")).content.decode()
    assert "<td>Piedalījās</td>" in html


def test_recording_from_interests_is_all_or_nothing(world, exchange, monkeypatch):
    services.mark_interest(exchange, world.youth, by=world.parent)
    second = make_person("Pēteris", "Bērziņš", years_ago(16))
    make_member(second, world.other_club)
    services.mark_interest(exchange, second, by=world.parent)

    save = services.save_participation

    def failing_for_the_second(participation, *, by):
        if participation.person == second:
            raise ValidationError("Kaut kas nogāja greizi.", code="broken")
        return save(participation, by=by)

    monkeypatch.setattr(services, "save_participation", failing_for_the_second)
    with pytest.raises(ValidationError):
        services.record_from_interests(
            exchange,
            [world.youth, second],
            by=world.coordinator,
            **services.participation_defaults(exchange),
        )
    assert not Participation.objects.exists()  # not the first one either


def test_only_those_interested_can_be_recorded_from_interest(client, world, exchange):
    services.mark_interest(exchange, world.youth, by=world.parent)
    client.force_login(world.coordinator)
    response = client.post(
        latvian("international:record_from_interests", exchange.pk),
        {
            "people": [world.other_child.pk],
            "activity": "X",
            "kind": "camp",
            "country": "DE",
            "start_date": days(40).isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Participation.objects.exists()


def direct_form(person, **fields):
    return {
        "member_number": person.member_number,
        "opportunity": "",
        "activity": "Mācību kurss Polijā",
        "kind": "training-course",
        "country": "PL",
        "start_date": days(-20).isoformat(),
        "end_date": days(-15).isoformat(),
        **fields,
    }


def test_coordinators_record_participation_directly(client, world):
    client.force_login(world.coordinator)
    url = latvian("international:record")
    html = text(client.get(url))
    assert "<h1>Ierakstīt dalību</h1>" in html and "Saglabāt un ierakstīt vēl vienu" in html
    number = world.child.member_number.lower()  # typed in small letters, with spaces
    response = client.post(url, direct_form(world.child, member_number=f" {number} "), follow=True)
    assert "Dalība ierakstīta: Anna Ozola, “Mācību kurss Polijā”." in shown_messages(response)
    participation = Participation.objects.get()
    assert participation.person == world.child and participation.opportunity is None
    assert participation.age_at_start == 9  # 10 today, 20 days after the start

    response = client.post(url, direct_form(world.child))
    assert "Jau ir ieraksts: Anna Ozola, “Mācību kurss Polijā” no" in text(response)
    assert Participation.objects.count() == 1


def test_an_unknown_member_number_is_said_so(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        latvian("international:record"), direct_form(world.child, member_number="M-1999-99999")
    )
    assert "Nevienam biedram nav numura “M-1999-99999”." in text(response)
    assert not Participation.objects.exists()


def test_an_erased_member_cannot_be_recorded(client, world):
    number = world.child.member_number
    erase_person(world.child)
    client.force_login(world.coordinator)
    response = client.post(
        latvian("international:record"), direct_form(world.child, member_number=number)
    )
    assert "Nevienam biedram nav numura" in text(response)


def test_a_chosen_opportunity_fills_the_empty_fields(client, world, exchange):
    client.force_login(world.coordinator)
    client.post(
        latvian("international:record"),
        direct_form(
            world.youth,
            opportunity=exchange.pk,
            activity="",
            kind="",
            country="",
            start_date="",
            end_date="",
        ),
    )
    participation = Participation.objects.get()
    assert (participation.activity, participation.kind, participation.country) == (
        "Jauniešu apmaiņa Vācijā",
        "youth-exchange",
        "DE",
    )
    assert (participation.start_date, participation.end_date) == (days(40), days(47))


def test_the_activity_cannot_end_before_it_starts(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        latvian("international:record"),
        direct_form(world.child, start_date=days(-5).isoformat(), end_date=days(-6).isoformat()),
    )
    assert "Pasākums nevar beigties pirms tā sākuma." in text(response)
    assert not Participation.objects.exists()


def test_volunteering_abroad_cannot_be_in_latvia(client, world, exchange):
    refusal = (
        "Volunteering abroad cannot be in Latvia: choose the country where it took place, or "
        "another kind."
    )
    client.force_login(world.coordinator)
    response = client.post(
        english("international:record"),
        direct_form(world.child, kind="volunteering", country="LV"),
    )
    assert refusal in text(response)
    assert not Participation.objects.exists()

    services.mark_interest(exchange, world.youth, by=world.parent)
    response = client.post(
        english("international:record_from_interests", exchange.pk),
        {
            "people": [world.youth.pk],
            "activity": "Talka",
            "kind": "volunteering",
            "country": "LV",
            "start_date": days(40).isoformat(),
        },
    )
    assert refusal in text(response)
    assert not Participation.objects.exists()

    # Another kind in Latvia is fine (an international event held at home).
    client.post(english("international:record"), direct_form(world.child, country="LV"))
    assert Participation.objects.get().country == "LV"
    # The rule holds outside the forms too.
    with pytest.raises(ValidationError):
        record(world.youth, "Talka", days(-3), kind="volunteering", country="LV")


def test_a_wrong_record_is_corrected_or_deleted(client, world):
    participation = record(world.child, "Kurss", days(-20), by=world.coordinator)
    client.force_login(world.coordinator)
    url = latvian("international:edit", participation.pk)
    html = text(client.get(url))
    assert "<h1>Labot dalību</h1>" in html and world.child.member_number in html
    client.post(url, direct_form(world.youth, activity="Kurss", kind="volunteering"))
    participation.refresh_from_db()
    assert (participation.person, participation.kind) == (world.youth, "volunteering")
    assert participation.changed_by == world.coordinator
    assert participation.age_at_start == 14  # Jānis, 15 today, 20 days ago

    delete_url = latvian("international:delete", participation.pk)
    html = text(client.get(delete_url))
    assert "<h1>Dzēst dalību</h1>" in html and "Kurss" in html
    assert Participation.objects.exists()  # asking deletes nothing
    response = client.post(delete_url, follow=True)
    assert "Ieraksts dzēsts: Jānis Ozols, “Kurss”." in shown_messages(response)
    assert not Participation.objects.exists()


def test_an_erased_persons_record_is_corrected_or_deleted_by_his_number(client, world):
    participation = record(world.child, "Kurss", days(-20))
    number = world.child.member_number
    erase_person(world.child)
    client.force_login(world.coordinator)

    # Corrected with his number unchanged: still his, and his age stays on the record.
    response = client.post(
        latvian("international:edit", participation.pk),
        direct_form(world.child, member_number=number, activity="Kursi"),
    )
    assert response.status_code == 302
    participation.refresh_from_db()
    assert (participation.activity, participation.age_at_start) == ("Kursi", 9)
    assert services.yearly_counts(days(-20).year).participants == 1

    response = client.post(latvian("international:delete", participation.pk), follow=True)
    assert f"Ieraksts dzēsts: Dzēsts biedrs {number}, “Kursi”." in shown_messages(response)


def test_a_correction_into_a_duplicate_says_so(client, world):
    record(world.child, "Kurss", days(-20))
    second = record(world.child, "Cits kurss", days(-20))
    client.force_login(world.coordinator)
    response = client.post(
        latvian("international:edit", second.pk),
        direct_form(world.child, activity="Kurss", start_date=days(-20).isoformat()),
    )
    assert "Jau ir ieraksts: Anna Ozola, “Kurss”" in text(response)
    second.refresh_from_db()
    assert second.activity == "Cits kurss"


# Counting ----------------------------------------------------------------------------------


def test_yearly_counts_go_by_the_first_day_in_riga(world):
    year = TODAY.year
    record(
        world.child,
        "Ziemas nometne",
        datetime.date(year - 1, 12, 31),
        end=datetime.date(year, 1, 3),
        kind="camp",
    )
    record(world.youth, "Jaungada apmaiņa", datetime.date(year, 1, 1))
    record(world.youth, "Pavasara apmaiņa", datetime.date(year, 3, 1))
    record(world.other_child, "Kurss", datetime.date(year, 2, 1), kind="training-course")

    last_year, this_year = services.counts_by_year([year - 1, year]).values()
    # Jānis counts once, however many activities.
    assert (this_year.participants, this_year.participations) == (2, 3)
    assert (last_year.year, last_year.participants, last_year.participations) == (year - 1, 1, 1)
    assert services.yearly_counts(year - 2) == services.InternationalYear(year - 2, 0, 0, 0)


def test_only_activities_begun_are_counted(world):
    record(world.youth, "Vakar", days(-1))
    record(world.child, "Šodien", TODAY)
    record(world.other_child, "Pēc mēneša", days(30))

    counts = services.yearly_counts(TODAY.year)
    assert (counts.participants, counts.participations) == (2, 3)
    with at_noon_on(days(30)):
        assert services.yearly_counts(TODAY.year).participants == 3


def test_only_children_and_youths_are_counted(world):
    """5 to 25 on the first day; the leaders who go with a group are recorded, not counted."""
    start = days(-10)
    leader = person_of(world.leader)
    record(leader, "Apmaiņa", start)
    for age in (4, 5, 25, 26):  # a birthday on the first day
        person = make_person("Vecums", str(age), start.replace(year=start.year - age))
        record(person, "Apmaiņa", start)
    unknown = make_person("Nezināms", "Vecums", None)
    record(unknown, "Apmaiņa", start)

    assert Participation.objects.get(person=leader).age_at_start == 39  # 40 next week
    assert Participation.objects.get(person=unknown).age_at_start is None
    counts = services.yearly_counts(start.year)
    assert (counts.participants, counts.participations) == (2, 6)  # the 5 and 25 year olds


def add_hours(person, club, day, status=VolunteerEntry.Status.APPROVED):
    return VolunteerEntry.objects.create(
        person=person,
        club=club,
        date=day,
        hours=Decimal(2),
        kind="event",
        description="Palīdzēja pasākumā.",
        status=status,
    )


def test_volunteer_youths_are_those_who_volunteered_that_year(world):
    """Among the children and youths who took part: those who were club volunteers, or had
    approved volunteer hours, in the year of the activity. Volunteering abroad is not it."""
    year = TODAY.year
    start = days(-10)

    # A club volunteer this year.
    Membership.objects.create(
        person=world.youth, club=world.other_club, role="volunteer", year=year
    )
    record(world.youth, "Apmaiņa", start)
    # Approved hours this year.
    add_hours(world.child, world.club, days(-100))
    record(world.child, "Kurss", start, kind="training-course")
    # Hours still waiting, and volunteering abroad: no volunteer youth.
    add_hours(world.other_child, world.other_club, days(-5), VolunteerEntry.Status.SUBMITTED)
    record(world.other_child, "Brīvprātīgais darbs", start, kind="volunteering", country="EE")
    # A volunteer last year, not this one.
    former = make_person("Bijušais", "Brīvprātīgais", years_ago(17))
    make_member(former, world.club)
    Membership.objects.create(person=former, club=world.club, role="volunteer", year=year - 1)
    add_hours(former, world.club, datetime.date(year - 1, 12, 31))
    record(former, "Apmaiņa", start)
    record(former, "Pērnā apmaiņa", datetime.date(year - 1, 8, 1))
    # An adult volunteer: not a youth.
    leader = person_of(world.leader)
    Membership.objects.create(person=leader, club=world.other_club, role="volunteer", year=year)
    record(leader, "Apmaiņa", start)

    this_year = services.yearly_counts(year)
    assert (this_year.participants, this_year.volunteers) == (4, 2)
    assert services.yearly_counts(year - 1).volunteers == 1


def test_counts_for_many_years_take_one_query(world, django_assert_num_queries):
    year = TODAY.year
    for back in range(7):
        record(world.youth, f"Apmaiņa {back}", datetime.date(year - back, 3, 1))
    with django_assert_num_queries(1):
        counts = services.counts_by_year(range(year - 6, year + 1))
    assert sorted(counts) == list(range(year - 6, year + 1))
    assert [counts[y].participants for y in sorted(counts)] == [1] * 7
    assert services.counts_by_year([]) == {}


def test_the_year_list_shows_counts_and_exports(client, world, django_assert_max_num_queries):
    year = TODAY.year
    Membership.objects.create(
        person=world.youth, club=world.other_club, role="volunteer", year=year
    )
    record(world.child, "Nometne", datetime.date(year, 3, 1), kind="camp", by=world.coordinator)
    record(
        world.youth,
        '=HYPERLINK("x")',
        datetime.date(year, 4, 1),
        kind="volunteering",
        country="EE",
        end=datetime.date(year, 4, 30),
        by=world.coordinator,
    )
    record(person_of(world.leader), "Nometne", datetime.date(year, 3, 1), kind="camp")
    record(world.other_child, "Rudenī", datetime.date(year, 10, 1))
    record(world.youth, "Pagājušogad", datetime.date(year - 1, 4, 1))

    client.force_login(world.coordinator)
    with django_assert_max_num_queries(22):
        response = client.get(latvian("international:participations") + f"?year={year}")
    html = text(response)
    assert f"<h1>Starptautiskā dalība {year}. gadā</h1>" in html
    assert "2 no mērķa 50" in html and "1 no mērķa 15" in html
    assert "katru cilvēku skaita vienreiz neatkarīgi no tā, cik pasākumos viņš piedalījies" in html
    assert "Nometne" in html and "Pagājušogad" not in html
    assert "Lejupielādēt CSV" in html

    html = client.get(english("international:participations") + f"?year={year}").content.decode()
    assert "Children and youths who took part" in html
    assert "Volunteer youths in international youth events" in html
    assert "<td>yes, a volunteer youth</td>" in html
    assert "<td>no: 39 years old at the start</td>" in html  # the leader
    assert "<td>not yet: the activity has not begun</td>" in html

    # The export says the same, row by row.
    response = client.get(english("international:export_csv") + f"?year={year}")
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == [
        "Member number",
        "First name",
        "Last name",
        "Age at the start",
        "Age group",
        "International activity",
        "Kind",
        "Country",
        "From",
        "To",
        "Counted",
        "Volunteer youth",
        "Recorded",
        "Recorded by",
    ]
    rows = {(row[1], row[5]): row for row in table[1:]}
    assert set(rows) == {
        ("Anna", "Nometne"),
        ("Jānis", '\'=HYPERLINK("x")'),  # no live formula
        ("Vita", "Nometne"),
        ("Līga", "Rudenī"),
    }
    youth = rows["Jānis", '\'=HYPERLINK("x")']
    assert youth[2:5] == ["Ozols", "14", "13–17 years"]
    assert youth[6:12] == [
        "Volunteering abroad",
        "Estonia",
        f"{year}-04-01",
        f"{year}-04-30",
        "yes, a volunteer youth",
        "yes",
    ]
    assert youth[13] == world.coordinator.email
    assert rows["Vita", "Nometne"][10:12] == ["no: 39 years old at the start", "no"]
    assert rows["Anna", "Nometne"][10:12] == ["yes", "no"]
    counted = [row for row in table[1:] if row[10].startswith("yes")]
    assert len({row[0] for row in counted}) == 2  # the figure on the page

    response = client.get(english("international:export_xlsx") + f"?year={year}")
    assert response.content[:2] == b"PK"


def test_any_year_from_2000_may_be_asked_for(client, world):
    record(world.youth, "Šogad", days(-5))
    client.force_login(world.coordinator)
    url = latvian("international:participations")
    year = TODAY.year

    response = client.get(url + "?year=2019")  # the dashboard links to every year
    assert response.context["year"] == 2019
    html = text(response)
    assert "<h1>Starptautiskā dalība 2019. gadā</h1>" in html
    assert '<option value="2019" selected>' in html
    assert f'<option value="{year}">' in html
    assert "Šim gadam vēl nav ierakstīta neviena dalība." in html
    assert client.get(url + f"?year={year + 1}").context["year"] == year + 1
    for wrong in ("1999", str(year + 2), "x"):
        assert client.get(url + f"?year={wrong}").context["year"] == year

    response = client.get(latvian("international:export_csv") + "?year=2019")
    assert "mazpulki-starptautiski-2019-" in response["Content-Disposition"]


def test_the_year_list_costs_the_same_for_more_rows(client, world, django_assert_max_num_queries):
    for number in range(30):
        record(world.youth, f"Aktivitāte {number}", days(-number))
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(22):
        client.get(latvian("international:participations"))


# Personal data -----------------------------------------------------------------------------


def test_my_data_has_interests_and_participations_and_erasure_keeps_the_counts(world, exchange):
    services.mark_interest(exchange, world.youth, by=world.parent, message="Man patīk ceļot.")
    record(world.youth, "Brīvprātīgais darbs", days(-30), kind="volunteering", country="EE")

    exported = {person["first_name"]: person for person in personal_data(world.parent)["people"]}
    section = exported["Jānis"]["international"]
    assert section["interests"][0]["opportunity"] == "Jauniešu apmaiņa Vācijā"
    assert section["interests"][0]["message"] == "Man patīk ceļot."
    assert section["participations"][0]["activity"] == "Brīvprātīgais darbs"
    assert exported["Anna"]["international"] == {"interests": [], "participations": []}

    before = services.yearly_counts(days(-30).year)
    assert before.participants == 1
    erase_person(world.youth)
    assert not Interest.objects.exists()  # a wish nothing counts: gone
    participation = Participation.objects.get(person=world.youth)
    assert participation.age_at_start == 14  # though the date of birth is gone
    assert services.yearly_counts(days(-30).year) == before
