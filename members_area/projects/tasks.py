"""E-mails about a project's state, sent after the change is committed."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from members_area.clubs.tasks import absolute

# States that wait for the club's leaders (or coordinators): they are told too.
WAITING_FOR_REVIEW = {"submitted", "report-submitted"}


def author_addresses(project):
    """The team (guardians of minors included) and whoever started the project."""
    addresses = []
    for person in project.members.all():
        addresses += person.message_recipients()
    if project.created_by and project.created_by.is_active:
        addresses.append(project.created_by.email)
    return list(dict.fromkeys(addresses))


def subject_for(change, project):
    subjects = {
        "submitted": gettext("Project application submitted: %(title)s"),
        "returned": gettext("Project application returned for changes: %(title)s"),
        "approved": gettext("Project approved: %(title)s"),
        "report-submitted": gettext("Project report submitted: %(title)s"),
        "report-returned": gettext("Project report returned for changes: %(title)s"),
        "accepted": gettext("Project report accepted: %(title)s"),
        "scored": gettext("Project forum results: %(title)s"),
    }
    return subjects.get(change.to_state, gettext("Project: %(title)s")) % {"title": project}


@task()
def send_state_change(change_id):
    """Tell the authors what happened; for a submission, also the people who decide."""
    from members_area.projects.models import ProjectStateChange

    change = (
        ProjectStateChange.objects.select_related(
            "project__club", "project__theme", "project__created_by", "by"
        )
        .filter(pk=change_id)
        .first()
    )
    if change is None:
        return
    project = change.project
    url = reverse("projects:detail", args=[project.pk])
    authors = author_addresses(project)
    if authors:
        with translation.override(project.language):
            EmailMessage(
                subject=subject_for(change, project),
                body=render_to_string(
                    "projects/emails/state_changed.txt",
                    {"change": change, "project": project, "url": absolute(url)},
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=authors,
            ).send()
    if change.to_state in WAITING_FOR_REVIEW:
        reviewers = [user.email for user in project.club.approvers() if user.email not in authors]
        if reviewers:
            with translation.override(settings.LANGUAGE_CODE):
                EmailMessage(
                    subject=gettext("Waiting for your decision: %(title)s") % {"title": project},
                    body=render_to_string(
                        "projects/emails/waiting_for_review.txt",
                        {"change": change, "project": project, "url": absolute(url)},
                    ),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=reviewers,
                ).send()
