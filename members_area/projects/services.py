"""The life of a project: who may start, edit, submit and review it, and what each step records.

States: draft → submitted → approved / returned (→ submitted again) → report draft → report
submitted → accepted / report returned (→ report submitted again) → scored. Authors (the
family of a team member, whoever started the project, the club's leader for a group) write;
the club's leaders and coordinators review. Every change is a ProjectStateChange and e-mails
the people concerned once the transaction has committed (tasks.py).
"""

import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.photos import strip_image_metadata
from home.validators import looks_like_pdf, refuse_active_pdf
from members_area.accounts.models import AgeGroup, Person
from members_area.clubs.models import Membership
from members_area.projects import models as project_models
from members_area.projects import tasks
from members_area.projects.models import (
    Project,
    ProjectFile,
    ProjectKind,
    ProjectStateChange,
    ThemeResults,
)

State = Project.State
MAX_REPORT_PHOTOS = 10
MAX_PHOTO_BYTES = 20 * 1024 * 1024  # a phone's HEIC or JPEG
MAX_PDF_BYTES = 10 * 1024 * 1024
PHOTO_LONG_SIDE = 2560  # stored photos are resized to at most this many pixels
PHOTO_FORMATS = {"JPEG", "MPO", "PNG", "HEIF"}  # what phones and cameras take
YOUTH_AGE_GROUPS = [group for group in AgeGroup.values if group != AgeGroup.ADULTS]
# The project fields an author writes, each required for submission.
APPLICATION_FIELDS = ("title", "goal", "plan", "timeline")
REPORT_FIELDS = ("report_done", "report_learnt")


def answer_field(key):
    """The form field of a theme question: errors of submission are attached to it."""
    return f"answer_{key}"


# Who may do what ----------------------------------------------------------------------------


def may_edit(user, project):
    """Authors: whoever started it (a leader for his club's group) and the family of a team
    member. A leader does not write the families' projects he decides on."""
    if not user.is_authenticated:
        return False
    if project.created_by_id == user.pk:
        return True
    return project.members.filter(pk__in=Person.objects.of_family(user)).exists()


def may_review(user, project):
    """The club's leaders decide on its projects, but not on one they submitted themselves
    (a coordinator does); coordinators on any."""
    if not user.is_authenticated:
        return False
    if user.is_coordinator:
        return True
    return project.club_id in user.led_club_ids() and not submitted_by(user, project)


def submitted_by(user, project):
    """Whether the login sent the application or report now waiting for a decision."""
    last = (
        project.changes.filter(to_state__in=[State.SUBMITTED, State.REPORT_SUBMITTED])
        .order_by("-at", "-pk")
        .first()
    )
    return last is not None and last.by_id == user.pk


def _lock(project):
    """Hold the project's row until the transaction ends (two leaders deciding at once
    decide once), and read its state as it is now."""
    list(Project.objects.select_for_update().filter(pk=project.pk).values_list("pk"))
    project.refresh_from_db()


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _require_state(project, states, message):
    if project.state not in states:
        raise ValidationError(message, code="wrong_state")


# Starting and writing the application ----------------------------------------------------------


def source_theme(theme):
    """The Latvian page of a theme: projects belong to it, whatever language they are in."""
    default = Locale.get_default()
    if theme.locale_id == default.pk:
        return theme
    return theme.get_translation_or_none(default) or theme


def starting_points(user):
    """(person, club) pairs for which the login may start a project this year: its family's
    memberships as members, and its led clubs (with no person: a group of the club)."""
    family = Person.objects.of_family(user).not_erased()
    points = [
        (membership.person, membership.club)
        for membership in Membership.objects.current()
        .filter(person__in=family, role=Membership.Role.MEMBER)
        .select_related("person", "club")
        .order_by("person__first_name", "club__name")
    ]
    led = user.led_club_ids() if user.is_authenticated else set()
    if led:
        from members_area.clubs.models import Club

        points += [(None, club) for club in Club.objects.filter(pk__in=led).order_by("name")]
    return points


@transaction.atomic
def start_project(*, user, theme, club, person=None):
    """A new draft for a person (or, for a leader, his club's group) on an open theme."""
    allowed = {(getattr(p, "pk", None), c.pk) for p, c in starting_points(user)}
    _require((getattr(person, "pk", None), club.pk) in allowed)
    if not theme.is_open_for_applications:
        raise ValidationError(
            _("Applications for “%(theme)s” are not open.") % {"theme": theme.title},
            code="closed",
        )
    source = source_theme(theme)
    project = Project.objects.create(
        theme=source,
        year=source.year,
        kind=source.kind,
        club=club,
        created_by=user,
        language=get_language() or "lv",
    )
    if person is not None:
        project.members.add(person)
    return project


def team_candidates(project):
    """Who may be on the team: this year's members of the project's club."""
    return (
        Person.objects.not_erased()
        .filter(
            memberships__in=Membership.objects.current().filter(
                club=project.club, role=Membership.Role.MEMBER
            )
        )
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


def team_choices(project, user):
    """Whom the team form lists: the club's leaders pick from all its members; a family sees
    only the team as it is (other children's names are not shown to other families)."""
    if project.club_id in user.led_club_ids():
        return team_candidates(project)
    return project.members.order_by("first_name", "last_name", "pk")


def questions_in_language(source, translated, stage):
    """The Latvian page's questions, worded as on the visitor's page.

    Keys, kinds and the options' values are always the Latvian page's (what is stored, what
    the leader, the export and the jury read); labels, help texts, units and the options'
    labels come from the translation where it has them. Each keeps its stored form under
    "stored".
    """
    local = {question["key"]: question for question in translated.questions(stage)}
    questions = []
    for question in source.questions(stage):
        words = local.get(question["key"], question)
        labels = words["options"] if len(words["options"]) == len(question["options"]) else []
        questions.append(
            {
                **question,
                "label": words["label"],
                "help_text": words["help_text"],
                "unit": words["unit"],
                "option_labels": labels or question["options"],
                "stored": question,
            }
        )
    return questions


def build_answers(questions, values, previous):
    """Answers with a copy of the questions they answer; answers to questions the theme no
    longer asks are kept (marked retired), so nothing a family wrote is lost."""
    answers = [
        {"question": question.get("stored", question), "value": values.get(question["key"])}
        for question in questions
    ]
    asked = {question["key"] for question in questions}
    for old in previous:
        key = old["question"]["key"]
        if key not in asked and old.get("value") not in (None, "", []):
            answers.append({**old, "retired": True})
    return answers


@transaction.atomic
def save_application(project, *, by, fields, members=None, answers=None):
    """Store a draft (incomplete is fine): the application's texts, team and answers.

    The row is locked and its state read again: a second tab's "Save" after a "Submit"
    must not bring a submitted application back.
    """
    _lock(project)
    _require(may_edit(by, project))
    _require_state(
        project,
        {State.DRAFT, State.RETURNED},
        _("This application has been submitted and can no longer be changed."),
    )
    for name in APPLICATION_FIELDS:
        if name in fields:
            setattr(project, name, fields[name])
    if answers is not None:
        project.answers = answers
    project.save(update_fields=[*APPLICATION_FIELDS, "answers", "updated_at"])
    if members is not None:
        allowed = set(team_candidates(project).values_list("pk", flat=True))
        keep = [person for person in members if person.pk in allowed]
        project.members.set(keep)
    return project


def _answer_problems(project, questions, answers, stage):
    values = {answer["question"]["key"]: answer.get("value") for answer in answers}
    keys_with_files = set(
        project.files.filter(stage=stage)
        .exclude(question_key="")
        .values_list("question_key", flat=True)
    )
    problems = {}
    for question in questions:
        if not question["required"]:
            continue
        if question["kind"] in ("photo", "file"):
            answered = question["key"] in keys_with_files
        else:
            answered = values.get(question["key"]) not in (None, "", [])
        if not answered:
            problems[answer_field(question["key"])] = _(
                "Answer the question “%(question)s”: it is required."
            ) % {"question": question["label"]}
    return problems


def application_problems(project, theme_page=None):
    """What stops submission, by field: {field: message}. Empty when complete."""
    theme_page = theme_page or project.theme
    problems = {}
    labels = {
        "title": _("Give the project a title."),
        "goal": _("Write the project's goal."),
        "plan": _("Write the plan: what will be done, and how."),
        "timeline": _("Write the timeline: when each step will be done."),
    }
    for name in APPLICATION_FIELDS:
        if not getattr(project, name).strip():
            problems[name] = labels[name]
    members = list(project.members.all())
    if project.kind == ProjectKind.INDIVIDUAL and len(members) != 1:
        problems["members"] = _("An individual project has exactly one author.")
    elif project.is_group and len(members) < 2:
        problems["members"] = _("A group project needs at least two team members from the club.")
    elif not members:
        problems["members"] = _("Choose who does the project.")
    groups = set(project.theme.age_groups) or set(YOUTH_AGE_GROUPS)
    outside = [person for person in members if person.age_group not in groups]
    if outside and "members" not in problems:
        problems["members"] = _(
            "This theme is for %(groups)s; not in these age groups: %(people)s."
        ) % {
            "groups": ", ".join(str(AgeGroup(group).label) for group in sorted(groups)),
            "people": ", ".join(person.full_name for person in outside),
        }
    problems.update(
        _answer_problems(
            project, theme_page.questions("application"), project.answers, "application"
        )
    )
    return problems


def competing_age_group(members):
    """A team competes in its oldest member's age group."""
    ages = [person.age() for person in members if person.age() is not None]
    if not ages:
        return ""
    return AgeGroup.for_age(max(ages)) or ""


@transaction.atomic
def submit_application(project, *, by, theme_page=None):
    """Send the application to the club's leader, if it is complete (else a ValidationError
    naming every field that needs work)."""
    _lock(project)
    _require(may_edit(by, project))
    _require_state(
        project, {State.DRAFT, State.RETURNED}, _("This application has already been submitted.")
    )
    if project.state == State.DRAFT and not project.theme.is_open_for_applications:
        raise ValidationError(
            _("Applications for this theme closed on %(day)s.")
            % {"day": project.theme.application_closes.strftime("%d.%m.%Y")},
            code="closed",
        )
    problems = application_problems(project, theme_page)
    if problems:
        raise ValidationError(problems)
    project.age_group = competing_age_group(project.members.all())
    if project.submitted_at is None:
        project.submitted_at = timezone.now()
    return change_state(project, State.SUBMITTED, by=by)


@transaction.atomic
def decide_application(project, *, by, approve, comment=""):
    """The leader approves, or returns the application with a comment saying what to change."""
    _lock(project)
    _require(may_review(by, project))
    _require_state(project, {State.SUBMITTED}, _("This application is not waiting for a decision."))
    if not approve and not comment.strip():
        raise ValidationError(
            {"comment": _("Say what should be changed: the family reads this comment.")}
        )
    return change_state(
        project, State.APPROVED if approve else State.RETURNED, by=by, comment=comment
    )


# The report ---------------------------------------------------------------------------------


@transaction.atomic
def save_report(project, *, by, fields, answers=None):
    """Store the report as a draft: an approved project's report is then "in progress"."""
    _lock(project)
    _require(may_edit(by, project))
    _require_state(
        project,
        {State.APPROVED, State.REPORT_DRAFT, State.REPORT_RETURNED},
        _("The report can be written once the application is approved, until it is submitted."),
    )
    for name in REPORT_FIELDS:
        if name in fields:
            setattr(project, name, fields[name])
    if answers is not None:
        project.report_answers = answers
    project.save(update_fields=[*REPORT_FIELDS, "report_answers", "updated_at"])
    if project.state == State.APPROVED:
        change_state(project, State.REPORT_DRAFT, by=by, notify=False)
    return project


def report_problems(project, theme_page=None):
    theme_page = theme_page or project.theme
    problems = {}
    if not project.report_done.strip():
        problems["report_done"] = _("Write what was done.")
    if not project.report_learnt.strip():
        problems["report_learnt"] = _("Write what was learnt.")
    problems.update(
        _answer_problems(project, theme_page.questions("report"), project.report_answers, "report")
    )
    return problems


@transaction.atomic
def submit_report(project, *, by, theme_page=None):
    _lock(project)
    _require(may_edit(by, project))
    _require_state(
        project,
        {State.APPROVED, State.REPORT_DRAFT, State.REPORT_RETURNED},
        _("This report cannot be submitted now."),
    )
    # A report returned for changes was on time: it may come back after the deadline.
    if project.state != State.REPORT_RETURNED and project.report_is_late():
        raise ValidationError(
            _(
                "The report deadline was %(day)s. A coordinator can allow a late report: "
                "write to the office."
            )
            % {"day": project.report_deadline().strftime("%d.%m.%Y")},
            code="late",
        )
    problems = report_problems(project, theme_page)
    if problems:
        raise ValidationError(problems)
    return change_state(project, State.REPORT_SUBMITTED, by=by)


@transaction.atomic
def decide_report(project, *, by, accept, comment=""):
    _lock(project)
    _require(may_review(by, project))
    _require_state(
        project, {State.REPORT_SUBMITTED}, _("This report is not waiting for a decision.")
    )
    if accept and ThemeResults.objects.filter(theme_id=project.theme_id).exists():
        raise ValidationError(
            _("The forum results of this theme are already published: ask a coordinator."),
            code="published",
        )
    if not accept and not comment.strip():
        raise ValidationError(
            {"comment": _("Say what should be changed: the family reads this comment.")}
        )
    return change_state(
        project, State.ACCEPTED if accept else State.REPORT_RETURNED, by=by, comment=comment
    )


@transaction.atomic
def allow_late_report(project, *, by, until):
    """Coordinators only: the report may be submitted until `until` (today or later)."""
    _require(by.is_authenticated and by.is_coordinator)
    _lock(project)
    if until < project_models.today():
        raise ValidationError({"until": _("Choose today or a later day.")})
    _require_state(
        project,
        {State.APPROVED, State.REPORT_DRAFT, State.REPORT_RETURNED},
        _("Only a project whose report is not yet submitted can get more time."),
    )
    project.report_late_until = until
    project.save(update_fields=["report_late_until", "updated_at"])
    # The state stays; the change is recorded (and the family told) as more time.
    change_state(project, project.state, by=by)
    return project


# Files --------------------------------------------------------------------------------------


def _check_size(upload, limit, message):
    if upload.size > limit:
        raise ValidationError(message, code="too_large")


def _stage_editable(project, stage):
    return (
        project.application_editable
        if stage == ProjectFile.Stage.APPLICATION
        else (project.report_editable)
    )


@transaction.atomic
def add_photo(project, upload, *, by, stage, question_key=""):
    """A photo checked by its content, turned upright, resized and stored without EXIF/GPS."""
    _require(may_edit(by, project) and _stage_editable(project, stage))
    _check_size(upload, MAX_PHOTO_BYTES, _("A photo may be at most 20 MB."))
    if stage == ProjectFile.Stage.REPORT and not question_key:
        count = project.files.filter(stage=stage, question_key="", kind=ProjectFile.Kind.PHOTO)
        if count.count() >= MAX_REPORT_PHOTOS:
            raise ValidationError(
                _("A report has at most %(count)s photos: remove one to add another.")
                % {"count": MAX_REPORT_PHOTOS},
                code="too_many",
            )
    clean = strip_image_metadata(
        upload, upload.name, max_side=PHOTO_LONG_SIDE, formats=PHOTO_FORMATS
    )
    if question_key:
        _replace_answer_file(project, stage, question_key)
    project_file = ProjectFile(
        project=project,
        stage=stage,
        question_key=question_key,
        kind=ProjectFile.Kind.PHOTO,
        original_name=os.path.basename(upload.name)[:255],
        size=clean.content.size,
        width=clean.width,
        height=clean.height,
        uploaded_by=by,
    )
    project_file.file.save(clean.name, clean.content, save=False)
    project_file.save()
    return project_file


@transaction.atomic
def add_pdf(project, upload, *, by, stage, question_key=""):
    """A PDF attachment, refused unless its content is a PDF whatever its name says, and one
    that could act when opened (scripts, embedded files)."""
    _require(may_edit(by, project) and _stage_editable(project, stage))
    _check_size(upload, MAX_PDF_BYTES, _("A PDF file may be at most 10 MB."))
    if not looks_like_pdf(upload):
        raise ValidationError(
            _("“%(name)s” is not a PDF file. Save the document as PDF and upload it again.")
            % {"name": os.path.basename(upload.name)},
            code="not_pdf",
        )
    refuse_active_pdf(upload)
    if question_key:
        _replace_answer_file(project, stage, question_key)
    project_file = ProjectFile(
        project=project,
        stage=stage,
        question_key=question_key,
        kind=ProjectFile.Kind.PDF,
        original_name=os.path.basename(upload.name)[:255],
        size=upload.size,
        uploaded_by=by,
    )
    project_file.file.save("attachment.pdf", upload, save=False)
    project_file.save()
    return project_file


def _replace_answer_file(project, stage, question_key):
    for old in project.files.filter(stage=stage, question_key=question_key):
        delete_file(old)


def delete_file(project_file):
    """The row now; the stored file once that is committed (a rollback keeps both)."""
    name, storage = project_file.file.name, project_file.file.storage
    project_file.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def remove_file(project_file, *, by):
    project = project_file.project
    _require(may_edit(by, project) and _stage_editable(project, project_file.stage))
    delete_file(project_file)


# State changes ------------------------------------------------------------------------------


def change_state(project, to_state, *, by, comment="", notify=True):
    """Move the project to `to_state`, record who and when, and e-mail the people concerned."""
    change = ProjectStateChange.objects.create(
        project=project, from_state=project.state, to_state=to_state, by=by, comment=comment
    )
    if to_state != project.state:
        project.state = to_state
        project.state_changed_at = change.at
    project.save()
    if notify:
        transaction.on_commit(lambda: tasks.send_state_change.enqueue(change.pk))
    return project
