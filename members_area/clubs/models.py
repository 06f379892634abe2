from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.serializers import localized_rich_text
from members_area.accounts.models import Person, User, current_year


class ClubQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def local(self):
        return self.filter(kind=Club.Kind.LOCAL)

    def online(self):
        return self.filter(kind=Club.Kind.ONLINE)

    def managed_by(self, user):
        """The clubs whose members and requests a login may manage."""
        if not user.is_authenticated:
            return self.none()
        if user.is_coordinator:
            return self.all()
        return self.filter(pk__in=user.led_club_ids())


class Club(models.Model):
    """A mazpulks: a local club, or the online one for youths with no club nearby."""

    class Kind(models.TextChoices):
        LOCAL = "local", _("local club")
        ONLINE = "online", _("online club")

    name = models.CharField(_("name"), max_length=150)
    number = models.PositiveIntegerField(_("number"), unique=True)
    municipality = models.ForeignKey(
        "home.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="clubs",
        null=True,
        blank=True,
        help_text=_("Empty only for the online club."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LOCAL)
    founded = models.DateField(_("founded"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    is_central_team = models.BooleanField(
        _("central volunteer team"),
        default=False,
        help_text=_("The office's own volunteers (in Riga): coordinators confirm their hours."),
    )
    meeting_place = models.CharField(_("meeting place"), max_length=200, blank=True)
    meeting_time = models.CharField(
        _("meeting time"), max_length=200, blank=True, help_text=_("E.g. Tuesdays at 15:00")
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)

    objects = ClubQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("club")
        verbose_name_plural = _("clubs")

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == self.Kind.LOCAL and self.municipality_id is None:
            raise ValidationError({"municipality": _("A local club needs its municipality.")})

    @property
    def region(self):
        return self.municipality.region if self.municipality_id else None

    @property
    def is_online(self):
        return self.kind == self.Kind.ONLINE

    def approvers(self, role=None):
        """Logins that decide on this club's join requests: its leaders; coordinators for the
        online club, for those who would lead a club, and for a club with no leader this year."""
        leaders = User.objects.filter(
            is_active=True,
            person__memberships__in=Membership.objects.current().leading().filter(club=self),
        ).distinct()
        if self.is_online or role in Membership.LEADING_ROLES or not leaders.exists():
            return User.objects.coordinators()
        return leaders


class MembershipQuerySet(models.QuerySet):
    def current(self):
        return self.active_in(current_year())

    def active_in(self, *years):
        """The memberships (any role) held in one of `years`; hours dated in a year need one."""
        return self.filter(year__in=years, status=Membership.Status.ACTIVE)

    def leading(self):
        return self.filter(role__in=Membership.LEADING_ROLES)

    def managed_by(self, user):
        """Memberships of the clubs a login manages, of people it may see (not erased ones)."""
        return self.filter(
            club__in=Club.objects.managed_by(user),
            person__in=Person.objects.visible_to(user).not_erased(),
        )


class Membership(models.Model):
    """Someone's place in a club for one year: memberships are renewed every year."""

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        VOLUNTEER = "volunteer", _("volunteer")
        ASSISTANT_LEADER = "assistant", _("assistant leader")
        LEADER = "leader", _("leader")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        ENDED = "ended", _("ended")

    LEADING_ROLES = (Role.LEADER, Role.ASSISTANT_LEADER)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    year = models.PositiveSmallIntegerField(_("year"))
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("to"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "club__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "club", "year"], name="one_membership_per_club_and_year"
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.club} · {self.year}"

    @property
    def is_leading(self):
        return self.role in self.LEADING_ROLES


class JoinRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=JoinRequest.Status.PENDING)

    def managed_by(self, user):
        return self.filter(club__in=Club.objects.managed_by(user))


class JoinRequest(models.Model):
    """A request to join a club for a year, decided by the club's leader (or a coordinator)."""

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("waiting for e-mail confirmation")
        PENDING = "pending", _("waiting for the leader's decision")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="join_requests")
    club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="join_requests")
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    year = models.PositiveSmallIntegerField(_("year"))
    message = models.TextField(_("message to the leader"), blank=True, max_length=1000)
    language = models.CharField(
        _("language"), max_length=5, default=settings.LANGUAGE_CODE, help_text=_("For e-mails.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.UNVERIFIED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="submitted_join_requests",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True, max_length=1000)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self):
        return gettext("%(person)s to %(club)s") % {"person": self.person, "club": self.club}

    @property
    def is_open(self):
        return self.status in (self.Status.UNVERIFIED, self.Status.PENDING)

    @property
    def is_for_leading_role(self):
        return self.role in Membership.LEADING_ROLES

    def can_be_decided_by(self, user):
        """The club's leaders decide on members and volunteers; someone who would lead a club
        sees children's data, so coordinators decide on leaders (and on the online club)."""
        if not user.is_authenticated:
            return False
        if user.is_coordinator:
            return True
        return (
            not self.is_for_leading_role
            and not self.club.is_online
            and self.club_id in user.led_club_ids()
        )


class MemberExport(models.Model):
    """Who downloaded the member list, when, and which part of it."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    exported_at = models.DateTimeField(default=timezone.now)
    format = models.CharField(max_length=4, choices=Format.choices)
    filters = models.JSONField(default=dict, blank=True)
    row_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-exported_at"]
        verbose_name = _("member list export")
        verbose_name_plural = _("member list exports")

    def __str__(self):
        return f"{self.exported_at:%Y-%m-%d %H:%M} {self.exported_by} ({self.format})"


class ClubFinderPage(Page):
    """The public list of clubs to join, by region and municipality, with the online mazpulks
    offered to youths who have no club nearby.

    Anonymous visitors get the same page for the same address (the filters are in it), so it
    can be cached: nothing here reads the session or the signed-in user.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    # The page's own text only: the clubs are read from the site, not from the API.
    api_fields = [APIField("intro", serializer=localized_rich_text())]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one finder in each language's tree

    class Meta:
        verbose_name = _("club finder")

    def get_context(self, request, *args, **kwargs):
        from members_area.clubs.finder import find_clubs

        context = super().get_context(request, *args, **kwargs)
        context["finder"] = find_clubs(request.GET, locale_id=self.locale_id)
        return context
