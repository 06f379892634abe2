"""Project themes: what youths may do a project on this year, its rules and questions.

A theme is a Wagtail page per theme and year under the projects index. Editors define its
evaluation criteria and the extra questions of its application and report (see blocks.py);
applications and reports (later) copy `questions(stage)` into their answers, so editing a
theme never changes what an old answer meant.

Whether a theme takes applications is never stored: it is read from its dates and today's
date in Riga on every request.
"""

import copy
import os
import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyStreamBlock
from home.models import (
    PriorityArea,
    SectionIndexPage,
    SharedWithTranslationsMixin,
    in_default_language,
)
from home.serializers import (
    DocumentFileField,
    LocalizedTermsField,
    localized_rich_text,
    localized_stream,
)
from members_area.accounts.models import AgeGroup, Person
from members_area.projects.blocks import CriteriaBlock, QuestionsBlock, question_dict
from members_area.projects.serializers import (
    AgeGroupsSerializer,
    LocalizedChoiceField,
    QuestionsSerializer,
)

FIRST_YEAR = 2000
LAST_YEAR = 2200

STAGES = {"application": "application_questions", "report": "report_questions"}
# In the editors' streams, the words a translator translates; everything else (keys, kinds,
# points, "required") is a fact and always the Latvian page's.
STREAM_TEXT_FIELDS = ("name", "description", "label", "help_text", "unit", "options")


def today():
    """Today in Riga (settings.TIME_ZONE): every "is it open?" asks here, so tests can set it."""
    return timezone.localdate()


def current_year():
    return today().year


class ProjectKind(models.TextChoices):
    # Values appear in the API, the same in both languages.
    INDIVIDUAL = "individual", _("Individual project")
    GROUP = "group", _("Group project")
    LOCAL_INITIATIVE = "local-initiative", _("Local initiative")
    OWN_THEME = "own-theme", _("Own theme")


class AgeGroupsField(models.JSONField):
    """A list of AgeGroup values (["10-12", "13-17"]), ticked as checkboxes.

    JSON keeps it one column on SQLite and PostgreSQL alike; the lists are short and read
    whole, so nothing needs to query inside them.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=AgeGroup.choices,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = set(AgeGroup.values)
        if not isinstance(value, list) or any(item not in known for item in value):
            raise ValidationError(_("Choose age groups from the list."), code="invalid_choice")

    def pre_save(self, model_instance, add):
        # Always in the groups' own order, without repeats.
        value = getattr(model_instance, self.attname) or []
        ordered = [group for group in AgeGroup.values if group in value]
        setattr(model_instance, self.attname, ordered)
        return ordered


class ProjectThemePageQuerySet(PageQuerySet):
    def of_year(self, year):
        return self.filter(year=year)

    def open_for_applications(self):
        day = today()
        return self.filter(application_opens__lte=day, application_closes__gte=day)

    def in_list_order(self):
        return self.order_by("application_closes", "title", "pk")


ProjectThemePageManager = PageManager.from_queryset(ProjectThemePageQuerySet)


class ProjectIndexPage(SectionIndexPage):
    """The projects section: this year's themes and how to take part; past years by year."""

    how_to_take_part = RichTextField(
        _("how to take part"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("Steps from choosing a theme to defending the project at the forum."),
    )

    content_panels = [*SectionIndexPage.content_panels, FieldPanel("how_to_take_part")]
    search_fields = [*SectionIndexPage.search_fields, index.SearchField("how_to_take_part")]
    api_fields = [
        *SectionIndexPage.api_fields,
        APIField("how_to_take_part", serializer=localized_rich_text()),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectThemePage"]
    # One projects section per language tree (each home has one).
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("projects index")

    def themes(self):
        """The live, public themes of this section, of every year."""
        return ProjectThemePage.objects.child_of(self).live().public()

    def years(self):
        """The years that have themes, newest first (this year always among them)."""
        years = set(self.themes().order_by().values_list("year", flat=True).distinct())
        years.add(current_year())
        return sorted(years, reverse=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        this_year = current_year()
        years = self.years()
        year = this_year
        asked = request.GET.get("year")
        if asked is not None:
            # A year with no themes is not a page of its own: no endless empty archive.
            if not asked.isdigit() or int(asked) not in years:
                raise Http404
            year = int(asked)
        themes = list(
            self.themes()
            .of_year(year)
            .in_list_order()
            .select_related("rules_pdf")
            .prefetch_related("priority_areas")
        )
        attach_translated_areas(themes, self.locale_id)
        context.update(
            {
                "themes": themes,
                "year": year,
                "this_year": this_year,
                "is_this_year": year == this_year,
                "other_years": [other for other in years if other != year],
                "canonical_url": self.get_full_url(request)
                + ("" if year == this_year else f"?year={year}"),
            }
        )
        return context


def attach_translated_areas(themes, locale_id):
    """Each theme's priority areas named in the page's language, in one query for all."""
    areas = {area for theme in themes for area in theme.priority_areas.all()}
    named = dict(
        zip(
            areas,
            PriorityArea.objects.translated_for(list(areas), locale_id),
            strict=True,
        )
    )
    for theme in themes:
        theme.areas_in_language = [named[area] for area in theme.priority_areas.all()]


class ProjectThemePage(SharedWithTranslationsMixin, Page):
    """One project theme of one year: for whom, its rules, when to apply and report, how it
    is scored and what the application and the report ask besides the usual."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        default=current_year,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ProjectKind.choices)
    priority_areas = ParentalManyToManyField(
        PriorityArea,
        verbose_name=_("priority areas"),
        blank=True,
        related_name="project_theme_pages",
        limit_choices_to=in_default_language,
    )
    age_groups = AgeGroupsField(
        _("age groups"), help_text=_("Who may take part. None ticked: every age group.")
    )
    lead = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences: shown in lists and when shared."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    rules_pdf = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("rules (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The theme's rules (nolikums) as a PDF."),
    )
    application_opens = models.DateField(_("applications open"))
    application_closes = models.DateField(
        _("applications close"),
        help_text=_("The last day to apply: open until the end of this day, Riga time."),
    )
    report_deadline = models.DateField(_("report deadline"))
    criteria = StreamField(CriteriaBlock(), verbose_name=_("evaluation criteria"), blank=True)
    application_questions = StreamField(
        QuestionsBlock(),
        verbose_name=_("extra application questions"),
        blank=True,
        help_text=_("Asked in the application besides the title, goal, plan and team."),
    )
    report_questions = StreamField(
        QuestionsBlock(),
        verbose_name=_("extra report questions"),
        blank=True,
        help_text=_("Asked in the report besides what was done and learnt."),
    )

    objects = ProjectThemePageManager()

    # Facts follow the Latvian page at once (see SharedWithTranslationsMixin); the facts
    # inside the streams (keys, kinds, points) too, by share_with_translations below.
    fields_shared_with_translations = (
        "year",
        "kind",
        "application_opens",
        "application_closes",
        "report_deadline",
        "age_groups",
        "priority_areas",
    )
    override_translatable_fields = [
        SynchronizedField("priority_areas"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("year", overridable=False),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("kind")]),
                FieldPanel("age_groups"),
                FieldPanel("priority_areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("The theme"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("application_opens"), FieldPanel("application_closes")]),
                FieldPanel("report_deadline"),
                FieldPanel("rules_pdf"),
            ],
            heading=_("Dates and rules"),
        ),
        FieldPanel("body"),
        FieldPanel("criteria"),
        FieldPanel("application_questions"),
        FieldPanel("report_questions"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("year"),
        index.FilterField("kind"),
    ]

    api_fields = [
        APIField("lead"),
        APIField("year"),
        APIField("kind", serializer=LocalizedChoiceField()),
        APIField("age_groups", serializer=AgeGroupsSerializer()),
        APIField("priority_areas", serializer=LocalizedTermsField()),
        APIField("application_opens"),
        APIField("application_closes"),
        APIField("report_deadline"),
        APIField("is_open_for_applications"),
        APIField("rules_pdf", serializer=DocumentFileField()),
        APIField("body", serializer=localized_stream()),
        APIField("criteria", serializer=localized_stream()),
        APIField("application_questions", serializer=QuestionsSerializer("application")),
        APIField("report_questions", serializer=QuestionsSerializer("report")),
    ]
    api_select_related = ["rules_pdf"]
    api_prefetch_related = ["priority_areas"]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project theme")
        verbose_name_plural = _("project themes")

    def clean(self):
        super().clean()
        errors = {}
        opens, closes = self.application_opens, self.application_closes
        if opens and closes and closes < opens:
            errors["application_closes"] = _(
                "Applications cannot close before they open: choose a later closing date."
            )
        if closes and self.report_deadline and self.report_deadline < closes:
            errors["report_deadline"] = _(
                "The report deadline cannot be before applications close."
            )
        if errors:
            raise ValidationError(errors)

    # What is shown ------------------------------------------------------------------------

    @property
    def is_open_for_applications(self):
        """Applications accepted: today (in Riga) is between the opening and closing days."""
        if self.application_opens is None or self.application_closes is None:
            return False
        return self.application_opens <= today() <= self.application_closes

    @property
    def applications_not_open_yet(self):
        return self.application_opens is not None and today() < self.application_opens

    @property
    def closes_today(self):
        return self.application_closes == today()

    def get_age_groups_display(self):
        labels = dict(AgeGroup.choices)
        return [labels[group] for group in self.age_groups if group in labels]

    def total_points(self):
        return sum(child.value["max_points"] for child in self.criteria)

    def questions(self, stage):
        """The extra questions of "application" or "report" as plain dicts:
        {key, kind, label, help_text, required, options, unit}, in order."""
        if stage not in STAGES:
            raise ValueError(f"Unknown stage {stage!r}: use one of {', '.join(STAGES)}.")
        return [question_dict(child) for child in getattr(self, STAGES[stage])]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attach_translated_areas([self], self.locale_id)
        context["priority_areas"] = self.areas_in_language
        context["project_index"] = self.get_parent().specific
        context["this_year"] = current_year()
        context["application_questions"] = self.questions("application")
        context["report_questions"] = self.questions("report")
        from members_area.projects.jury import public_results  # jury.py imports this module

        context["forum_results"] = public_results(self)
        return context

    # Translations -------------------------------------------------------------------------

    def share_with_translations(self):
        """The facts in the streams too: a translation has the Latvian page's criteria and
        questions (keys, kinds, points, required, order), with its own words where it has them
        (for a block new in Latvian, the Latvian words until it is translated)."""
        super().share_with_translations()
        model = type(self)
        default = Locale.get_default()
        versions = model.objects.filter(translation_key=self.translation_key, alias_of=None)
        source = self if self.locale_id == default.pk else versions.filter(locale=default).first()
        if source is None or not source.live:
            return
        names = ("criteria", *STAGES.values())
        for version in versions.exclude(pk=source.pk):
            changed = []
            for name in names:
                wanted = merge_stream_words(
                    getattr(source, name).raw_data, getattr(version, name).raw_data
                )
                if wanted != list(getattr(version, name).raw_data):
                    setattr(version, name, wanted)
                    changed.append(name)
            if changed:
                version.save(clean=False, update_fields=changed)


def merge_stream_words(source_blocks, translated_blocks):
    """The source's blocks, with a translation's words for the blocks it has (by id)."""
    translated = {block.get("id"): block for block in translated_blocks}
    merged = []
    for block in source_blocks:
        block = copy.deepcopy(dict(block))
        other = translated.get(block.get("id"))
        if other is not None and other["type"] == block["type"]:
            for name in STREAM_TEXT_FIELDS:
                if name not in block["value"] or name not in other["value"]:
                    continue
                if name == "options":
                    block["value"][name] = merge_list_words(
                        block["value"][name], other["value"][name]
                    )
                else:
                    block["value"][name] = other["value"][name]
        merged.append(block)
    return merged


def merge_list_words(source_items, translated_items):
    translated = {item.get("id"): item for item in translated_items if isinstance(item, dict)}
    merged = []
    for item in source_items:
        if isinstance(item, dict) and item.get("id") in translated:
            item = {**item, "value": translated[item["id"]]["value"]}
        merged.append(item)
    return merged


# Projects: applications, reports and the jury -----------------------------------------------
#
# A project belongs to one theme (its Latvian page), one club and one year. The application and
# the report are two stages of the same record; every change of state is kept as a
# ProjectStateChange (who, when, why). Rules of who may do what live in services.py.


def project_file_path(project_file, filename):
    # Under people/: never served by the web server, only through a view that checks access.
    extension = os.path.splitext(filename)[1].lower()
    return f"people/projects/{secrets.token_hex(16)}{extension}"


class ProjectQuerySet(models.QuerySet):
    def counted(self):
        """Projects the strategy counts: every one past its draft."""
        return self.exclude(state=Project.State.DRAFT)

    def of_year(self, year):
        return self.filter(year=year)

    def of_family(self, user):
        """Projects the login works on: its family's, and those it started."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=self._family_project_ids(user))

    def managed_by(self, user):
        """Projects a login reviews: its clubs' (leaders); every one (coordinators)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_coordinator:
            return self.all()
        return self.filter(club_id__in=user.led_club_ids())

    def visible_to(self, user):
        """Whom a project may be shown to: its family, its club's leaders, coordinators."""
        if not user.is_authenticated:
            return self.none()
        if user.is_coordinator:
            return self.all()
        return self.filter(
            models.Q(pk__in=self._family_project_ids(user))
            | models.Q(club_id__in=user.led_club_ids())
        )

    def _family_project_ids(self, user):
        """The family's projects and those the login started, as one subquery: an OR across
        the members' join made PostgreSQL read every project (50 ms at 5,000 projects)."""
        family = Person.objects.of_family(user)
        members = Project.members.through.objects.filter(person__in=family)
        started = Project.objects.filter(created_by=user)
        return members.order_by().values("project_id").union(started.order_by().values("pk"))

    def judged_by(self, user):
        """Accepted (and scored) projects of the themes a login is a juror of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            theme__jurors__user=user,
            state__in=[Project.State.ACCEPTED, Project.State.SCORED],
        ).distinct()


class Project(models.Model):
    """A youth's or a group's project of one year: application, report, jury's scores."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned for changes")
        APPROVED = "approved", _("approved")
        REPORT_DRAFT = "report-draft", _("report in progress")
        REPORT_SUBMITTED = "report-submitted", _("report submitted")
        REPORT_RETURNED = "report-returned", _("report returned for changes")
        ACCEPTED = "accepted", _("report accepted")
        SCORED = "scored", _("scored")

    theme = models.ForeignKey(
        ProjectThemePage,
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="projects",
        help_text=_("The theme's Latvian page: translations share its projects."),
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ProjectKind.choices)
    club = models.ForeignKey(
        "clubs.Club", verbose_name=_("club"), on_delete=models.PROTECT, related_name="projects"
    )
    members = models.ManyToManyField(
        Person, verbose_name=_("team"), related_name="projects", blank=True
    )
    # The age group the project competes in: the oldest member's, fixed when it is submitted.
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, blank=True
    )

    title = models.CharField(_("title"), max_length=200, blank=True)
    goal = models.TextField(_("goal"), blank=True)
    plan = models.TextField(_("plan"), blank=True)
    timeline = models.TextField(_("timeline"), blank=True)
    # [{"question": {key, kind, label, ...}, "value": ...}]: a copy of each question answered.
    answers = models.JSONField(_("answers"), default=list, blank=True)

    report_done = models.TextField(_("what was done"), blank=True)
    report_learnt = models.TextField(_("what was learnt"), blank=True)
    report_answers = models.JSONField(_("report answers"), default=list, blank=True)
    report_late_until = models.DateField(
        _("late report allowed until"),
        null=True,
        blank=True,
        help_text=_("Set by a coordinator: the report may be submitted after the deadline."),
    )

    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    state_changed_at = models.DateTimeField(_("state changed"), default=timezone.now)
    submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The language the family wrote in: its e-mails are sent in it.
    language = models.CharField(_("language"), max_length=10, default="lv")

    # Set when the theme's results are published.
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    place = models.PositiveSmallIntegerField(_("place"), null=True, blank=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "title", "pk"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [models.Index(fields=["year", "state"])]

    def __str__(self):
        return self.title or gettext("Untitled project")

    @property
    def is_group(self):
        return self.kind in (ProjectKind.GROUP, ProjectKind.LOCAL_INITIATIVE)

    @property
    def application_editable(self):
        return self.state in (self.State.DRAFT, self.State.RETURNED)

    @property
    def report_editable(self):
        return self.state in (
            self.State.APPROVED,
            self.State.REPORT_DRAFT,
            self.State.REPORT_RETURNED,
        )

    @property
    def has_report(self):
        return self.state in (
            self.State.REPORT_SUBMITTED,
            self.State.ACCEPTED,
            self.State.SCORED,
        ) or (self.report_editable and bool(self.report_done or self.report_learnt))

    def report_deadline(self):
        """The theme's deadline, or a coordinator's later date for this project."""
        deadline = self.theme.report_deadline
        if self.report_late_until and self.report_late_until > deadline:
            return self.report_late_until
        return deadline

    def report_is_late(self, day=None):
        return (day or today()) > self.report_deadline()


class ProjectStateChange(models.Model):
    """One step of a project's life: from which state to which, who, when and why."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="changes")
    from_state = models.CharField(_("from"), max_length=20, choices=Project.State.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=Project.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("project state change")
        verbose_name_plural = _("project state changes")

    def __str__(self):
        return f"{self.project_id}: {self.from_state} → {self.to_state}"


class ProjectFile(models.Model):
    """A photo or a PDF of an application or a report, checked by content when uploaded."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("photo")
        PDF = "pdf", _("PDF")

    class Stage(models.TextChoices):
        APPLICATION = "application", _("application")
        REPORT = "report", _("report")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="files")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    # The theme question it answers; blank for a report's own photos and attachments.
    question_key = models.CharField(_("question"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=project_file_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("project file")
        verbose_name_plural = _("project files")

    def __str__(self):
        return self.original_name


class Juror(models.Model):
    """A login that scores the accepted projects of one theme at the project forum."""

    theme = models.ForeignKey(
        ProjectThemePage,
        verbose_name=_("theme"),
        on_delete=models.CASCADE,
        related_name="jurors",
        limit_choices_to=in_default_language,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juror"),
        on_delete=models.CASCADE,
        related_name="juror_of",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["theme", "user__email"]
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        constraints = [
            models.UniqueConstraint(fields=["theme", "user"], name="one_juror_seat_per_theme")
        ]

    def __str__(self):
        return f"{self.user} – {self.theme}"


class Score(models.Model):
    """One juror's points for one criterion of one project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_scores"
    )
    # The criterion's block id in the theme's stream, and its name and maximum when scored.
    criterion = models.CharField(max_length=64)
    criterion_name = models.CharField(max_length=200)
    max_points = models.PositiveSmallIntegerField()
    points = models.PositiveSmallIntegerField(_("points"))
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "juror", "criterion"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(points__lte=models.F("max_points")),
                name="points_within_maximum",
            ),
        ]

    def __str__(self):
        return f"{self.project_id} {self.criterion_name}: {self.points}"


class ThemeResults(models.Model):
    """A theme's published forum results: who published them and when."""

    theme = models.OneToOneField(ProjectThemePage, on_delete=models.CASCADE, related_name="results")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("published results")
        verbose_name_plural = _("published results")

    def __str__(self):
        return str(self.theme)
