"""A refused form says what is wrong twice: at the top, and next to each field.

Every form of the fuzzing registry (tests/test_fuzz_forms.py) that a page shows is sent with
everything a person types left empty and no choice ticked. Where the view shows the form again
with errors, the page must have the summary (a `role="alert"` list at the top, before the first
field in error, each field's message linking to that field, or to a group's first choice) and
the same message beside the field, tied to it with `aria-describedby` so that a screen reader
reads it with the field; no id twice.
"""

import re
from html import escape

import pytest

from tests.test_fuzz_forms import FORMS, attempt, baseline, payload, prepare, write_models

pytestmark = pytest.mark.django_db

TYPED = {"text", "email", "textarea", "number", "date", "tel", "url", "password", "search"}
TYPED |= {"time", "datetime-local", "month", "file"}

SHOWN = sorted(
    name for name, form in FORMS.items() if form.method == "post" and form.fields is None
)


def refused_forms(response):
    """The bound forms with errors the page was rendered with."""
    found = {}
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else ():
            bound = getattr(value, "is_bound", False) and hasattr(value, "fields")
            if bound and getattr(value, "errors", None):
                found[id(value)] = value
    return list(found.values())


def describedby(html, auto_id):
    tag = re.search(rf'<(?:input|select|textarea|fieldset)[^>]*\bid="{auto_id}"[^>]*>', html)
    if tag is None:  # a group of radio buttons or checkboxes: the fieldset names them
        tag = re.search(rf'<fieldset[^>]*aria-describedby="[^"]*{auto_id}_error\b[^>]*>', html)
    if tag is None:
        return []
    found = re.search(r'aria-describedby="([^"]*)"', tag.group(0))
    return found.group(1).split() if found else []


@pytest.mark.parametrize("name", SHOWN)
def test_a_refused_form_shows_its_errors_at_the_top_and_beside_each_field(
    name, client, world, pages
):
    form = FORMS[name]
    ctx, url, fields = prepare(name, form, client, world, pages)
    chosen = baseline(ctx, form, fields)
    emptied = {key: [""] for key, spec in fields.items() if spec.kind in TYPED}
    emptied |= {key: [] for key, spec in fields.items() if spec.kind in ("radio", "checkbox")}
    response = attempt(ctx, name, form, url, payload(chosen, emptied), write_models(form))
    if response.status_code in (301, 302, 303):
        pytest.skip(f"{name}: nothing to type, or refused with a message elsewhere")
    assert response.status_code in (200, 400), (name, response.status_code)
    html = response.content.decode()
    refused = refused_forms(response)
    assert refused, f"{name}: shown again without an error"
    assert 'id="form-errors"' in html, f"{name}: no error summary"
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert sorted({i for i in ids if ids.count(i) > 1}) == [], f"{name}: an id used twice"
    summary = html.split('id="form-errors"', 1)[1].split("</div>", 1)[0]
    for refused_form in refused:
        for field_name, errors in refused_form.errors.items():
            if field_name == "__all__" or field_name not in refused_form.fields:
                for error in errors:
                    assert escape(error) in summary, (name, error)
                continue
            bound = refused_form[field_name]
            if bound.is_hidden:
                continue
            auto_id = bound.auto_id
            target = bound.id_for_label or f"{auto_id}_0"  # a group of choices: its first
            assert f'href="#{target}"' in summary, (name, field_name, "not linked")
            assert f'id="{target}"' in html, (name, field_name, "links to nothing")
            position = html.find(f'id="{target}"')
            assert html.find('id="form-errors"') < position, (name, field_name, "summary below")
            ids = describedby(html, auto_id)
            beside = [i for i in ids if f'id="{i}"' in html]
            assert beside, (name, field_name, "the message is not tied to the field")
            for error in errors:
                assert escape(error) in summary, (name, field_name, error)
                assert any(escape(error) in html.split(f'id="{i}"', 1)[1][:2000] for i in beside), (
                    name,
                    field_name,
                    error,
                    "not beside the field",
                )
