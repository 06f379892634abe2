from django.urls import path
from django.utils.translation import gettext_lazy as _

from members_area.council.views import meetings, members, proposals, surveys

app_name = "council"

urlpatterns = [
    path(_("council/"), members.home, name="home"),
    # Coordinators: who is on the council.
    path(_("council/members/"), members.manage, name="members"),
    path(_("council/members/<int:pk>/end/"), members.end, name="end_term"),
    # Meetings: council members read, coordinators plan and write the minutes.
    path(_("council/meetings/"), meetings.meeting_list, name="meetings"),
    path(_("council/meetings/new/"), meetings.meeting_new, name="meeting_new"),
    path(_("council/meetings/<int:pk>/"), meetings.meeting_detail, name="meeting"),
    path(_("council/meetings/<int:pk>/edit/"), meetings.meeting_edit, name="meeting_edit"),
    path(_("council/meetings/<int:pk>/cancel/"), meetings.meeting_cancel, name="meeting_cancel"),
    # Proposals: any member proposes; the council discusses and votes.
    path(_("council/proposals/"), proposals.proposal_list, name="proposals"),
    path(_("council/proposals/new/"), proposals.proposal_new, name="proposal_new"),
    path(_("council/proposals/<int:pk>/"), proposals.proposal_detail, name="proposal"),
    path(_("council/proposals/<int:pk>/comment/"), proposals.comment, name="comment"),
    path(_("council/proposals/<int:pk>/vote/"), proposals.vote, name="vote"),
    path(_("council/proposals/<int:pk>/state/"), proposals.change_state, name="proposal_state"),
    # Surveys: the council builds and reads them, members in the audience answer.
    path(_("council/surveys/"), surveys.survey_list, name="surveys"),
    path(_("council/surveys/new/"), surveys.survey_new, name="survey_new"),
    path(_("council/surveys/<int:pk>/edit/"), surveys.survey_edit, name="survey_edit"),
    path(
        _("council/surveys/<int:pk>/questions/<int:question_pk>/remove/"),
        surveys.question_remove,
        name="question_remove",
    ),
    path(_("council/surveys/<int:pk>/state/"), surveys.survey_state, name="survey_state"),
    path(_("council/surveys/<int:pk>/answer/"), surveys.survey_answer, name="survey_answer"),
    path(_("council/surveys/<int:pk>/results/"), surveys.survey_results, name="survey_results"),
]
