from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.accounts.views import audit, card, family, privacy

app_name = "members"

urlpatterns = [
    path("", family.family_home, name="home"),
    path(_("<int:person_id>/edit/"), family.edit_person, name="edit"),
    path(_("<int:person_id>/photo/"), family.member_photo, name="photo"),
    path(_("<int:person_id>/renew/"), family.renew, name="renew"),
    path(_("<int:person_id>/own-login/"), family.invite_own_login, name="invite"),
    path(_("<int:person_id>/card/"), card.card, name="card"),
    path(_("<int:person_id>/card.png"), card.card_png, name="card_png"),
    path(_("<int:person_id>/card.svg"), card.card_svg, name="card_svg"),
    path(_("<int:person_id>/card/print/"), card.card_print, name="card_print"),
    path(_("<int:person_id>/card/lost/"), card.card_lost, name="card_lost"),
    path(_("guardian/<str:token>/"), family.accept_guardianship, name="guardianship"),
    path(_("my-data/"), privacy.my_data, name="my_data"),
    path(_("my-data.json"), privacy.my_data_json, name="my_data_json"),
    path(_("<int:person_id>/erase/"), privacy.erase_person, name="erase_person"),
    path(_("close-account/"), privacy.close_account, name="close_account"),
    path(_("record-log/"), audit.record_accesses, name="record_accesses"),
]
