"""Who may open each member-area address: anonymous, another family, another club's leader,
the club's leader, a coordinator, and the family itself.

Every named URL of the member area must have a row here: a new view without a stated rule
fails `test_every_member_area_url_has_an_access_rule`.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from members_area.clubs.models import JoinRequest
from members_area.projects.models import ProjectFile
from tests.checkin import checkin_arguments
from tests.council import council_arguments
from tests.members import make_person, years_ago
from tests.projects import make_project, make_theme, real_pdf

pytestmark = pytest.mark.django_db

LOGIN = "login"  # a redirect to the sign-in page
ROLES = ("anonymous", "other_parent", "other_leader", "leader", "coordinator", "parent")


def row(anonymous, other_parent, other_leader, leader, coordinator, parent):
    return dict(
        zip(
            ROLES, (anonymous, other_parent, other_leader, leader, coordinator, parent), strict=True
        )
    )


FAMILY_ONLY = row(LOGIN, 404, 404, 404, 404, 200)
OWN_PAGE = row(LOGIN, 200, 200, 200, 200, 200)  # everyone sees his own, never the child's
PUBLIC = row(200, 200, 200, 200, 200, 200)
STAFF = row(LOGIN, 403, 200, 200, 200, 403)  # other_leader sees his own club, not the child
STAFF_OBJECT = row(LOGIN, 403, 404, 200, 200, 403)
COORDINATORS = row(LOGIN, 403, 403, 403, 200, 403)

# name -> (method, arguments from the world, expected status by role, may the child's name show)
RULES = {
    "members:home": ("get", None, OWN_PAGE),
    "members:renew": ("post", "child", row(LOGIN, 404, 404, 404, 404, 302)),
    "members:invite": ("get", "child", FAMILY_ONLY),
    "members:edit": ("get", "child", FAMILY_ONLY),
    # The child has no photo in the world: nobody gets a file.
    "members:photo": ("get", "child", row(404, 404, 404, 404, 404, 404)),
    "members:card": ("get", "child", FAMILY_ONLY),
    "members:card_png": ("get", "child", FAMILY_ONLY),
    "members:card_svg": ("get", "child", FAMILY_ONLY),
    "members:card_print": ("get", "child", FAMILY_ONLY),
    "members:card_lost": ("get", "child", FAMILY_ONLY),
    "members:guardianship": ("get", "guardianship", PUBLIC),
    "members:my_data": ("get", None, OWN_PAGE),
    "members:my_data_json": ("get", None, OWN_PAGE),
    "members:erase_person": ("get", "child", FAMILY_ONLY),
    "members:close_account": ("get", None, OWN_PAGE),
    "members:record_accesses": ("get", None, COORDINATORS),
    "clubs:join": ("get", None, PUBLIC),
    "clubs:join_sent": ("get", None, row(302, 302, 302, 302, 302, 302)),
    "clubs:staff_members": ("get", None, STAFF),
    "clubs:join_requests": ("get", None, STAFF),
    "clubs:join_request": ("get", "join_request", STAFF_OBJECT),
    "clubs:export_csv": ("get", None, COORDINATORS),
    "clubs:export_xlsx": ("get", None, COORDINATORS),
    "card_lookup": ("get", "token", PUBLIC),
    "volunteering:awards": ("get", None, COORDINATORS),
    "volunteering:grant": ("post", None, COORDINATORS | {"coordinator": 400}),
    "volunteering:training": ("get", None, COORDINATORS),
    "volunteering:mine": ("get", None, OWN_PAGE),
    "volunteering:log": ("get", None, OWN_PAGE),
    "volunteering:review": ("get", None, STAFF),
    "volunteering:totals": ("get", None, STAFF),
    # Deciding without a choice is a bad request, for those who may decide.
    "volunteering:decide": ("post", "volunteer_entry", row(LOGIN, 403, 404, 400, 400, 403)),
    "certificates:list": ("get", None, OWN_PAGE),
    "certificates:volunteer_new": ("get", None, OWN_PAGE),
    "certificates:pdf": ("get", "certificate", FAMILY_ONLY),
    # Without a person of one's own family in the form: nothing to certify.
    "certificates:training_new": ("post", None, row(LOGIN, 404, 404, 404, 404, 404)),
    # Only coordinators find a certificate by its code and revoke it.
    "certificates:revoke": ("get", None, COORDINATORS),
    # Anyone holding a certificate checks it; it shows the holder's name, as the paper does.
    "certificate_verify": ("get", "certificate_code", PUBLIC),
    "projects:list": ("get", None, OWN_PAGE),
    "projects:new": ("get", None, OWN_PAGE),
    "projects:detail": ("get", "submitted_project", row(LOGIN, 404, 404, 200, 200, 200)),
    # Only the family (and whoever started a project) writes; leaders and coordinators decide.
    "projects:edit": ("get", "returned_project", row(LOGIN, 404, 404, 403, 403, 200)),
    "projects:report": ("get", "approved_project", row(LOGIN, 404, 404, 403, 403, 200)),
    # A decision without a choice is a bad request, for those who may decide.
    "projects:decide": ("post", "submitted_project", row(LOGIN, 404, 404, 400, 400, 403)),
    # Sent empty: back to the project, with a message to choose the date.
    "projects:late": ("post", "approved_project", COORDINATORS | {"coordinator": 302}),
    "projects:file": ("get", "project_file", row(LOGIN, 404, 404, 200, 200, 200)),
    # Leaders and coordinators: the yearly picture, the list and its exports (the club's
    # submitted project shows for its leader, never for another club's).
    "projects:dashboard": ("get", "projects_of_club", STAFF),
    "projects:staff_list": ("get", "projects_of_club", STAFF),
    "projects:export_csv": ("get", "projects_of_club", STAFF),
    "projects:export_xlsx": ("get", "projects_of_club", STAFF),
    # The project forum: none of these roles is a juror (jurors: tests/test_project_jury.py).
    "projects:jury": ("get", None, COORDINATORS),
    "projects:score": ("get", "accepted_project", row(LOGIN, 403, 403, 403, 403, 403)),
    "projects:results": ("get", "judged_theme", COORDINATORS),
    # The club room (members_area/online): each role here has one club, so the list goes
    # straight into its room.
    "online:rooms": ("get", None, row(LOGIN, 302, 302, 302, 302, 302)),
    "online:room": ("get", "online_club", row(LOGIN, 404, 404, 200, 200, 200)),
    "online:meeting_new": ("get", "online_club", STAFF_OBJECT),
    "online:meeting_edit": ("get", "online_meeting", STAFF_OBJECT),
    # "I am here" without saying who is a bad request, for those who see the room.
    "online:attend": ("post", "online_meeting", row(LOGIN, 404, 404, 400, 400, 400)),
    "online:attendance": ("get", "online_meeting", STAFF_OBJECT),
    "online:counts": ("get", "online_club", STAFF_OBJECT),
    "online:announcement_new": ("get", "online_club", STAFF_OBJECT),
    "online:announcement_edit": ("get", "online_announcement", STAFF_OBJECT),
    "online:attachment": ("get", "online_attachment", row(LOGIN, 404, 404, 200, 200, 200)),
    "online:calendar": ("get", None, OWN_PAGE),
    "online:calendar_rotate": ("post", "child", row(LOGIN, 404, 404, 404, 404, 302)),
    # Calendar apps send no cookies: the secret token alone opens the feed (no names in it).
    "online:calendar_feed": ("get", "online_feed", PUBLIC),
    # The youth council (members_area/council): no role here is on the council (council
    # members: tests/test_council.py). Every member proposes; the council and coordinators
    # read meetings, proposals and surveys; coordinators manage. A POST missing its choice
    # is a 404 or a message (302), for those allowed.
    "council:home": ("get", None, OWN_PAGE),
    "council:members": ("get", None, COORDINATORS),
    "council:end_term": ("post", "council_term", COORDINATORS | {"coordinator": 302}),
    "council:meetings": ("get", None, COORDINATORS),
    "council:meeting_new": ("get", None, COORDINATORS),
    "council:meeting": ("get", "council_meeting", COORDINATORS),
    "council:meeting_edit": ("get", "council_meeting", COORDINATORS),
    "council:meeting_cancel": ("post", "council_meeting", COORDINATORS | {"coordinator": 302}),
    "council:proposals": ("get", None, OWN_PAGE),
    "council:proposal_new": ("get", None, OWN_PAGE),
    "council:proposal": ("get", "council_proposal", row(LOGIN, 404, 404, 404, 200, 200)),
    "council:comment": ("post", "council_proposal", COORDINATORS | {"coordinator": 302}),
    "council:vote": ("post", "council_proposal", row(LOGIN, 403, 403, 403, 403, 403)),
    "council:proposal_state": ("post", "council_proposal", COORDINATORS | {"coordinator": 404}),
    "council:surveys": ("get", None, COORDINATORS),
    "council:survey_new": ("get", None, COORDINATORS),
    "council:survey_edit": ("get", "council_survey", COORDINATORS),
    "council:question_remove": ("post", "council_question", COORDINATORS | {"coordinator": 302}),
    "council:survey_state": ("post", "council_survey", COORDINATORS | {"coordinator": 404}),
    # A Vidzeme survey: it asks Anna, not the other family's child in Kurzeme.
    "council:survey_answer": ("get", "council_open_survey", row(LOGIN, 404, 404, 404, 404, 200)),
    "council:survey_results": ("get", "council_survey", COORDINATORS),
    # International participation (members_area/international): any login opens an
    # opportunity's interest page (it offers only its own family); the child's interest is
    # the family's; the office's pages are the coordinators'.
    "international:mine": ("get", None, OWN_PAGE),
    "international:interest": ("get", "international_opportunity", OWN_PAGE),
    "international:withdraw": (
        "post",
        "international_interest",
        row(LOGIN, 404, 404, 404, 404, 302),
    ),
    "international:interests": ("get", "international_interests", COORDINATORS),
    "international:record_from_interests": ("get", "international_opportunity", COORDINATORS),
    "international:record": ("get", None, COORDINATORS),
    "international:participations": ("get", "international_participations", COORDINATORS),
    "international:export_csv": ("get", "international_participations", COORDINATORS),
    "international:export_xlsx": ("get", "international_participations", COORDINATORS),
    "international:edit": ("get", "international_participation", COORDINATORS),
    "international:delete": ("get", "international_participation", COORDINATORS),
    # Check-in (members_area/checkin): the child's club hosts an event going on now; its
    # leader runs a desk at which the child is checked in. A desk is its opener's alone.
    "checkin:home": ("get", None, STAFF),
    "checkin:desk": ("get", "checkin_desk", row(LOGIN, 403, 404, 200, 404, 403)),
    # A code or a pick missing from the form: a bad request, or nobody found.
    "checkin:code": ("post", "checkin_desk", row(LOGIN, 403, 404, 400, 404, 403)),
    "checkin:pick": ("post", "checkin_desk", row(LOGIN, 403, 404, 404, 404, 403)),
    "checkin:close": ("post", "checkin_desk", row(LOGIN, 403, 404, 302, 404, 403)),
    # The child has no photo in the world: nobody gets a file.
    "checkin:photo": ("get", "checkin_checkin", row(LOGIN, 403, 404, 404, 404, 403)),
    "checkin:undo": ("get", "checkin_checkin", STAFF_OBJECT),
    "checkin:attendance": ("get", "checkin_event", STAFF_OBJECT),
    "checkin:attendance_csv": ("get", "checkin_event", STAFF_OBJECT),
    "checkin:hosts": ("get", "checkin_event", COORDINATORS),
    "checkin:host_remove": ("post", "checkin_host", COORDINATORS | {"coordinator": 302}),
}
# Pages where the child's name may appear, by role.
SHOWS_CHILD = {
    "members:home": {"parent"},
    "members:my_data": {"parent"},
    "members:my_data_json": {"parent"},
    "members:close_account": {"parent"},
    "clubs:staff_members": {"leader", "coordinator"},
    "clubs:join_requests": {"leader", "coordinator"},
    "card_lookup": {"leader", "coordinator"},
    "clubs:export_csv": {"coordinator"},
    "volunteering:mine": {"parent"},
    "volunteering:log": {"parent"},
    "volunteering:review": {"leader", "coordinator"},
    "certificates:list": {"parent"},
    "certificates:volunteer_new": {"parent"},
    "certificate_verify": set(ROLES),
    "projects:new": {"parent"},
    "projects:detail": {"parent", "leader", "coordinator"},
    "projects:staff_list": {"leader", "coordinator"},
    "projects:export_csv": {"leader", "coordinator"},
    "online:calendar": {"parent"},
    "online:attendance": {"leader", "coordinator"},
    "online:counts": {"leader", "coordinator"},
    "council:proposal_new": {"parent"},
    "council:proposal": {"parent", "coordinator"},
    "international:mine": {"parent"},
    "international:interests": {"coordinator"},
    "international:record_from_interests": {"coordinator"},
    "international:participations": {"coordinator"},
    "international:export_csv": {"coordinator"},
    "international:edit": {"coordinator"},
    "international:delete": {"coordinator"},
    "checkin:desk": {"leader"},
    "checkin:undo": {"leader", "coordinator"},
    "checkin:attendance": {"leader", "coordinator"},
    "checkin:attendance_csv": {"leader", "coordinator"},
}


def member_area_url_names():
    names = set()
    resolver = get_resolver()
    for namespace in ("members", "clubs", "projects", "volunteering", "certificates", "online",
                      "council", "international", "checkin"):  # fmt: skip
        _prefix, sub = resolver.namespace_dict[namespace]
        names |= {f"{namespace}:{name}" for name in sub.reverse_dict if isinstance(name, str)}
    return names | {"card_lookup", "certificate_verify"}


def test_every_member_area_url_has_an_access_rule():
    assert member_area_url_names() == set(RULES)


def arguments(world, kind):
    if kind == "child":
        return [world.child.pk]
    if kind == "token":
        return [world.child.current_card().token]
    if kind == "guardianship":
        from members_area.accounts.services import guardianship_token

        named = world.child.guardians.create(
            first_name="Inga", last_name="Ozola", email="inga@example.lv"
        )
        return [guardianship_token(named)]
    if kind == "join_request":
        applicant = make_person("Pēteris", "Pieteicējs", years_ago(11))
        world.parent.guardian_records.get().children.add(applicant)
        join_request = JoinRequest.objects.create(
            person=applicant,
            club=world.club,
            year=timezone.localdate().year,
            status=JoinRequest.Status.PENDING,
            submitted_by=world.parent,
        )
        return [join_request.pk]
    if kind == "judged_theme":
        theme = make_theme()
        make_project(theme, world.club, [world.child], created_by=world.parent, state="accepted")
        return [theme.pk]
    if kind == "projects_of_club":
        make_project(
            make_theme(), world.club, [world.child], created_by=world.parent, state="submitted"
        )
        return []
    if kind == "volunteer_entry":
        from members_area.volunteering.services import log_hours

        entry = log_hours(
            by=world.parent, person=world.child, club=world.club, date=timezone.localdate(),
            hours=2, kind="club", description="Anna Ozola palīdzēja",
        )  # fmt: skip
        return [entry.pk]
    if kind in ("certificate", "certificate_code"):
        from members_area.certificates.services import issue_volunteer_certificate
        from members_area.volunteering.services import decide, log_hours

        today = timezone.localdate()
        entry = log_hours(
            by=world.parent, person=world.child, club=world.club, date=today, hours=3,
            kind="event", description="Anna Ozola vadīja spēles",
        )  # fmt: skip
        decide(entry, by=world.leader, approve=True)
        certificate = issue_volunteer_certificate(
            world.child, by=world.parent, date_from=today, date_to=today, language="lv"
        )
        return [certificate.pk if kind == "certificate" else certificate.display_code]
    if kind and kind.startswith("online_"):
        return online_arguments(world, kind)
    if kind and kind.startswith("international_"):
        return international_arguments(world, kind)
    if kind and kind.startswith("council_"):
        return council_arguments(world, kind)
    if kind and kind.startswith("checkin_"):
        return checkin_arguments(world, kind)
    if kind and (kind.endswith("_project") or kind == "project_file"):
        state = {"project_file": "returned"}.get(kind, kind.removesuffix("_project"))
        project = make_project(
            make_theme(), world.club, [world.child], created_by=world.parent, state=state
        )
        if kind == "project_file":
            project_file = ProjectFile(
                project=project, stage="application", kind="pdf", original_name="plans.pdf"
            )
            project_file.file.save("plans.pdf", ContentFile(real_pdf()), save=False)
            project_file.save()
            return [project.pk, project_file.pk]
        return [project.pk]
    return []


@pytest.mark.parametrize("name", sorted(RULES))
@pytest.mark.parametrize("role", ROLES)
def test_access(client, world, name, role):
    method, kind, expected = RULES[name]
    url = reverse(name, args=arguments(world, kind))
    if role != "anonymous":
        client.force_login(getattr(world, role))
    response = getattr(client, method)(url)
    wanted = expected[role]
    if wanted == LOGIN:
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url
        return
    assert response.status_code == wanted, (url, role, response.status_code)
    content_type = response.get("Content-Type", "")
    if response.status_code == 200 and content_type.startswith(("text/", "application/json")):
        body = response.content.decode()
        shown = "Anna" in body and "Ozola" in body
        if role not in SHOWS_CHILD.get(name, {"parent"} if wanted == 200 and kind else set()):
            assert not shown, (url, role)


def online_arguments(world, kind):
    """A meeting of the child's club tomorrow, an announcement with a PDF, the child's feed."""
    import datetime

    from members_area.online.models import Announcement, AnnouncementAttachment, Meeting
    from members_area.online.services import feed_for

    if kind == "online_club":
        return [world.club.pk]
    if kind == "online_feed":
        return [feed_for(world.child).token]
    if kind == "online_meeting":
        starts = timezone.now() + datetime.timedelta(days=1)
        meeting = Meeting.objects.create(
            club=world.club, title="Sanāksme", starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=1),
        )  # fmt: skip
        return [world.club.pk, meeting.pk]
    announcement = Announcement.objects.create(club=world.club, title="Ziņa", text="Teksts")
    if kind == "online_announcement":
        return [world.club.pk, announcement.pk]
    attachment = AnnouncementAttachment(
        announcement=announcement, kind="pdf", original_name="a.pdf"
    )
    attachment.file.save("a.pdf", ContentFile(real_pdf()), save=False)
    attachment.save()
    return [world.club.pk, announcement.pk, attachment.pk]


def international_arguments(world, kind):
    """A Latvian opportunity with the child's interest in it; a participation of the child.
    Kinds ending in "s" are list pages: the records exist, the address takes no argument."""
    import datetime

    from wagtail.models import Locale

    from members_area.international.models import Interest, Participation
    from opportunities.models import OpportunityPage

    opportunity = (
        OpportunityPage.objects.live()
        .filter(locale=Locale.get_default())
        .order_by("-application_deadline")
        .first()
    )
    interest = Interest.objects.create(opportunity=opportunity, person=world.child)
    participation = Participation.objects.create(
        person=world.child, opportunity=opportunity, activity=opportunity.title, kind="camp",
        country="DE", start_date=datetime.date.today(), end_date=datetime.date.today(),
    )  # fmt: skip
    return {
        "international_opportunity": [opportunity.pk],
        "international_interest": [interest.pk],
        "international_participation": [participation.pk],
    }.get(kind, [])


def admin_urls_without_arguments():
    """Every named address of the Wagtail admin (and what the apps add to it) that takes no
    argument: a new admin view is covered without being listed."""
    from django.urls import NoReverseMatch

    names = set()

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                walk(
                    pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                )
            elif pattern.name:
                names.add(namespace + pattern.name)

    walk(get_resolver())
    urls = set()
    for name in names:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if url.startswith("/admin/") and url != "/admin/login/":
            urls.add(url)
    return sorted(urls)


ADMIN_URLS = admin_urls_without_arguments()


def test_the_admin_has_addresses_to_check():
    assert len(ADMIN_URLS) > 100 and "/admin/strategy/" in ADMIN_URLS


# The admin's icons and its JavaScript catalogue: the same for everyone, nothing personal.
PUBLIC_ADMIN_RESOURCES = {"/admin/jsi18n/", "/admin/sprite/"}


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_the_admin_is_closed_to_visitors_and_families(client, world, url):
    response = client.get(url)
    if url in PUBLIC_ADMIN_RESOURCES:
        assert response.status_code == 200
        return
    if url.startswith("/admin/password_reset/"):
        assert response.status_code == 404  # allauth's reset only (WAGTAIL_PASSWORD_RESET...)
    else:
        assert response.status_code == 302 and "/konts/login/" in response["Location"], url
    client.force_login(world.other_parent)
    response = client.get(url)
    assert response.status_code in {302, 403, 404, 405}, (url, response.status_code)
    assert "Anna" not in response.content.decode()
