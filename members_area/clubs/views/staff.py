"""Club leaders' and coordinators' views: members, exports and join requests.

Leaders see the clubs they lead this year, coordinators every club. Objects are fetched only
through querysets already narrowed to the login (`managed_by`, `visible_to`): anything else is
a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from home.models import Region
from members_area.accounts.decorators import coordinator_required, staff_required
from members_area.accounts.models import Person, RecordAccess
from members_area.accounts.services import record_access
from members_area.clubs import exports, services
from members_area.clubs.forms import DeclineForm, MemberFilterForm
from members_area.clubs.models import JoinRequest, MemberExport, Membership

MEMBERS_PER_PAGE = 50
RECENTLY_DECIDED = 30


def filtered_memberships(request):
    form = MemberFilterForm(request.GET or None, user=request.user)
    memberships = form.filter(Membership.objects.managed_by(request.user)).order_by(
        "person__last_name", "person__first_name", "club__name", "pk"
    )
    return form, memberships


@staff_required
@never_cache
def member_list(request):
    """Leaders: their clubs' members; coordinators: everyone's."""
    form, memberships = filtered_memberships(request)
    memberships = memberships.select_related("person__municipality", "club")
    page_obj = Paginator(memberships, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "clubs/staff/member_list.html",
        {
            "filter_form": form,
            "filtered": form.is_filtered,
            "year": form.chosen_year,
            "page_obj": page_obj,
            "memberships": page_obj.object_list,
            "today": timezone.localdate(),
        },
    )


def export(request, file_format):
    """The filtered member list as a file; every download is logged."""
    form, memberships = filtered_memberships(request)
    memberships = memberships.select_related(
        "person__municipality__region", "club"
    ).prefetch_related("person__guardians")
    today = timezone.localdate()
    region_names = dict(Region.objects.choices_in(Locale.get_active().pk))
    table = [exports.header(), *exports.rows(memberships, region_names, today)]
    MemberExport.objects.create(
        exported_by=request.user,
        format=file_format,
        filters=form.filters_for_log(),
        row_count=len(table) - 1,
    )
    record_access(request, RecordAccess.What.MEMBER_EXPORT, [m.person_id for m in memberships])
    return exports.spreadsheet_response(table, file_format, f"mazpulki-biedri-{today:%Y-%m-%d}")


@coordinator_required
def export_csv(request):
    """Coordinators: the filtered member list with guardians' contacts, as CSV."""
    return export(request, MemberExport.Format.CSV)


@coordinator_required
def export_xlsx(request):
    """Coordinators: the filtered member list with guardians' contacts, as XLSX."""
    return export(request, MemberExport.Format.XLSX)


@staff_required
@never_cache
def join_requests(request):
    """Leaders: requests to join their clubs; coordinators: all. Waiting ones first."""
    requests = JoinRequest.objects.managed_by(request.user).select_related("person", "club")
    return render(
        request,
        "clubs/staff/join_requests.html",
        {
            "pending": requests.pending().order_by("submitted_at", "pk"),
            "decided": requests.filter(
                status__in=[JoinRequest.Status.APPROVED, JoinRequest.Status.DECLINED]
            ).order_by("-decided_at", "-pk")[:RECENTLY_DECIDED],
            "today": timezone.localdate(),
        },
    )


def get_join_request(request, pk):
    return get_object_or_404(
        JoinRequest.objects.managed_by(request.user).select_related(
            "person__municipality", "club", "submitted_by", "decided_by"
        ),
        pk=pk,
    )


@staff_required
@never_cache
def join_request(request, pk):
    """The club's leader (a coordinator for leaders and the online club) decides."""
    join_request = get_join_request(request, pk)
    decline_form = DeclineForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "approve":
                membership = services.approve_join_request(join_request, by=request.user)
                messages.success(
                    request,
                    _(
                        "%(person)s is now a member of %(club)s. The family has been e-mailed; "
                        "the member number is %(number)s."
                    )
                    % {
                        "person": membership.person.full_name,
                        "club": membership.club,
                        "number": membership.person.member_number,
                    },
                )
                return redirect("clubs:join_requests")
            if action == "decline":
                decline_form = DeclineForm(request.POST)
                if decline_form.is_valid():
                    services.decline_join_request(
                        join_request, by=request.user, reason=decline_form.cleaned_data["reason"]
                    )
                    messages.success(
                        request,
                        _(
                            "The request of %(person)s to join %(club)s was declined. The "
                            "family has been e-mailed the reason."
                        )
                        % {"person": join_request.person.full_name, "club": join_request.club},
                    )
                    return redirect("clubs:join_requests")
            else:
                return HttpResponseBadRequest()
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            join_request = get_join_request(request, pk)
    person = join_request.person
    record_access(request, RecordAccess.What.JOIN_REQUEST, [person])
    return render(
        request,
        "clubs/staff/join_request.html",
        {
            "join_request": join_request,
            "person": person,
            "age": person.age(),
            "guardians": person.guardians.all() if person.is_minor() else [],
            "consents": consents_of(person),
            "can_decide": join_request.status == JoinRequest.Status.PENDING
            and join_request.can_be_decided_by(request.user),
            "decline_form": decline_form,
        },
    )


def consents_of(person):
    """What was agreed to, in words: the photo consent's level, or simply yes."""
    shown = []
    for consent in person.consents.select_related("given_by"):
        if consent.kind == consent.Kind.PHOTOS and consent.level in Person.PhotoConsent.values:
            level = Person.PhotoConsent(consent.level).label
        else:
            level = _("yes")
        shown.append({"consent": consent, "level": level})
    return shown
