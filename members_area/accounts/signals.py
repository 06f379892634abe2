"""A password set from a mailed link proves the address; signing in starts the session clock."""

from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver

from members_area.accounts.middleware import SessionLifetimeMiddleware


@receiver(password_reset)
def confirm_address_on_password_reset(sender, request, user, **kwargs):
    # Only for a login with a single address: the link can then only have gone to it, and
    # whoever opened it reads that mailbox (with several, we cannot tell which one was used).
    addresses = list(EmailAddress.objects.filter(user=user))
    if len(addresses) != 1:
        return
    address = addresses[0]
    if not address.verified and address.email.lower() == user.email.lower():
        from allauth.account.signals import email_confirmed

        with transaction.atomic():  # the address and its waiting join requests together
            address.verified = True
            address.save(update_fields=["verified"])
            email_confirmed.send(sender=EmailAddress, request=request, email_address=address)


@receiver(user_logged_in)
def start_session_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        SessionLifetimeMiddleware.start(request.session, user)
