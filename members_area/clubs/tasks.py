"""E-mails about join requests, sent outside the request that changed them."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task


def absolute(path):
    return settings.SITE_BASE_URL + path


@task()
def notify_approvers(join_request_id):
    """Tell the club's leaders (or the coordinators) that a request is waiting (in Latvian)."""
    from members_area.clubs.models import JoinRequest

    join_request = (
        JoinRequest.objects.select_related("club", "person").filter(pk=join_request_id).first()
    )
    if join_request is None or join_request.status != JoinRequest.Status.PENDING:
        return
    recipients = [user.email for user in join_request.club.approvers(join_request.role)]
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        EmailMessage(
            subject=gettext("A new join request for %(club)s") % {"club": join_request.club},
            body=render_to_string(
                "clubs/emails/join_request_waiting.txt",
                {
                    "join_request": join_request,
                    "url": absolute(reverse("clubs:join_request", args=[join_request.pk])),
                },
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
        ).send()


@task()
def send_decision(join_request_id):
    """The family learns the decision; an approval is the welcome e-mail with the card link."""
    from members_area.clubs.models import JoinRequest

    join_request = (
        JoinRequest.objects.select_related("club", "person", "submitted_by")
        .filter(pk=join_request_id)
        .first()
    )
    if join_request is None:
        return
    person = join_request.person
    recipients = person.message_recipients()
    if join_request.submitted_by and join_request.submitted_by.email not in recipients:
        recipients.append(join_request.submitted_by.email)
    if not recipients:
        return
    approved = join_request.status == JoinRequest.Status.APPROVED
    with translation.override(join_request.language):
        if approved:
            subject = gettext("Welcome to %(club)s!") % {"club": join_request.club}
            template = "clubs/emails/welcome.txt"
        else:
            subject = gettext("Your request to join %(club)s") % {"club": join_request.club}
            template = "clubs/emails/join_request_declined.txt"
        EmailMessage(
            subject=subject,
            body=render_to_string(
                template,
                {
                    "join_request": join_request,
                    "person": person,
                    "card_url": absolute(reverse("members:card", args=[person.pk])),
                    "family_url": absolute(reverse("members:home")),
                },
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
        ).send()


@task()
def send_existing_account_notice(email, language):
    """Someone used this address on the join form, but it already has a login."""
    with translation.override(language):
        EmailMessage(
            subject=gettext("You already have an account at Latvijas Mazpulki"),
            body=render_to_string(
                "clubs/emails/existing_account.txt",
                {
                    "login_url": absolute(reverse("account_login")),
                    "join_url": absolute(reverse("clubs:join")),
                    "reset_url": absolute(reverse("account_reset_password")),
                },
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email],
        ).send()


@task()
def invite_guardian(guardian_id, language):
    """The parent a youth named: what happened, and a link to see the youth's records."""
    from members_area.accounts.models import Guardian
    from members_area.accounts.services import guardianship_token

    guardian = Guardian.objects.filter(pk=guardian_id, user=None).first()
    if guardian is None:
        return
    with translation.override(language):
        EmailMessage(
            subject=gettext("Your child has asked to join Latvijas Mazpulki"),
            body=render_to_string(
                "clubs/emails/guardian_invitation.txt",
                {
                    "guardian": guardian,
                    "children": list(guardian.children.all()),
                    "url": absolute(
                        reverse("members:guardianship", args=[guardianship_token(guardian)])
                    ),
                },
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[guardian.email],
        ).send()
