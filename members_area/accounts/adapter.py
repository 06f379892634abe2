from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Accounts are created by the join flow (members issue); until it exists nobody
        # can register an account that would lead nowhere.
        return False
