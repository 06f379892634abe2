"""Every form a person can send, fed generated input (hypothesis) through the real views.

Each form of the registry (FORMS) is opened as the person who may send it, its fields are
read from the page as a browser reads them (a baseline that the view accepts), and then sent
again and again with some fields replaced by hostile values: random and unicode text, control
characters and NUL bytes, huge strings, numbers and dates out of range, several values for
one field, junk files, ids of other people's objects, and fields left out.

What must hold for every answer: no server error (≥ 500), and no half-written record: a form
that is refused (anything but its success answer, usually a redirect) changes nothing, and
every row an accepted form adds or changes is complete and valid (the model's `full_clean`).

Every member-area address (tests/test_member_access.py's RULES) is either a form here or
listed in GET_ONLY; every public address that takes POST is a form here or listed with the
reason it is not fuzzed (NOT_FUZZED): a new form that nobody registers fails
`test_every_form_is_registered`.
"""

import datetime
import inspect
import io
import os
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.views.generic import RedirectView
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from wagtail.models import get_page_models

from tests.conftest import enrol_second_factor
from tests.members import PASSWORD, add_guardian, make_member, make_person, make_user, years_ago
from tests.projects import make_project, make_theme, real_pdf
from tests.test_member_access import RULES, arguments

pytestmark = pytest.mark.django_db

# Examples per form: a few for the suite's time; FUZZ_EXAMPLES=200 for a longer hunt.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# Reading a form as a browser does ------------------------------------------------------------


@dataclass
class Field:
    kind: str  # the input's type, "select", "textarea" or "button"
    values: list = field(default_factory=list)  # the values the page offers
    chosen: list = field(default_factory=list)  # what a person sends without changing it
    multiple: bool = False
    attrs: dict = field(default_factory=dict)


class FormReader(HTMLParser):
    """The forms of a page: their method, action and fields."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.form = {
                "method": attrs.get("method", "get").lower(),
                "action": attrs.get("action", ""),
                "fields": {},
            }
            self.forms.append(self.form)
            return
        if self.form is None or (tag not in ("option",) and "name" not in attrs):
            return
        fields = self.form["fields"]
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            found = fields.setdefault(attrs["name"], Field(kind, attrs=attrs))
            value = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio"):
                found.values.append(value)
                found.multiple = kind == "checkbox"
                if "checked" in attrs:
                    found.chosen.append(value)
            elif kind not in ("submit", "image", "reset"):
                found.chosen = [value]
            else:
                found.kind = "button"
                found.values.append(value)
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            found = fields.setdefault(attrs["name"], Field("button"))
            found.values.append(attrs.get("value", ""))
        elif tag == "select":
            self.select = fields.setdefault(
                attrs["name"], Field("select", multiple="multiple" in attrs, attrs=attrs)
            )
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            self.select.values.append(value)
            if "selected" in attrs:
                self.select.chosen.append(value)
        elif tag == "textarea":
            self.textarea = fields.setdefault(attrs["name"], Field("textarea", attrs=attrs))
            self.textarea.chosen = [""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.chosen = [self.textarea.chosen[0] + data]

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms_on(html):
    reader = FormReader()
    reader.feed(html)
    return reader.forms


SAMPLES = {
    "email": "fuzz.tester@example.lv",
    "date": None,  # today, or the input's own bounds
    "datetime-local": None,  # in two days
    "time": "10:00",
    "number": "1",
    "url": "https://example.lv/sanaksme",
    "tel": "+371 20000000",
    "password": PASSWORD,
    "file": None,
}


def in_days(days, hour):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def baseline_value(name, spec):
    """What a person would send in this field without thinking about it."""
    if spec.kind == "button":
        return spec.values[:1]
    if spec.kind in ("checkbox",):
        return spec.chosen or spec.values  # tick every box: consents and choices alike
    if spec.kind in ("radio", "select"):
        offered = [value for value in spec.values if value]
        if spec.chosen and any(spec.chosen):
            return [value for value in spec.chosen if value]
        return offered[:1]
    if spec.kind == "file":
        return []
    given_value = spec.chosen[0] if spec.chosen else ""
    if given_value.strip():
        return [given_value]
    if spec.kind == "date":
        return [spec.attrs.get("max") or spec.attrs.get("min") or timezone.localdate().isoformat()]
    if spec.kind == "datetime-local":
        return [in_days(2, 10)]
    if spec.kind == "number":
        return [spec.attrs.get("min") or "1"]
    if spec.kind == "hidden":
        return [given_value]
    return [SAMPLES.get(spec.kind) or f"Pārbaude {name}"]


# Hostile values -----------------------------------------------------------------------------

HUGE = "ā" * 100_000
ODD_TEXT = [
    "",
    " ",
    "\x00",
    "Anna\x00",
    "\r\n\t",
    "\u202eevil\u202c",
    "🦊🌻",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%s%n%x",
    "javascript:alert(1)",
    "null",
    "[]",
    HUGE,
]
ODD_NUMBERS = [
    "-1",
    "0",
    "99999999999999999999",
    "-99999999999999999999",
    "1e309",
    "NaN",
    "inf",
    "0.125",
    "1,5",
    "٣",
    "²",
]
ODD_DATES = ["0001-01-01", "9999-12-31", "10000-01-01", "2024-02-30", "1899-12-31", "31.12.2024"]
ODD_TIMES = ["25:61", "24:00", "-1:00", "10:00:00.9999999"]


def junk_upload(content, name):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def png_bytes():
    image = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(image, "PNG")
    return image.getvalue()


UPLOADS = st.sampled_from(
    [
        (b"", "empty.jpg"),
        (b"\x00" * 64, "nulls.png"),
        (b"%PDF-1.4 not really", "fake.pdf"),
        (b"<svg onload='alert(1)'/>", "evil.svg"),
        (b"GIF89a" + b"\xff" * 40, "../../x.heic"),
        (png_bytes(), "photo.png"),
        (real_pdf(), "plans.pdf"),
    ]
).map(lambda pair: junk_upload(*pair))


def hostile_values(foreign_ids):
    """One hostile value for a field: text, a number, a date, an id that is someone else's,
    several values at once, or a file where text is expected."""
    single = st.one_of(
        st.sampled_from(ODD_TEXT),
        st.text(max_size=25),
        st.text(max_size=8).map(lambda text: text + "\x00"),
        st.sampled_from(ODD_NUMBERS),
        st.integers().map(str),
        st.sampled_from(ODD_DATES + ODD_TIMES),
        st.sampled_from([str(pk) for pk in foreign_ids] or ["1"]),
    )
    return st.one_of(
        single.map(lambda value: [value]),
        st.lists(single, min_size=2, max_size=3),
        UPLOADS.map(lambda upload: [upload]),
    )


# The registry -------------------------------------------------------------------------------


def is_redirect(response):
    return response.status_code in (301, 302, 303)


@dataclass(frozen=True)
class Form:
    """A form: who sends it, where it is shown, and which tables an accepted one writes."""

    role: str
    writes: tuple = ()  # "app_label.Model" of every table the form may write
    args: object = None  # a RULES kind, or a function (ctx) -> the URL's arguments
    page: object = None  # where it is shown: a URL name (same arguments) or (ctx) -> URL
    overrides: dict = field(default_factory=dict)  # field -> value, or (ctx) -> value
    fields: dict | None = None  # field -> values, for a form no page shows (a button)
    accepted: object = is_redirect  # which answers mean "done"
    partial: bool = False  # a draft: a refused send may keep what was valid
    baseline_accepted: bool = True  # whether the unchanged form is accepted
    method: str = "post"
    url: object = None  # (ctx) -> URL, for forms outside the named member-area addresses
    has_field: str = ""  # of several forms sent to one address, the one with this field


def rules_args(kind):
    return lambda ctx: arguments(ctx.world, kind)


def family_member_of_14(ctx):
    """A child of 14 in the parent's family, still without a login of his own."""
    person = make_person("Roberts", "Ozols", years_ago(14))
    add_guardian(person, ctx.world.parent)
    make_member(person, ctx.world.club)
    return [person.pk]


def approved_hours(ctx):
    from members_area.volunteering.services import decide, log_hours

    world = ctx.world
    today = timezone.localdate()
    entry = log_hours(
        by=world.parent, person=world.child, club=world.club, date=today, hours=3,
        kind="event", description="Anna vadīja spēles",
    )  # fmt: skip
    decide(entry, by=world.leader, approve=True)
    return []


def meeting_now(ctx, *, ended=False):
    from members_area.online.models import Meeting

    now = timezone.now()
    starts = now - datetime.timedelta(hours=3 if ended else 0, minutes=5)
    meeting = Meeting.objects.create(
        club=ctx.world.club, title="Sanāksme", starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1 if ended else 2),
    )  # fmt: skip
    return [ctx.world.club.pk, meeting.pk]


def open_theme(ctx):
    make_theme()
    return []


def juror_project(ctx):
    from members_area.projects.models import Juror

    theme = make_theme()
    project = make_project(
        theme, ctx.world.club, [ctx.world.child], created_by=ctx.world.parent, state="accepted"
    )
    Juror.objects.create(theme=theme, user=ctx.users["juror"])
    return [project.pk]


def voting_proposal(ctx):
    from members_area.council import services

    today = timezone.localdate()
    services.appoint(
        by=ctx.world.coordinator, person=ctx.world.youth,
        starts_on=today - datetime.timedelta(days=5), ends_on=today + datetime.timedelta(days=90),
    )  # fmt: skip
    return arguments(ctx.world, "council_proposal")


def opportunity_for_the_youth(ctx):
    """An open opportunity of the youth's age (15), that nobody has marked yet."""
    from opportunities.models import OpportunityPage

    opportunity = (
        OpportunityPage.objects.live()
        .filter(locale__language_code="lv", application_deadline__gte=timezone.localdate())
        .filter(min_age__lte=15, max_age__gte=16)
        .first()
    )
    return [opportunity.pk]


def question_page(ctx):
    return reverse("council:survey_edit", args=ctx.args[:1])


def host_page(ctx):
    return reverse("checkin:hosts", args=ctx.args[:1])


def revoke_page(ctx):
    from members_area.certificates.models import Certificate

    code = Certificate.objects.get().display_code
    return reverse("certificates:revoke") + f"?code={code}"


def certificate_to_revoke(ctx):
    arguments(ctx.world, "certificate")
    return []


def promo_page(ctx):
    return ctx.pages["prezentmateriali"].url


def form_started(ctx):
    from brandbook import services

    ctx.clock += 1
    return services.form_token(ctx.pages["prezentmateriali"].pk, now=time.time() - 60 + ctx.clock)


def desk_of_leader(ctx):
    return arguments(ctx.world, "checkin_desk")


def youth_card(ctx):
    return ctx.world.youth.current_card().token


FORMS = {
    # Public ------------------------------------------------------------------------------
    "clubs:join": Form(
        "anonymous",
        writes=(
            "accounts.User",
            "accounts.Person",
            "accounts.Guardian",
            "accounts.Consent",
            "clubs.JoinRequest",
            "account.EmailAddress",
        ),
        overrides={
            "for_whom": "child",
            "role": "member",
            "date_of_birth": lambda ctx: years_ago(10).isoformat(),
            "guardian_email": "",
            "guardian_first_name": "",
            "guardian_last_name": "",
            "guardian_phone": "",
            "phone": "",
            "parent_phone": "",
            "email": "jauns.vecaks@example.lv",
        },
    ),
    "page:brandbook.PromoMaterialsPage": Form(
        "anonymous",
        url=promo_page,
        writes=("brandbook.PromoOrder", "brandbook.PromoOrderLine"),
        overrides={"started": form_started, "website": "", "phone": "", "quantity_*": "2"},
    ),
    "members:guardianship": Form(
        "anonymous",
        args=rules_args("guardianship"),
        writes=("accounts.User", "accounts.Guardian", "account.EmailAddress"),
    ),
    "account_login": Form(
        "anonymous",
        url=lambda ctx: reverse("account_login"),
        overrides={"login": "mamma@example.lv", "password": PASSWORD},
    ),
    "account_reset_password": Form(
        "anonymous",
        url=lambda ctx: reverse("account_reset_password"),
        overrides={"email": "mamma@example.lv"},
    ),
    # The family ---------------------------------------------------------------------------
    "members:renew": Form(
        "parent",
        args=rules_args("child"),
        fields={},
        writes=("clubs.Membership", "clubs.JoinRequest"),
    ),
    "members:invite": Form(
        "parent",
        args=family_member_of_14,
        writes=("accounts.User", "accounts.Person", "account.EmailAddress"),
        overrides={"email": "roberts@example.lv"},
    ),
    "members:edit": Form(
        "parent",
        args=rules_args("child"),
        writes=("accounts.Person", "accounts.Consent"),
        overrides={"phone": ""},
    ),
    "members:card_lost": Form(
        "parent", args=rules_args("child"), fields={}, writes=("accounts.MemberCard",)
    ),
    "members:erase_person": Form(
        "parent",
        args=rules_args("child"),
        writes=("accounts.Person", "accounts.Guardian", "accounts.MemberCard"),
        overrides={"first_name": "Anna"},
    ),
    "members:close_account": Form(
        "other_parent",
        writes=("accounts.User", "accounts.Person", "accounts.Guardian"),
        overrides={"password": PASSWORD},
    ),
    "online:calendar_rotate": Form(
        "parent", args=rules_args("child"), fields={}, writes=("online.CalendarFeed",)
    ),
    "online:attend": Form(
        "parent",
        args=meeting_now,
        page="online:room",
        writes=("online.Attendance",),
        overrides={"person": lambda ctx: str(ctx.world.child.pk)},
    ),
    "volunteering:log": Form(
        "parent",
        writes=("volunteering.VolunteerEntry",),
        overrides={"hours": "2", "date": lambda ctx: timezone.localdate().isoformat()},
    ),
    "certificates:volunteer_new": Form(
        "parent",
        args=approved_hours,
        writes=("certificates.Certificate",),
        overrides={
            "date_from": lambda ctx: timezone.localdate().isoformat(),
            "date_to": lambda ctx: timezone.localdate().isoformat(),
        },
    ),
    "certificates:training_new": Form(
        "leader",
        fields={
            "person": [lambda ctx: str(ctx.world.leader.person.pk)],
            "language": ["lv", "en"],
        },
        writes=("certificates.Certificate",),
    ),
    "projects:new": Form("parent", args=open_theme, writes=("projects.Project",)),
    "projects:edit": Form(
        "parent",
        args=rules_args("returned_project"),
        partial=True,
        writes=("projects.Project", "projects.ProjectFile", "projects.ProjectStateChange"),
        overrides={"add_member": "", "add_member_name": ""},
    ),
    "projects:report": Form(
        "parent",
        args=rules_args("approved_project"),
        partial=True,
        writes=("projects.Project", "projects.ProjectFile", "projects.ProjectStateChange"),
    ),
    "international:interest": Form(
        "parent",
        args=opportunity_for_the_youth,
        writes=("international.Interest",),
    ),
    "international:withdraw": Form(
        "parent",
        args=rules_args("international_interest"),
        fields={"back": ["", "/biedri/starptautiski/", "https://evil.example/"]},
        writes=("international.Interest",),
    ),
    "council:proposal_new": Form("parent", writes=("council.Proposal",)),
    "council:survey_answer": Form(
        "parent",
        args=rules_args("council_open_survey"),
        writes=(
            "council.SurveyTally",
            "council.SurveyTextAnswers",
            "council.SurveyParticipation",
            "council.NamedAnswer",
        ),
    ),
    # Club leaders -------------------------------------------------------------------------
    "clubs:join_request": Form(
        "leader",
        args=rules_args("join_request"),
        writes=(
            "clubs.JoinRequest",
            "clubs.Membership",
            "accounts.Person",
            "accounts.MemberCard",
        ),
        overrides={"reason": "Nav vietu."},
    ),
    "volunteering:review": Form(
        "leader",
        args=lambda ctx: arguments(ctx.world, "volunteer_entry") and [],
        writes=("volunteering.VolunteerEntry",),
    ),
    "volunteering:decide": Form(
        "leader",
        args=rules_args("volunteer_entry"),
        page="volunteering:review",
        writes=("volunteering.VolunteerEntry",),
        overrides={"reason": "Nav apstiprināts."},
    ),
    "projects:decide": Form(
        "leader",
        args=rules_args("submitted_project"),
        page="projects:detail",
        writes=("projects.Project", "projects.ProjectStateChange"),
    ),
    "online:meeting_new": Form(
        "leader",
        args=rules_args("online_club"),
        writes=("online.Meeting",),
        overrides={
            "date": lambda ctx: (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
            "starts": "17:00",
            "ends": "18:00",
        },
    ),
    "online:meeting_edit": Form(
        "leader",
        args=rules_args("online_meeting"),
        writes=("online.Meeting",),
    ),
    "online:attendance": Form(
        "leader",
        args=lambda ctx: meeting_now(ctx, ended=True),
        writes=("online.Attendance", "online.AttendanceCorrection"),
    ),
    "online:announcement_new": Form(
        "leader",
        args=rules_args("online_club"),
        writes=("online.Announcement", "online.AnnouncementAttachment"),
    ),
    "online:announcement_edit": Form(
        "leader",
        args=rules_args("online_announcement"),
        writes=("online.Announcement", "online.AnnouncementAttachment"),
    ),
    "checkin:home": Form(
        "leader",
        args=lambda ctx: arguments(ctx.world, "checkin_event") and [],
        writes=("checkin.Desk",),
    ),
    "checkin:code": Form(
        "leader",
        args=desk_of_leader,
        page="checkin:desk",
        writes=("checkin.Checkin",),
        accepted=lambda response: response.status_code == 200,
        overrides={"code": youth_card},
    ),
    "checkin:pick": Form(
        "leader",
        args=desk_of_leader,
        fields={"person": [lambda ctx: str(ctx.world.youth.pk)]},
        writes=("checkin.Checkin",),
        accepted=lambda response: response.status_code == 200,
    ),
    "checkin:close": Form(
        "leader", args=desk_of_leader, page="checkin:desk", fields={}, writes=("checkin.Desk",)
    ),
    "checkin:undo": Form(
        "leader",
        args=rules_args("checkin_checkin"),
        writes=("checkin.Checkin", "volunteering.TrainingRecord"),
        overrides={"reason": "Kļūda."},
    ),
    "card_lookup": Form(
        "leader",
        args=lambda ctx: [ctx.world.youth.current_card().token],
        fields={},
        writes=("checkin.Checkin",),
        accepted=lambda response: response.status_code == 200,
    ),
    # Coordinators -------------------------------------------------------------------------
    "volunteering:grant": Form(
        "coordinator",
        page="volunteering:awards",
        writes=("volunteering.AwardGrant",),
        fields={
            "kind": [lambda ctx: str(apps.get_model("volunteering.AwardKind").objects.first().pk)],
            "person": [lambda ctx: str(ctx.world.youth.pk)],
            "year": [lambda ctx: str(timezone.localdate().year)],
            "granted_on": [lambda ctx: timezone.localdate().isoformat()],
            "note": ["Paldies!"],
        },
        baseline_accepted=False,  # the youth has no approved hours
    ),
    "volunteering:training": Form(
        "coordinator",
        writes=("volunteering.TrainingRecord",),
        overrides={"hours": "2", "course": "Metodika", "provider": "Mazpulki"},
    ),
    "certificates:revoke": Form(
        "coordinator",
        args=certificate_to_revoke,
        page=revoke_page,
        writes=("certificates.Certificate",),
        overrides={"reason": "Kļūda datos.", "confirm": "on"},
    ),
    "projects:late": Form(
        "coordinator",
        args=rules_args("approved_project"),
        page="projects:detail",
        writes=("projects.Project", "projects.ProjectStateChange"),
        overrides={"until": lambda ctx: timezone.localdate() + datetime.timedelta(days=9)},
    ),
    "projects:results": Form(
        "coordinator",
        args=rules_args("judged_theme"),
        writes=("projects.Juror", "projects.ThemeResults", "projects.Project"),
        overrides={"email": "janis@example.lv"},
    ),
    "projects:score": Form(
        "juror",
        args=juror_project,
        writes=("projects.Score",),
        overrides={"criterion-*": "5"},
    ),
    "international:record_from_interests": Form(
        "coordinator",
        args=rules_args("international_opportunity"),
        writes=("international.Participation",),
    ),
    "international:record": Form(
        "coordinator",
        writes=("international.Participation",),
        overrides={"member_number": lambda ctx: ctx.world.child.member_number},
    ),
    "international:edit": Form(
        "coordinator",
        args=rules_args("international_participation"),
        writes=("international.Participation",),
    ),
    "international:delete": Form(
        "coordinator",
        args=rules_args("international_participation"),
        writes=("international.Participation",),
    ),
    "council:members": Form(
        "coordinator",
        writes=("council.CouncilMembership",),
        overrides={"person": lambda ctx: str(ctx.world.youth.pk)},
    ),
    "council:end_term": Form(
        "coordinator",
        args=rules_args("council_term"),
        page=lambda ctx: reverse("council:members"),
        writes=("council.CouncilMembership",),
    ),
    "council:meeting_new": Form(
        "coordinator",
        writes=("council.Meeting", "council.MeetingAttendance"),
        overrides={
            "starts_at": lambda ctx: in_days(2, 10),
            "ends_at": lambda ctx: in_days(2, 12),
            "is_training": "",
        },
    ),
    "council:meeting_edit": Form(
        "coordinator",
        args=rules_args("council_meeting"),
        writes=("council.Meeting", "council.MeetingAttendance"),
        overrides={"ends_at": lambda ctx: in_days(0, 23), "is_training": ""},
    ),
    "council:meeting_cancel": Form(
        "coordinator",
        args=rules_args("council_meeting"),
        fields={},  # a button on the page of a meeting still to come
        writes=("council.Meeting",),
    ),
    "council:comment": Form(
        "coordinator",
        args=rules_args("council_proposal"),
        page="council:proposal",
        writes=("council.ProposalComment",),
    ),
    "council:vote": Form(
        "council",
        args=voting_proposal,
        page="council:proposal",
        writes=("council.ProposalVote",),
    ),
    "council:proposal_state": Form(
        "coordinator",
        args=rules_args("council_proposal"),
        page="council:proposal",
        writes=("council.Proposal", "council.ProposalStateChange"),
    ),
    "council:survey_new": Form("coordinator", writes=("council.Survey",)),
    "council:survey_edit": Form(
        "coordinator",
        args=rules_args("council_survey"),
        writes=("council.Survey", "council.SurveyQuestion"),
        has_field="question-text",
        overrides={"question-choices_text": "Jā\nNē"},
    ),
    "council:survey_edit#settings": Form(
        "coordinator",
        args=rules_args("council_survey"),
        writes=("council.Survey",),
        has_field="survey-title",
    ),
    "council:question_remove": Form(
        "coordinator",
        args=rules_args("council_question"),
        page=question_page,
        writes=("council.SurveyQuestion",),
    ),
    "council:survey_state": Form(
        "coordinator",
        args=rules_args("council_survey"),
        page="council:survey_edit",
        writes=("council.Survey", "council.SurveyStateChange"),
    ),
    "checkin:hosts": Form(
        "coordinator", args=rules_args("checkin_event"), writes=("checkin.EventHost",)
    ),
    "checkin:host_remove": Form(
        "coordinator",
        args=rules_args("checkin_host"),
        page=host_page,
        writes=("checkin.EventHost",),
    ),
}


def page_url(slug, subpage=""):
    return lambda ctx: ctx.pages[slug].url + subpage


def is_ok(response):
    return response.status_code == 200


def filters(url, role="anonymous", args=None):
    """A list's filter form (GET): junk in it never breaks the page."""
    return Form(role, url=url, args=args, method="get", accepted=is_ok)


FORMS |= {
    "search#filters": filters(lambda ctx: reverse("search")),
    "page:news.NewsIndexPage#filters": filters(page_url("jaunumi")),
    "page:events.EventIndexPage#filters": filters(page_url("pasakumi")),
    "page:events.EventIndexPage#archive": filters(page_url("pasakumi", "arhivs/")),
    "page:opportunities.OpportunityIndexPage#filters": filters(page_url("starptautiskas-iespejas")),
    "page:clubs.ClubFinderPage#filters": filters(page_url("atrodi-mazpulku")),
    "clubs:staff_members#filters": filters(lambda ctx: reverse("clubs:staff_members"), "leader"),
    "projects:staff_list#filters": filters(
        lambda ctx: reverse("projects:staff_list"), "coordinator"
    ),
    "international:participations#filters": filters(
        lambda ctx: reverse("international:participations"), "coordinator"
    ),
    "members:record_accesses#filters": filters(
        lambda ctx: reverse("members:record_accesses"), "coordinator"
    ),
}

# Member-area addresses that take no form: what is posted to them is ignored
# (test_addresses_without_a_form_ignore_what_is_posted).
GET_ONLY = {
    "members:home", "members:photo", "members:card", "members:card_png", "members:card_svg",
    "members:card_print", "members:my_data", "members:my_data_json", "members:record_accesses",
    "clubs:join_sent", "clubs:staff_members", "clubs:join_requests", "clubs:export_csv",
    "clubs:export_xlsx", "volunteering:awards", "volunteering:mine", "volunteering:totals",
    "certificates:list", "certificates:pdf", "certificate_verify", "projects:list",
    "projects:detail", "projects:file", "projects:dashboard", "projects:staff_list",
    "projects:export_csv", "projects:export_xlsx", "projects:jury", "online:rooms",
    "online:room", "online:counts", "online:attachment", "online:calendar",
    "online:calendar_feed", "council:home", "council:meetings", "council:meeting",
    "council:proposals", "council:proposal", "council:surveys", "council:survey_results",
    "international:mine", "international:interests", "international:participations",
    "international:export_csv", "international:export_xlsx", "checkin:desk", "checkin:photo",
    "checkin:attendance", "checkin:attendance_csv",
}  # fmt: skip

# Public addresses that take POST but are not fuzzed here, and why.
NOT_FUZZED = {
    "account_signup": "closed: logins are made by the join form",
    "account_logout": "a button without fields",
    "account_email": "allauth's own form (e-mail change), behind a sign-in",
    "account_change_password": "allauth's own form, behind a sign-in",
    "account_set_password": "allauth's own form, behind a sign-in",
    "account_reauthenticate": "allauth's own password check",
    "account_request_reauthentication_code": "login by code is off",
    "account_confirm_reauthentication_code": "login by code is off",
    "account_confirm_login_code": "login by code is off",
    "account_confirm_email": "a button under a signed key",
    "account_reset_password_from_key": "allauth's own form under a signed key",
    "mfa_authenticate": "allauth's own second-factor code",
    "mfa_reauthenticate": "allauth's own second-factor code",
    "mfa_activate_totp": "allauth's own second-factor code",
    "mfa_deactivate_totp": "allauth's own second-factor code",
    "mfa_generate_recovery_codes": "allauth's own button",
    "usersessions_list": "allauth's own button (end the other sessions)",
    "wagtailcore_authenticate_with_password": "no page of the site has a password",
    "wagtaildocs_authenticate_with_password": "no document of the site has a password",
    "wagtailcore_login": "unreachable: /_util/login/ redirects to the site's sign-in first",
}


# Running a form ------------------------------------------------------------------------------


def role_user(ctx, role):
    if role == "anonymous":
        return None
    if role == "juror":
        return enrol_second_factor(make_user("juris@example.lv", first_name="Juris"))
    if role == "council":
        return ctx.world.youth.user
    return getattr(ctx.world, role)


def form_urls(ctx, name, form):
    """(where it is sent, where it is shown)."""
    if form.url is not None:
        url = form.url(ctx)
        return url, url
    url = reverse(name.partition("#")[0], args=ctx.args)
    if form.page is None:
        return url, url
    if callable(form.page):
        return url, form.page(ctx)
    return url, reverse_page(form.page, ctx.args)


def reverse_page(name, args):
    """The page's address, with as many of the form's arguments as it takes."""
    for count in range(len(args), -1, -1):
        try:
            return reverse(name, args=args[:count])
        except NoReverseMatch:
            continue
    raise NoReverseMatch(name)


def find_form(html, url, page, method, has_field=""):
    """The form on the page that is sent to `url` (the one with `has_field`, if given)."""
    for found in forms_on(html):
        if has_field and has_field not in found["fields"]:
            continue
        action = found["action"].split("?")[0]
        shown_at = page.split("?")[0]
        if found["method"] == method and (action == url or (not action and url == shown_at)):
            return found["fields"]
    return None


def resolve(value, ctx):
    return value(ctx) if callable(value) else value


def baseline(ctx, form, fields):
    chosen = {name: baseline_value(name, spec) for name, spec in fields.items()}
    for pattern, value in form.overrides.items():
        names = (
            [n for n in chosen if n.startswith(pattern[:-1])]
            if pattern.endswith("*")
            else [pattern]
        )
        for name in names:
            chosen[name] = [str(resolve(value, ctx))]
    return chosen


def payload(chosen, replaced):
    data = {}
    for name, values in {**chosen, **replaced}.items():
        if values:
            data[name] = values if len(values) > 1 else values[0]
    return data


# The tables' rows before and after, and what "complete and valid" means for a row.


def snapshot(models):
    return {
        model: {row[model._meta.pk.attname]: row for row in model._base_manager.values()}
        for model in models
    }


def row_problems(model, pk):
    instance = model._base_manager.get(pk=pk)
    if getattr(instance, "erased_at", None) is not None:
        return None  # an erased person keeps only what the anonymous counts need
    # A nullable field left empty is complete, whether or not the admin may leave it blank.
    empty = [f.name for f in model._meta.fields if f.null and getattr(instance, f.attname) is None]
    try:
        instance.full_clean(exclude=empty, validate_unique=False, validate_constraints=False)
    except Exception as error:  # ValidationError, or a value the field cannot even read
        return f"{model.__name__} {pk}: {error}"
    return None


def check_outcome(name, form, response, before, after, sent):
    assert response.status_code < 500, (name, sent)
    if form.method == "get":
        assert response.status_code == 200, (name, response.status_code, sent)
    changed = {
        model: [pk for pk, row in rows.items() if before[model].get(pk) != row]
        for model, rows in after.items()
    }
    removed = {model: set(before[model]) - set(after[model]) for model in before}
    touched = any(changed.values()) or any(removed.values())
    if touched and not form.accepted(response) and not form.partial:
        pytest.fail(f"{name}: refused ({response.status_code}) but wrote {changed} {removed}")
    problems = [row_problems(model, pk) for model, pks in changed.items() for pk in pks]
    problems = [problem for problem in problems if problem]
    assert not problems, (name, problems, sent)


def send(ctx, form, url, data):
    if form.method == "get":
        return ctx.client.get(url, data)
    return ctx.client.post(url, data)


def attempt(ctx, name, form, url, data, models):
    """Send once, in a savepoint that is rolled back: every attempt starts from the same data."""
    for cache in caches.all():
        cache.clear()  # rate limits and used form tokens
    with transaction.atomic():
        if ctx.user is not None:
            ctx.client.force_login(ctx.user)  # again: an accepted form may have signed out
        before = snapshot(models)
        response = send(ctx, form, url, data)
        after = snapshot(models)
        check_outcome(name, form, response, before, after, data)
        transaction.set_rollback(True)
    return response


def prepare(name, form, client, world, pages):
    ctx = SimpleNamespace(world=world, pages=pages, client=client, users={}, clock=0)
    ctx.users["juror"] = role_user(ctx, "juror") if form.role == "juror" else None
    user = ctx.users["juror"] or role_user(ctx, form.role)
    if isinstance(form.args, str):
        ctx.args = arguments(world, form.args)
    else:
        ctx.args = form.args(ctx) if form.args else []
    ctx.user = user
    if user is not None:
        client.force_login(user)
    url, page = form_urls(ctx, name, form)
    if form.fields is not None:
        fields = {
            field_name: Field(
                "text",
                values=[resolve(v, ctx) for v in values],
                chosen=[resolve(v, ctx) for v in values[:1]],
            )
            for field_name, values in form.fields.items()
        }
    else:
        shown = client.get(page)
        assert shown.status_code == 200, (name, page, shown.status_code)
        fields = find_form(shown.content.decode(), url, page, form.method, form.has_field)
        assert fields is not None, f"{name}: no form sent to {url} on {page}"
    ctx.foreign = foreign_ids(world)
    return ctx, url, fields


def foreign_ids(world):
    """Ids of the other family's and the other club's records."""
    from members_area.volunteering.services import log_hours

    entry = log_hours(
        by=world.other_parent, person=world.other_child, club=world.other_club,
        date=timezone.localdate(), hours=1, kind="club", description="Līga palīdzēja",
    )  # fmt: skip
    return [world.other_child.pk, world.other_club.pk, world.other_parent.pk, entry.pk]


def form_errors(response):
    """The errors a refused form shows, for the assertion's message."""
    found = {}
    for context in response.context or []:
        for key, value in context.flatten().items() if hasattr(context, "flatten") else ():
            if hasattr(value, "errors") and getattr(value, "is_bound", False):
                found[key] = value.errors
    return found or response.content.decode()[:500]


def write_models(form):
    return [apps.get_model(label) for label in form.writes]


@pytest.mark.parametrize("name", sorted(FORMS))
def test_forms_survive_generated_input(name, client, world, pages):
    form = FORMS[name]
    ctx, url, fields = prepare(name, form, client, world, pages)
    models = write_models(form)
    chosen = baseline(ctx, form, fields)
    response = attempt(ctx, name, form, url, payload(chosen, {}), models)
    if form.baseline_accepted:
        assert form.accepted(response), (name, response.status_code, form_errors(response))
    names = [*sorted(chosen), "unexpected_field"]
    hostile = hostile_values(ctx.foreign)
    offered = {  # another of the choices the page offers (a decision's other button)
        name: st.sampled_from([[str(value)] for value in spec.values if value])
        for name, spec in fields.items()
        if len([value for value in spec.values if value]) > 1
    }

    @FUZZ_SETTINGS
    @given(st.data())
    def fuzz(data):
        replaced = {}
        for field_name in data.draw(st.lists(st.sampled_from(names), max_size=4, unique=True)):
            choices = [st.just([]), hostile]  # left out, or hostile
            if field_name in offered:
                choices.append(offered[field_name])
            replaced[field_name] = data.draw(st.one_of(choices), label=field_name)
        for key in ("started",):  # a fresh form each time, unless the fuzzer changed it
            if key in chosen and key not in replaced:
                replaced[key] = [str(resolve(form.overrides[key], ctx))]
        attempt(ctx, name, form, url, payload(chosen, replaced), models)

    fuzz()


# Which addresses take a form -----------------------------------------------------------------


def named_routes(patterns, namespace="", prefix=""):
    """(route, name, view) of every named address of the site."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            yield from named_routes(pattern.url_patterns, inner, route)
        elif pattern.name:
            yield route, f"{namespace}{pattern.name}", pattern.callback


def takes_post(view):
    """Whether a view reads what is posted to it (a redirect only passes it on)."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post") and not issubclass(view_class, RedirectView)
    try:
        source = inspect.getsource(inspect.unwrap(view))
    except (OSError, TypeError):
        return True
    return "POST" in source


# The editors' admin (Wagtail's forms, behind its sign-in and second factor) and the API.
NOT_PUBLIC = ("admin/", "api/")


def public_post_names():
    names = set()
    for route, name, view in named_routes(get_resolver().url_patterns):
        if name in RULES or name.split(":")[0] in MEMBER_AREA or route.startswith(NOT_PUBLIC):
            continue
        if takes_post(view):
            names.add(name)
    return names


MEMBER_AREA = {"members", "clubs", "projects", "volunteering", "certificates", "online",
               "council", "international", "checkin"}  # fmt: skip


def post_page_types():
    """Page types whose pages read what is posted to them."""
    return {
        model._meta.label
        for model in get_page_models()
        if model.__module__.split(".")[0] in PROJECT_APPS and "POST" in inspect.getsource(model)
    }


PROJECT_APPS = {"home", "news", "newspaper", "events", "opportunities", "brandbook", "members_area"}


def registered_posts():
    return {name.partition("#")[0] for name, form in FORMS.items() if form.method == "post"}


def test_every_form_is_registered():
    registered = registered_posts()
    assert set(RULES) - registered - GET_ONLY == set(), "a member-area address is neither"
    assert registered & GET_ONLY == set()
    assert public_post_names() - registered - set(NOT_FUZZED) == set()
    pages = {name.removeprefix("page:") for name in registered if name.startswith("page:")}
    assert "brandbook.PromoMaterialsPage" in post_page_types() <= pages
    assert "account_login" in public_post_names()


def test_addresses_without_a_form_ignore_what_is_posted(client, world):
    """What is posted to a page without a form changes nothing a visit would not (and is no
    server error)."""
    watched = [
        model
        for app in MEMBER_AREA
        for model in apps.get_app_config(app.replace("members", "accounts")).get_models()
        if model.__name__ not in ("RecordAccess", "MemberExport")
    ]
    junk = {"action": "approve", "person": str(world.child.pk), "text": "Anna\x00" + HUGE}
    for name in sorted(GET_ONLY):
        _method, kind, expected = RULES[name]
        role = next(
            (r for r in ("parent", "leader", "coordinator") if expected[r] == 200), "anonymous"
        )
        with transaction.atomic():
            url = reverse(name, args=arguments(world, kind))
            client.logout()
            if role != "anonymous":
                client.force_login(getattr(world, role))
            client.get(url)  # what the page makes for itself (a calendar's address) is made
            before = {model: model._base_manager.count() for model in watched}
            response = client.post(url, junk)
            assert response.status_code < 500, (name, response.status_code)
            after = {model: model._base_manager.count() for model in watched}
            assert before == after, name
            transaction.set_rollback(True)


def test_ids_in_addresses_that_name_nothing_are_not_found(client, world):
    """Every member-area address with an id, given one past the database's integers (a page's
    id was a server error on SQLite) or one that names nothing: never a server error."""
    for name in sorted(RULES):
        method, kind, expected = RULES[name]
        role = next((r for r in ("parent", "leader", "coordinator") if expected[r] != 404), None)
        with transaction.atomic():
            args = arguments(world, kind)
            client.logout()
            if role:
                client.force_login(getattr(world, role))
            for index, value in enumerate(args):
                if not isinstance(value, int):
                    continue
                for bad in (10**20, 0):
                    url = reverse(name, args=[*args[:index], bad, *args[index + 1 :]])
                    response = getattr(client, method)(url)
                    assert response.status_code < 500, (name, url, response.status_code)
            transaction.set_rollback(True)


# What the fuzzing found (issue 11): each was a server error, or wrote what it should not.
FOUND = [
    ("certificates:training_new", {"person": [" "]}),  # an id that is no number
    ("international:edit", {"opportunity": ["99999999999999999999"]}),  # SQLite: overflow
    ("international:record_from_interests", {"people": ["99999999999999999999"]}),
    ("council:proposal_state", {"comment": ["\x00"]}),  # PostgreSQL refuses NUL
    ("volunteering:decide", {"action": ["decline"], "reason": ["Nē\x00"]}),
    ("projects:decide", {"action": ["approve"], "comment": ["ā" * 3001]}),  # was dropped
]


@pytest.mark.parametrize(("name", "replaced"), FOUND, ids=[name for name, _ in FOUND])
def test_what_the_fuzzing_found_is_refused_and_changes_nothing(
    name, replaced, client, world, pages
):
    form = FORMS[name]
    ctx, url, fields = prepare(name, form, client, world, pages)
    models = write_models(form)
    data = payload(baseline(ctx, form, fields), replaced)
    with transaction.atomic():
        before = snapshot(models)
        response = send(ctx, form, url, data)
        assert response.status_code < 500
        assert snapshot(models) == before
        transaction.set_rollback(True)
