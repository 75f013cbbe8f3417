"""How values read on the page: NHS.UK style dates, NHS numbers, gestations, yes or no."""

from datetime import date, datetime

from django.utils import timezone

from tandem.core.gestation import Gestation
from tandem.core.nhs_number import format_nhs_number

NOT_RECORDED = "Not recorded"


def nhs_date(value: date | None, empty: str = NOT_RECORDED) -> str:
    """'7 March 2026': the NHS.UK style, no leading zero, month in words."""
    if value is None:
        return empty
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return f"{value.day} {value:%B %Y}"


def nhs_time(value: datetime) -> str:
    """'9am', '2:30pm', 'midday' (NHS.UK style)."""
    local = timezone.localtime(value)
    if (local.hour, local.minute) == (12, 0):
        return "midday"
    if (local.hour, local.minute) == (0, 0):
        return "midnight"
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    return f"{hour}{suffix}" if local.minute == 0 else f"{hour}:{local.minute:02d}{suffix}"


def nhs_datetime(value: datetime | None, empty: str = NOT_RECORDED) -> str:
    if value is None:
        return empty
    return f"{nhs_date(value)} at {nhs_time(value)}"


def nhs_number(value: str | None) -> str:
    return format_nhs_number(value) if value else NOT_RECORDED


def gestation(value: Gestation | None, empty: str = NOT_RECORDED) -> str:
    """'24+3 weeks': weeks and days, as clinicians write it."""
    if value is None:
        return empty
    if value.days < 0:
        return "Not yet pregnant on this date"
    return f"{value} weeks"


def yes_no(value: bool | None, empty: str = NOT_RECORDED) -> str:
    if value is None:
        return empty
    return "Yes" if value else "No"


def count(value: int, singular: str, plural: str | None = None) -> str:
    """'1 woman', '3 women'."""
    return f"{value} {singular if value == 1 else (plural or singular + 's')}"
