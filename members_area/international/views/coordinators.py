"""The office's pages: who is interested in what, recording who took part, the yearly list
with its counts and exports, corrections. Coordinators only (`coordinator_required`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from home.forms import attach_errors
from members_area.accounts.decorators import coordinator_required
from members_area.accounts.models import (
    YOUTH_MAX_AGE,
    YOUTH_MIN_AGE,
    Person,
    RecordAccess,
    current_year,
)
from members_area.accounts.services import record_access
from members_area.clubs.exports import spreadsheet_response
from members_area.international import exports, services
from members_area.international.filters import InterestFilterForm
from members_area.international.forms import ParticipationForm, RecordFromInterestsForm
from members_area.international.models import Interest, Participation

INTERESTS_PER_PAGE = 100
PARTICIPATIONS_PER_PAGE = 100


@coordinator_required
@never_cache
def interests(request):
    """Interests by opportunity (open ones first by default), each group with a way to record
    who of them took part."""
    form = InterestFilterForm(request.GET or None)
    found = form.filter(
        Interest.objects.exclude(person__status=Person.Status.ERASED).select_related(
            "opportunity", "person", "marked_by"
        )
    ).order_by("-opportunity__application_deadline", "opportunity_id", "marked_at", "pk")
    page = Paginator(found, INTERESTS_PER_PAGE).get_page(request.GET.get("page"))
    interests = list(page.object_list)
    services.describe_interests(interests)
    return render(
        request,
        "international/interests.html",
        {"form": form, "page": page, "interests": interests},
    )


@coordinator_required
@never_cache
def record_from_interests(request, opportunity_id):
    """Who of those interested took part: the opportunity's title, kind, country and dates
    are proposed, and may be changed (a shorter stay, a different host)."""
    opportunity = get_object_or_404(services.recorded_opportunities(), pk=opportunity_id)
    people = services.interested_people(opportunity)
    queryset = Person.objects.filter(pk__in=[person.pk for person in people])
    initial = {"people": [pk for pk in request.GET.getlist("person") if pk.isdecimal()]}
    form = RecordFromInterestsForm(
        request.POST or None,
        opportunity=opportunity,
        people=queryset,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = services.record_from_interests(
                opportunity,
                form.cleaned_data["people"],
                by=request.user,
                **form.participation_values(),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            if result.created:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s participation recorded.",
                        "%(count)s participations recorded.",
                        len(result.created),
                    )
                    % {"count": len(result.created)},
                )
            for message in result.already:
                messages.warning(request, message)
            year = form.cleaned_data["start_date"].year
            return redirect(reverse("international:participations") + f"?year={year}")
    chosen = {str(pk) for pk in (form["people"].value() or [])}
    return render(
        request,
        "international/record_from_interests.html",
        {"opportunity": opportunity, "people": people, "form": form, "chosen": chosen},
    )


def person_for(form, participation=None):
    """The person of the member number in the form; an unchanged number keeps the recorded
    person (who may since have been erased)."""
    number = form.cleaned_data["member_number"]
    if participation is not None and number == (participation.person.member_number or ""):
        return participation.person
    return services.find_member(number)


@coordinator_required
@never_cache
def record(request):
    """A participation recorded directly: an activity not (or not yet) on the site, or
    someone who never marked interest."""
    form = ParticipationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            participation = services.save_participation(
                Participation(
                    person=person_for(form),
                    opportunity=form.cleaned_data["opportunity"],
                    **form.participation_values(),
                ),
                by=request.user,
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is recorded for “%(activity)s”.")
                % {"name": participation.person.full_name, "activity": participation.activity},
            )
            if "again" in request.POST:
                return redirect("international:record")
            return redirect(
                reverse("international:participations") + f"?year={participation.start_date.year}"
            )
    return render(request, "international/participation_form.html", {"form": form})


@coordinator_required
@never_cache
def edit(request, pk):
    participation = get_object_or_404(Participation.objects.select_related("person"), pk=pk)
    form = ParticipationForm(
        request.POST or None, initial=ParticipationForm.initial_for(participation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            participation.person = person_for(form, participation)
            participation.opportunity = form.cleaned_data["opportunity"]
            for name, value in form.participation_values().items():
                setattr(participation, name, value)
            services.save_participation(participation, by=request.user)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The record is corrected."))
            return redirect(
                reverse("international:participations") + f"?year={participation.start_date.year}"
            )
    return render(
        request,
        "international/participation_form.html",
        {"form": form, "participation": participation},
    )


@coordinator_required
@never_cache
def delete(request, pk):
    """A record made by mistake goes, after a confirmation."""
    participation = get_object_or_404(Participation.objects.select_related("person"), pk=pk)
    year = participation.start_date.year
    if request.method == "POST":
        participation.delete()
        messages.success(
            request,
            _("The record of %(name)s for “%(activity)s” is deleted.")
            % {"name": str(participation.person), "activity": participation.activity},
        )
        return redirect(reverse("international:participations") + f"?year={year}")
    return render(
        request, "international/participation_delete.html", {"participation": participation}
    )


def year_asked(request):
    """The year in ?year= (any from 2000 to next year, records or not: the dashboard links to
    every year of the strategy), this year when it is missing or out of range."""
    asked = request.GET.get("year", "")
    if asked.isdecimal() and int(asked) in services.years_asked_for():
        return int(asked)
    return current_year()


@coordinator_required
@never_cache
def participations(request):
    """A year's participations (by the first day of the activity) with the strategy's counts."""
    year = year_asked(request)
    years = services.years_with_participations(year)
    records = services.participations_of(year)
    page = Paginator(records, PARTICIPATIONS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    today = timezone.localdate()
    for participation in page.object_list:
        participation.counting_note = services.counting_note(participation, today)
    return render(
        request,
        "international/participations.html",
        {
            "year": year,
            "years": years,
            "counts": services.yearly_counts(year),
            "page": page,
            "youth_ages": {"min": YOUTH_MIN_AGE, "max": YOUTH_MAX_AGE},
        },
    )


def export(request, file_format):
    year = year_asked(request)
    participations = list(services.participations_of(year))
    table = [exports.header(), *exports.rows(participations)]
    record_access(
        request, RecordAccess.What.INTERNATIONAL_EXPORT, [p.person_id for p in participations]
    )
    filename = f"mazpulki-starptautiski-{year}-{timezone.localdate():%Y-%m-%d}"
    return spreadsheet_response(
        table, file_format, filename, title=_("International participation")
    )


@coordinator_required
def export_csv(request):
    return export(request, "csv")


@coordinator_required
def export_xlsx(request):
    return export(request, "xlsx")
