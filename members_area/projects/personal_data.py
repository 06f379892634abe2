"""What the projects app holds about a person, for "My data" and for erasure.

Registered by ProjectsConfig.ready(). A project done alone is emptied on erasure (its texts,
answers, files and comments go; theme, club, year, kind and state stay as an anonymous count
for the strategy's figures); from a group project the person is taken off the team, with the
photos and files his family added.
"""

from members_area.accounts.services import register_personal_data
from members_area.projects.models import Project, ProjectStateChange
from members_area.projects.services import delete_file

SECTION = "projects"


def register():
    register_personal_data(SECTION, collect, erase)


def _iso(value):
    return value.isoformat() if value else None


def collect(person):
    projects = (
        Project.objects.filter(members=person)
        .select_related("theme", "club")
        .prefetch_related("files", "changes")
    )
    return {
        "projects": [
            {
                "title": project.title,
                "theme": project.theme.title,
                "club": project.club.name,
                "year": project.year,
                "kind": project.kind,
                "state": project.state,
                "goal": project.goal,
                "plan": project.plan,
                "timeline": project.timeline,
                "answers": project.answers,
                "report_done": project.report_done,
                "report_learnt": project.report_learnt,
                "report_answers": project.report_answers,
                "files": [project_file.original_name for project_file in project.files.all()],
                "history": [
                    {"state": change.to_state, "at": _iso(change.at), "comment": change.comment}
                    for change in project.changes.all()
                ],
                "score": str(project.score) if project.score is not None else None,
                "place": project.place,
            }
            for project in projects
        ]
    }


def erase(person):
    family_logins = {person.user_id} | set(person.guardians.values_list("user_id", flat=True))
    family_logins.discard(None)
    for project in Project.objects.filter(members=person).prefetch_related("members"):
        if len(project.members.all()) > 1:
            project.members.remove(person)
            # The photos and files the family added go with the person (they may show him).
            for project_file in project.files.filter(uploaded_by_id__in=family_logins):
                delete_file(project_file)
            continue
        for project_file in project.files.all():
            delete_file(project_file)
        Project.objects.filter(pk=project.pk).update(
            title="",
            goal="",
            plan="",
            timeline="",
            answers=[],
            report_done="",
            report_learnt="",
            report_answers=[],
        )
        ProjectStateChange.objects.filter(project=project).update(comment="")
    if family_logins:
        Project.objects.filter(members=person, created_by__in=family_logins).update(created_by=None)
