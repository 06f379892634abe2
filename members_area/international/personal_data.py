"""International interest and participation in "My data". On erasure the interests go (a
wish, which nothing counts); participations stay, anonymous with the person's empty record
and the age they were saved with, as the strategy counts them."""

from django.db.models import Exists, OuterRef

from members_area.accounts.models import Person
from members_area.accounts.services import register_personal_data
from members_area.international.models import Interest, Participation

SECTION = "international"


def register():
    register_personal_data(SECTION, collect, erase)


def _held(person):
    """(has interests, has participations) in one query: most members have neither, and an
    export reads every person of the family."""
    found = (
        Person.objects.filter(pk=person.pk)
        .values_list(
            Exists(Interest.objects.filter(person=OuterRef("pk"))),
            Exists(Participation.objects.filter(person=OuterRef("pk"))),
        )
        .first()
    )
    return found or (False, False)


def collect(person):
    has_interests, has_participations = _held(person)
    return {
        "interests": [
            {
                "opportunity": interest.opportunity.title,
                "message": interest.message,
                "marked_at": interest.marked_at.isoformat(),
                "marked_by": interest.marked_by.email if interest.marked_by_id else None,
            }
            for interest in (
                Interest.objects.filter(person=person).select_related("opportunity", "marked_by")
                if has_interests
                else []
            )
        ],
        "participations": [
            {
                "activity": participation.activity,
                "kind": participation.kind,
                "country": participation.country,
                "from": participation.start_date.isoformat(),
                "to": participation.end_date.isoformat(),
                "recorded_at": participation.recorded_at.isoformat(),
            }
            for participation in (
                Participation.objects.filter(person=person) if has_participations else []
            )
        ],
    }


def erase(person):
    Interest.objects.filter(person=person).delete()
