"""Ids that visitors send, in addresses and in forms, past what the database holds.

Django checks a plain id against the database's integers, but not an id compared through a
link (a foreign key, or a page model's id, which is its link to Wagtail's Page): on SQLite,
`/…/99999999999999999999/` and such a choice in a form were server errors. Such an id names
nothing: a 404 for an address, an invalid choice in a form.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404

MAX_ID = 2**63 - 1  # the largest id the databases (SQLite, PostgreSQL's bigint) hold


def fits_database_id(value):
    """Whether an id can be looked up; text that is no number is the field's to refuse."""
    try:
        return abs(int(value)) <= MAX_ID
    except (TypeError, ValueError):
        return True


class IdsInRangeMiddleware:
    """An address whose number (`<int:…>`) is past the database's integers is not found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        numbers = [value for value in (*view_args, *view_kwargs.values()) if type(value) is int]
        if not all(fits_database_id(number) for number in numbers):
            raise Http404
        return None


class PageChoiceField(forms.ModelChoiceField):
    """A choice of a page (an event, an opportunity) by its id."""

    def to_python(self, value):
        if value not in self.empty_values and not fits_database_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class MultipleIdsChoiceField(forms.ModelMultipleChoiceField):
    """Several records chosen by id (people of a team, those who took part)."""

    def clean(self, value):
        for item in value if isinstance(value, list | tuple) else ():
            if not fits_database_id(item):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super().clean(value)
