"""The staff project list as a spreadsheet (CSV or XLSX): one row per project.

Titles, plans and answers are typed by families: no cell may become a live formula in the
office's spreadsheet. CSV is written by the member export's `as_csv` (home.spreadsheets guards
each cell); XLSX cells here are stored as text, never as formulas.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from members_area.accounts.models import Person
from members_area.projects.models import ProjectFile

FILE_KINDS = ("photo", "file")


def for_export(projects):
    """What the rows read, in a fixed number of queries however many projects there are."""
    return projects.select_related("club__municipality__region").prefetch_related(
        Prefetch(
            "members",
            queryset=Person.objects.order_by("first_name", "last_name", "pk").only(
                "first_name", "last_name"
            ),
        ),
        Prefetch(
            "files",
            queryset=ProjectFile.objects.only(
                "project_id", "stage", "question_key", "kind", "original_name"
            ),
        ),
    )


def header():
    return [
        _("Project number"),
        _("Theme"),
        _("Kind"),
        _("Club"),
        _("Region"),
        _("Year"),
        _("State"),
        _("Age group"),
        _("Title"),
        _("Goal"),
        _("Plan"),
        _("Timeline"),
        _("Team"),
        _("Submitted"),
        _("State changed"),
        _("What was done"),
        _("What was learnt"),
        _("Application answers"),
        _("Report answers"),
        _("Photos"),
        _("Attachments (PDF)"),
        _("Score"),
        _("Place"),
    ]


def rows(projects, theme_titles, region_names):
    """One row per project of `for_export(projects)`.

    `theme_titles` maps theme pks to titles and `region_names` region slugs to names, both in
    the language of the export.
    """
    for project in projects:
        region = project.club.region
        files = list(project.files.all())
        yield [
            project.pk,
            theme_titles.get(project.theme_id, ""),
            project.get_kind_display(),
            project.club.name,
            region_names.get(region.slug, region.name) if region else "",
            project.year,
            project.get_state_display(),
            project.get_age_group_display() if project.age_group else "",
            project.title,
            project.goal,
            project.plan,
            project.timeline,
            ", ".join(person.full_name for person in project.members.all()),
            local_day(project.submitted_at),
            local_day(project.state_changed_at),
            project.report_done,
            project.report_learnt,
            answers_text(project.answers, files, ProjectFile.Stage.APPLICATION),
            answers_text(project.report_answers, files, ProjectFile.Stage.REPORT),
            sum(1 for f in files if f.kind == ProjectFile.Kind.PHOTO),
            sum(1 for f in files if f.kind == ProjectFile.Kind.PDF),
            project.score,
            project.place,
        ]


def local_day(moment):
    return timezone.localtime(moment).date() if moment else None


def answers_text(answers, files, stage):
    """The theme's questions and their answers, one "question: answer" a line.

    A photo or file question is answered by its files' names.
    """
    names = {}
    for project_file in files:
        if project_file.stage == stage and project_file.question_key:
            names.setdefault(project_file.question_key, []).append(project_file.original_name)
    lines = []
    for answer in answers:
        question = answer["question"]
        if question["kind"] in FILE_KINDS:
            value = ", ".join(names.get(question["key"], []))
        else:
            value = answer.get("value")
            value = "" if value in (None, []) else str(value)
            if value and question.get("unit"):
                value = f"{value} {question['unit']}"
        lines.append(f"{question['label']}: {value}")
    return "\n".join(lines)
