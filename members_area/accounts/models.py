import datetime
import os
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.photos import strip_image_metadata

# The site-wide role of the central office (a Django group, given in the Wagtail admin).
COORDINATORS_GROUP = "Koordinatori"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields["is_staff"] is not True or extra_fields["is_superuser"] is not True:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def coordinators(self):
        """Active logins of the central office (the group, or superusers)."""
        return self.filter(
            models.Q(is_superuser=True) | models.Q(groups__name=COORDINATORS_GROUP),
            is_active=True,
        ).distinct()


class User(AbstractBaseUser, PermissionsMixin):
    """A login. People's member records are separate (a login may act for a whole family)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Whether the user can sign in to the editors' admin."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email

    @property
    def requires_second_factor(self):
        """Whoever can see other people's data: editors, coordinators, club leaders, jurors."""
        return (
            self.is_superuser
            or self.is_staff
            or self.has_perm("wagtailadmin.access_admin")
            or self.is_coordinator
            or bool(self.led_club_ids())
            # Jurors read children's project reports.
            or (self.pk is not None and self.juror_of.exists())
        )

    @cached_property
    def is_coordinator(self):
        """Coordinators (the central office) see and manage every club's members."""
        if not self.is_active:
            return False
        return self.is_superuser or self.groups.filter(name=COORDINATORS_GROUP).exists()

    def led_club_ids(self):
        """The clubs this login leads (as leader or assistant leader) this year."""
        if "_led_club_ids" not in self.__dict__:
            from members_area.clubs.models import Membership

            self._led_club_ids = (
                set(
                    Membership.objects.current()
                    .leading()
                    .filter(person__user=self)
                    .values_list("club_id", flat=True)
                )
                if self.pk and self.is_active
                else set()
            )
        return self._led_club_ids


# People and families ------------------------------------------------------------------------

YOUTH_MIN_AGE = 5
YOUTH_MAX_AGE = 25
OWN_LOGIN_MIN_AGE = 13  # Latvia's age of digital consent
ADULT_AGE = 18

# Version of the privacy notice people agree to when joining (templates/accounts/policy/).
# A new text gets a new version; consents keep the one they were given under.
PRIVACY_POLICY_VERSION = "2026-11"


def age_on(date_of_birth, day):
    """Full years on `day` (someone born on 29 February turns a year older on 1 March)."""
    return (
        day.year
        - date_of_birth.year
        - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
    )


class AgeGroup(models.TextChoices):
    """The age groups the organisation counts and plans activities by."""

    CHILDREN = "5-9", _("5–9 years")
    PRETEENS = "10-12", _("10–12 years")
    TEENS = "13-17", _("13–17 years")
    YOUNG_ADULTS = "18-25", _("18–25 years")
    ADULTS = "26+", _("26 and over")

    @classmethod
    def for_age(cls, age):
        if age is None:
            return None
        for group in cls:
            low, _dash, high = group.value.partition("-")
            low = int(low.rstrip("+"))
            if age >= low and (not high or age <= int(high)):
                return group
        return None

    def birth_dates(self, today):
        """(earliest, latest) date of birth of someone in this group today."""
        low, _dash, high = self.value.partition("-")
        low = int(low.rstrip("+"))
        latest = _years_before(today, low)
        earliest = None
        if high:
            earliest = _years_before(today, int(high) + 1) + datetime.timedelta(days=1)
        return earliest, latest


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class PhotoFieldFile(models.fields.files.ImageFieldFile):
    """Member photos are re-encoded without EXIF (a phone's photo carries where it was taken)."""

    def save(self, name, content, save=True):
        clean = strip_image_metadata(content, name)
        super().save(clean.name, clean.content, save)


class PhotoField(models.ImageField):
    attr_class = PhotoFieldFile


def person_photo_path(person, filename):
    # A random name: the address of a child's photo must not be guessable from his id.
    return f"people/{secrets.token_hex(16)}{os.path.splitext(filename)[1].lower()}"


class PersonQuerySet(models.QuerySet):
    def of_family(self, user):
        """The people a login acts for: its own record and the children it is guardian of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(models.Q(user=user) | self._as_guardian(user)).distinct()

    @staticmethod
    def _as_guardian(user):
        """A guardian acts for a child until 18, and longer only for one with no own login."""
        adult_born_before = _years_before(timezone.localdate(), ADULT_AGE)
        # A subquery, not a join: OR-ed with the login's own record, a join made PostgreSQL
        # read every person and every guardian.
        guarded = Guardian.children.through.objects.filter(guardian__user=user)
        return models.Q(pk__in=guarded.values("person_id")) & (
            models.Q(user=None) | models.Q(date_of_birth__gt=adult_born_before)
        )

    def visible_to(self, user):
        """Whom a login may see: its family; the members of clubs it leads; coordinators all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_coordinator:
            return self.all()
        led = user.led_club_ids()
        return self.filter(
            models.Q(user=user)
            | self._as_guardian(user)
            | models.Q(memberships__club_id__in=led, memberships__year=current_year())
            | models.Q(join_requests__club_id__in=led)
        ).distinct()

    def not_erased(self):
        return self.exclude(status=Person.Status.ERASED)


class Person(models.Model):
    """A member record: a youth, a leader or a volunteer, of any age.

    Logins are separate: a youth of 13 or more may have his own (`user`), and guardians act
    for children through theirs.
    """

    class Status(models.TextChoices):
        APPLICANT = "applicant", _("applicant")
        ACTIVE = "active", _("active")
        INACTIVE = "inactive", _("inactive")
        ERASED = "erased", _("erased")

    class PhotoConsent(models.TextChoices):
        NONE = "none", _("No photos")
        INTERNAL = "internal", _("Only inside the organisation")
        PUBLIC = "public", _("Also in public (website, newspaper, social media)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("own login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"), null=True)
    municipality = models.ForeignKey(
        "home.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        related_name="people",
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    photo = PhotoField(_("photo"), upload_to=person_photo_path, blank=True)
    photo_consent = models.CharField(
        _("photo consent"), max_length=10, choices=PhotoConsent.choices, default=PhotoConsent.NONE
    )
    member_number = models.CharField(
        _("member number"), max_length=20, unique=True, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPLICANT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        if self.status == self.Status.ERASED:
            return gettext("Erased member %(number)s") % {"number": self.member_number or ""}
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def age(self, day=None):
        if self.date_of_birth is None:
            return None
        return age_on(self.date_of_birth, day or timezone.localdate())

    @property
    def age_group(self):
        return AgeGroup.for_age(self.age())

    def is_minor(self, day=None):
        age = self.age(day)
        return age is not None and age < ADULT_AGE

    def may_have_own_login(self):
        age = self.age()
        return age is not None and age >= OWN_LOGIN_MIN_AGE

    def message_recipients(self):
        """E-mail addresses a message to this person goes to: his own, and a minor's guardians'."""
        addresses = []
        if self.user_id and self.user.is_active:
            addresses.append(self.user.email)
        if self.is_minor() or not addresses:
            addresses += [guardian.email for guardian in self.guardians.all() if guardian.email]
        return list(dict.fromkeys(addresses))

    def current_card(self):
        return self.cards.filter(revoked_at=None).order_by("-issued_at").first()


class Guardian(models.Model):
    """A parent or other legal representative of a member, with or without a login here.

    A youth who joins himself names a guardian by e-mail; if that guardian later signs up
    with the same address, his login is linked to this record.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guardian_records",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    children = models.ManyToManyField(Person, related_name="guardians", verbose_name=_("children"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("guardian")
        verbose_name_plural = _("guardians")

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def full_name(self):
        return str(self)


class Consent(models.Model):
    """What was agreed to, for whom, by whom and under which version of the privacy notice."""

    class Kind(models.TextChoices):
        DATA_PROCESSING = "data", _("Processing of personal data")
        PHOTOS = "photos", _("Photos")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=10, blank=True)
    policy_version = models.CharField(_("privacy notice version"), max_length=20)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    given_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.level} ({self.policy_version})"


class MemberNumberSequence(models.Model):
    """The last member number given in a year; numbers are never reused, erased ones included."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


# Member cards -------------------------------------------------------------------------------

# Crockford-like alphabet without look-alikes (0/O, 1/I/L, U/V): read out or typed from paper.
CARD_TOKEN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"  # noqa: S105 (an alphabet, not a secret)
CARD_TOKEN_LENGTH = 27  # 27 × log2(29) ≈ 131 bits


def new_card_token():
    return "".join(secrets.choice(CARD_TOKEN_ALPHABET) for _i in range(CARD_TOKEN_LENGTH))


class CardStatus(models.TextChoices):
    VALID = "valid", _("valid")
    REVOKED = "revoked", _("replaced by a new card")
    LAPSED = "lapsed", _("membership not renewed this year")
    UNKNOWN = "unknown", _("unknown card")


@dataclass(frozen=True)
class CardLookup:
    """What a scanned code is: the card (if any), its holder, and whether it is valid now."""

    status: str
    card: "MemberCard | None" = None

    @property
    def is_valid(self):
        return self.status == CardStatus.VALID

    @property
    def person(self):
        return self.card.person if self.card else None

    @property
    def reason(self):
        return CardStatus(self.status).label


class MemberCardQuerySet(models.QuerySet):
    def lookup(self, token):
        """The card behind a token, for the public check and for check-in at events."""
        token = (token or "").strip().upper()
        if len(token) != CARD_TOKEN_LENGTH or set(token) - set(CARD_TOKEN_ALPHABET):
            return CardLookup(CardStatus.UNKNOWN)
        card = self.select_related("person", "person__municipality").filter(token=token).first()
        if card is None or card.person.status == Person.Status.ERASED:
            return CardLookup(CardStatus.UNKNOWN)
        if card.revoked_at is not None:
            return CardLookup(CardStatus.REVOKED, card)
        if not card.person.memberships.current().exists():
            return CardLookup(CardStatus.LAPSED, card)
        return CardLookup(CardStatus.VALID, card)


class MemberCard(models.Model):
    """A member's QR card. The token is random and says nothing about the person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cards")
    token = models.CharField(max_length=CARD_TOKEN_LENGTH, unique=True, default=new_card_token)
    issued_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = MemberCardQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("member card")
        verbose_name_plural = _("member cards")
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(revoked_at=None),
                name="one_valid_card_per_person",
            )
        ]

    def __str__(self):
        return gettext("Card of %(person)s") % {"person": self.person}


def current_year():
    return timezone.localdate().year


class RecordAccess(models.Model):
    """Someone outside a family opened or exported its members' records.

    Coordinators read it to answer a family's "who has looked at my child's data?" and to
    notice a login reading more than its work needs. Kept for the period in docs/privacy.md.
    """

    class What(models.TextChoices):
        JOIN_REQUEST = "join_request", _("Join request opened")
        CARD = "card", _("Member card scanned")
        PROJECT = "project", _("Project opened")
        PHOTO = "photo", _("Photo opened")
        MEMBER_EXPORT = "member_export", _("Member list exported")
        PROJECT_EXPORT = "project_export", _("Project list exported")
        INTERNATIONAL_EXPORT = "international_export", _("International participation exported")
        ATTENDANCE_EXPORT = "attendance_export", _("Attendance exported")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Kept when the login is closed: the log must still say who it was.
    by_email = models.EmailField(_("login"))
    what = models.CharField(_("what"), max_length=30, choices=What.choices)
    path = models.CharField(_("address"), max_length=500)
    people = models.ManyToManyField(Person, related_name="+", verbose_name=_("whose records"))

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("record access")
        verbose_name_plural = _("record accesses")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.by_email}: {self.get_what_display()}"
