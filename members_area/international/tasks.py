"""E-mails about interest in international opportunities, sent outside the request."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from members_area.clubs.tasks import absolute


@task()
def notify_coordinators_of_interest(interest_id):
    """Tell the coordinators (in Latvian, the office's language) who would like to go where."""
    from members_area.accounts.models import User
    from members_area.clubs.models import Membership
    from members_area.international.models import Interest

    interest = (
        Interest.objects.select_related("person", "opportunity", "marked_by")
        .filter(pk=interest_id)
        .first()
    )
    if interest is None:  # withdrawn before the task ran
        return
    recipients = list(User.objects.coordinators().values_list("email", flat=True))
    if not recipients:
        return
    opportunity, person = interest.opportunity, interest.person
    clubs = [
        membership.club.name
        for membership in Membership.objects.current()
        .filter(person=person)
        .select_related("club")
        .order_by("club__name")
    ]
    with translation.override(settings.LANGUAGE_CODE):
        EmailMessage(
            subject=gettext("Interest in “%(title)s”: %(name)s")
            # Subjects show in lists and notifications: no surname there (the body has it).
            % {"title": opportunity.title, "name": person.first_name or person.member_number},
            body=render_to_string(
                "international/emails/new_interest.txt",
                {
                    "interest": interest,
                    "opportunity": opportunity,
                    "person": person,
                    "age": person.age(opportunity.start_date),
                    "clubs": clubs,
                    "marked_at": timezone.localtime(interest.marked_at),
                    "url": absolute(
                        reverse("international:interests") + f"?opportunity={opportunity.pk}"
                    ),
                },
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
        ).send()
