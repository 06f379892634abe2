"""Checks of what visitors type, shared by the site's forms."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

phone_number = RegexValidator(
    r"^\+?[0-9 ()-]{6,25}$", _("Enter a phone number, e.g. +371 20000000.")
)
