"""International participation: interest marked from an opportunity's page, the coordinators'
e-mail, the family's record, recording who took part, the yearly counts, exports and erasure.

Texts are checked on the English pages: the Latvian ones follow once the translations are in.
"""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from members_area.accounts.services import erase_person, personal_data
from members_area.international import services
from members_area.international.models import Interest, Participation
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


def interest_url(opportunity, language="lv"):
    with translation.override(language):
        return reverse("international:interest", args=[opportunity.pk])


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


def mark(client, opportunity, person, message="", language="en"):
    return client.post(
        interest_url(opportunity, language),
        {"person": person.pk, "message": message},
        follow=True,
    )


# The public page ---------------------------------------------------------------------------


def test_the_public_page_links_to_the_member_area_in_its_language(client, exchange):
    html = client.get(exchange.url).content.decode()
    assert f'href="{interest_url(exchange)}"' in html

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
        response = client.get(interest_url(exchange, "en"))
    html = response.content.decode()
    # The youth (15) may; the child (10) is shown why not.
    assert f'value="{world.youth.pk}"' in html
    assert "Anna Ozola will be 10 when the activity starts" in html
    assert "for people 13 to 30 years old" in html

    with django_capture_on_commit_callbacks(execute=True):
        response = mark(client, exchange, world.youth, "Runāju vāciski.")
    assert "Interest for Jānis Ozols is marked." in shown_messages(response)[0]

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
    assert "Jauniešu apmaiņa Vācijā" in message.subject and "Jānis Ozols" in message.subject
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
    html = client.get(interest_url(closed, "en")).content.decode()
    assert "interest can no longer be marked" in html
    assert 'name="message"' not in html

    response = mark(client, closed, world.youth)
    assert response.status_code == 200
    assert "Applications for this opportunity closed on" in response.content.decode()
    assert not Interest.objects.exists()


def test_the_deadline_day_is_still_open(client, world, index):
    last_day = add_opportunity(index, "Pēdējā diena", TODAY, start_date=days(20))
    client.force_login(world.parent)
    mark(client, last_day, world.youth)
    assert Interest.objects.filter(person=world.youth).exists()


def test_an_age_outside_the_range_is_refused(client, world, exchange):
    client.force_login(world.parent)
    response = mark(client, exchange, world.child)
    assert (
        "Anna Ozola will be 10 when the activity starts; the opportunity is for people 13 to "
        "30 years old." in response.content.decode()
    )
    assert not Interest.objects.exists()


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
    assert "Kārlis Ozols is not a member of a club this year" in response.content.decode()
    assert not Interest.objects.exists()


def test_a_repeat_says_when_it_was_marked(client, world, exchange):
    client.force_login(world.parent)
    mark(client, exchange, world.youth)
    response = mark(client, exchange, world.youth)
    html = response.content.decode()
    assert f"Interest for Jānis Ozols was already marked on {TODAY:%m/%d/%Y} at 12:" in html
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
    mark(client, english_page, world.youth)
    assert Interest.objects.get().opportunity_id == exchange.pk

    # The Latvian page knows the interest too.
    response = mark(client, exchange, world.youth)
    assert "already marked" in response.content.decode()


def test_an_unpublished_opportunity_is_not_found(client, world, exchange):
    exchange.unpublish()
    client.force_login(world.parent)
    assert client.get(interest_url(exchange)).status_code == 404


def test_the_family_withdraws_while_open_not_after(client, world, exchange, monkeypatch):
    client.force_login(world.parent)
    mark(client, exchange, world.youth)
    interest = Interest.objects.get()
    response = client.post(english("international:withdraw", interest.pk), follow=True)
    assert "The interest of Jānis Ozols is withdrawn." in shown_messages(response)
    assert not Interest.objects.exists()

    mark(client, exchange, world.youth)
    interest = Interest.objects.get()
    monkeypatch.setattr(opportunity_models, "today", lambda: days(11))
    response = client.post(english("international:withdraw", interest.pk), follow=True)
    assert "can no longer be withdrawn" in shown_messages(response)[0]
    assert Interest.objects.filter(pk=interest.pk).exists()


def test_another_family_cannot_withdraw(client, world, exchange):
    interest = services.mark_interest(exchange, world.youth, by=world.parent)
    client.force_login(world.other_parent)
    assert client.post(english("international:withdraw", interest.pk)).status_code == 404
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
        response = client.get(english("international:mine"))
    html = response.content.decode()
    assert "Jauniešu apmaiņa Vācijā" in html
    assert "Interest marked; applications are open" in html
    assert "Took part" in html
    assert "Nometne Lietuvā" in html and "Lithuania" in html and "Camp abroad" in html
    assert "Apmaiņa Igaunijā" in html and "Volunteering abroad" in html
    assert other.activity not in html  # another family's
    assert html.count("Withdraw") == 1  # only the open one


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
        response = client.get(english("international:interests"))
    html = response.content.decode()
    assert ">Jauniešu apmaiņa Vācijā</h2>" in html and "Runāju vāciski." in html
    assert ">Vecā</h2>" not in html  # open ones by default
    assert "Cēsu mazpulks" in html and world.youth.member_number in html

    html = client.get(english("international:interests") + "?state=closed").content.decode()
    assert ">Vecā</h2>" in html and ">Jauniešu apmaiņa Vācijā</h2>" not in html
    # The e-mail's link: one opportunity, whatever its state.
    html = client.get(english("international:interests") + f"?opportunity={closed.pk}").content
    assert "Anna Ozola" in html.decode()


def test_coordinators_record_participation_from_interest(
    client, world, exchange, django_assert_max_num_queries
):
    services.mark_interest(exchange, world.youth, by=world.parent)
    client.force_login(world.coordinator)
    url = english("international:record_from_interests", exchange.pk)
    with django_assert_max_num_queries(24):
        html = client.get(url + f"?person={world.youth.pk}").content.decode()
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
    assert "1 participation recorded." in shown_messages(response)
    participation = Participation.objects.get()
    assert (participation.person, participation.opportunity_id, participation.recorded_by) == (
        world.youth,
        exchange.pk,
        world.coordinator,
    )
    assert (participation.start_date, participation.end_date) == (days(40), days(47))

    # Twice: said, not failed, not doubled.
    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    assert any("is already recorded for" in message for message in shown_messages(response))
    assert Participation.objects.count() == 1

    # The family now sees it as taken part.
    client.force_login(world.parent)
    assert "Took part" in client.get(english("international:mine")).content.decode()


def test_only_those_interested_can_be_recorded_from_interest(client, world, exchange):
    services.mark_interest(exchange, world.youth, by=world.parent)
    client.force_login(world.coordinator)
    response = client.post(
        english("international:record_from_interests", exchange.pk),
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
    url = english("international:record")
    number = world.child.member_number.lower()  # typed in small letters, with spaces
    response = client.post(url, direct_form(world.child, member_number=f" {number} "), follow=True)
    assert "Anna Ozola is recorded for “Mācību kurss Polijā”." in shown_messages(response)
    participation = Participation.objects.get()
    assert participation.person == world.child and participation.opportunity is None

    response = client.post(url, direct_form(world.child))
    assert "Anna Ozola is already recorded for “Mācību kurss Polijā” from" in (
        response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    )
    assert Participation.objects.count() == 1


def test_an_unknown_member_number_is_said_so(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        english("international:record"), direct_form(world.child, member_number="M-1999-99999")
    )
    assert "No member has the number “M-1999-99999”." in response.content.decode()
    assert not Participation.objects.exists()


def test_an_erased_member_cannot_be_recorded(client, world):
    number = world.child.member_number
    erase_person(world.child)
    client.force_login(world.coordinator)
    response = client.post(
        english("international:record"), direct_form(world.child, member_number=number)
    )
    assert "No member has the number" in response.content.decode()


def test_a_chosen_opportunity_fills_the_empty_fields(client, world, exchange):
    client.force_login(world.coordinator)
    client.post(
        english("international:record"),
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
        english("international:record"),
        direct_form(world.child, start_date=days(-5).isoformat(), end_date=days(-6).isoformat()),
    )
    assert "The activity cannot end before it starts." in response.content.decode()
    assert not Participation.objects.exists()


def test_a_wrong_record_is_corrected_or_deleted(client, world):
    participation = record(world.child, "Kurss", days(-20), by=world.coordinator)
    client.force_login(world.coordinator)
    url = english("international:edit", participation.pk)
    assert world.child.member_number in client.get(url).content.decode()
    client.post(url, direct_form(world.youth, activity="Kurss", kind="volunteering"))
    participation.refresh_from_db()
    assert (participation.person, participation.kind) == (world.youth, "volunteering")
    assert participation.changed_by == world.coordinator

    delete_url = english("international:delete", participation.pk)
    html = client.get(delete_url).content.decode()
    assert "Delete a participation" in html and "Kurss" in html
    assert Participation.objects.exists()  # asking deletes nothing
    response = client.post(delete_url, follow=True)
    assert "is deleted" in shown_messages(response)[0]
    assert not Participation.objects.exists()


def test_a_correction_into_a_duplicate_says_so(client, world):
    record(world.child, "Kurss", days(-20))
    second = record(world.child, "Cits kurss", days(-20))
    client.force_login(world.coordinator)
    response = client.post(
        english("international:edit", second.pk),
        direct_form(world.child, activity="Kurss", start_date=days(-20).isoformat()),
    )
    assert "is already recorded for" in response.content.decode()
    second.refresh_from_db()
    assert second.activity == "Cits kurss"


# Counting ----------------------------------------------------------------------------------


def test_yearly_counts_go_by_the_first_day_in_riga(world):
    year = TODAY.year
    record(
        world.child,
        "Ziemas nometne",
        datetime.date(year, 12, 31),
        end=datetime.date(year + 1, 1, 3),
        kind="camp",
    )
    record(world.youth, "Jaungada brīvprātīgie", datetime.date(year + 1, 1, 1), kind="volunteering")
    record(world.youth, "Vasaras brīvprātīgie", datetime.date(year, 7, 1), kind="volunteering")
    record(world.youth, "Otrā reize", datetime.date(year, 8, 1), kind="volunteering")
    record(world.other_child, "Kurss", datetime.date(year, 1, 1), kind="training-course")

    this_year = services.yearly_counts(year)
    assert (this_year.participants, this_year.volunteers_abroad, this_year.participations) == (
        3,
        1,
        4,
    )
    next_year = services.yearly_counts(year + 1)
    assert (next_year.participants, next_year.volunteers_abroad, next_year.participations) == (
        1,
        1,
        1,
    )
    assert services.yearly_counts(year - 1).participants == 0


def test_the_year_list_shows_counts_and_exports(client, world, django_assert_max_num_queries):
    year = TODAY.year
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
    record(world.youth, "Pagājušogad", datetime.date(year - 1, 4, 1))

    client.force_login(world.coordinator)
    with django_assert_max_num_queries(22):
        response = client.get(english("international:participations") + f"?year={year}")
    html = response.content.decode()
    assert "2 of the target 50" in html and "1 of the target 15" in html
    assert "Nometne" in html and "Pagājušogad" not in html

    response = client.get(english("international:export_csv") + f"?year={year}")
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][:5] == [
        "Member number",
        "First name",
        "Last name",
        "Age group",
        "International activity",
    ]
    rows = {row[4]: row for row in table[1:]}
    assert set(rows) == {"Nometne", '\'=HYPERLINK("x")'}  # no live formula
    youth = rows['\'=HYPERLINK("x")']
    assert youth[1:3] == ["Jānis", "Ozols"]
    assert youth[5:10] == [
        "Volunteering abroad",
        "yes",
        "Estonia",
        f"{year}-04-01",
        f"{year}-04-30",
    ]
    assert youth[11] == world.coordinator.email

    response = client.get(english("international:export_xlsx") + f"?year={year}")
    assert response.content[:2] == b"PK"


def test_the_year_list_costs_the_same_for_more_rows(client, world, django_assert_max_num_queries):
    for number in range(30):
        record(world.youth, f"Aktivitāte {number}", days(-number))
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(22):
        client.get(english("international:participations"))


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
    erase_person(world.youth)
    interest = Interest.objects.get()
    assert interest.message == ""
    assert Participation.objects.filter(person=world.youth).exists()
    assert services.yearly_counts(days(-30).year) == before
