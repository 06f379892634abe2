from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.international.views import coordinators, family

app_name = "international"

urlpatterns = [
    # Families: the record, and interest marked from an opportunity's page (its id in any
    # language: the public page links here by name, it never imports the member area).
    path(_("international/"), family.mine, name="mine"),
    path(_("international/opportunities/<int:opportunity_id>/"), family.interest, name="interest"),
    path(_("international/interests/<int:pk>/withdraw/"), family.withdraw, name="withdraw"),
    # Coordinators: interests, recording who took part, the yearly list and its exports.
    path(_("international/interests/"), coordinators.interests, name="interests"),
    path(
        _("international/opportunities/<int:opportunity_id>/record/"),
        coordinators.record_from_interests,
        name="record_from_interests",
    ),
    path(_("international/participations/"), coordinators.participations, name="participations"),
    path(_("international/participations/new/"), coordinators.record, name="record"),
    path(_("international/participations/<int:pk>/edit/"), coordinators.edit, name="edit"),
    path(_("international/participations/<int:pk>/delete/"), coordinators.delete, name="delete"),
    path(_("international/participations.csv"), coordinators.export_csv, name="export_csv"),
    path(_("international/participations.xlsx"), coordinators.export_xlsx, name="export_xlsx"),
]
