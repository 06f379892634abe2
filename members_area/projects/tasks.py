"""E-mails about a project's state, sent after the change is committed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from members_area.clubs.tasks import absolute

# States that wait for the club's leaders (or coordinators): they are told too.
WAITING_FOR_REVIEW = {"submitted", "report-submitted"}


def author_families(project):
    """The addresses to tell, by family: each team member's own and his guardians' (a
    minor's), and whoever started the project. One e-mail per family, so that families
    of a group do not see each other's addresses."""
    families, seen = [], set()
    groups = [person.message_recipients() for person in project.members.all()]
    if project.created_by and project.created_by.is_active:
        groups.append([project.created_by.email])
    for group in groups:
        new = [address for address in dict.fromkeys(group) if address not in seen]
        if new:
            families.append(new)
            seen.update(new)
    return families


def subject_for(change, project):
    if change.from_state == change.to_state:
        return gettext("More time for the project report: %(title)s") % {"title": project}
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
    families = author_families(project)
    authors = {address for family in families for address in family}
    with translation.override(project.language):
        for family in families:
            EmailMessage(
                subject=subject_for(change, project),
                body=render_to_string(
                    "projects/emails/state_changed.txt",
                    {"change": change, "project": project, "url": absolute(url)},
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=family,
            ).send()
    if change.to_state in WAITING_FOR_REVIEW:
        reviewers = [user.email for user in project.club.approvers() if user.email not in authors]
        if not reviewers:
            # A leader's own group project: the coordinators decide on it.
            reviewers = [user.email for user in get_user_model().objects.coordinators()]
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
