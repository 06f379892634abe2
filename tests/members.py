"""People, families and clubs for the member-area tests.

`world` (a fixture in conftest.py) builds one small organisation: two local clubs with a leader
each, a family with a child of 10 and a youth of 15 in the first club, another family in the
second club, a coordinator, and the online club from the migration.
"""

import datetime
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.utils import timezone

PASSWORD = "a-long-test-password-42"


def years_ago(years, days=0):
    today = timezone.localdate()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:
        day = today.replace(year=today.year - years, day=28)
    return day - datetime.timedelta(days=days)


def make_user(email, *, verified=True, password=PASSWORD, **fields):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(email=email, password=password, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def municipality(slug):
    from home.models import Municipality

    return Municipality.objects.get(slug=slug)


def make_club(name, number, municipality_slug, **fields):
    from members_area.clubs.models import Club

    return Club.objects.create(
        name=name, number=number, municipality=municipality(municipality_slug), **fields
    )


def make_person(first_name, last_name, date_of_birth, *, user=None, place="cesu-novads", **fields):
    from members_area.accounts.models import Person

    fields.setdefault("status", Person.Status.ACTIVE)
    return Person.objects.create(
        first_name=first_name,
        last_name=last_name,
        date_of_birth=date_of_birth,
        municipality=municipality(place),
        user=user,
        **fields,
    )


def add_guardian(person, user, phone="+371 20000000"):
    from members_area.accounts.models import Guardian

    guardian = Guardian.objects.filter(user=user).first() or Guardian.objects.create(
        user=user,
        first_name=user.first_name or "Vecāks",
        last_name=user.last_name or person.last_name,
        email=user.email,
        phone=phone,
    )
    guardian.children.add(person)
    return guardian


def make_member(person, club, role="member", year=None):
    """An approved member of a club this year, with a member number and a card."""
    from members_area.accounts.services import assign_member_number, issue_card
    from members_area.clubs.models import Membership

    membership = Membership.objects.create(
        person=person, club=club, role=role, year=year or timezone.localdate().year
    )
    assign_member_number(person)
    issue_card(person)
    return membership


def make_leader(email, club, first_name, last_name):
    person = make_person(first_name, last_name, years_ago(40), user=make_user(email))
    make_member(person, club, role="leader")
    return person.user


def make_coordinator(email="koordinatore@mazpulki.example"):
    from members_area.accounts.models import COORDINATORS_GROUP

    user = make_user(email, first_name="Kora", last_name="Koordinatore")
    user.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    return user


def build_world():
    from members_area.clubs.models import Club

    club = make_club("Cēsu mazpulks", 101, "cesu-novads", meeting_place="Cēsu skola")
    other_club = make_club("Talsu mazpulks", 202, "talsu-novads")
    parent = make_user("mamma@example.lv", first_name="Ilze", last_name="Ozola")
    child = make_person("Anna", "Ozola", years_ago(10))
    add_guardian(child, parent)
    make_member(child, club)
    youth = make_person("Jānis", "Ozols", years_ago(15), user=make_user("janis@example.lv"))
    add_guardian(youth, parent)
    make_member(youth, club)
    other_parent = make_user("tetis@example.lv", first_name="Pēteris", last_name="Kalns")
    other_child = make_person("Līga", "Kalna", years_ago(9), place="talsu-novads")
    add_guardian(other_child, other_parent)
    make_member(other_child, other_club)
    return SimpleNamespace(
        club=club,
        other_club=other_club,
        online_club=Club.objects.online().get(),
        parent=parent,
        child=child,
        youth=youth,
        other_parent=other_parent,
        other_child=other_child,
        leader=make_leader("vaditaja@example.lv", club, "Vita", "Vadītāja"),
        other_leader=make_leader("cits.vaditajs@example.lv", other_club, "Kārlis", "Vadītājs"),
        coordinator=make_coordinator(),
    )
