"""Join requests wait for the e-mail address to be confirmed."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver


@receiver(email_confirmed)
def release_join_requests(sender, request, email_address, **kwargs):
    from members_area.clubs import services

    if email_address.user.email.lower() == email_address.email.lower():
        services.email_confirmed(email_address.user)
