"""Applications and reports: families write them, the club's leader and coordinators decide.

Who may see a project: `Project.objects.visible_to(user)` (its family, whoever started it,
its club's leaders, coordinators); anything else is a 404. Who may change it is asked of
services (may_edit, may_review): seeing without that right is a 403.
"""

import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from home.forms import attach_errors, checked_field
from members_area.accounts.decorators import coordinator_required, family_required
from members_area.accounts.models import Person, RecordAccess
from members_area.accounts.services import record_access
from members_area.projects import services
from members_area.projects.forms import (
    ApplicationForm,
    DecisionForm,
    LateReportForm,
    NewProjectForm,
    ReportForm,
    removable_files,
)
from members_area.projects.models import Project, ProjectFile, ProjectThemePage

Stage = ProjectFile.Stage


def visible_project(request, pk):
    queryset = Project.objects.visible_to(request.user).select_related(
        "theme", "club", "created_by"
    )
    return get_object_or_404(queryset, pk=pk)


def theme_in_language(project):
    """The theme's page in the visitor's language (its questions in his words)."""
    translated = project.theme.get_translation_or_none(Locale.get_active())
    if translated is None or not translated.live:
        return project.theme
    return translated.specific


@family_required
@never_cache
def project_list(request):
    """The projects of the family (and those the login started), newest first."""
    projects = (
        Project.objects.of_family(request.user)
        .select_related("theme", "club")
        .prefetch_related(Prefetch("members", queryset=Person.objects.order_by("first_name")))
        .order_by("-year", "-updated_at", "-pk")
    )
    return render(
        request,
        "projects/project_list.html",
        {
            "projects": projects,
            "may_start": bool(services.starting_points(request.user)),
            "is_staff": request.user.is_coordinator or bool(request.user.led_club_ids()),
        },
    )


def open_themes():
    return (
        ProjectThemePage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .open_for_applications()
        .in_list_order()
    )


@family_required
@never_cache
def project_new(request):
    """Choose a theme and who does the project: a draft is made and opened for writing."""
    points = services.starting_points(request.user)
    themes = list(open_themes())
    form = NewProjectForm(request.POST or None, themes=themes, starting_points=points)
    if request.method == "POST" and form.is_valid():
        person, club = form.cleaned_data["point"]
        try:
            project = services.start_project(
                user=request.user, theme=form.cleaned_data["theme_page"], club=club, person=person
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("The draft is saved. Write the application; you can come back to it later."),
            )
            return redirect("projects:edit", project.pk)
    return render(
        request,
        "projects/project_new.html",
        {"form": form, "themes": themes, "starting_points": points},
    )


@family_required
@never_cache
def project_detail(request, pk):
    """The application, the report and the history; the decisions its viewer may take."""
    project = visible_project(request, pk)
    theme = theme_in_language(project)
    files = list(project.files.all())
    may_review = services.may_review(request.user, project)
    log_if_outside_the_family(request, project)
    context = {
        "project": project,
        "theme": theme,
        "team_names": team_names(request.user, project),
        "changes": project.changes.select_related("by"),
        "application_answers": answers_with_files(project.answers, files, Stage.APPLICATION),
        "report_answers": answers_with_files(project.report_answers, files, Stage.REPORT),
        "report_photos": [
            f for f in files if f.stage == Stage.REPORT and not f.question_key and f.kind == "photo"
        ],
        "report_attachments": [
            f for f in files if f.stage == Stage.REPORT and not f.question_key and f.kind == "pdf"
        ],
        "may_edit": services.may_edit(request.user, project),
        "may_review": may_review,
        "decision_form": DecisionForm(),
        "late_form": LateReportForm(),
        "is_coordinator": request.user.is_coordinator,
    }
    return render(request, "projects/project_detail.html", context)


def log_if_outside_the_family(request, project):
    """Whoever opens a project outside its team's families (leaders, coordinators, jurors)
    is in the record-access log; the files its page shows are not logged one by one."""
    if not project.members.filter(pk__in=Person.objects.of_family(request.user)).exists():
        record_access(
            request, RecordAccess.What.PROJECT, project.members.values_list("pk", flat=True)
        )


def name_shown_to(user, project):
    """How a team member is named to this login: in full to the club's leaders, coordinators
    and his own family; by first name to the other families of a group."""
    if user.is_coordinator or project.club_id in user.led_club_ids():
        return lambda person: person.full_name
    family = set(Person.objects.of_family(user).values_list("pk", flat=True))
    return lambda person: person.full_name if person.pk in family else person.first_name


def team_names(user, project):
    name = name_shown_to(user, project)
    return [name(person) for person in project.members.order_by("first_name", "last_name")]


def answers_with_files(answers, files, stage):
    """Stored answers for display, file questions with their files."""
    by_key = {}
    for project_file in files:
        if project_file.stage == stage and project_file.question_key:
            by_key.setdefault(project_file.question_key, []).append(project_file)
    shown = []
    for answer in answers:
        question = answer["question"]
        shown.append(
            {
                "question": question,
                "value": answer.get("value"),
                "files": by_key.get(question["key"], []),
                "retired": answer.get("retired", False),
            }
        )
    return shown


def editable_project(request, pk):
    project = visible_project(request, pk)
    if not services.may_edit(request.user, project):
        raise PermissionDenied
    return project


def store_question_files(form, project, by, stage):
    """Upload each file question's new file; a refused file becomes the field's error."""
    for question in form.file_questions():
        name = services.answer_field(question["key"])
        upload = form.cleaned_data.get(name)
        if not upload:
            continue
        add = services.add_photo if question["kind"] == "photo" else services.add_pdf
        try:
            add(project, upload, by=by, stage=stage, question_key=question["key"])
        except ValidationError as error:
            form.add_error(name, error)


def remove_ticked_files(request, project, stage):
    for project_file in removable_files(project, stage, request.POST):
        services.remove_file(project_file, by=request.user)


@family_required
@never_cache
def project_edit(request, pk):
    """Write the application: "Save draft" keeps anything; "Submit" checks everything."""
    project = editable_project(request, pk)
    if not project.application_editable:
        messages.info(request, _("This application has been submitted and cannot be changed."))
        return redirect("projects:detail", project.pk)
    theme = theme_in_language(project)
    questions = services.questions_in_language(project.theme, theme, "application")
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        instance=project,
        questions=questions,
        team_choices=services.team_choices(project, request.user),
        name_of=name_shown_to(request.user, project),
        team_candidates=services.team_candidates(project),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_application(
                project,
                by=request.user,
                fields={name: form.cleaned_data[name] for name in services.APPLICATION_FIELDS},
                members=form.team(),
                answers=form.answers(project.answers),
            )
        except ValidationError as error:  # submitted meanwhile (another tab, a double click)
            return refused(request, project, error)
        store_question_files(form, project, request.user, Stage.APPLICATION)
        if not form.errors:
            remove_ticked_files(request, project, Stage.APPLICATION)
            if request.POST.get("action") == "submit":
                try:
                    services.submit_application(project, by=request.user, theme_page=theme)
                except ValidationError as error:
                    attach_errors(form, error)
                else:
                    messages.success(
                        request,
                        _(
                            "The application is submitted. The club's leader will decide; "
                            "you will get an e-mail."
                        ),
                    )
                    return redirect("projects:detail", project.pk)
            else:
                messages.success(request, _("The draft is saved."))
                return redirect("projects:edit", project.pk)
    return render(
        request,
        "projects/application_form.html",
        {
            "project": project,
            "theme": theme,
            "form": form,
            "files": files_by_key(project, Stage.APPLICATION),
            "last_return": last_comment(project, Project.State.RETURNED),
        },
    )


def refused(request, project, error):
    for message in error.messages:
        messages.error(request, message)
    return redirect("projects:detail", project.pk)


def files_by_key(project, stage):
    found = {}
    for project_file in project.files.filter(stage=stage):
        found.setdefault(project_file.question_key, []).append(project_file)
    return found


def last_comment(project, state):
    change = project.changes.filter(to_state=state).order_by("-at", "-pk").first()
    return change.comment if change else ""


@family_required
@never_cache
def project_report(request, pk):
    """Write the report of an approved project, with photos and PDF attachments."""
    project = editable_project(request, pk)
    if not project.report_editable:
        messages.info(request, _("The report can be written once the application is approved."))
        return redirect("projects:detail", project.pk)
    theme = theme_in_language(project)
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        instance=project,
        questions=services.questions_in_language(project.theme, theme, "report"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_report(
                project,
                by=request.user,
                fields={name: form.cleaned_data[name] for name in services.REPORT_FIELDS},
                answers=form.answers(project.report_answers),
            )
        except ValidationError as error:
            return refused(request, project, error)
        store_question_files(form, project, request.user, Stage.REPORT)
        store_report_files(form, project, request.user)
        if not form.errors:
            remove_ticked_files(request, project, Stage.REPORT)
            if request.POST.get("action") == "submit":
                try:
                    services.submit_report(project, by=request.user, theme_page=theme)
                except ValidationError as error:
                    attach_errors(form, error)
                else:
                    messages.success(
                        request,
                        _(
                            "The report is submitted. The club's leader will look at it; "
                            "you will get an e-mail."
                        ),
                    )
                    return redirect("projects:detail", project.pk)
            else:
                messages.success(request, _("The report draft is saved."))
                return redirect("projects:report", project.pk)
    project.refresh_from_db()
    files = files_by_key(project, Stage.REPORT)
    own = files.get("", [])
    return render(
        request,
        "projects/report_form.html",
        {
            "project": project,
            "theme": theme,
            "form": form,
            "files": files,
            "photos": [f for f in own if f.kind == ProjectFile.Kind.PHOTO],
            "attachments": [f for f in own if f.kind == ProjectFile.Kind.PDF],
            "last_return": last_comment(project, Project.State.REPORT_RETURNED),
            "deadline": project.report_deadline(),
            "is_late": project.report_is_late(),
            "max_photos": services.MAX_REPORT_PHOTOS,
        },
    )


def store_report_files(form, project, by):
    for upload in form.cleaned_data.get("photos") or []:
        try:
            services.add_photo(project, upload, by=by, stage=Stage.REPORT)
        except ValidationError as error:
            form.add_error("photos", [f"{upload.name}: {message}" for message in error.messages])
    for upload in form.cleaned_data.get("attachments") or []:
        try:
            services.add_pdf(project, upload, by=by, stage=Stage.REPORT)
        except ValidationError as error:
            form.add_error("attachments", error)


DECISIONS = {
    "approve": (services.decide_application, {"approve": True}),
    "return": (services.decide_application, {"approve": False}),
    "accept": (services.decide_report, {"accept": True}),
    "return-report": (services.decide_report, {"accept": False}),
}
DECIDED_MESSAGES = {
    "approve": gettext_lazy("The application is approved; the family has been e-mailed."),
    "return": gettext_lazy(
        "The application is returned with your comment; the family has been e-mailed."
    ),
    "accept": gettext_lazy("The report is accepted; the family has been e-mailed."),
    "return-report": gettext_lazy(
        "The report is returned with your comment; the family has been e-mailed."
    ),
}


@family_required
@require_POST
def project_decide(request, pk):
    """The club's leader or a coordinator approves or returns an application or a report."""
    project = visible_project(request, pk)
    if not services.may_review(request.user, project):
        raise PermissionDenied
    action = request.POST.get("action")
    if action not in DECISIONS:
        return HttpResponseBadRequest(_("Choose a decision."))
    decide, options = DECISIONS[action]
    try:
        # A comment too long, or with a NUL: no decision without it.
        comment = checked_field(DecisionForm(request.POST), "comment")
        decide(project, by=request.user, comment=comment, **options)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, str(DECIDED_MESSAGES[action]))
    return redirect("projects:detail", project.pk)


@coordinator_required
@require_POST
def allow_late(request, pk):
    """Coordinators give a project more time for its report."""
    project = visible_project(request, pk)
    form = LateReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the date until which the report may be submitted."))
        return redirect("projects:detail", project.pk)
    try:
        services.allow_late_report(project, by=request.user, until=form.cleaned_data["until"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The report may now be submitted until that day."))
    return redirect("projects:detail", project.pk)


@family_required
def project_file(request, pk, file_pk):
    """A project's photo or PDF, to whoever may see the project (or judge it); never public."""
    may_see = (
        Project.objects.visible_to(request.user).filter(pk=pk).exists()
        or Project.objects.judged_by(request.user).filter(pk=pk).exists()
    )
    if not may_see:
        raise Http404
    project_file = get_object_or_404(ProjectFile, project_id=pk, pk=file_pk)
    # Named as stored: a phone's IMG_1234.HEIC is kept as a JPEG.
    stem = os.path.splitext(project_file.original_name)[0] or "file"
    response = FileResponse(
        project_file.file.open("rb"),
        filename=stem + os.path.splitext(project_file.file.name)[1],
        as_attachment=False,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


# Leaders and coordinators see other families' children here: like every staff view, these
# ask them for the second factor (families are not asked: the middleware asks only logins
# whose `requires_second_factor` is true).
for view in (project_detail, project_edit, project_report, project_decide, project_file):
    view.requires_second_factor = True
