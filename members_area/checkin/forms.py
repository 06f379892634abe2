from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.ids import PageChoiceField
from members_area.checkin import services
from members_area.clubs.models import Club


class EventChoiceField(PageChoiceField):
    def label_from_instance(self, event):
        start = timezone.localtime(event.start)
        return f"{event.title} ({start:%d.%m.%Y})"


class OpenDeskForm(forms.Form):
    event = EventChoiceField(
        label=_("Event"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the events in the list.")},
    )
    name = forms.CharField(
        label=_("Name of the desk"),
        max_length=60,
        initial=_("Desk"),
        help_text=_("E.g. Main gate or Table 2: it is shown in the attendance list."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = services.runnable_events(user)

    def clean_event(self):
        event = self.cleaned_data["event"]
        if not services.takes_checkins(event):
            raise forms.ValidationError(
                _("Check-in for this event opens 12 hours before its start."), code="not_yet"
            )
        return event


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Card code"),
        max_length=200,
        help_text=_("Scan the card with a scanner or type the code printed under the QR code."),
        error_messages={"required": _("Scan or type the card's code.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or member number"),
        min_length=2,
        max_length=100,
        error_messages={"min_length": _("Type at least two letters.")},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class UndoForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the check-in undone?"),
        max_length=200,
        help_text=_("E.g. scanned the wrong card; the member went home before the start."),
        error_messages={"required": _("Give the reason: it is kept with the list.")},
    )


class HostForm(forms.Form):
    club = forms.ModelChoiceField(
        label=_("Club"),
        queryset=Club.objects.active().order_by("name"),
        error_messages={"invalid_choice": _("Choose one of the clubs in the list.")},
    )
