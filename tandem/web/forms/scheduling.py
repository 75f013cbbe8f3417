"""Forms for practitioners' calendars and for booking, moving and cancelling visits.

They parse what was typed; the rules (windows, who is free, who covers the area) are in
tandem.scheduling.services, whose field errors come back through `add_service_errors`.
"""

from datetime import date, datetime, time

from django import forms
from django.core.exceptions import ValidationError

from tandem.scheduling.models import Weekday
from tandem.scheduling.services.intervals import local_zone
from tandem.web.forms.fields import NhsDateField, TimeField
from tandem.web.forms.records import ServiceForm, VersionedForm

OTHER_TIME = "other"


def local_datetime(day: date | None, at: time | None) -> datetime | None:
    if day is None or at is None:
        return None
    return datetime.combine(day, at, tzinfo=local_zone())


def _reason_field(label: str, noun: str, *, required: bool = True, hint: str = ""):
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": f"Enter {noun}",
            "max_length": f"The {noun.removeprefix('why ')} must be 2000 characters or fewer",
        },
    )


def _outside_window_field():
    return _reason_field(
        "Reason for booking outside the pathway window",
        "the reason for booking outside the window",
        required=False,
        hint="Only if the visit cannot happen inside the window. The visit will be flagged.",
    )


# --- Calendars ----------------------------------------------------------------------------


class WorkingHoursForm(ServiceForm):
    weekday = forms.TypedChoiceField(
        label="Day of the week",
        choices=[("", "Choose a day")] + [(str(v), label) for v, label in Weekday.choices],
        coerce=int,
        error_messages={
            "required": "Choose the day of the week",
            "invalid_choice": "Choose the day of the week",
        },
    )
    starts = TimeField(label="Starts at", noun="the time she starts", help_text="For example, 9:00")
    ends = TimeField(
        label="Finishes at", noun="the time she finishes", help_text="For example, 17:00"
    )
    valid_from = NhsDateField(label="From", noun="the date these hours start from")
    valid_to = NhsDateField(
        label="Until (optional)",
        noun="the last date of these hours",
        required=False,
        help_text="Leave empty if these are her hours until further notice",
    )


class BusyPeriodForm(ServiceForm):
    starts_on = NhsDateField(label="Date it starts", noun="the date it starts")
    starts = TimeField(
        label="Time it starts", noun="the time it starts", help_text="For example, 9:00"
    )
    ends_on = NhsDateField(
        label="Date it ends (optional)",
        noun="the date it ends",
        required=False,
        help_text="Leave empty if it ends on the day it starts",
    )
    ends = TimeField(label="Time it ends", noun="the time it ends", help_text="For example, 12:30")
    service_field_names = {"starts_at": "starts", "ends_at": "ends"}

    def period(self) -> tuple[datetime | None, datetime | None]:
        data = self.cleaned_data
        starts_on = data.get("starts_on")
        return (
            local_datetime(starts_on, data.get("starts")),
            local_datetime(data.get("ends_on") or starts_on, data.get("ends")),
        )


class CalendarImportForm(ServiceForm):
    ics_file = forms.FileField(
        label="Calendar file (.ics)",
        help_text="Export it from your calendar app. Only the times are kept: "
        "no titles, places or notes.",
        error_messages={
            "required": "Choose a calendar file to upload",
            "empty": "The calendar file is empty",
            "invalid": "Choose a calendar file to upload",
        },
    )


# --- Visits -------------------------------------------------------------------------------


class BookVisitForm(ServiceForm):
    """A proposed slot, or another time with the practitioners chosen here."""

    slot = forms.ChoiceField(
        label="When",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a time for the visit",
            "invalid_choice": "Choose a time for the visit from the list",
        },
    )
    date = NhsDateField(label="Date", noun="the date of the visit", required=False)
    time = TimeField(
        label="Time", noun="the time of the visit", required=False, help_text="For example, 10:30"
    )
    midwife = forms.ModelChoiceField(
        label="Midwife",
        queryset=None,
        required=False,
        empty_label="Choose a midwife",
        error_messages={"invalid_choice": "Choose the midwife from the list"},
    )
    health_visitor = forms.ModelChoiceField(
        label="Health visitor",
        queryset=None,
        required=False,
        empty_label="Choose a health visitor",
        error_messages={"invalid_choice": "Choose the health visitor from the list"},
    )
    outside_window_reason = _outside_window_field()

    def __init__(self, *args, slots, midwives, health_visitors, needs_midwife: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [*slots, (OTHER_TIME, "Another time (enter it below)")]
        self.fields["health_visitor"].queryset = health_visitors
        if needs_midwife:
            self.fields["midwife"].queryset = midwives
        else:
            del self.fields["midwife"]

    def clean(self):
        data = super().clean()
        if data.get("slot") != OTHER_TIME:
            return data
        if not data.get("date") and "date" not in self.errors:
            self.add_error("date", "Enter the date of the visit")
        if not data.get("time") and "time" not in self.errors:
            self.add_error("time", "Enter the time of the visit")
        for name, noun in (("midwife", "the midwife"), ("health_visitor", "the health visitor")):
            if name in self.fields and not data.get(name) and name not in self.errors:
                self.add_error(name, f"Choose {noun}")
        return data

    @property
    def chose_other_time(self) -> bool:
        return self.cleaned_data.get("slot") == OTHER_TIME

    def other_time(self) -> datetime | None:
        return local_datetime(self.cleaned_data.get("date"), self.cleaned_data.get("time"))


class RescheduleVisitForm(VersionedForm):
    date = NhsDateField(label="New date", noun="the new date")
    time = TimeField(label="New time", noun="the new time", help_text="For example, 10:30")
    reason = _reason_field("Why is the visit being moved?", "why the visit is being moved")
    outside_window_reason = _outside_window_field()
    service_field_names = {"starts_at": "date"}

    def starts_at(self) -> datetime | None:
        return local_datetime(self.cleaned_data.get("date"), self.cleaned_data.get("time"))


class CancelVisitForm(VersionedForm):
    reason = _reason_field("Why is the visit being cancelled?", "why the visit is being cancelled")


def clean_upload(upload) -> bytes:
    content = upload.read()
    if not content:
        raise ValidationError({"ics_file": "The calendar file is empty"})
    return content
