from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from brandbook.models import BrandColour, PromoItem, PromoOrder
from home.spreadsheets import spreadsheet_text


class BrandColourViewSet(SnippetViewSet):
    model = BrandColour
    icon = "pick"
    list_display = ["name", "hex", "css_name", "role"]
    list_filter = ["role"]
    ordering = ["sort_order", "pk"]
    search_fields = ["name", "css_name"]


class PromoItemViewSet(SnippetViewSet):
    model = PromoItem
    icon = "gift"
    list_display = ["name", "price", "availability"]
    list_filter = ["availability"]
    ordering = ["sort_order", "name"]
    search_fields = ["name", "description"]


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Orders are what people sent: staff read them, nobody edits or deletes them here."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


# XLSX export already keeps text as text; CSV needs the guard.
class PromoOrderIndexView(IndexView):
    custom_field_preprocess = {
        field: {"csv": spreadsheet_text}
        for field in ("organisation", "name", "email", "phone", "items_summary", "message")
    }


class PromoOrderViewSet(SnippetViewSet):
    model = PromoOrder
    index_view_class = PromoOrderIndexView
    icon = "list-ul"
    menu_label = _("Orders")
    list_display = ["reference", "created_at", "organisation", "name", "email", "items_summary"]
    list_export = [
        "reference",
        "created_at",
        "organisation",
        "name",
        "email",
        "phone",
        "items_summary",
        "total",
        "message",
    ]
    ordering = ["-created_at", "-pk"]
    search_fields = ["name", "organisation", "email"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at",
        "name",
        "organisation",
        "email",
        "phone",
        "language",
        "items_summary",
        "total",
        "message",
    ]
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ViewOnlyPermissionPolicy(self.model)

    def get_queryset(self, request):
        return PromoOrder.objects.prefetch_related("lines")


class BrandbookViewSetGroup(SnippetViewSetGroup):
    items = (BrandColourViewSet, PromoItemViewSet, PromoOrderViewSet)
    menu_icon = "pick"
    menu_label = _("Brandbook")
    menu_name = "brandbook"


register_snippet(BrandbookViewSetGroup)
