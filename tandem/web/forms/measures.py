"""Forms of the measures dashboards: the months the figures cover, and how a measure is
broken down and compared. All are GET forms: a wrong value is named in the error summary
and the page answers 400, never 500."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.funnel import BREAKDOWNS
from tandem.measures.services import Month, check_breakdown, months_between
from tandem.measures.spc import default_period
from tandem.web.forms.records import ServiceForm

DEFAULT_MONTHS = 12
# Enough for SPC on two years either side of a change; more makes slow pages.
MAX_MONTHS = 60
DIMENSION_CHOICES = [(name, dimension.label) for name, dimension in DIMENSIONS.items()]
COMPARE_LABELS = {"provider": "Providers", "area": "Areas"}


class MonthField(forms.CharField):
    """A month typed as YYYY-MM."""

    def __init__(self, *, noun: str, **kwargs):
        self.noun = noun
        super().__init__(
            required=False,
            help_text="Year and month, for example 2025-04",
            widget=forms.TextInput(attrs={"width": 10, "inputmode": "numeric"}),
            **kwargs,
        )

    def clean(self, value):
        text = super().clean(value).strip()
        if not text:
            return None
        try:
            return Month.parse(text)
        except ValueError:
            raise ValidationError(
                f"Enter {self.noun} as a year and month, like 2025-04", code="invalid"
            ) from None


class MeasuresPeriodForm(ServiceForm):
    """From and to months (inclusive); the last 12 complete months when left empty."""

    from_month = MonthField(label="From", noun="the first month")
    to_month = MonthField(label="To", noun="the last month")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, last = default_period(timezone.localdate(), DEFAULT_MONTHS)
        self.fields["from_month"].initial = str(first)
        self.fields["to_month"].initial = str(last)
        self._fill_defaults()

    def _fill_defaults(self) -> None:
        """A link that sets some choices (`?by=area`) shows the defaults of the others
        in the form rather than empty boxes. A choice sent empty stays empty, and the
        period is filled only when neither month is given (one month alone is completed
        by `_chosen`)."""
        if not self.is_bound:
            return
        period = ("from_month", "to_month")
        period_given = any(name in self.data for name in period)
        self.data = self.data.copy()
        for name, field in self.fields.items():
            if name in self.data or field.initial is None:
                continue
            if name in period and period_given:
                continue
            self.data[name] = field.initial

    def clean(self):
        cleaned = super().clean()
        if "from_month" in cleaned and "to_month" in cleaned:
            first, last = self._chosen(cleaned)
            if last < first:
                self.add_error("to_month", "The last month must be the same as or after the first")
            elif len(months_between(first, last)) > MAX_MONTHS:
                self.add_error("from_month", f"Choose a period of {MAX_MONTHS} months or fewer")
        return cleaned

    @staticmethod
    def _chosen(cleaned: dict) -> tuple[Month, Month]:
        """A month left empty is filled in: the last complete month for `to`, and 12
        months ending with `to` for `from`."""
        last = cleaned.get("to_month") or default_period(timezone.localdate(), 1)[1]
        first = cleaned.get("from_month") or _months_before(last, DEFAULT_MONTHS - 1)
        return first, last

    def period(self) -> tuple[Month, Month]:
        """The months asked for; the default when the form is empty or wrong."""
        if not self.is_bound or not self.is_valid():
            return default_period(timezone.localdate(), DEFAULT_MONTHS)
        return self._chosen(self.cleaned_data)


def _months_before(month: Month, count: int) -> Month:
    index = month.year * 12 + month.month - 1 - count
    return Month(index // 12, index % 12 + 1)


class MeasurePageForm(MeasuresPeriodForm):
    """A measure's page: the period, its breakdown (one dimension or two) and whether the
    funnel plot compares providers or areas."""

    DEFAULT_BY = "ethnic_group"
    DEFAULT_COMPARE = "provider"

    by = forms.ChoiceField(
        label="Break down by",
        choices=DIMENSION_CHOICES,
        initial=DEFAULT_BY,
        required=False,
        error_messages={"invalid_choice": "Choose a breakdown from the list"},
    )
    then_by = forms.ChoiceField(
        label="And then by (optional)",
        choices=[("", "Nothing else"), *DIMENSION_CHOICES],
        required=False,
        error_messages={"invalid_choice": "Choose a second breakdown from the list"},
    )
    compare = forms.ChoiceField(
        label="Compare",
        choices=[(name, COMPARE_LABELS[name]) for name in BREAKDOWNS],
        required=False,
        initial=DEFAULT_COMPARE,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose providers or areas to compare"},
    )

    def clean(self):
        cleaned = super().clean()
        try:
            check_breakdown(self._breakdown(cleaned))
        except ValueError as error:
            self.add_error("then_by", str(error))
        return cleaned

    def _breakdown(self, cleaned: dict) -> tuple[str, ...]:
        first = cleaned.get("by") or self.DEFAULT_BY
        second = cleaned.get("then_by")
        return (first, second) if second else (first,)

    def breakdown(self) -> tuple[str, ...]:
        if not self.is_bound or not self.is_valid():
            return (self.DEFAULT_BY,)
        return self._breakdown(self.cleaned_data)

    def compared_by(self) -> str:
        if not self.is_bound or not self.is_valid():
            return self.DEFAULT_COMPARE
        return self.cleaned_data.get("compare") or self.DEFAULT_COMPARE
