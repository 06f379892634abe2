import base64
import hashlib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import transaction
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Accounts are made by the join form (members_area.clubs), which asks who joins and
        # for which club; allauth's bare sign-up page would make logins that lead nowhere.
        return False

    def get_login_redirect_url(self, request):
        return self.home_url()

    def get_logout_redirect_url(self, request):
        return self.home_url()

    def confirm_email(self, request, email_address):
        # The address and what waits for it (members_area.clubs.signals: the join requests
        # go to the leaders) are saved together: a database lost in between must not leave
        # a confirmed address whose requests wait for ever.
        with transaction.atomic():
            return super().confirm_email(request, email_address)

    @staticmethod
    def home_url():
        """The home page in the language the visitor was using (/ or /en/)."""
        return reverse("wagtail_serve", args=[""])


class MFAAdapter(DefaultMFAAdapter):
    """Second factors whose secrets are stored encrypted (allauth stores them in clear).

    A copy of the database alone (a backup, a leak) then does not give anyone the codes.
    """

    def encrypt(self, text):
        return fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text):
        return fernet().decrypt(encrypted_text.encode()).decode()


def fernet():
    key = settings.MFA_ENCRYPTION_KEY or settings.SECRET_KEY
    digest = hashlib.sha256(f"mazpulki-mfa:{key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))
