"""Forms of the programme pages: the period the figures cover, and a training record."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone

from tandem.programme import training
from tandem.web.forms.fields import NhsDateField
from tandem.web.forms.records import ServiceForm

DEFAULT_PERIOD_DAYS = 365


class ProgrammePeriodForm(ServiceForm):
    """From and to dates (inclusive); the last 12 months when left empty."""

    period_start = NhsDateField(label="From", noun="the first day of the period", required=False)
    period_end = NhsDateField(label="To", noun="the last day of the period", required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The last day of the period must be on or after the first")
        return cleaned

    def period(self) -> tuple[date, date]:
        """The period asked for, or the default when the form is empty or wrong."""
        today = timezone.localdate()
        if not self.is_bound or not self.is_valid():
            return today - timedelta(days=DEFAULT_PERIOD_DAYS), today
        end = self.cleaned_data.get("period_end") or today
        start = self.cleaned_data.get("period_start") or end - timedelta(days=DEFAULT_PERIOD_DAYS)
        return start, end


class TrainingRecordForm(ServiceForm):
    practitioner = forms.ModelChoiceField(
        label="Practitioner",
        queryset=None,
        empty_label="Choose a practitioner",
        error_messages={
            "required": "Choose the practitioner who completed the course",
            "invalid_choice": "Choose a practitioner in your teams from the list",
        },
    )
    course = forms.ModelChoiceField(
        label="Course",
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the course",
            "invalid_choice": "Choose a course from the list",
        },
    )
    completed_on = NhsDateField(
        label="Date completed",
        noun="the date the course was completed",
        help_text="For example, 27 3 2025",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = training.trainable_practitioners(user)
        self.fields["course"].queryset = training.active_courses()
