"""The strategy dashboard in the Wagtail admin: coordinators only, even by typed address.

The admin lets in whoever may open it (editors too); each view here answers everyone who is
not a coordinator with 403.
"""

from functools import wraps

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from members_area.clubs.exports import as_xlsx
from members_area.dashboard import exports, services
from members_area.dashboard.forms import EnteredFigureForm, YearForm
from members_area.dashboard.models import Measure, Target
from members_area.dashboard.sparkline import sparkline

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, table = chosen_table(self.request)
        for row in table.rows:
            row.chart = sparkline(row.trend, row.target.target, table.year, row.target.unit)
            if row.target.is_entered:
                row.form = EnteredFigureForm(
                    years=[table.year],
                    initial={
                        "year": table.year,
                        "value": row.cell.value,
                        "note": row.cell.entered.note if row.cell.entered else "",
                    },
                    prefix=f"target-{row.target.pk}",
                )
        context.update(
            {
                "year_form": form,
                "table": table,
                "export_url": reverse("strategy_dashboard_xlsx") + f"?year={table.year}",
                "entered": Measure.ENTERED,
            }
        )
        return context


@coordinators_only
@never_cache
def export_xlsx(request):
    """The whole table of the chosen year as XLSX."""
    _form, table = chosen_table(request)
    content = as_xlsx(exports.as_table(table), title=_("Strategy %(year)s") % {"year": table.year})
    response = HttpResponse(content, content_type=XLSX)
    filename = f"mazpulki-strategija-{table.year}-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@coordinators_only
@require_POST
def enter_figure(request, pk):
    """Enter, replace or clear a year's figure of a target measured by hand."""
    target = get_object_or_404(
        Target.objects.filter(measure=Measure.ENTERED).select_related("period"), pk=pk
    )
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
