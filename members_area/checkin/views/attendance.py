"""Who came to an event: the list, its export, undoing a wrong check-in, and (coordinators)
which clubs host an event and so may run its desks.

Events are reached through `services.managed_events(user)`: all for coordinators, the hosted
ones for a leader; any other event is a 404.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from members_area.accounts.decorators import coordinator_required, staff_required
from members_area.accounts.models import RecordAccess
from members_area.accounts.services import record_access
from members_area.checkin import services
from members_area.checkin.forms import HostForm, UndoForm
from members_area.checkin.models import Checkin, EventHost
from members_area.clubs.exports import spreadsheet_response
from members_area.clubs.models import Membership


def _event(request, event_id):
    return get_object_or_404(services.managed_events(request.user), pk=event_id)


def _rows(event):
    year = timezone.localtime(event.start).year
    return list(
        services.attendance(event).prefetch_related(
            Prefetch(
                "person__memberships",
                queryset=Membership.objects.active_in(year).select_related("club"),
                to_attr="year_memberships",
            )
        )
    )


@staff_required
@never_cache
def attendance(request, event_id):
    event = _event(request, event_id)
    rows = _rows(event)
    undone = list(
        Checkin.objects.filter(event=event)
        .exclude(undone_at=None)
        .select_related("person", "undone_by")
        .order_by("-undone_at")
    )
    return render(
        request,
        "checkin/attendance.html",
        {
            "event": event,
            "rows": rows,
            "undone": undone,
            "count": len(rows),
            "capacity": event.capacity,
            "desks": list(event.checkin_desks.select_related("opened_by")),
            "may_run": services.may_run_desk(request.user, event),
        },
    )


@staff_required
def attendance_csv(request, event_id):
    event = _event(request, event_id)
    header = [
        _("Last name"),
        _("First name"),
        _("Member number"),
        _("Age group"),
        _("Club"),
        _("Checked in"),
        _("Desk"),
        _("Checked in by"),
    ]
    attended = list(_rows(event))
    rows = [
        [
            row.person.last_name,
            row.person.first_name,
            row.person.member_number,
            row.person.age_group.label if row.person.age_group else "",
            ", ".join(membership.club.name for membership in row.person.year_memberships),
            timezone.localtime(row.checked_in_at).strftime("%Y-%m-%d %H:%M"),
            row.desk.name,
            str(row.checked_in_by_name),
        ]
        for row in attended
    ]
    record_access(request, RecordAccess.What.ATTENDANCE_EXPORT, [row.person for row in attended])
    return spreadsheet_response([header, *rows], "csv", f"{event.slug}-attendance")


@staff_required
@never_cache
def undo(request, pk):
    """Undo a check-in made by mistake, with a reason; the list keeps it as undone."""
    checkin = get_object_or_404(
        Checkin.objects.active()
        .filter(event__in=services.managed_events(request.user))
        .select_related("person", "event", "desk", "checked_in_by"),
        pk=pk,
    )
    form = UndoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.undo_checkin(checkin, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("The check-in of %(name)s is undone. They can be checked in again.")
            % {"name": checkin.person.full_name},
        )
        desk = services.session_desk(request)
        if desk is not None and desk.event_id == checkin.event_id:
            return redirect("checkin:desk", desk.pk)
        return redirect("checkin:attendance", checkin.event_id)
    return render(request, "checkin/undo.html", {"checkin": checkin, "form": form})


@coordinator_required
@never_cache
def hosts(request, event_id):
    """Coordinators name the clubs hosting an event: their leaders may run its desks."""
    event = get_object_or_404(services.checkin_events(), pk=event_id)
    form = HostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _host, created = EventHost.objects.get_or_create(
            event=event, club=form.cleaned_data["club"], defaults={"added_by": request.user}
        )
        if created:
            messages.success(
                request,
                _("%(club)s hosts the event: its leaders can now open a check-in desk.")
                % {"club": form.cleaned_data["club"].name},
            )
        else:
            messages.info(request, _("This club already hosts the event."))
        return redirect("checkin:hosts", event.pk)
    return render(
        request,
        "checkin/hosts.html",
        {
            "event": event,
            "form": form,
            "hosts": list(EventHost.objects.filter(event=event).select_related("club")),
        },
    )


@coordinator_required
@require_POST
def host_remove(request, event_id, pk):
    host = get_object_or_404(EventHost.objects.select_related("club"), event_id=event_id, pk=pk)
    host.delete()
    messages.success(
        request,
        _("%(club)s no longer hosts the event; check-ins made stay on the list.")
        % {"club": host.club.name},
    )
    return redirect("checkin:hosts", event_id)
