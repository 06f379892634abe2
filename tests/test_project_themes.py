"""Project themes: this year's themes and their rules, past years, criteria, questions, API."""

import datetime
import html as html_module
import itertools
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Locale

from home.models import PriorityArea
from members_area.accounts.models import AgeGroup
from members_area.projects import demo_content as projects_demo
from members_area.projects import models as project_models
from members_area.projects.blocks import QuestionsBlock
from members_area.projects.models import AgeGroupsField, ProjectKind, ProjectThemePage

pytestmark = pytest.mark.django_db

YEAR = projects_demo.YEAR  # the demo's themes are of the year it was loaded in
TODAY = datetime.date(YEAR, 6, 1)
SLUG_NUMBERS = itertools.count()


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Every "is it open?" asks members_area.projects.models.today(): make it 1 June."""
    monkeypatch.setattr(project_models, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def index(pages):
    return pages["projekti"]


def lv(text):
    """An interface string as Latvian visitors read it (whether translated yet or not)."""
    with translation.override("lv"):
        return html_module.escape(str(_(text) if isinstance(text, str) else text), quote=False)


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def titles(html):
    found = re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', html)
    return [html_module.unescape(title) for title in found]


def cards(html):
    """Each theme card's HTML, by its title."""
    return {
        titles(card)[0]: card
        for card in re.findall(
            r'<article class="news-card project-theme-card">.*?</article>', html, re.S
        )
    }


def add_theme(index, title, areas=(), **fields):
    values = {
        "year": YEAR,
        "kind": "individual",
        "lead": f"{title}: īsi par tematu.",
        "age_groups": ["13-17"],
        "application_opens": datetime.date(YEAR, 1, 1),
        "application_closes": datetime.date(YEAR, 12, 1),
        "report_deadline": datetime.date(YEAR, 12, 31),
        **fields,
    }
    theme = ProjectThemePage(title=title, slug=f"temats-{next(SLUG_NUMBERS)}", **values)
    index.add_child(instance=theme)
    theme.priority_areas.set(areas)
    theme.save_revision().publish()
    return theme


# The index ------------------------------------------------------------------------------------


def test_index_lists_this_years_themes_with_their_state_and_rules(client, index):
    html = get(client, index.url)
    found = cards(html)
    assert set(found) == {
        "Mans biznesa sākums",
        "Dabas pētnieki",
        "Labie darbi pagastā",
        "Savs temats",
    }
    # 1 June: the group project's applications closed on 30 April, the others are open.
    assert lv("Applications closed") in found["Dabas pētnieki"]
    assert "project-status--closed" in found["Dabas pētnieki"]
    for title in ("Mans biznesa sākums", "Labie darbi pagastā", "Savs temats"):
        assert "project-status--open" in found[title], title
    assert lv(ProjectKind.LOCAL_INITIATIVE.label) in found["Labie darbi pagastā"]
    assert lv(AgeGroup.TEENS.label) in found["Labie darbi pagastā"]
    rules = ProjectThemePage.objects.get(slug=f"savs-temats-{YEAR}").rules_pdf
    assert f'href="{rules.url}"' in found["Savs temats"]
    assert lv("How to take part") in html
    assert "Iesniedz atskaiti" in html
    assert "Gudrais dārzs" not in html  # last year's


def test_a_theme_not_open_yet_says_when_it_opens(client, index, fixed_today):
    add_theme(index, "Rudens temats", application_opens=datetime.date(YEAR, 9, 1))
    card = cards(get(client, index.url))["Rudens temats"]
    assert "project-status--upcoming" in card


def test_past_years_are_listed_by_year(client, index):
    html = get(client, index.url)
    assert f'href="{index.url}?year={YEAR - 1}"' in html
    past = get(client, index.url, year=YEAR - 1)
    assert set(titles(past)) == {"Gudrais dārzs", "Otrreizējā doma"}
    # Each year's list is its own canonical page (on whatever address the site has).
    canonical = re.escape(f"{index.url}?year={YEAR - 1}")
    assert re.search(rf'<link rel="canonical" href="https?://[^"/]+{canonical}">', past)
    assert lv("How to take part") not in past
    for year in ("1999", "abc", str(YEAR + 5)):
        assert client.get(index.url, {"year": year}).status_code == 404


def test_unpublished_themes_are_not_listed(client, index):
    draft = add_theme(index, "Melnraksts")
    draft.unpublish()
    assert "Melnraksts" not in get(client, index.url)


# The theme page -------------------------------------------------------------------------------


def test_theme_page_shows_dates_criteria_and_questions(client, pages):
    theme = pages[f"labie-darbi-pagasta-{YEAR}"]
    html = get(client, theme.url)
    assert "Ieguvums kopienai" in html and "<td>40</td>" in html
    assert "<td>70</td>" in html  # total points: 20 + 40 + 10
    assert "Kāpēc tas vajadzīgs jūsu pagastam?" in html
    assert "Partneri" in html and "Pašvaldība, skola, uzņēmēji." in html
    assert "(cilvēki)" in html  # a number's unit
    assert "Labākā projekta fotogrāfija" in html  # a report question
    assert f'href="{theme.rules_pdf.url}"' in html
    assert "Pilsoniskā līdzdalība" in html


def test_a_past_theme_links_back_to_its_year(client, pages):
    theme = pages[f"gudrais-darzs-{YEAR - 1}"]
    html = get(client, theme.url)
    assert f'href="{pages["projekti"].url}?year={YEAR - 1}">{YEAR - 1}</a>' in html
    assert "project-status--closed" in html


def test_questions_as_plain_data(pages):
    theme = pages[f"mans-biznesa-sakums-{YEAR}"]
    assert theme.questions("application") == [
        {
            "key": "produkts",
            "kind": "short_text",
            "label": "Ko tu ražosi vai pārdosi?",
            "help_text": "",
            "required": True,
            "options": [],
            "unit": "",
        },
        {
            "key": "budzets",
            "kind": "number",
            "label": "Plānotie izdevumi",
            "help_text": "Materiāli, sēklas, iepakojums.",
            "required": True,
            "options": [],
            "unit": "EUR",
        },
        {
            "key": "pardosanas-vieta",
            "kind": "choice",
            "label": "Kur tu pārdosi?",
            "help_text": "",
            "required": True,
            "options": ["Tirdziņā", "Internetā", "Draugiem un kaimiņiem"],
            "unit": "",
        },
    ]
    assert [q["kind"] for q in theme.questions("report")] == ["number", "photo"]
    with pytest.raises(ValueError):
        theme.questions("jury")


def test_english_theme_has_english_words_and_the_same_facts(client, pages):
    latvian = pages[f"mans-biznesa-sakums-{YEAR}"]
    english = pages[f"en:mans-biznesa-sakums-{YEAR}"]
    html = get(client, english.url)
    assert "<h1>My first business</h1>" in html
    assert "Individual project" in html and "Where will you sell?" in html
    assert "Income and costs" in html and "Rural entrepreneurship" in html
    assert [q["key"] for q in english.questions("application")] == [
        q["key"] for q in latvian.questions("application")
    ]
    assert english.questions("application")[2]["options"] == [
        "At a market",
        "Online",
        "To friends and neighbours",
    ]
    index_html = get(client, pages["en:projekti"].url)
    assert "Good deeds in the parish" in index_html and "Applications closed" in index_html
    assert "How to take part" in index_html


def test_facts_in_the_streams_follow_the_latvian_page(pages):
    """Keys, points and "required" changed in Latvian reach English at once, words stay."""
    latvian = pages[f"dabas-petnieki-{YEAR}"]
    data = latvian.application_questions.raw_data
    data[0]["value"]["key"] = "ko-petisim"
    data[1]["value"]["required"] = False
    latvian.criteria.raw_data[0]["value"]["max_points"] = 25
    latvian.application_opens = datetime.date(YEAR, 2, 15)
    latvian.save_revision().publish()

    english = ProjectThemePage.objects.get(pk=pages[f"en:dabas-petnieki-{YEAR}"].pk)
    questions = english.questions("application")
    assert [q["key"] for q in questions] == ["ko-petisim", "pirmais-merijums"]
    assert questions[0]["label"] == "What will you research?"
    assert questions[1]["required"] is False
    assert english.criteria[0].value["max_points"] == 25
    assert english.criteria[0].value["name"] == "Goal and plan"
    assert english.application_opens == datetime.date(YEAR, 2, 15)


# Validation -----------------------------------------------------------------------------------


def question(key, kind="short_text"):
    return {"type": kind, "value": {"key": key, "label": f"Jautājums {key}", "required": True}}


def test_a_question_key_used_twice_is_refused():
    block = QuestionsBlock()
    value = block.to_python([question("raza"), question("cena", "number"), question("raza")])
    with pytest.raises(StreamBlockValidationError) as caught:
        block.clean(value)
    error = caught.value
    assert 2 in error.block_errors and 0 not in error.block_errors
    assert "raza" in str(error.non_block_errors.as_data()[0].message)
    assert "raza" in str(error.block_errors[2].block_errors["key"].message)

    assert len(block.clean(block.to_python([question("raza"), question("cena")]))) == 2


def test_a_question_key_must_be_a_slug():
    block = QuestionsBlock()
    with pytest.raises(StreamBlockValidationError):
        block.clean(block.to_python([question("Ražas svars!")]))


def test_dates_in_the_wrong_order_are_refused_with_clear_messages(pages):
    theme = pages[f"savs-temats-{YEAR}"]
    theme.application_opens = datetime.date(YEAR, 5, 1)
    theme.application_closes = datetime.date(YEAR, 4, 1)
    theme.report_deadline = datetime.date(YEAR, 3, 1)
    with pytest.raises(ValidationError) as caught:
        theme.clean()
    with translation.override("en"):  # the messages are translated when shown
        errors = caught.value.message_dict
        assert errors["application_closes"] == [
            "Applications cannot close before they open: choose a later closing date."
        ]
        assert errors["report_deadline"] == [
            "The report deadline cannot be before applications close."
        ]
    with translation.override("lv"):
        assert caught.value.message_dict["application_closes"] == [
            "Pieteikšanās nevar beigties, pirms tā sākusies: izvēlies vēlāku beigu datumu."
        ]

    theme.application_closes = theme.report_deadline = datetime.date(YEAR, 5, 1)
    theme.clean()  # the same day is allowed


def test_age_groups_accept_only_known_groups(pages):
    theme = pages[f"savs-temats-{YEAR}"]
    field = ProjectThemePage._meta.get_field("age_groups")
    assert isinstance(field, AgeGroupsField)
    with pytest.raises(ValidationError):
        field.validate(["13-17", "99-100"], theme)
    form_field = field.formfield()
    assert form_field.clean(["18-25", "5-9"]) == ["18-25", "5-9"]
    with pytest.raises(ValidationError):
        form_field.clean(["nav"])
    theme.age_groups = ["18-25", "5-9", "5-9"]
    theme.save()
    theme.refresh_from_db()
    assert theme.age_groups == ["5-9", "18-25"]  # the groups' own order, once each


# Performance and API --------------------------------------------------------------------------


def test_index_query_budget_does_not_grow_with_themes(
    client, index, django_assert_max_num_queries, django_assert_num_queries
):
    get(client, index.url)
    with django_assert_max_num_queries(20) as before:
        get(client, index.url)
    count = len(before)  # read now: the next request resets Django's query log
    for number in range(5):
        add_theme(
            index,
            f"Papildu temats {number}",
            areas=PriorityArea.objects.filter(locale__language_code="lv")[:2],
        )
    get(client, index.url)
    with django_assert_num_queries(count):
        html = get(client, index.url)
    assert len(titles(html)) == 9
    english = Locale.objects.get(language_code="en")
    english_url = index.get_translation(english).url
    get(client, english_url)
    with django_assert_max_num_queries(20):
        get(client, english_url)


def test_theme_page_query_budget(client, pages, django_assert_max_num_queries):
    url = pages[f"mans-biznesa-sakums-{YEAR}"].url
    get(client, url)
    with django_assert_max_num_queries(20):
        get(client, url)


def test_api_lists_themes_with_their_fields(client, pages, django_assert_max_num_queries):
    params = {
        "type": "projects.ProjectThemePage",
        "fields": "year,kind,age_groups,priority_areas,application_opens,application_closes,"
        "report_deadline,is_open_for_applications,rules_pdf,criteria,application_questions,"
        "report_questions",
        "locale": "en",
    }
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    assert len(items) == 6
    theme = items["Good deeds in the parish"]
    assert theme["year"] == YEAR
    assert theme["kind"] == {"value": "local-initiative", "label": "Local initiative"}
    assert theme["age_groups"] == [
        {"value": "13-17", "label": "13–17 years"},
        {"value": "18-25", "label": "18–25 years"},
    ]
    assert {area["slug"] for area in theme["priority_areas"]} == {
        "pilsoniska-lidzdaliba",
        "lauku-attistiba",
    }
    assert theme["is_open_for_applications"] is True
    assert theme["rules_pdf"]["url"].endswith(".pdf")
    assert theme["criteria"][1]["value"]["max_points"] == 40
    assert theme["application_questions"][0]["key"] == "kopienas-vajadziba"
    assert theme["application_questions"][0]["label"] == "Why does your parish need it?"
    assert theme["report_questions"][0]["kind"] == "photo"

    with django_assert_max_num_queries(14):
        client.get("/api/v2/pages/", {**params, "locale": "lv"})

    response = client.get("/api/v2/pages/", {"type": "projects.ProjectIndexPage", "fields": "*"})
    assert response.status_code == 200
    assert {item["title"] for item in response.json()["items"]} == {"Projekti", "Projects"}


# The editors' side -----------------------------------------------------------------------------


def theme_form_data(index, application_questions):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": "Jauns temats",
            "slug": "jauns-temats",
            "lead": "Īsi par jauno tematu.",
            "year": str(YEAR),
            "kind": "group",
            "application_opens": f"{YEAR}-02-01",
            "application_closes": f"{YEAR}-03-01",
            "report_deadline": f"{YEAR}-09-01",
            "body": streamfield([]),
            "criteria": streamfield(
                [("criterion", {"name": "Ideja", "description": "", "max_points": "15"})]
            ),
            "application_questions": streamfield(application_questions),
            "report_questions": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    data["age_groups"] = ["10-12", "13-17"]
    return data


def short_question(key):
    return (
        "short_text",
        {"key": key, "label": f"Jautājums {key}", "help_text": "", "required": "on"},
    )


def test_editors_make_a_theme_in_the_admin_and_duplicate_keys_are_refused(
    client, coordinator, index
):
    from django.urls import reverse

    client.force_login(coordinator)
    url = reverse("wagtailadmin_pages:add", args=["projects", "projectthemepage", index.pk])
    assert client.get(url).status_code == 200

    data = theme_form_data(index, [short_question("ideja"), short_question("ideja")])
    response = client.post(url, data)
    assert response.status_code == 200
    with translation.override("lv"):
        message = _("Each question needs its own key; used more than once: %(keys)s.") % {
            "keys": "ideja"
        }
    page = html_module.unescape(response.content.decode())
    # Wagtail hands stream errors to its editor as JSON (non-ASCII letters \u-escaped).
    assert message in page or json.dumps(message)[1:-1] in page
    assert not ProjectThemePage.objects.filter(slug="jauns-temats").exists()

    data = theme_form_data(index, [short_question("ideja"), short_question("komanda")])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    theme = ProjectThemePage.objects.get(slug="jauns-temats", locale=index.locale)
    assert theme.live and theme.age_groups == ["10-12", "13-17"]
    assert [q["key"] for q in theme.questions("application")] == ["ideja", "komanda"]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[theme.pk])).content.decode()
    ticked = re.findall(r'<input[^>]*name="age_groups"[^>]*value="([^"]+)"[^>]*checked', edit)
    assert ticked == ["10-12", "13-17"]
