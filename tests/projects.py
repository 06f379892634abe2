"""Project themes and projects for tests, dated around today so they are open."""

import datetime
import io
import itertools

from django.utils import timezone
from PIL import Image
from wagtail.models import Locale

from members_area.projects.models import Project, ProjectIndexPage, ProjectThemePage
from members_area.projects.services import competing_age_group

SLUGS = itertools.count()
CRITERIA = [
    ("criterion", {"name": "Ideja", "description": "", "max_points": 10}),
    ("criterion", {"name": "Darbs", "description": "", "max_points": 20}),
]


def question(key, kind="short_text", label=None, required=True, **extra):
    value = {"key": key, "label": label or key, "help_text": "", "required": required, **extra}
    return (kind, value)


def make_theme(
    title="Dārza projekts",
    *,
    kind="individual",
    year=None,
    age_groups=(),
    application_questions=(),
    report_questions=(),
    criteria=CRITERIA,
    opens_in=-30,
    closes_in=30,
    report_due_in=60,
):
    """A live theme under the Latvian projects index, open today unless told otherwise."""
    today = timezone.localdate()
    index = ProjectIndexPage.objects.get(locale=Locale.get_default())
    theme = ProjectThemePage(
        title=title,
        slug=f"tests-temats-{next(SLUGS)}",
        year=year or today.year,
        kind=kind,
        lead=f"{title}.",
        age_groups=list(age_groups),
        application_opens=today + datetime.timedelta(days=opens_in),
        application_closes=today + datetime.timedelta(days=closes_in),
        report_deadline=today + datetime.timedelta(days=report_due_in),
        criteria=list(criteria),
        application_questions=list(application_questions),
        report_questions=list(report_questions),
    )
    index.add_child(instance=theme)
    return ProjectThemePage.objects.get(pk=theme.pk)


def make_project(theme, club, members, *, created_by=None, state="draft", **fields):
    """A project straight in the database (no e-mails, no history): for lists and figures."""
    values = {
        "title": "Mans projekts",
        "goal": "Mērķis",
        "plan": "Plāns",
        "timeline": "Laika plāns",
        **fields,
    }
    project = Project.objects.create(
        theme=theme,
        year=values.pop("year", theme.year),
        kind=values.pop("kind", theme.kind),
        club=club,
        created_by=created_by,
        state=state,
        age_group=competing_age_group(members) if state != "draft" else "",
        submitted_at=timezone.now() if state != "draft" else None,
        **values,
    )
    project.members.set(members)
    return project


def real_pdf():
    """A small, real PDF (one white page), as a phone's or an office program's export."""
    content = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(content, "PDF")
    return content.getvalue()
