from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login, password_validation
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from members_area.accounts import services
from members_area.accounts.decorators import family_required
from members_area.accounts.models import MemberCard, Person, RecordAccess, current_year
from members_area.clubs.models import JoinRequest, Membership
from members_area.clubs.services import renew_membership, renewable_membership


@family_required
def family_home(request):
    """Family only: the login's own record and its children, their clubs, cards and requests."""
    year = current_year()
    people = list(
        Person.objects.of_family(request.user)
        .not_erased()
        .select_related("municipality", "user")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(year__gte=year - 1).select_related("club"),
            ),
            Prefetch(
                "join_requests",
                queryset=JoinRequest.objects.exclude(status=JoinRequest.Status.APPROVED)
                .filter(year=year)
                .select_related("club"),
            ),
            Prefetch("cards", queryset=MemberCard.objects.filter(revoked_at=None)),
            "guardians",
        )
    )
    for person in people:
        person.this_year = [
            m
            for m in person.memberships.all()
            if m.year == year and m.status == Membership.Status.ACTIVE
        ]
        person.renewable = renewable_membership(person, year)
        person.has_card = bool(person.cards.all())
        person.can_get_own_login = (
            person.user_id is None
            and person.may_have_own_login()
            and any(g.user_id == request.user.pk for g in person.guardians.all())
        )
    return render(request, "accounts/family_home.html", {"people": people, "year": year})


@require_POST
@family_required
def renew(request, person_id):
    """Family only: this year's membership in last year's club, in one click."""
    person = get_object_or_404(Person.objects.of_family(request.user).not_erased(), pk=person_id)
    try:
        membership = renew_membership(person, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if isinstance(membership, JoinRequest):
            messages.success(
                request,
                _(
                    "A request to lead %(club)s again in %(year)s has been sent to the "
                    "coordinators: leading a club is confirmed every year."
                )
                % {"club": membership.club, "year": membership.year},
            )
            return redirect("members:home")
        messages.success(
            request,
            _("%(person)s is a member of %(club)s again in %(year)s. The member card is valid.")
            % {"person": person.full_name, "club": membership.club, "year": membership.year},
        )
    return redirect("members:home")


class OwnLoginForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("The youth's own e-mail address"),
        help_text=gettext_lazy("We send a link there to choose a password."),
    )


@family_required
def invite_own_login(request, person_id):
    """Guardians only: give a child of 13 or more a login of his own."""
    person = get_object_or_404(
        Person.objects.filter(guardians__user=request.user).not_erased().distinct(), pk=person_id
    )
    form = OwnLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_own_login(person, form.cleaned_data["email"], by=request.user)
        except services.OwnLoginError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _(
                    "We have sent %(person)s an e-mail with a link to choose a password. "
                    "You keep seeing the records as the guardian."
                )
                % {"person": person.first_name},
            )
            return redirect("members:home")
    return render(request, "accounts/own_login.html", {"person": person, "form": form})


class PersonForm(forms.ModelForm):
    """What a family keeps up to date itself; names and birth date are corrected by the office."""

    class Meta:
        model = Person
        fields = ["municipality", "phone", "photo", "photo_consent"]
        widgets = {"photo_consent": forms.RadioSelect}
        help_texts = {
            "photo": gettext_lazy(
                "Shown on the member card and to the club's leader. JPEG, PNG or HEIC, "
                "at most 10 MB; where it was taken is removed from the file."
            )
        }

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "size") and photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(gettext_lazy("The photo is larger than 10 MB."))
        return photo


MAX_PHOTO_BYTES = 10 * 1024 * 1024


@family_required
def edit_person(request, person_id):
    """Family only: place, phone, photo and the photo consent (a change is a new consent)."""
    person = get_object_or_404(Person.objects.of_family(request.user).not_erased(), pk=person_id)
    form = PersonForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(person, form, by=request.user)
        except ValidationError as error:
            form.add_error("photo", error)
        else:
            messages.success(
                request, _("The details of %(person)s are saved.") % {"person": person.full_name}
            )
            return redirect("members:home")
    return render(request, "accounts/edit_person.html", {"person": person, "form": form})


def member_photo(request, person_id):
    """A member's photo, to whoever may see it (services.may_see_photo); never a public file."""
    person = get_object_or_404(Person.objects.not_erased(), pk=person_id)
    if not services.may_see_photo(request.user, person):
        raise Http404
    if not Person.objects.of_family(request.user).filter(pk=person.pk).exists():
        services.record_access(request, RecordAccess.What.PHOTO, [person])
    response = FileResponse(person.photo.open("rb"))
    patch_cache_control(response, private=True, no_store=True)
    return response


class NewGuardianLoginForm(forms.Form):
    password1 = forms.CharField(label=gettext_lazy("Choose a password"), widget=forms.PasswordInput)
    password2 = forms.CharField(label=gettext_lazy("Password again"), widget=forms.PasswordInput)

    def __init__(self, *args, guardian, **kwargs):
        super().__init__(*args, **kwargs)
        self.guardian = guardian

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password and password != cleaned.get("password2"):
            self.add_error("password2", gettext_lazy("The two passwords are not the same."))
        elif password:
            user = get_user_model()(email=self.guardian.email, first_name=self.guardian.first_name)
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


@never_cache
def accept_guardianship(request, token):
    """Public, by a link e-mailed to a guardian a youth named: whoever reads that mailbox signs
    in (or makes a login) with that address and then sees the youth's records."""
    guardian = services.guardian_for_token(token)
    if guardian is None:
        return render(request, "accounts/guardianship.html", {"invalid": True}, status=404)
    user = request.user
    existing = get_user_model().objects.filter(email__iexact=guardian.email).exists()
    form = None
    if user.is_authenticated:
        if user.email.lower() == guardian.email.lower() and request.method == "POST":
            services.accept_guardianship(guardian, user)
            messages.success(request, _("You now see your child's records here."))
            return redirect("members:home")
    elif not existing:
        form = NewGuardianLoginForm(request.POST or None, guardian=guardian)
        if request.method == "POST" and form.is_valid():
            new_login = services.accept_guardianship(
                guardian, password=form.cleaned_data["password1"]
            )
            login(request, new_login, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, _("Your account is ready: you see your child's records here.")
            )
            return redirect("members:home")
    return render(
        request,
        "accounts/guardianship.html",
        {
            "guardian": guardian,
            "children": guardian.children.all(),
            "form": form,
            "has_account": existing,
            "matches": user.is_authenticated and user.email.lower() == guardian.email.lower(),
        },
    )
