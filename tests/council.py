"""Youth-council records for the member-area tests (test_member_access.py, test_council.py)."""

import datetime

from django.utils import timezone


def council_arguments(world, kind):
    """The URL arguments of a council page, with what the page shows made in `world`."""
    from home.models import Region
    from members_area.council import services
    from members_area.council.models import Meeting, Survey
    from tests.members import make_member, make_person, make_user, years_ago

    today = timezone.localdate()
    if kind == "council_meeting":
        meeting = services.save_meeting(
            Meeting(
                title="Padomes sanāksme",
                starts_at=timezone.now() - datetime.timedelta(days=1),
                minutes="Nolēmām rīkot aptauju.",
            ),
            by=world.coordinator,
        )
        return [meeting.pk]
    if kind == "council_proposal":
        proposal = services.submit_proposal(
            by=world.parent, person=world.child, title="Vairāk nometņu", text="Vasarā."
        )
        services.change_state(proposal, "discuss", by=world.coordinator)
        return [proposal.pk]
    if kind in ("council_survey", "council_question"):
        survey = services.save_survey(Survey(title="Melnraksts"), by=world.coordinator)
        question = services.add_question(survey, by=world.coordinator, kind="scale", text="?")
        return [survey.pk] + ([question.pk] if kind == "council_question" else [])
    if kind == "council_open_survey":
        vidzeme = Region.objects.get(slug="vidzeme", locale__language_code="lv")
        survey = services.save_survey(
            Survey(title="Vidzemes aptauja", audience="region", region=vidzeme),
            by=world.coordinator,
        )
        services.add_question(survey, by=world.coordinator, kind="text", text="Ieteikumi?")
        services.open_survey(survey, by=world.coordinator)
        return [survey.pk]
    if kind == "council_term":
        roberts = make_person(
            "Roberts", "Bērziņš", years_ago(17), user=make_user("roberts@example.lv")
        )
        make_member(roberts, world.club)
        term = services.appoint(
            by=world.coordinator,
            person=roberts,
            starts_on=today - datetime.timedelta(days=10),
            ends_on=today + datetime.timedelta(days=100),
        )
        return [term.pk]
    raise ValueError(kind)
