from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Accounts are created by the join flow (members issue); until it exists nobody
        # can register an account that would lead nowhere.
        return False

    def get_login_redirect_url(self, request):
        return self.home_url()

    def get_logout_redirect_url(self, request):
        return self.home_url()

    @staticmethod
    def home_url():
        """The home page in the language the visitor was using (/ or /en/)."""
        return reverse("wagtail_serve", args=[""])
