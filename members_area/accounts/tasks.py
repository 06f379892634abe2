"""E-mails about logins, sent outside the request."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task


@task()
def send_own_login_invitation(user_id, guardian_user_id, language):
    """The youth's link to choose a password (it also confirms his address)."""
    from members_area.accounts.models import User

    user = User.objects.filter(pk=user_id).first()
    guardian = User.objects.filter(pk=guardian_user_id).first()
    if user is None:
        return
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
        EmailMessage(
            subject=gettext("Your own login at Latvijas Mazpulki"),
            body=render_to_string(
                "accounts/emails/own_login_invitation.txt",
                {"user": user, "guardian": guardian, "url": settings.SITE_BASE_URL + path},
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        ).send()
        if guardian is not None:
            # The guardian is told, without the link: it lets whoever opens it set the password.
            EmailMessage(
                subject=gettext("Your own login at Latvijas Mazpulki"),
                body=render_to_string(
                    "accounts/emails/own_login_sent.txt", {"user": user, "guardian": guardian}
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[guardian.email],
            ).send()
