"""The strategy dashboard and its targets in the admin, shown to coordinators only.

The dashboard's views refuse everyone else (views.coordinators_only); the targets' and
periods' screens follow model permissions, which a migration gives the coordinators' group.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from members_area.dashboard import views
from members_area.dashboard.models import StrategyPeriod, Target


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [
        path("strategy/", views.DashboardView.as_view(), name="strategy_dashboard"),
        path("strategy/table.xlsx", views.export_xlsx, name="strategy_dashboard_xlsx"),
        path(
            "strategy/targets/<int:pk>/figure/",
            views.enter_figure,
            name="strategy_dashboard_enter",
        ),
    ]


class CoordinatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_coordinator


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return CoordinatorsMenuItem(
        _("Strategy dashboard"),
        reverse("strategy_dashboard"),
        name="strategy-dashboard",
        icon_name="table",
        order=260,
    )


class StrategyPeriodViewSet(ModelViewSet):
    """Coordinators add the next strategy's period (Settings → Strategy periods)."""

    model = StrategyPeriod
    icon = "calendar"
    menu_label = _("Strategy periods")
    add_to_settings_menu = True
    list_display = ["name", "first_year", "last_year", "records_from"]
    form_fields = ["name", "first_year", "last_year", "records_from"]
    delete_view_class = views.RefusingDeleteView


class TargetViewSet(ModelViewSet):
    """Coordinators keep the strategy's targets (Settings → Strategy targets)."""

    model = Target
    icon = "table"
    menu_label = _("Strategy targets")
    add_to_settings_menu = True
    list_display = ["wording_lv", "area", "target", "unit", "measure", "pro_rated", "period"]
    list_filter = ["period", "area", "measure"]
    search_fields = ["wording_lv", "wording_en", "key"]
    ordering = ["period", "order", "pk"]
    form_fields = [
        "period",
        "area",
        "key",
        "wording_lv",
        "wording_en",
        "comparison",
        "target",
        "unit",
        "measure",
        "award_kind",
        "pro_rated",
        "order",
    ]
    delete_view_class = views.RefusingDeleteView


@hooks.register("register_admin_viewset")
def register_strategy_viewsets():
    return [StrategyPeriodViewSet("strategy_periods"), TargetViewSet("strategy_targets")]
