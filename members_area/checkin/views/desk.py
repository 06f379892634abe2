"""The check-in desk: opened by a coordinator, or by a leader of a club hosting the event.

Every view is for staff with a second factor (the desk shows other families' children) and
reaches desks through `services.own_desks(user)`: another person's desk is a 404. A card's
address (/k/<token>/) opened by the phone's camera checks the holder in when this browser
has a desk open (`card_scanned`).
"""

from allauth.core import ratelimit
from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from members_area.accounts.decorators import staff_required
from members_area.accounts.middleware import SecondFactorRequiredMiddleware
from members_area.accounts.models import Person, RecordAccess
from members_area.accounts.services import record_access
from members_area.accounts.views.card import card_lookup
from members_area.checkin import services
from members_area.checkin.forms import CodeForm, OpenDeskForm, SearchForm
from members_area.checkin.models import Checkin, Method
from members_area.clubs.models import Membership

RECENT_AT_DESK = 10
LANGUAGE_KEY = "checkin_language"


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


@staff_required
@never_cache
def home(request):
    """Open a desk, go back to an open one, or read an event's attendance."""
    form = OpenDeskForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        desk = services.open_desk(
            request.user, form.cleaned_data["event"], form.cleaned_data["name"]
        )
        request.session[services.SESSION_KEY] = desk.pk
        return redirect("checkin:desk", desk.pk)
    events = list(services.runnable_events(request.user))
    context = {
        "form": form,
        "events": events,
        "desks": list(services.own_desks(request.user)),
        "recent_events": list(
            services.managed_events(request.user)
            .filter(pk__in=Checkin.objects.values("event_id"))
            .order_by("-start")[:10]
        ),
    }
    return _private(render(request, "checkin/home.html", context))


def _own_desk(request, pk):
    desk = get_object_or_404(services.own_desks(request.user), pk=pk)
    if not services.may_run_desk(request.user, desk.event):
        raise Http404
    return desk


def render_desk(request, desk, result=None, status=200, search=None, code_form=None):
    """The desk page: the last result, the count against capacity, the code and name forms
    and this desk's latest check-ins."""
    request.session[services.SESSION_KEY] = desk.pk
    # Cards opened by the camera (/k/, no language in the address) answer in the desk's.
    request.session[LANGUAGE_KEY] = translation.get_language()
    count = services.attendance_count(desk.event)
    capacity = desk.event.capacity
    people = []
    if search is not None and search.is_valid():
        people = list(
            services.search_people(
                request.user, desk.event, search.cleaned_data["q"]
            ).prefetch_related(
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.current().select_related("club"),
                    to_attr="current_memberships",
                )
            )
        )
        checked = set(
            Checkin.objects.active()
            .filter(event=desk.event, person__in=[person.pk for person in people])
            .values_list("person_id", flat=True)
        )
        for person in people:
            person.checked_in = person.pk in checked
    context = {
        "desk": desk,
        "event": desk.event,
        "result": result,
        "result_memberships": list(result.person.memberships.current().select_related("club"))
        if result is not None and result.person is not None and not result.refused
        else [],
        "count": count,
        "capacity": capacity,
        "full": capacity is not None and count >= capacity,
        "code_form": code_form or CodeForm(),
        "search_form": search or SearchForm(),
        "people": people,
        "recent": list(
            Checkin.objects.active()
            .filter(desk=desk)
            .select_related("person")
            .order_by("-checked_in_at", "-pk")[:RECENT_AT_DESK]
        ),
        "takes_checkins": services.takes_checkins(desk.event),
    }
    return _private(render(request, "checkin/desk.html", context, status=status))


@staff_required
@never_cache
def desk(request, pk):
    desk = _own_desk(request, pk)
    search = SearchForm(request.GET) if "q" in request.GET else None
    return render_desk(request, desk, search=search)


@staff_required
@require_POST
def code(request, pk):
    """A code typed, or sent by a USB or Bluetooth scanner (it types and presses Enter)."""
    desk = _own_desk(request, pk)
    if too_many := ratelimit.consume_or_429(request, action="checkin", user=request.user):
        return too_many
    form = CodeForm(request.POST)
    if not form.is_valid():
        return render_desk(request, desk, status=400, code_form=form)
    result = services.scan_card(
        desk, form.cleaned_data["code"], by=request.user, method=Method.CODE
    )
    return render_desk(request, desk, result, status=_status(result))


@staff_required
@require_POST
def pick(request, pk):
    """A member without his card, found by name or number."""
    desk = _own_desk(request, pk)
    if too_many := ratelimit.consume_or_429(request, action="checkin", user=request.user):
        return too_many
    person = get_object_or_404(
        services.searchable_people(request.user, desk.event),
        pk=request.POST.get("person") if str(request.POST.get("person", "")).isdecimal() else 0,
    )
    result = services.check_in(desk, person, by=request.user, method=Method.SEARCH)
    return render_desk(request, desk, result, status=_status(result))


@staff_required
@require_POST
def close(request, pk):
    desk = _own_desk(request, pk)
    services.close_desk(desk)
    request.session.pop(services.SESSION_KEY, None)
    messages.success(
        request,
        _("The desk “%(desk)s” is closed. The attendance list keeps its check-ins.")
        % {"desk": desk.name},
    )
    return redirect("checkin:attendance", desk.event_id)


def _status(result):
    # Refusals are 409 for scanners and scripts; what the person reads is the same page.
    return 409 if result.refused else 200


# The card's own address ------------------------------------------------------------------


def opened_by_a_person(request):
    """Whether the card's address was opened as a page by the person at the desk: typed,
    scanned by the camera app or followed from this site. Not a link on another site, an
    image or a prefetch (which could check people in behind the desk's back); old browsers
    that send no fetch metadata are trusted."""
    headers = request.headers
    return (
        request.method == "GET"
        and headers.get("Sec-Fetch-Site", "none") in ("none", "same-origin")
        and headers.get("Sec-Fetch-Mode", "navigate") == "navigate"
        and headers.get("Sec-Fetch-Dest", "document") == "document"
        and not headers.get("Sec-Purpose")
        and not headers.get("Purpose")
    )


def card_scanned(request, token):
    """/k/<token>/: with a desk open in this browser, the phone's camera checks the holder in;
    otherwise the public card lookup (whether the card is valid, and whose it is only to
    those who may know)."""
    desk = services.session_desk(request)
    if desk is None or SecondFactorRequiredMiddleware.lacks_second_factor(request.user):
        return card_lookup(request, token)
    language = request.session.get(LANGUAGE_KEY) or translation.get_language_from_request(request)
    with translation.override(language):
        if request.method != "POST" and not opened_by_a_person(request):
            return _private(render(request, "checkin/confirm_scan.html", {"desk": desk}))
        if too_many := ratelimit.consume_or_429(request, action="checkin", user=request.user):
            return too_many
        result = services.scan_card(desk, token, by=request.user, method=Method.CARD)
        return render_desk(request, desk, result, status=_status(result))


@staff_required
def photo(request, pk):
    """The photo of someone checked in at an event this login has a desk open for, if the
    family agreed to photos at all: the desk compares it with who stands there, and no
    longer once the desk is closed."""
    checkin = get_object_or_404(
        Checkin.objects.active()
        .filter(event__in=services.own_desks(request.user).values("event_id"))
        .exclude(person__photo_consent=Person.PhotoConsent.NONE)
        .exclude(person__photo="")
        .select_related("person"),
        pk=pk,
    )
    record_access(request, RecordAccess.What.PHOTO, [checkin.person])
    response = FileResponse(checkin.person.photo.open("rb"))
    return _private(response)
