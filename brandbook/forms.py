from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from brandbook import services
from brandbook.documents import check_svg_upload, document_to_store
from brandbook.models import MAX_QUANTITY
from home.validators import phone_number

QUANTITY_PREFIX = "quantity_"

single_line = RegexValidator(
    r"^[^\r\n\t\x00-\x1f]*$", _("Use one line without special characters."), code="single_line"
)


class PromoOrderForm(forms.Form):
    """A request for promotional materials: who asks, and how many of each item.

    Spam is kept out without a third-party service: a field people never see (a program
    filling in every field fills it too) and a signed note of when the form was shown
    (a program sends it at once; a form left open for a day is shown again).
    """

    name = forms.CharField(
        label=_("Your name"), max_length=120, validators=[single_line], widget=forms.TextInput()
    )
    organisation = forms.CharField(
        label=_("Club, school or organisation"), max_length=200, validators=[single_line]
    )
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=30,
        required=False,
        validators=[phone_number],
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E.g. the sizes of T-shirts, or when you need the materials."),
    )
    # The trap: hidden from people (and screen readers) by the template.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    SPAM_MESSAGES = {
        "invalid": _("The form could not be checked. Please fill it in and send it again."),
        "too_fast": _(
            "The form was sent faster than a person can fill it in. Please check it and "
            "send it again."
        ),
        "expired": _("The form was open for more than a day. Please check it and send it again."),
        "used": _("This request has already been sent. To send another one, open the page again."),
    }

    def __init__(self, data=None, *, page, items):
        super().__init__(data)
        self.page = page
        self.all_items = list(items)
        self.items = [item for item in self.all_items if item.orderable]
        message = _("Enter a whole number from 1 to %(max)s, or leave it empty.") % {
            "max": MAX_QUANTITY
        }
        for item in self.items:
            self.fields[f"{QUANTITY_PREFIX}{item.pk}"] = forms.IntegerField(
                label=item.shown.name,
                required=False,
                min_value=1,
                max_value=MAX_QUANTITY,
                error_messages={"invalid": message, "min_value": message, "max_value": message},
                widget=forms.NumberInput(attrs={"min": 1, "max": MAX_QUANTITY, "step": 1}),
            )
        for name in ("name", "organisation", "email", "phone"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "name": "name",
                "organisation": "organization",
                "email": "email",
                "phone": "tel",
            }[name]
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def quantity_field(self, item):
        return self[f"{QUANTITY_PREFIX}{item.pk}"]

    def with_quantity_fields(self):
        """(item, its quantity field or None) for the list: out-of-stock items have none."""
        return [
            (item, self.quantity_field(item) if item.orderable else None) for item in self.all_items
        ]

    def error_summary(self):
        """(message, the id of the field to fix or "") of every error, for the summary."""
        first_quantity = self.quantity_field(self.items[0]).id_for_label if self.items else ""
        summary = [
            (error.messages[0], first_quantity if error.code == "no_items" else "")
            for error in self.non_field_errors().as_data()
        ]
        for field in self:
            summary += [(f"{field.label}: {error}", field.id_for_label) for error in field.errors]
        return summary

    def contact_fields(self):
        return [self[name] for name in ("name", "organisation", "email", "phone", "message")]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(self.SPAM_MESSAGES["invalid"], code="spam")
        try:
            services.check_form_token(cleaned.get("started"), self.page.pk)
        except services.FormTokenError as error:
            raise ValidationError(self.SPAM_MESSAGES[error.kind], code=error.kind) from error
        quantity_errors = any(name.startswith(QUANTITY_PREFIX) for name in self.errors)
        if not quantity_errors and not self.ordered_items():
            raise ValidationError(
                _("Choose at least one item: enter how many you need next to it."),
                code="no_items",
            )
        if not self.errors:  # only a request that will be stored uses up its form
            try:
                services.use_form_token(cleaned.get("started"))
            except services.FormTokenError as error:
                raise ValidationError(self.SPAM_MESSAGES[error.kind], code=error.kind) from error
        return cleaned

    def ordered_items(self):
        """(item, quantity) of every item asked for."""
        found = []
        for item in self.items:
            quantity = self.cleaned_data.get(f"{QUANTITY_PREFIX}{item.pk}")
            if quantity:
                found.append((item, quantity))
        return found


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing SVG files that could run scripts, PDFs with scripts
    and files whose content is not what their name says; PNGs lose their metadata.

    Set as WAGTAILDOCS_DOCUMENT_FORM_BASE; every upload in the admin (one by one, several
    at once, from a chooser) goes through it.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            check_svg_upload(file)
            file = document_to_store(file)
        return file
