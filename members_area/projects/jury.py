"""The project forum's jury: who scores which projects, the totals, the ranking and the results.

Coordinators seat jurors on a theme (its Latvian page). A juror scores each criterion of every
accepted project of his themes; a project's total is the mean, over the theme's jurors who
scored every criterion, of each one's sum of points. Only the theme's current jurors count: a
juror removed (say, for a conflict of interest) no longer weighs on the totals. Coordinators
publish the results once: places and totals are stored on the projects, which move to
"scored" (the families are e-mailed), and nothing can be scored or reseated after that.

Criteria are the blocks of the Latvian page's `criteria` stream; a block's id is the stable
key a score is stored against (with a copy of its name and maximum at the time of scoring).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Prefetch, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.collation import latvian_order
from members_area.accounts.models import AgeGroup, Person
from members_area.projects import services
from members_area.projects.models import (
    Juror,
    Project,
    ProjectThemePage,
    Score,
    ThemeResults,
)

State = Project.State
JUDGED_STATES = (State.ACCEPTED, State.SCORED)
CENTS = Decimal("0.01")


def _require_coordinator(user):
    if not (user.is_authenticated and user.is_coordinator):
        raise PermissionDenied


# Criteria and seats ---------------------------------------------------------------------------


def criteria_of(theme):
    """The criteria a project of the theme is scored by, from its Latvian page, in order:
    [{id, name, max_points}]."""
    return _criteria(services.source_theme(theme))


def _criteria(latvian_page):
    return [
        {"id": child.id, "name": child.value["name"], "max_points": child.value["max_points"]}
        for child in latvian_page.criteria
    ]


def jurors_of(theme):
    """The theme's jurors, by e-mail: the order of every table of their scores."""
    return _jurors(services.source_theme(theme))


def _jurors(latvian_page):
    return list(
        Juror.objects.filter(theme=latvian_page)
        .select_related("user")
        .order_by("user__email", "pk")
    )


def _refuse_if_published(theme, message):
    if ThemeResults.objects.filter(theme=theme).exists():
        raise ValidationError(message, code="published")


@transaction.atomic
def assign_juror(theme, email, *, by):
    """Coordinators seat an existing, active login on a theme's jury, found by its e-mail."""
    _require_coordinator(by)
    theme = services.source_theme(theme)
    _refuse_if_published(
        theme, _("The results of this theme are published: the jury can no longer change.")
    )
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise ValidationError(
            {
                "email": _(
                    "No active login uses the e-mail address %(email)s. The juror first "
                    "creates an account on the site, then you can add him."
                )
                % {"email": email.strip()}
            },
            code="no_login",
        )
    juror, created = Juror.objects.get_or_create(
        theme=theme, user=user, defaults={"assigned_by": by}
    )
    if not created:
        raise ValidationError(
            {"email": _("%(email)s is already a juror of this theme.") % {"email": user.email}},
            code="already_juror",
        )
    return juror


@transaction.atomic
def remove_juror(theme, juror_pk, *, by):
    """Coordinators take a juror off a theme; his scores stay stored but no longer count."""
    _require_coordinator(by)
    theme = services.source_theme(theme)
    _refuse_if_published(
        theme, _("The results of this theme are published: the jury can no longer change.")
    )
    deleted, _counts = Juror.objects.filter(theme=theme, pk=juror_pk).delete()
    if not deleted:
        raise ValidationError(_("This juror is no longer on the theme's jury."), code="gone")


# Scoring --------------------------------------------------------------------------------------


def _whole_number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _points_problems(criteria, points_by_criterion):
    """{criterion id: message} for every criterion not scored, or scored out of range."""
    problems = {}
    for criterion in criteria:
        value = points_by_criterion.get(criterion["id"])
        names = {"name": criterion["name"], "max": criterion["max_points"]}
        if value is None or value == "":
            problems[criterion["id"]] = (
                _("Score every criterion: “%(name)s” has no points yet (0 to %(max)s).") % names
            )
            continue
        points = _whole_number(value)
        if points is None or not 0 <= points <= criterion["max_points"]:
            problems[criterion["id"]] = (
                _("“%(name)s” is scored with 0 to %(max)s whole points.") % names
            )
    return problems


@transaction.atomic
def record_scores(project, juror_user, points_by_criterion):
    """A juror's points for every criterion of one accepted project, replacing his earlier ones.

    Refused (PermissionDenied) to anyone but a juror of the project's theme; refused with a
    ValidationError when the project is not waiting for the jury, when the results are
    published, or when a criterion is missing or out of range ({criterion id: message}).
    """
    project = Project.objects.select_for_update().select_related("theme").get(pk=project.pk)
    theme = project.theme
    if not Juror.objects.filter(theme=theme, user=juror_user).exists():
        raise PermissionDenied
    _refuse_if_published(
        theme, _("The results of this theme are published: scores can no longer be changed.")
    )
    if project.state != State.ACCEPTED:
        raise ValidationError(
            _("Only a project whose report has been accepted can be scored."), code="wrong_state"
        )
    criteria = _criteria(theme)
    if not criteria:
        raise ValidationError(
            _("This theme has no criteria to score by yet: ask a coordinator."), code="no_criteria"
        )
    known = {criterion["id"] for criterion in criteria}
    if set(points_by_criterion) - known:
        raise ValidationError(
            _("The theme's criteria have changed: open the project again and score anew."),
            code="unknown_criterion",
        )
    problems = _points_problems(criteria, points_by_criterion)
    if problems:
        raise ValidationError(problems)
    _store_scores(project, juror_user, criteria, points_by_criterion)
    return project


def _store_scores(project, juror_user, criteria, points_by_criterion):
    existing = {score.criterion: score for score in project.scores.filter(juror=juror_user)}
    now = timezone.now()
    new, changed = [], []
    for criterion in criteria:
        values = {
            "criterion_name": criterion["name"][:200],
            "max_points": criterion["max_points"],
            "points": _whole_number(points_by_criterion[criterion["id"]]),
            "scored_at": now,
        }
        score = existing.get(criterion["id"])
        if score is None:
            new.append(
                Score(project=project, juror=juror_user, criterion=criterion["id"], **values)
            )
        else:
            for name, value in values.items():
                setattr(score, name, value)
            changed.append(score)
    Score.objects.bulk_create(new)
    Score.objects.bulk_update(changed, ["criterion_name", "max_points", "points", "scored_at"])


# Totals and the ranking -----------------------------------------------------------------------


@dataclass
class JurorCell:
    """One juror's scoring of one project: how many criteria, and his sum once complete."""

    juror: Juror
    scored: int = 0
    of: int = 0
    points: int | None = None

    @property
    def complete(self):
        return self.of > 0 and self.scored == self.of


@dataclass
class RankedProject:
    project: Project
    total: Decimal | None
    place: int | None = None
    cells: list = field(default_factory=list)  # JurorCell per juror, in jurors_of() order

    @property
    def jurors_complete(self):
        return sum(1 for cell in self.cells if cell.complete)


@dataclass
class AgeGroupRanking:
    age_group: str
    label: str
    entries: list


def _score_sheet(project_ids, criteria, juror_user_ids):
    """{(project id, juror user id): (criteria scored, sum of points)}, in one query.

    A score counts only while its criterion keeps the maximum it was given under: if an
    editor changes a maximum, the jurors score that criterion again.
    """
    if not project_ids or not criteria or not juror_user_ids:
        return {}
    current = models.Q()
    for criterion in criteria:
        current |= models.Q(criterion=criterion["id"], max_points=criterion["max_points"])
    rows = (
        Score.objects.filter(current, project_id__in=project_ids, juror_id__in=juror_user_ids)
        .values("project_id", "juror_id")
        .annotate(scored=Count("id"), points=Sum("points"))
        .order_by()
    )
    return {(row["project_id"], row["juror_id"]): (row["scored"], row["points"]) for row in rows}


def mean_total(sums):
    """The mean of the complete jurors' sums, to cents, halves rounded up; None if none."""
    if not sums:
        return None
    return (Decimal(sum(sums)) / Decimal(len(sums))).quantize(CENTS, rounding=ROUND_HALF_UP)


def _rank(projects, criteria, jurors):
    criteria_ids = [criterion["id"] for criterion in criteria]
    sheet = _score_sheet(
        [project.pk for project in projects], criteria, [juror.user_id for juror in jurors]
    )
    ranked = []
    for project in projects:
        cells = []
        for juror in jurors:
            scored, points = sheet.get((project.pk, juror.user_id), (0, None))
            cell = JurorCell(juror=juror, scored=scored, of=len(criteria_ids))
            if cell.complete:
                cell.points = points
            cells.append(cell)
        total = mean_total([cell.points for cell in cells if cell.complete])
        ranked.append(RankedProject(project=project, total=total, cells=cells))
    return ranked


def _place_in_order(entries):
    """Highest total first; equal totals share a place (1, 1, 3); unscored last, no place."""
    scored = sorted(
        (entry for entry in entries if entry.total is not None),
        key=lambda entry: (-entry.total, latvian_order(entry.project.title), entry.project.pk),
    )
    unscored = sorted(
        (entry for entry in entries if entry.total is None),
        key=lambda entry: (latvian_order(entry.project.title), entry.project.pk),
    )
    for position, entry in enumerate(scored, start=1):
        previous = scored[position - 2] if position > 1 else None
        entry.place = previous.place if previous and previous.total == entry.total else position
    return scored + unscored


def _by_age_group(entries):
    labels = dict(AgeGroup.choices)
    order = [*AgeGroup.values, ""]
    groups = []
    for age_group in order:
        members = [entry for entry in entries if (entry.project.age_group or "") == age_group]
        if members:
            label = labels.get(age_group) or _("Age group not known")
            groups.append(AgeGroupRanking(age_group, label, _place_in_order(members)))
    return groups


def judged_projects(latvian_page):
    """The projects of the theme the jury scores: accepted, or scored once published."""
    return (
        Project.objects.filter(theme=latvian_page, state__in=JUDGED_STATES)
        .select_related("club")
        .prefetch_related(Prefetch("members", queryset=Person.objects.order_by("first_name")))
    )


def ranking(theme, jurors=None):
    """The theme's judged projects by age group (AgeGroup order), each group highest total
    first, with places and each juror's scoring; a bounded number of queries."""
    theme = services.source_theme(theme)
    jurors = _jurors(theme) if jurors is None else jurors
    entries = _rank(list(judged_projects(theme)), _criteria(theme), jurors)
    return _by_age_group(entries)


def project_total(project):
    """The project's total: the mean of the sums of the jurors who scored every criterion."""
    theme = project.theme  # always the Latvian page
    [entry] = _rank([project], _criteria(theme), _jurors(theme))
    return entry.total


def juror_progress(groups, jurors):
    """[(juror, projects he has scored completely, projects to score)] from a ranking."""
    entries = [entry for group in groups for entry in group.entries]
    return [
        (juror, sum(1 for entry in entries if entry.cells[index].complete), len(entries))
        for index, juror in enumerate(jurors)
    ]


@dataclass
class ProjectProgress:
    project: Project
    scored: int
    of: int

    @property
    def complete(self):
        return self.of > 0 and self.scored == self.of


@dataclass
class Seat:
    """One theme a login is a juror of, its projects and how far he has scored them."""

    theme: ProjectThemePage
    published: bool
    projects: list

    @property
    def done(self):
        return sum(1 for progress in self.projects if progress.complete)


def juror_overview(user):
    """The themes a login is a juror of, newest first, with each project's progress; a fixed
    number of queries however many themes and projects."""
    seats = list(
        Juror.objects.filter(user=user)
        .select_related("theme")
        .order_by("-theme__year", "theme__title", "pk")
    )
    projects = list(
        Project.objects.judged_by(user).select_related("club").order_by("age_group", "title", "pk")
    )
    scored = {}
    for project_id, criterion in Score.objects.filter(
        juror=user, project_id__in=[project.pk for project in projects]
    ).values_list("project_id", "criterion"):
        scored.setdefault(project_id, set()).add(criterion)
    published = set(
        ThemeResults.objects.filter(theme_id__in=[seat.theme_id for seat in seats]).values_list(
            "theme_id", flat=True
        )
    )
    overview = []
    for seat in seats:
        criteria_ids = {criterion["id"] for criterion in _criteria(seat.theme)}
        overview.append(
            Seat(
                theme=seat.theme,
                published=seat.theme_id in published,
                projects=[
                    ProjectProgress(
                        project,
                        len(scored.get(project.pk, set()) & criteria_ids),
                        len(criteria_ids),
                    )
                    for project in projects
                    if project.theme_id == seat.theme_id
                ],
            )
        )
    return overview


# Publishing -----------------------------------------------------------------------------------


def publish_results(theme, by):
    """Coordinators publish a theme's results once every accepted project has a total:
    places and totals are stored, the projects are scored and their families e-mailed."""
    _require_coordinator(by)
    theme = services.source_theme(theme)
    try:
        return _publish(theme, by)
    except IntegrityError as error:  # published at the same moment by someone else
        raise ValidationError(
            _("The results of this theme are already published."), code="published"
        ) from error


@transaction.atomic
def _publish(theme, by):
    _refuse_if_published(theme, _("The results of this theme are already published."))
    results = ThemeResults.objects.create(theme=theme, published_by=by)
    waiting = list(
        Project.objects.filter(theme=theme, state=State.REPORT_SUBMITTED).select_related("club")
    )
    if waiting:
        # Once published, they could never be scored: their leaders decide first.
        raise ValidationError(
            _(
                "Reports still wait for their leader's decision: %(projects)s. Publish once "
                "they are accepted or returned."
            )
            % {"projects": ", ".join(f"“{project}” ({project.club})" for project in waiting)},
            code="waiting",
        )
    accepted = Project.objects.select_for_update().filter(theme=theme, state=State.ACCEPTED)
    if not list(accepted.values_list("pk", flat=True)):
        raise ValidationError(
            _("No project of this theme has an accepted report: there is nothing to publish."),
            code="empty",
        )
    entries = [
        entry
        for group in ranking(theme)
        for entry in group.entries
        if entry.project.state == State.ACCEPTED
    ]
    unscored = [entry.project for entry in entries if entry.total is None]
    if unscored:
        raise ValidationError(
            _(
                "Not yet scored by any juror on every criterion: %(projects)s. "
                "Results can be published once every project has a score."
            )
            % {"projects": ", ".join(f"“{project}” ({project.club})" for project in unscored)},
            code="unscored",
        )
    for entry in entries:
        project = entry.project
        project.score = entry.total
        project.place = entry.place
        services.change_state(project, State.SCORED, by=by)
    return results


# The public results ---------------------------------------------------------------------------


@dataclass
class PublicPlace:
    place: int
    first_names: list
    club: str


def public_results(page):
    """A theme page's published results, for everyone: per age group, each project's place,
    its club and the first names of its members who agreed to be named in public. A project
    with nobody to name is left out; nothing at all until the results are published.

    One query, whatever the page's language: projects belong to the theme's Latvian page,
    which shares its translation key with the page shown."""
    named = (
        Project.members.through.objects.filter(
            project__theme__translation_key=page.translation_key,
            project__theme__results__isnull=False,
            project__state=State.SCORED,
            project__place__isnull=False,
            person__photo_consent=Person.PhotoConsent.PUBLIC,
        )
        .exclude(person__status=Person.Status.ERASED)
        .order_by("project__place", "project__club__name", "project_id", "person__first_name")
        .values_list(
            "project_id",
            "project__place",
            "project__age_group",
            "project__club__name",
            "person__first_name",
        )
    )
    places = {}
    for project_id, place, age_group, club, first_name in named:
        entry = places.get(project_id)
        if entry is None:
            entry = places[project_id] = (age_group or "", PublicPlace(place, [], club))
        entry[1].first_names.append(first_name)
    groups = {}
    for age_group, entry in places.values():
        groups.setdefault(age_group, []).append(entry)
    labels = dict(AgeGroup.choices)
    return [
        AgeGroupRanking(
            age_group, labels.get(age_group) or _("Age group not known"), groups[age_group]
        )
        for age_group in [*AgeGroup.values, ""]
        if age_group in groups
    ]


def themes_of_year(year):
    """The Latvian theme pages of a year, with their jurors and published results: what a
    coordinator looks at in the forum's overview."""
    return (
        ProjectThemePage.objects.filter(locale=Locale.get_default(), alias_of=None)
        .of_year(year)
        .in_list_order()
        .select_related("results")
        .annotate(
            judged_count=Count(
                "projects", filter=models.Q(projects__state__in=JUDGED_STATES), distinct=True
            )
        )
        .prefetch_related(
            Prefetch(
                "jurors", queryset=Juror.objects.select_related("user").order_by("user__email")
            )
        )
    )
