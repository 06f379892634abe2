from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.volunteering.views import awards, hours

app_name = "volunteering"

urlpatterns = [
    path(_("volunteer-hours/"), hours.my_hours, name="mine"),
    path(_("volunteer-hours/new/"), hours.log_hours, name="log"),
    path(_("volunteer-hours/leaders/"), hours.review, name="review"),
    path(_("volunteer-hours/leaders/<int:pk>/"), hours.decide, name="decide"),
    path(_("volunteer-hours/leaders/totals/"), hours.totals, name="totals"),
    path(_("awards/"), awards.awards, name="awards"),
    path(_("awards/give/"), awards.grant, name="grant"),
    path(_("leaders-training/"), awards.training, name="training"),
]
