"""The join form: one page for joining oneself or one's child, with every rule of who may join."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import Municipality
from home.validators import phone_number
from members_area.accounts.models import (
    ADULT_AGE,
    OWN_LOGIN_MIN_AGE,
    YOUTH_MAX_AGE,
    YOUTH_MIN_AGE,
    Person,
    age_on,
)
from members_area.clubs.models import Club, Membership


class ClubChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, club):
        if club.is_online:
            return str(club)
        return f"{club} ({club.municipality})"


class JoinForm(forms.Form):
    """Who joins, which club, and the consents; account fields only for a visitor.

    The age rules (on the day of joining): youth members are 5–25; under 13 a parent or
    guardian joins the child (Latvia's age of digital consent); a minor joining himself names
    a guardian; leaders and volunteers are adults.
    """

    MYSELF = "myself"
    CHILD = "child"

    for_whom = forms.ChoiceField(
        label=_("Who is joining?"),
        choices=[(MYSELF, _("I am joining myself")), (CHILD, _("I am joining my child"))],
        widget=forms.RadioSelect,
        initial=MYSELF,
    )
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality where you live"),
        queryset=Municipality.objects.all(),
        empty_label=_("Choose…"),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"), max_length=30, required=False, validators=[phone_number]
    )
    club = ClubChoiceField(
        label=_("Club"),
        queryset=Club.objects.active().select_related("municipality").order_by("kind", "name"),
        empty_label=_("Choose a club…"),
        help_text=_("No club near you? Choose the online mazpulks."),
    )
    role = forms.ChoiceField(
        label=_("Joining as"),
        choices=[
            (Membership.Role.MEMBER, _("a member (5–25 years old)")),
            (Membership.Role.VOLUNTEER, _("a volunteer (adult)")),
            (Membership.Role.LEADER, _("a club leader (adult)")),
        ],
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
    )
    # The guardian of a minor who joins himself.
    guardian_first_name = forms.CharField(
        label=_("Parent's or guardian's first name"), max_length=100, required=False
    )
    guardian_last_name = forms.CharField(
        label=_("Parent's or guardian's last name"), max_length=100, required=False
    )
    guardian_email = forms.EmailField(label=_("Parent's or guardian's e-mail"), required=False)
    guardian_phone = forms.CharField(
        label=_("Parent's or guardian's phone"),
        max_length=30,
        required=False,
        validators=[phone_number],
    )
    # The parent who joins a child.
    parent_first_name = forms.CharField(label=_("Your first name"), max_length=100, required=False)
    parent_last_name = forms.CharField(label=_("Your last name"), max_length=100, required=False)
    parent_phone = forms.CharField(
        label=_("Your phone"), max_length=30, required=False, validators=[phone_number]
    )
    photo_consent = forms.ChoiceField(
        label=_("Photos at activities"),
        choices=Person.PhotoConsent.choices,
        initial=Person.PhotoConsent.INTERNAL,
        widget=forms.RadioSelect,
    )
    data_consent = forms.BooleanField(
        label=_(
            "I agree that Latvijas Mazpulki processes these personal data to run the "
            "membership, as described in the privacy notice above."
        ),
        error_messages={"required": _("Without this consent we cannot accept the membership.")},
    )
    message = forms.CharField(
        label=_("Message to the club's leader (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # A visitor's new login (the youth's own, or the parent's).
    email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("You will sign in with it; we send a link to confirm it."),
        required=False,
    )
    password1 = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(render_value=False), required=False
    )
    password2 = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput(render_value=False), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.is_authenticated:
            for name in ("email", "password1", "password2"):
                del self.fields[name]
        self.today = timezone.localdate()

    @property
    def is_for_child(self):
        return self.cleaned_data.get("for_whom") == self.CHILD

    def clean(self):
        cleaned = super().clean()
        born = cleaned.get("date_of_birth")
        for_whom = cleaned.get("for_whom")
        role = cleaned.get("role")
        if born is None or for_whom is None or role is None:
            return cleaned
        age = age_on(born, self.today)
        if born > self.today:
            self.add_error("date_of_birth", _("The date of birth is in the future."))
            return cleaned
        if for_whom == self.CHILD:
            self._clean_child(age, role)
        else:
            self._clean_myself(age, role)
        if not self.user.is_authenticated:
            self._clean_new_login()
        return cleaned

    def _clean_child(self, age, role):
        own = getattr(self.user, "person", None) if self.user.is_authenticated else None
        if own is not None and own.is_minor():
            self.add_error("for_whom", _("Only a parent or guardian (an adult) can join a child."))
        if age >= ADULT_AGE:
            self.add_error(
                "for_whom",
                _("A person of 18 or more joins on their own: choose “I am joining myself”."),
            )
        if role != Membership.Role.MEMBER:
            self.add_error("role", _("A child joins as a member."))
        self._clean_youth_age(age)
        for name in ("parent_first_name", "parent_last_name"):
            if not self.cleaned_data.get(name) and not (
                self.user.is_authenticated and self.user.get_full_name()
            ):
                self.add_error(name, _("Please tell us your name as the child's parent."))

    def _clean_myself(self, age, role):
        if age < OWN_LOGIN_MIN_AGE:
            self.add_error(
                "date_of_birth",
                _(
                    "Under 13 a parent or guardian joins you: ask them to fill in this form "
                    "and choose “I am joining my child”."
                ),
            )
            return
        if role == Membership.Role.MEMBER:
            self._clean_youth_age(age)
        elif age < ADULT_AGE:
            self.add_error("role", _("Leaders and volunteers are adults (18 or older)."))
        if age < ADULT_AGE:
            for name in ("guardian_first_name", "guardian_last_name", "guardian_email"):
                if not self.cleaned_data.get(name):
                    self.add_error(
                        name,
                        _("Under 18 we need your parent's or guardian's details."),
                    )
            own = self.cleaned_data.get("email") or getattr(self.user, "email", "")
            guardian = self.cleaned_data.get("guardian_email") or ""
            if own and guardian and own.lower() == guardian.lower():
                self.add_error(
                    "guardian_email",
                    _("Give your parent's or guardian's own e-mail, not yours."),
                )

    def _clean_youth_age(self, age):
        if age < YOUTH_MIN_AGE:
            self.add_error(
                "date_of_birth",
                _("Members join from the age of 5. We look forward to seeing you then!"),
            )
        elif age > YOUTH_MAX_AGE:
            self.add_error(
                "date_of_birth",
                _(
                    "Youth members are 5 to 25 years old when they join. Adults are welcome "
                    "as volunteers or club leaders."
                ),
            )

    def _clean_new_login(self):
        if not self.cleaned_data.get("email"):
            self.add_error("email", _("Enter your e-mail address."))
        password = self.cleaned_data.get("password1")
        if not password:
            self.add_error("password1", _("Choose a password."))
            return
        if password != self.cleaned_data.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
            return
        try:
            password_validation.validate_password(password)
        except ValidationError as error:
            self.add_error("password1", error)
