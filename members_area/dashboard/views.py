"""The strategy dashboard in the Wagtail admin: coordinators only, even by typed address.

The admin lets in whoever may open it (editors too); each view here answers everyone who is
not a coordinator with 403. The admin also switches to the coordinator's own time zone (his
Wagtail profile); the strategy's years are Riga's, so every figure is computed in it.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from members_area.clubs.exports import spreadsheet_response
from members_area.dashboard import exports, services
from members_area.dashboard.forms import EnteredFigureForm, YearForm
from members_area.dashboard.models import Target
from members_area.dashboard.sparkline import sparkline


def coordinators_only(view):
    """403 for anyone else. Not PermissionDenied: the admin would turn that into a redirect
    to its home page, which says nothing to someone who typed the address."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_coordinator:
            response = TemplateResponse(
                request,
                "dashboard/refused.html",
                {"page_title": _("Strategy dashboard"), "header_title": _("Strategy dashboard")},
                status=403,
            )
            add_never_cache_headers(response)
            return response
        return view(request, *args, **kwargs)

    return wrapped


def in_riga_time(view):
    """Run the view in the strategy's time zone, whatever the coordinator's profile says: a
    year is Riga's calendar year, for the figures and for "today"."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        with timezone.override(settings.TIME_ZONE):
            return view(*args, **kwargs)

    return wrapped


def chosen_table(request):
    """The table of the year in ?year= (this year by default), and the year form."""
    periods = services.periods()
    day = services.today()
    form = YearForm(
        request.GET or None,
        years=services.choosable_years(periods, day),
        default=services.default_year(periods, day),
    )
    year = form.chosen_year
    return form, services.build_table(services.period_of(periods, year), year, day)


@method_decorator([coordinators_only, never_cache], name="dispatch")
class DashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Every target of the strategy: this year so far, last year, the trend and the status."""

    template_name = "dashboard/dashboard.html"
    page_title = gettext_lazy("Strategy dashboard")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @in_riga_time
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, table = chosen_table(self.request)
        for row in table.rows:
            row.chart = sparkline(row.trend, row.target.target, table.year, row.target.unit)
            # Any target's figure may be entered by hand: one the site holds no data for,
            # or one the site cannot count (a year before its records).
            entered = row.cell.entered
            row.form = EnteredFigureForm(
                years=[table.year],
                initial={
                    "year": table.year,
                    "value": entered.value if entered else None,
                    "note": entered.note if entered else "",
                },
                prefix=f"target-{row.target.pk}",
            )
        context.update(
            {
                "year_form": form,
                "table": table,
                "export_url": reverse("strategy_dashboard_xlsx") + f"?year={table.year}",
            }
        )
        return context


@coordinators_only
@never_cache
@in_riga_time
def export_xlsx(request):
    """The whole table of the chosen year as XLSX."""
    _form, table = chosen_table(request)
    return spreadsheet_response(
        exports.as_table(table),
        "xlsx",
        f"mazpulki-strategija-{table.year}-{table.today:%Y-%m-%d}",
        title=_("Strategy %(year)s") % {"year": table.year},
    )


@coordinators_only
@require_POST
@in_riga_time
def enter_figure(request, pk):
    """Enter, replace or clear a year's figure of a target, by hand (for a target the site
    counts, in place of its figure)."""
    target = get_object_or_404(Target.objects.select_related("period"), pk=pk)
    day = services.today()
    years = services.trend_years(target.period, day)
    form = EnteredFigureForm(request.POST, years=years, prefix=f"target-{target.pk}")
    back = reverse("strategy_dashboard")
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(
                    request,
                    _("%(target)s: %(field)s – %(error)s")
                    % {"target": target.wording, "field": label, "error": error},
                )
        year = request.POST.get(f"target-{target.pk}-year", "")
        return redirect(f"{back}?year={year}#target-{target.pk}" if year.isdigit() else back)
    year, value = form.cleaned_data["year"], form.cleaned_data["value"]
    services.save_entered_figure(
        target, year, value=value, note=form.cleaned_data["note"], by=request.user
    )
    if value is None:
        messages.success(
            request,
            _("The figure of %(year)s for “%(target)s” was removed.")
            % {"year": year, "target": target.wording},
        )
    else:
        messages.success(
            request,
            _("The figure of %(year)s for “%(target)s” was saved.")
            % {"year": year, "target": target.wording},
        )
    return redirect(f"{back}?year={year}#target-{target.pk}")


class RefusingDeleteView(DeleteView):
    """Deleting a strategy period or target: where figures entered by hand (or a period's
    targets) would go with it, the page says why it is refused instead of offering the
    button, and a POST changes nothing (the models PROTECT them as well)."""

    template_name = "dashboard/confirm_delete.html"

    @cached_property
    def refusal(self):
        return self.object.deletion_refusal()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["refusal"] = self.refusal
        return context

    def refuse(self, reason):
        messages.error(self.request, reason)
        return redirect(self.get_delete_url())

    def form_valid(self, form):
        if self.refusal:
            return self.refuse(self.refusal)
        try:
            return super().form_valid(form)
        except ProtectedError:  # a figure entered meanwhile
            return self.refuse(self.object.deletion_refusal())
