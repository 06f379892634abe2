"""My data: what we hold about a family, its download, and erasure (GDPR articles 15, 17, 20).

Every view is `family_required`: a login sees and erases only itself and the people it acts
for (`Person.objects.of_family`), anyone else's record is a 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from members_area.accounts import services
from members_area.accounts.adapter import AccountAdapter
from members_area.accounts.decorators import family_required
from members_area.accounts.models import Person, User


def _same_words(text):
    return " ".join(text.split()).casefold()


class EraseConfirmationForm(forms.Form):
    """Typing the person's first name: erasure cannot be undone, a stray click must not do it."""

    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=100)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["first_name"].label = _("Type the first name %(name)s to confirm") % {
            "name": person.first_name
        }

    def clean_first_name(self):
        typed = self.cleaned_data["first_name"]
        if _same_words(typed) != _same_words(self.person.first_name):
            raise ValidationError(
                _(
                    "That is not the first name shown above, so nothing has been erased. "
                    "Type %(name)s to confirm."
                ),
                code="mismatch",
                params={"name": self.person.first_name},
            )
        return typed


class CloseAccountForm(forms.Form):
    """The password, so that someone at an unlocked computer cannot close the account."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("The password is not correct, so the account has not been closed."),
                code="wrong_password",
            )
        return password


def _family(user):
    """The login's own record first, then the children it acts for."""
    people = list(Person.objects.of_family(user).not_erased().select_related("user"))
    people.sort(key=lambda person: person.user_id != user.pk)
    return people


@family_required
@never_cache
def my_data(request):
    """Family only: what we hold and why, the download, and erasure of each person."""
    return render(
        request,
        "accounts/privacy/my_data.html",
        {
            "people": _family(request.user),
            "closed_by_office": services.closed_by_office(request.user),
        },
    )


@family_required
@never_cache
def my_data_json(request):
    """Family only: everything about the login and the people it acts for, as a file."""
    response = JsonResponse(
        services.personal_data(request.user),
        content_type="application/json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    filename = f"mazpulki-mani-dati-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@family_required
@never_cache
def erase_person(request, person_id):
    """Family only: a youth erases his own record, a guardian a child's (or his own)."""
    person = get_object_or_404(Person.objects.of_family(request.user).not_erased(), pk=person_id)
    if request.method == "POST":
        form = EraseConfirmationForm(request.POST, person=person)
        if form.is_valid():
            name = person.full_name
            services.erase_person(person)
            if not User.objects.filter(pk=request.user.pk).exists():
                # His own login went with his record: nothing is left to be signed in to.
                logout(request)
                messages.success(
                    request, _("Data erased: %(name)s. Your login is closed too.") % {"name": name}
                )
                return redirect(AccountAdapter.home_url())
            messages.success(request, _("Data erased: %(name)s.") % {"name": name})
            return redirect("members:my_data")
    else:
        form = EraseConfirmationForm(person=person)
    login = services.login_erased_with(person)
    return render(
        request,
        "accounts/privacy/erase_person.html",
        {
            "person": person,
            "form": form,
            "is_self": person.user_id == request.user.pk,
            "login_closes": login,
            "membership_count": person.memberships.count(),
        },
    )


@family_required
@never_cache
def close_account(request):
    """Family only: erase the login, its own record and the children nobody else acts for."""
    if services.closed_by_office(request.user):
        if request.method == "POST":
            raise PermissionDenied
        return render(request, "accounts/privacy/close_account.html", {"closed_by_office": True})
    if request.method == "POST":
        form = CloseAccountForm(request.POST, user=request.user)
        if form.is_valid():
            services.erase_family(request.user)
            logout(request)
            messages.success(request, _("Your account is closed and its data erased."))
            return redirect(AccountAdapter.home_url())
    else:
        form = CloseAccountForm(user=request.user)
    erased, kept = services.closing_account(request.user)
    return render(
        request,
        "accounts/privacy/close_account.html",
        {"form": form, "erased": erased, "kept": kept, "closed_by_office": False},
    )
