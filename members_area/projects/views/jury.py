"""The project forum: jurors score the accepted projects of their themes; coordinators seat the
jurors, follow the scoring and publish the results.

Who may see what: a juror reaches a project only through `Project.objects.judged_by(user)`
(another theme's project is a 404); the overview is for jurors and coordinators, a theme's
results for coordinators. Every view here shows children's work: a second factor is required.
The rules themselves live in members_area/projects/jury.py.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from home.forms import attach_errors
from members_area.accounts.decorators import coordinator_required, staff_view
from members_area.projects import jury, services
from members_area.projects.models import (
    Project,
    ProjectFile,
    ProjectThemePage,
    ThemeResults,
    current_year,
)
from members_area.projects.views.applications import (
    answers_with_files,
    log_if_outside_the_family,
    theme_in_language,
)

Stage = ProjectFile.Stage


def _is_juror(user):
    """Asked by the decorator and by the view: one query per request."""
    if getattr(user, "_is_juror", None) is None:
        user._is_juror = user.juror_of.exists()
    return user._is_juror


forum_required = staff_view(lambda user: user.is_coordinator or _is_juror(user))
juror_required = staff_view(_is_juror)


def with_titles_in_language(pages):
    """Give each Latvian theme page `title_in_language` (the visitor's), in one query."""
    pages = list(pages)
    locale = Locale.get_active()
    translated = {}
    if any(page.locale_id != locale.pk for page in pages):
        translated = dict(
            ProjectThemePage.objects.filter(
                translation_key__in=[page.translation_key for page in pages], locale=locale
            ).values_list("translation_key", "title")
        )
    for page in pages:
        page.title_in_language = translated.get(page.translation_key, page.title)
    return pages


# Forms ----------------------------------------------------------------------------------------


def criterion_field(criterion_id):
    return f"criterion-{criterion_id}"


class ScoreForm(forms.Form):
    """One whole number per criterion; jury.record_scores checks the range and completeness,
    and its messages are put on these fields."""

    def __init__(self, *args, criteria, words, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            own = words.get(criterion["id"], {})
            self.fields[criterion_field(criterion["id"])] = forms.IntegerField(
                label=_("%(name)s (0 to %(max)s points)")
                % {"name": own.get("name") or criterion["name"], "max": criterion["max_points"]},
                help_text=own.get("description") or "",
                required=False,
                widget=forms.NumberInput(
                    attrs={"min": 0, "max": criterion["max_points"], "step": 1}
                ),
            )

    def points(self):
        return {
            criterion["id"]: self.cleaned_data.get(criterion_field(criterion["id"]))
            for criterion in self.criteria
        }

    def attach(self, error):
        """record_scores' errors, keyed by criterion id, on the criterion's field."""
        if hasattr(error, "error_dict"):
            for key, problems in error.error_dict.items():
                name = criterion_field(key)
                self.add_error(name if name in self.fields else None, problems)
        else:
            self.add_error(None, error)


class JurorForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address of the juror's login"),
        help_text=gettext_lazy("The juror must already have an account on the site."),
    )


# The overview ---------------------------------------------------------------------------------


@forum_required
@never_cache
def forum(request):
    """A juror's themes and the projects to score; for coordinators, every theme of the year."""
    user = request.user
    seats = jury.juror_overview(user) if _is_juror(user) else []
    with_titles_in_language([seat.theme for seat in seats])
    themes = []
    year = current_year()
    if user.is_coordinator:
        themes = with_titles_in_language(jury.themes_of_year(year))
    return render(
        request,
        "projects/jury/forum.html",
        {"seats": seats, "themes": themes, "year": year, "is_coordinator": user.is_coordinator},
    )


# Scoring --------------------------------------------------------------------------------------


def criterion_words(page):
    """The criteria's names and descriptions in a page's language, by block id."""
    return {child.id: child.value for child in page.criteria}


@juror_required
@never_cache
def score_project(request, pk):
    """A juror reads an accepted project's report and scores each criterion."""
    project = get_object_or_404(
        Project.objects.judged_by(request.user).select_related("theme", "club"), pk=pk
    )
    log_if_outside_the_family(request, project)
    theme = theme_in_language(project)
    criteria = jury.criteria_of(project.theme)
    scores = {score.criterion: score.points for score in project.scores.filter(juror=request.user)}
    published = ThemeResults.objects.filter(theme_id=project.theme_id).exists()
    locked = published or project.state != Project.State.ACCEPTED
    form = ScoreForm(
        request.POST if request.method == "POST" else None,
        criteria=criteria,
        words=criterion_words(theme),
        initial={criterion_field(key): points for key, points in scores.items()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            jury.record_scores(project, request.user, form.points())
        except ValidationError as error:
            form.attach(error)
        else:
            messages.success(
                request,
                _("Your scores for “%(title)s” are saved.") % {"title": project},
            )
            return redirect("projects:jury")
    files = list(project.files.all())
    report_files = [f for f in files if f.stage == Stage.REPORT and not f.question_key]
    context = {
        "project": project,
        "theme": theme,
        "first_names": [person.first_name for person in project.members.order_by("first_name")],
        "application_answers": answers_with_files(project.answers, files, Stage.APPLICATION),
        "report_answers": answers_with_files(project.report_answers, files, Stage.REPORT),
        "report_photos": [f for f in report_files if f.kind == ProjectFile.Kind.PHOTO],
        "report_attachments": [f for f in report_files if f.kind == ProjectFile.Kind.PDF],
        "form": form,
        "locked": locked,
        "published": published,
        "max_total": sum(criterion["max_points"] for criterion in criteria),
        "own_total": own_total(criteria, scores),
    }
    return render(request, "projects/jury/score.html", context)


def own_total(criteria, scores):
    """The juror's sum of points, once he has scored every criterion."""
    if not criteria or any(criterion["id"] not in scores for criterion in criteria):
        return None
    return sum(scores[criterion["id"]] for criterion in criteria)


# A theme's results ----------------------------------------------------------------------------


def _published(theme):
    return ThemeResults.objects.filter(theme=theme).select_related("published_by").first()


def _run(request, action, success):
    """Do a jury action; its refusal becomes an error message, its success a success one."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True


@coordinator_required
@never_cache
def theme_results(request, theme_pk):
    """A theme's ranking with each juror's progress; seat jurors; publish the results."""
    theme = services.source_theme(get_object_or_404(ProjectThemePage, pk=theme_pk))
    juror_form = JurorForm(request.POST if request.POST.get("action") == "assign" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "assign" and juror_form.is_valid():
            try:
                juror = jury.assign_juror(theme, juror_form.cleaned_data["email"], by=request.user)
            except ValidationError as error:
                attach_errors(juror_form, error)
            else:
                messages.success(
                    request,
                    _("%(email)s is now a juror of this theme.") % {"email": juror.user.email},
                )
                return redirect("projects:results", theme.pk)
        elif action == "remove":
            _run(
                request,
                lambda: jury.remove_juror(theme, _int(request.POST.get("juror")), by=request.user),
                _("The juror is removed from this theme."),
            )
            return redirect("projects:results", theme.pk)
        elif action == "publish":
            _run(
                request,
                lambda: jury.publish_results(theme, request.user),
                _("The results are published; the families have been e-mailed."),
            )
            return redirect("projects:results", theme.pk)
    jurors = jury.jurors_of(theme)
    groups = jury.ranking(theme, jurors=jurors)
    with_titles_in_language([theme])
    return render(
        request,
        "projects/jury/results.html",
        {
            "theme": theme,
            "jurors": jurors,
            "groups": groups,
            "progress": jury.juror_progress(groups, jurors),
            "has_criteria": bool(theme.criteria),
            "results": _published(theme),
            "juror_form": juror_form,
        },
    )


def _int(value):
    return int(value) if value and str(value).isdigit() else None
