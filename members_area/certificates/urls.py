from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.certificates import views

app_name = "certificates"

# The public check, /verify/<code>/, is in site/urls.py: outside the language prefixes.
urlpatterns = [
    path(_("certificates/"), views.certificate_list, name="list"),
    path(_("certificates/volunteer-work/"), views.volunteer_new, name="volunteer_new"),
    path(_("certificates/leader-training/"), views.training_new, name="training_new"),
    path(_("certificates/<int:pk>/pdf/"), views.certificate_pdf, name="pdf"),
    path(_("certificates/revoke/"), views.revoke, name="revoke"),
]
