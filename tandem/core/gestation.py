"""Gestational age, always computed from the agreed EDD for the date asked about.

A pregnancy lasts 280 days from the first day of the last menstrual period (LMP) to the
estimated date of delivery (EDD), so gestation on a date is 280 - (EDD - date) days.
"""

from dataclasses import dataclass
from datetime import date, timedelta

PREGNANCY_DAYS = 280
MAX_GESTATION_DAYS = 45 * 7
MIN_BIRTH_GESTATION_DAYS = 141  # 20+1 weeks: MSDS's shortest valid gestation at birth


@dataclass(frozen=True, order=True)
class Gestation:
    days: int

    @property
    def weeks(self) -> int:
        return self.days // 7

    @property
    def extra_days(self) -> int:
        return self.days % 7

    def __str__(self) -> str:
        return f"{self.weeks}+{self.extra_days}"

    @classmethod
    def of(cls, weeks: int, days: int = 0) -> "Gestation":
        return cls(weeks * 7 + days)


def possible_at_birth(days: int) -> bool:
    """Whether a gestation at birth is one MSDS counts as valid: 20+1 to 45+0 weeks."""
    return MIN_BIRTH_GESTATION_DAYS <= days <= MAX_GESTATION_DAYS


def birth_gestation_text(days: int) -> str:
    """'39+5 weeks'; a value no birth can have (an extract may carry one) says so, since
    measures and the Robson group treat it as not valid."""
    text = f"{Gestation(days)} weeks"
    if possible_at_birth(days):
        return text
    return (
        f"{text} ({days} days, as imported: outside {Gestation(MIN_BIRTH_GESTATION_DAYS)} to "
        f"{Gestation(MAX_GESTATION_DAYS)} weeks, so not counted as a valid gestation)"
    )


def edd_from_lmp(lmp: date) -> date:
    return lmp + timedelta(days=PREGNANCY_DAYS)


def gestation_on(edd: date, on: date) -> Gestation:
    return Gestation(PREGNANCY_DAYS - (edd - on).days)


def date_at_gestation(edd: date, gestation: Gestation) -> date:
    return edd - timedelta(days=PREGNANCY_DAYS - gestation.days)
