import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members_area.online.models import Announcement, Meeting


class MeetingForm(forms.ModelForm):
    """A meeting on one day, from a time to a time, in Latvia's time."""

    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends = forms.TimeField(
        label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    video_link = forms.URLField(
        label=Meeting._meta.get_field("video_link").verbose_name,
        help_text=Meeting._meta.get_field("video_link").help_text,
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Meeting
        fields = ["title", "date", "starts", "ends", "agenda", "video_link", "notes"]
        widgets = {
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "notes": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {"notes": _("Written after the meeting: what was done and decided.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            starts = timezone.localtime(self.instance.starts_at)
            self.initial.update(
                date=starts.date(),
                starts=starts.time(),
                ends=timezone.localtime(self.instance.ends_at).time(),
            )

    def clean(self):
        data = super().clean()
        day, starts, ends = data.get("date"), data.get("starts"), data.get("ends")
        if day and starts and ends:
            if ends <= starts:
                self.add_error("ends", _("The meeting must end after it starts."))
            else:
                moments = {name: in_latvia(day, data[name]) for name in ("starts", "ends")}
                for name, moment in moments.items():
                    if moment is None:
                        self.add_error(
                            name,
                            _(
                                "The clocks are moved forward that night: %(time)s does not "
                                "exist on this day. Choose another time."
                            )
                            % {"time": data[name].strftime("%H:%M")},
                        )
                if None not in moments.values():
                    self.instance.starts_at, self.instance.ends_at = moments.values()
        return data


def in_latvia(day, time):
    """The moment of a day and time in Latvia's time, or None when the clocks skip it (the
    spring night, 03:00–03:59): such a time would silently become an hour later."""
    naive = datetime.datetime.combine(day, time)
    zone = timezone.get_current_timezone()
    moment = timezone.make_aware(naive, zone)
    # Through UTC: astimezone() to the same zone would hand the moment back unchecked.
    if moment.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != naive:
        return None
    return moment


class AnnouncementForm(forms.ModelForm):
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("A PDF document (at most 10 MB) or a photo (at most 20 MB)."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,image/heic,image/heif"}
        ),
    )

    class Meta:
        model = Announcement
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
