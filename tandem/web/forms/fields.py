"""Form fields for the NHS.UK patterns: dates as day, month and year; yes or no as radios."""

from datetime import date, datetime, time

from django import forms
from django.core.exceptions import ValidationError

DATE_PARTS = ("day", "month", "year")


class DateInputWidget(forms.MultiWidget):
    """Three text boxes named `<name>_day`, `<name>_month`, `<name>_year`."""

    def __init__(self, attrs=None):
        super().__init__({part: forms.TextInput() for part in DATE_PARTS}, attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]


class NhsDateField(forms.MultiValueField):
    """A date typed as day, month and year, with errors that say which part is wrong.

    `noun` words the messages: "Enter her date of birth", "Date of birth must be a real date".
    """

    widget = DateInputWidget

    def __init__(self, *, noun: str, required: bool = True, **kwargs):
        self.noun = noun
        parts = [forms.CharField(required=False) for _ in DATE_PARTS]
        super().__init__(parts, required=required, require_all_fields=False, **kwargs)
        self.error_messages["required"] = f"Enter {noun}"

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = ((value or "").strip() for value in data_list)
        missing = [
            name for name, value in zip(DATE_PARTS, (day, month, year), strict=True) if not value
        ]
        if missing:
            raise ValidationError(
                f"{self._subject()} must include a {' and a '.join(missing)}", code="incomplete"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{self._subject()} must be a real date", code="invalid")
        if len(year) != 4:
            raise ValidationError(
                f"The year of {self.noun.removeprefix('her ')} must have 4 numbers, like 1995",
                code="invalid",
            )
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(
                f"{self._subject()} must be a real date", code="invalid"
            ) from None

    def _subject(self) -> str:
        words = self.noun.removeprefix("her ").removeprefix("the ")
        return words[:1].upper() + words[1:]

    def prepare_value(self, value):
        if isinstance(value, date):
            return self.widget.decompress(value)
        return value


def parse_time(value: str) -> time | None:
    """'14:30', '2:30pm', '9am', '0930' -> a time; None when it is not a time."""
    text = value.strip().lower().replace(".", ":").replace(" ", "")
    suffix = ""
    if text.endswith(("am", "pm")):
        text, suffix = text[:-2], text[-2:]
    if text.isdigit() and len(text) in (3, 4) and not suffix:
        text = f"{text[:-2]}:{text[-2:]}"
    hours, _, minutes = text.partition(":")
    if not hours.isdigit() or (minutes and not minutes.isdigit()):
        return None
    hour, minute = int(hours), int(minutes or 0)
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


class TimeField(forms.Field):
    """A time typed as '14:30' or '2:30pm'."""

    widget = forms.TextInput

    def __init__(self, *, noun: str, **kwargs):
        self.noun = noun
        super().__init__(**kwargs)
        self.error_messages["required"] = f"Enter {noun}"

    def to_python(self, value):
        text = str(value or "").strip()
        if not text:
            return None
        parsed = parse_time(text)
        if parsed is None:
            raise ValidationError(
                f"Enter {self.noun} as hours and minutes, like 14:30", code="invalid"
            )
        return parsed

    def prepare_value(self, value):
        if isinstance(value, time):
            return value.strftime("%H:%M")
        if isinstance(value, datetime):
            return value.strftime("%H:%M")
        return value


class YesNoField(forms.TypedChoiceField):
    """A yes or no question answered with radios; `allow_unknown` adds 'Not recorded'."""

    def __init__(self, *, question_noun: str, allow_unknown: bool = False, **kwargs):
        choices = [("yes", "Yes"), ("no", "No")]
        if allow_unknown:
            choices.append(("unknown", "Not recorded"))
        super().__init__(
            choices=choices,
            coerce=lambda value: {"yes": True, "no": False}.get(value),
            empty_value=None,
            **{"widget": forms.RadioSelect, **kwargs},
        )
        self.error_messages["required"] = f"Select whether {question_noun}"
        self.error_messages["invalid_choice"] = f"Select whether {question_noun}"

    def prepare_value(self, value):
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value
