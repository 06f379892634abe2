"""Surveys: council members and coordinators build, open, close and read them; members in
the audience answer (a family for its people with no login of their own, a youth himself).

The answering page fetches the survey through the open surveys whose audience includes
someone the login answers for: anyone else gets a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.forms import attach_errors
from members_area.council import services
from members_area.council.decorators import council_required, member_required
from members_area.council.forms import AnswerForm, QuestionForm, SurveyForm
from members_area.council.models import Survey

SURVEYS_SHOWN = 100


def visible_survey(request, pk):
    return get_object_or_404(services.visible_surveys(request.user).select_related("region"), pk=pk)


@council_required
@never_cache
def survey_list(request):
    surveys = (
        services.visible_surveys(request.user)
        .select_related("region")
        .annotate(answers=Count("participations"))
        .order_by("-created_at", "-pk")[:SURVEYS_SHOWN]
    )
    return render(request, "council/survey_list.html", {"surveys": surveys})


@council_required
@never_cache
def survey_new(request):
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.save_survey(form.instance, by=request.user)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The survey is saved as a draft. Add its questions."))
            return redirect("council:survey_edit", pk=survey.pk)
    return render(request, "council/survey_new.html", {"form": form})


@council_required
@never_cache
def survey_edit(request, pk):
    """The builder: the survey's settings and its questions, while it is a draft."""
    survey = visible_survey(request, pk)
    is_draft = survey.state == Survey.State.DRAFT
    posted = request.POST.get("form") if request.method == "POST" else None
    survey_form = SurveyForm(
        request.POST if posted == "survey" else None, instance=survey, prefix="survey"
    )
    question_form = QuestionForm(request.POST if posted == "question" else None, prefix="question")
    if posted and not is_draft:
        messages.error(request, _("Only a draft survey can be changed."))
        return redirect("council:survey_edit", pk=survey.pk)
    if posted == "survey" and survey_form.is_valid():
        try:
            services.save_survey(survey_form.instance, by=request.user)
        except ValidationError as error:
            attach_errors(survey_form, error)
        else:
            messages.success(request, _("The survey is saved."))
            return redirect("council:survey_edit", pk=survey.pk)
    if posted == "question" and question_form.is_valid():
        data = question_form.cleaned_data
        try:
            services.add_question(
                survey,
                by=request.user,
                kind=data["kind"],
                text=data["text"],
                required=data["required"],
                choices=data["choices_text"],
            )
        except ValidationError as error:
            attach_errors(question_form, error)
        else:
            messages.success(request, _("The question is added."))
            return redirect("council:survey_edit", pk=survey.pk)
    return render(
        request,
        "council/survey_edit.html",
        {
            "survey": survey,
            "is_draft": is_draft,
            "questions": survey.questions.all(),
            "survey_form": survey_form,
            "question_form": question_form,
            "audience_size": services.audience(survey).count(),
        },
    )


@council_required
@require_POST
def question_remove(request, pk, question_pk):
    survey = visible_survey(request, pk)
    question = get_object_or_404(survey.questions.all(), pk=question_pk)
    try:
        services.remove_question(question, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The question is removed."))
    return redirect("council:survey_edit", pk=survey.pk)


@council_required
@require_POST
def survey_state(request, pk):
    survey = visible_survey(request, pk)
    action = request.POST.get("action")
    change = {"open": services.open_survey, "close": services.close_survey}.get(action)
    if change is None:
        raise Http404
    try:
        change(survey, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("council:survey_edit", pk=survey.pk)
    if action == "open":
        messages.success(request, _("The survey is open: members it asks see it now."))
        return redirect("council:survey_edit", pk=survey.pk)
    messages.success(request, _("The survey is closed."))
    return redirect("council:survey_results", pk=survey.pk)


@member_required
@never_cache
def survey_answer(request, pk):
    asked = services.speaks_for(request.user)
    survey = get_object_or_404(Survey.objects.filter(state=Survey.State.OPEN), pk=pk)
    if not asked.filter(services.audience_q(survey)).exists():
        raise Http404
    waiting = services.waiting_people(request.user, survey)
    # The list for the page; the form's field chooses from the queryset.
    people = list(waiting)
    questions = list(survey.questions.all())
    form = AnswerForm(
        request.POST or None,
        survey=survey,
        questions=questions,
        people=waiting,
        choose_person=len(people) > 1,
    )
    if request.method == "POST" and people and form.is_valid():
        person = form.cleaned_data.get("person") or people[0]
        try:
            services.answer_survey(
                survey, by=request.user, person=person, raw_answers=form.raw_answers()
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you: the answers of %(name)s are counted.") % {"name": person.full_name},
            )
            return redirect("council:survey_answer", pk=survey.pk)
    return render(
        request,
        "council/survey_answer.html",
        {"survey": survey, "form": form, "people": people, "questions": questions},
    )


@council_required
@never_cache
def survey_results(request, pk):
    survey = visible_survey(request, pk)
    respondents = survey.participations.count()
    withheld = services.results_withheld(survey, user=request.user, respondents=respondents)
    return render(
        request,
        "council/survey_results.html",
        {
            "survey": survey,
            "results": [] if withheld else services.results(survey),
            "withheld": withheld,
            "min_respondents": services.MIN_RESPONDENTS,
            "respondents": respondents,
            "named_answers": services.named_answers(survey) if request.user.is_coordinator else [],
            "questions": survey.questions.all(),
        },
    )
