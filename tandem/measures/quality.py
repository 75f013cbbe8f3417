"""NHS Digital's data-quality gates for the maternity measures, per provider, and the
coding-completeness tables (ethnicity, postcode and LSOA).

A provider's rate is shown as reliable only if every data-quality check its measure lists
(`data_quality` in the definition file) passes (domain reference, section 2.2). Each check
passes when round(numerator / denominator, 3) is within its bounds, both counts first
rounded by the small-number rule as NHS Digital's pipeline rounds them. "% of HES" checks
compare women giving birth (or booked) with FLOOR(annual HES deliveries x days in the
window / 365), the annual figure coming from `ExpectedDeliveries`.

NHS Digital checks some components over other months than the reporting month (the
previous month, or three months) because its rates cover those months; Tandem's rates are
calendar months of the event date, so every check looks at the measure's month, except
13 and 21, which the reference sets over the last six months. docs/data-quality.md lists
each check with its source and what Tandem cannot check.

Counting is done in SQL, with every check's numerator and denominator as conditional
counts, one query per table and window for all the months asked for, grouped by provider and
month; a window's counts over several months are summed from them (for counts of women
other than "at least one", which months cannot add up, one query per month instead).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from operator import ge, gt, le, lt

from django.db.models import Count, F, Q, QuerySet

from tandem.core.disclosure import rounded
from tandem.core.gestation import MAX_GESTATION_DAYS, MIN_BIRTH_GESTATION_DAYS
from tandem.measures.birth_populations import BIRTH_CRITERIA
from tandem.measures.care_populations import BOOKING_CRITERIA
from tandem.measures.counting import MonthStart
from tandem.measures.definitions import Measure
from tandem.measures.dimensions import PSEUDO_POSTCODE_PREFIX
from tandem.measures.models import ExpectedDeliveries
from tandem.measures.population import between
from tandem.measures.populations import POPULATIONS
from tandem.measures.services import Month, months_between
from tandem.outcomes.models import DeliveryMethod
from tandem.records.codes import EthnicCategory
from tandem.records.models import Area, Lsoa, Organisation, OrganisationKind

NO_EXPECTED_DELIVERIES = "no expected deliveries recorded"
NO_RECORDS = "no records to check in the period"
NO_CHECKS = "No data-quality checks defined"
PASSED, LOW_DATA_QUALITY, DID_NOT_SUBMIT = "Passed", "Low data quality", "Did not submit"
NO_CHECKS_VERDICT = "No checks"
HES_YEAR_DAYS = 365
RATIO_PLACES = Decimal("0.001")
TANDEM_CHECK_PREFIX = "T"  # Tandem's own checks, beside NHS Digital's numbered ones


class Counting(StrEnum):
    """What a check counts: babies, or distinct women giving birth or booked."""

    BABIES = "babies"
    WOMEN_GIVING_BIRTH = "women giving birth"
    WOMEN_BOOKED = "women booked"

    @property
    def population(self) -> str:
        return "bookings" if self is Counting.WOMEN_BOOKED else "babies"

    def count(self, condition: Q) -> Count:
        filter_ = condition if condition else None  # an empty Q: count every row
        if self is Counting.BABIES:
            return Count("pk", filter=filter_)
        person = "labour_delivery" if self is Counting.WOMEN_GIVING_BIRTH else "woman"
        return Count(person, distinct=True, filter=filter_)


class Kind(StrEnum):
    SHARE = "share"  # numerator as a share of a denominator counted in the same records
    HES_COVERAGE = "hes_coverage"  # records as a share of the HES deliveries expected
    AT_LEAST_ONE = "at_least_one"  # 1 if any record in the window, else 0; denominator 1


class Window(StrEnum):
    MONTH = "month"
    LAST_6_MONTHS = "last_6_months"

    def months(self, period: Month) -> tuple[Month, Month]:
        if self is Window.MONTH:
            return period, period
        first = period
        for _ in range(5):
            first = _previous(first)
        return first, period


@dataclass(frozen=True)
class Threshold:
    """NHS Digital's MinRate, MaxRate and Inclusive (one flag for both bounds)."""

    minimum: Decimal | None
    maximum: Decimal | None
    inclusive: bool = True

    def admits(self, ratio: Decimal) -> bool:
        above, below = (ge, le) if self.inclusive else (gt, lt)
        return (self.minimum is None or above(ratio, self.minimum)) and (
            self.maximum is None or below(ratio, self.maximum)
        )

    @property
    def text(self) -> str:
        low, high = self.minimum, self.maximum
        if low is not None and low == high:
            return f"must be {_plain(low)} (at least one recorded)"
        if low is not None and high is not None:
            between_words = "between" if self.inclusive else "strictly between"
            return f"{between_words} {_percent(low)} and {_percent(high)}"
        if low is not None:
            return f"{'at least' if self.inclusive else 'more than'} {_percent(low)}"
        return f"{'at most' if self.inclusive else 'less than'} {_percent(high)}"


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _percent(value: Decimal) -> str:
    return f"{(value * 100).normalize():f}%"


def _at_least(share: str) -> Threshold:
    return Threshold(Decimal(share), None)


@dataclass(frozen=True)
class Check:
    """One NHS Digital data-quality component (CQIMDQnn), as Tandem can count it."""

    id: str
    title: str
    description: str
    source: str
    counting: Counting
    kind: Kind
    # SHARE: the denominator's condition, and the numerator's further condition.
    # HES_COVERAGE and AT_LEAST_ONE: `numerator` says which records count.
    numerator: Q
    numerator_text: str
    denominator_text: str
    threshold: Threshold
    denominator: Q = field(default_factory=Q)
    window: Window = Window.MONTH

    @property
    def code(self) -> str:
        """How the check is named to users: DQ09 for NHS Digital's CQIMDQ09; Tandem's own
        checks (ids starting T) by their id."""
        return self.id if self.id.startswith(TANDEM_CHECK_PREFIX) else f"DQ{self.id}"

    @property
    def numerator_condition(self) -> Q:
        return self.denominator & self.numerator if self.kind is Kind.SHARE else self.numerator

    @property
    def adds_up_over_months(self) -> bool:
        """Whether the check over several months can be worked from its monthly counts:
        babies are counted once each, and "at least one" asks only whether any month has
        one; distinct women are not, as one woman can have records in two months."""
        return self.counting is Counting.BABIES or self.kind is Kind.AT_LEAST_ONE


# --- Conditions the checks need beyond the measures' criteria ------------------------------

_LABOUR = "labour_delivery__"
_AT_DELIVERY = "labour_delivery__pregnancy__"
_BIRTH = BIRTH_CRITERIA["birth"]  # outcome 01 to 04
_SINGLETON = BIRTH_CRITERIA["singleton"]
_TERM = BIRTH_CRITERIA["term"]
_VALID_GESTATION_154 = BIRTH_CRITERIA["valid_gestation"]
_VALID_GESTATION_141 = between("gestation_days", (MIN_BIRTH_GESTATION_DAYS, MAX_GESTATION_DAYS))
_VAGINAL = BIRTH_CRITERIA["vaginal"]
_VALID_DELIVERY_METHOD = Q(delivery_method__in=DeliveryMethod.values)  # 0 to 9
# The birth forms record 01 to 03; the import also stores 04 and XX, which MSDS accepts.
_VALID_PRESENTATION = Q(presentation__in=("01", "02", "03", "04", "XX"))
_VALID_ONSET = Q(**{f"{_LABOUR}onset_method__in": ("1", "2", "3", "4", "5")})
_PPH_500 = Q(**{f"{_LABOUR}blood_loss_ml__gte": 500})
_PPH_1500 = Q(**{f"{_LABOUR}blood_loss_ml__gte": 1500})
# bwoi.toml's denominator, from the same criteria.
_BWOI_DENOMINATOR = POPULATIONS["women_giving_birth"].condition(
    ("birth", "singleton", "term", "cephalic", "spontaneous_vaginal")
)
_PREVIOUS_COUNTS = ("previous_live_births", "previous_stillbirths", "previous_caesareans")


def _each_valid_or_empty_one_recorded() -> Q:
    """CQIMDQ36: each previous-birth count 0 to 20 or empty, at least one recorded."""
    condition, any_recorded = Q(), Q()
    for count in _PREVIOUS_COUNTS:
        name = f"{_AT_DELIVERY}{count}"
        condition &= between(name, (0, 20)) | Q(**{f"{name}__isnull": True})
        any_recorded |= Q(**{f"{name}__isnull": False})
    return condition & any_recorded


_PREVIOUS_BIRTHS_VALID = _each_valid_or_empty_one_recorded()
_BOOKING_COUNTS_VALID = between("previous_live_births", (0, 20)) & between(
    "previous_stillbirths", (0, 20)
)
_BOOKING_NO_PREVIOUS_BIRTHS = Q(previous_live_births=0, previous_stillbirths=0)

_NHS_WINDOW_NOTE = "Tandem checks the measure's month"
_HES_TEXT = "FLOOR(the provider's HES deliveries in a year x days in the month / 365)"
_NO_CRITICAL_INCIDENT = (
    " Tandem records no maternal critical incident (NHS Digital also counts women with one), "
    "so only blood loss is counted."
)


def _coverage(id_: str, nhs_window: str, *, outcome_recorded: bool) -> Check:
    """02, 09, 10, 14 and 30: women giving birth in the data against HES deliveries."""
    which = "with a live or stillbirth recorded" if outcome_recorded else "with any baby recorded"
    return Check(
        id=id_,
        title="Women giving birth compared with HES deliveries",
        description=(
            f"Women giving birth in the month ({which}) as a share of the deliveries Hospital "
            "Episode Statistics expect in a month, to show whether the birth records are "
            "complete."
        ),
        source=f"NHS Digital CQIMDQ{id_} ({nhs_window}); {_NHS_WINDOW_NOTE}",
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.HES_COVERAGE,
        numerator=_BIRTH if outcome_recorded else Q(),
        numerator_text=f"Women giving birth in the month, {which}",
        denominator_text=_HES_TEXT,
        threshold=_at_least("0.7"),
    )


def _valid_gestation(id_: str, nhs_window: str) -> Check:
    return Check(
        id=id_,
        title="Valid gestation at birth (single births)",
        description=(
            "Babies of single births with a gestation at birth between 154 and 315 days "
            "(22+0 to 45+0 weeks), as a share of babies of single births."
        ),
        source=f"NHS Digital CQIMDQ{id_} ({nhs_window}); {_NHS_WINDOW_NOTE}",
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_SINGLETON,
        numerator=_VALID_GESTATION_154,
        numerator_text="Babies of single births with gestation 154 to 315 days",
        denominator_text="Babies of single births",
        threshold=_at_least("0.7"),
    )


def _valid_delivery_method(id_: str, nhs_window: str) -> Check:
    return Check(
        id=id_,
        title="Valid delivery method (single births)",
        description=(
            "Babies of single births with a valid delivery method (codes 0 to 9), as a share "
            "of babies of single births."
        ),
        source=f"NHS Digital CQIMDQ{id_} ({nhs_window}); {_NHS_WINDOW_NOTE}",
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_SINGLETON,
        numerator=_VALID_DELIVERY_METHOD,
        numerator_text="Babies of single births with delivery method 0 to 9",
        denominator_text="Babies of single births",
        threshold=_at_least("0.7"),
    )


def _valid_presentation(id_: str, nhs_window: str) -> Check:
    return Check(
        id=id_,
        title="Valid fetal presentation",
        description=(
            "Babies born with a valid presentation recorded, as a share of babies born. "
            "MSDS accepts 01 to 04 and XX, and so does the import; the forms offer 01 "
            "(cephalic), 02 (breech) and 03 (abnormal lie) only."
        ),
        source=f"NHS Digital CQIMDQ{id_} ({nhs_window}); {_NHS_WINDOW_NOTE}",
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        numerator=_VALID_PRESENTATION,
        numerator_text="Babies born with presentation 01, 02, 03, 04 or XX",
        denominator_text="Babies born",
        threshold=_at_least("0.7"),
    )


_CHECKS = (
    _coverage("02", "the month before the reporting month", outcome_recorded=True),
    Check(
        id="03",
        title="Women booked compared with HES deliveries",
        description=(
            "Women booked in the month as a share of the deliveries Hospital Episode "
            "Statistics expect in a month, to show whether booking records are complete."
        ),
        source="NHS Digital CQIMDQ03 (the reporting month)",
        counting=Counting.WOMEN_BOOKED,
        kind=Kind.HES_COVERAGE,
        numerator=Q(),
        numerator_text="Women with a booking appointment in the month",
        denominator_text=_HES_TEXT,
        threshold=_at_least("0.5"),
    ),
    Check(
        id="04",
        title="Smoking status at booking recorded",
        description=(
            "Women booked in the month whose smoking status at booking is recorded (smoker, "
            "non-smoker or ex-smoker), as a share of women booked."
        ),
        source="NHS Digital CQIMDQ04 (the reporting month)",
        counting=Counting.WOMEN_BOOKED,
        kind=Kind.SHARE,
        numerator=BOOKING_CRITERIA["smoking_booking_known"],
        numerator_text="Women booked with smoking status at booking recorded",
        denominator_text="Women booked in the month",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="05",
        title="Smokers at booking among those recorded",
        description=(
            "Women booked who smoke, as a share of women booked whose smoking status is "
            "recorded: a share outside 0.5% to 50% suggests the status is miscoded."
        ),
        source="NHS Digital CQIMDQ05 (the reporting month)",
        counting=Counting.WOMEN_BOOKED,
        kind=Kind.SHARE,
        denominator=BOOKING_CRITERIA["smoking_booking_known"],
        numerator=BOOKING_CRITERIA["smoker_at_booking"],
        numerator_text="Women booked who smoke",
        denominator_text="Women booked with smoking status at booking recorded",
        threshold=Threshold(Decimal("0.005"), Decimal("0.5")),
    ),
    Check(
        id="06",
        title="Smoking status at delivery recorded",
        description=(
            "Women giving birth whose smoking status at delivery is recorded, as a share of "
            "women giving birth."
        ),
        source=f"NHS Digital CQIMDQ06 (the month before the reporting month); {_NHS_WINDOW_NOTE}",
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.SHARE,
        denominator=_BIRTH,
        numerator=BIRTH_CRITERIA["smoking_delivery_known"],
        numerator_text="Women giving birth with smoking status at delivery recorded",
        denominator_text="Women giving birth (live or stillbirth)",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="07",
        title="Smokers at delivery among those recorded",
        description=(
            "Women giving birth who smoke, as a share of women giving birth whose smoking "
            "status at delivery is recorded: outside 0.5% to 50% suggests miscoding."
        ),
        source=f"NHS Digital CQIMDQ07 (the month before the reporting month); {_NHS_WINDOW_NOTE}",
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.SHARE,
        denominator=_BIRTH & BIRTH_CRITERIA["smoking_delivery_known"],
        numerator=BIRTH_CRITERIA["smoker_at_delivery"],
        numerator_text="Women giving birth who smoke at delivery",
        denominator_text="Women giving birth with smoking status at delivery recorded",
        threshold=Threshold(Decimal("0.005"), Decimal("0.5")),
    ),
    Check(
        id="08",
        title="First feed recorded",
        description=(
            "Babies born whose first feed is recorded (breast milk, donor breast milk or not "
            "breast milk), as a share of babies born."
        ),
        source="NHS Digital CQIMDQ08 (the reporting month)",
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        numerator=BIRTH_CRITERIA["first_feed_recorded"],
        numerator_text="Babies born with first feed 01, 02 or 03",
        denominator_text="Babies born",
        threshold=_at_least("0.7"),
    ),
    _coverage("09", "the reporting month", outcome_recorded=False),
    _coverage("10", "the three months before the reporting month", outcome_recorded=True),
    Check(
        id="11",
        title="Blood loss of 500 ml or more",
        description=(
            "Women giving birth with a blood loss of 500 ml or more, as a share of women "
            "giving birth: more than 60% suggests blood loss is miscoded." + _NO_CRITICAL_INCIDENT
        ),
        source=(
            "NHS Digital CQIMDQ11 (the three months before the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.SHARE,
        denominator=_BIRTH,
        numerator=_PPH_500,
        numerator_text="Women giving birth with blood loss of 500 ml or more",
        denominator_text="Women giving birth (live or stillbirth)",
        threshold=Threshold(None, Decimal("0.6")),
    ),
    Check(
        id="12",
        title="Blood loss of 1,500 ml or more",
        description=(
            "Women giving birth with a blood loss of 1,500 ml or more, as a share of women "
            "giving birth: more than 20% suggests blood loss is miscoded." + _NO_CRITICAL_INCIDENT
        ),
        source=(
            "NHS Digital CQIMDQ12 (the three months before the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.SHARE,
        denominator=_BIRTH,
        numerator=_PPH_1500,
        numerator_text="Women giving birth with blood loss of 1,500 ml or more",
        denominator_text="Women giving birth (live or stillbirth)",
        threshold=Threshold(None, Decimal("0.2")),
    ),
    Check(
        id="13",
        title="At least one postpartum haemorrhage in six months",
        description=(
            "At least one woman giving birth in the last six months (to the end of the "
            "measure's month) had a postpartum haemorrhage (blood loss of 500 ml or more): "
            "none at all suggests haemorrhages are not being recorded. NHS Digital counts any "
            "blood-loss observation on its haemorrhage code list; Tandem records blood loss "
            "as a volume, so it counts a haemorrhage by the clinical 500 ml threshold."
        ),
        source="NHS Digital CQIMDQ13 (the six months before the reporting month)",
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.AT_LEAST_ONE,
        numerator=_PPH_500,
        numerator_text="1 if any woman giving birth had blood loss of 500 ml or more, else 0",
        denominator_text="1",
        threshold=Threshold(Decimal(1), Decimal(1)),
        window=Window.LAST_6_MONTHS,
    ),
    _coverage("14", "the three months ending with the reporting month", outcome_recorded=True),
    _valid_gestation("15", "the three months ending with the reporting month"),
    Check(
        id="16",
        title="Term births among valid gestations (single births)",
        description=(
            "Babies of single births born at term (259 to 315 days), as a share of babies of "
            "single births with a valid gestation (154 to 315 days)."
        ),
        source=(
            "NHS Digital CQIMDQ16 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_SINGLETON & _VALID_GESTATION_154,
        numerator=_TERM,
        numerator_text="Babies of single births at 259 to 315 days",
        denominator_text="Babies of single births at 154 to 315 days",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="18",
        title="Vaginal births (single births)",
        description=(
            "Babies of single births born vaginally (delivery method 0 to 4), as a share of "
            "babies of single births with a valid delivery method: 40% or less suggests the "
            "method is miscoded."
        ),
        source=(
            "NHS Digital CQIMDQ18 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_SINGLETON & _VALID_DELIVERY_METHOD,
        numerator=_VAGINAL,
        numerator_text="Babies of single births with delivery method 0 to 4",
        denominator_text="Babies of single births with delivery method 0 to 9",
        threshold=Threshold(Decimal("0.4"), None, inclusive=False),
    ),
    Check(
        id="20",
        title="Third or fourth degree tears (term single vaginal births)",
        description=(
            "Babies of single term vaginal births whose mother had a third or fourth degree "
            "tear, as a share of babies of single term vaginal births: more than 10% "
            "suggests tears are miscoded."
        ),
        source=(
            "NHS Digital CQIMDQ20 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_BIRTH & _SINGLETON & _TERM & _VAGINAL,
        numerator=BIRTH_CRITERIA["third_or_fourth_degree_tear"],
        numerator_text="Babies of single term vaginal births, mother with a 3rd or 4th degree tear",
        denominator_text="Babies of single term vaginal births (live or stillbirth)",
        threshold=Threshold(None, Decimal("0.1")),
    ),
    Check(
        id="21",
        title="At least one third or fourth degree tear in six months",
        description=(
            "At least one woman giving birth in the last six months (to the end of the "
            "measure's month) had a third or fourth degree tear: none at all suggests tears "
            "are not being recorded. Tandem dates the tear by the birth."
        ),
        source="NHS Digital CQIMDQ21 (the six months before the reporting month)",
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.AT_LEAST_ONE,
        numerator=BIRTH_CRITERIA["third_or_fourth_degree_tear"],
        numerator_text="1 if any woman giving birth had a 3rd or 4th degree tear, else 0",
        denominator_text="1",
        threshold=Threshold(Decimal(1), Decimal(1)),
        window=Window.LAST_6_MONTHS,
    ),
    _valid_gestation("22", "the reporting month"),
    Check(
        id="23",
        title="Term births (single births)",
        description=(
            "Babies of single births born at term (259 to 315 days), as a share of all babies "
            "of single births."
        ),
        source="NHS Digital CQIMDQ23 (the reporting month)",
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_SINGLETON,
        numerator=_TERM,
        numerator_text="Babies of single births at 259 to 315 days",
        denominator_text="Babies of single births",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="24",
        title="Apgar score recorded (term single births)",
        description=(
            "Babies of single term births with an Apgar score at 5 minutes of 0 to 10 "
            "recorded, as a share of babies of single term births."
        ),
        source=(
            "NHS Digital CQIMDQ24 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_BIRTH & _SINGLETON & _TERM,
        numerator=BIRTH_CRITERIA["apgar_recorded"],
        numerator_text="Babies of single term births with Apgar 0 to 10",
        denominator_text="Babies of single term births (live or stillbirth)",
        threshold=_at_least("0.7"),
    ),
    _valid_presentation("25", "the reporting month"),
    _valid_delivery_method("26", "the three months ending with the reporting month"),
    Check(
        id="27",
        title="Previous births recorded at booking",
        description=(
            "Women booked in the month with valid previous live birth and stillbirth counts "
            "(each 0 to 20), as a share of women booked."
        ),
        source=(
            "NHS Digital CQIMDQ27 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.WOMEN_BOOKED,
        kind=Kind.SHARE,
        numerator=_BOOKING_COUNTS_VALID,
        numerator_text="Women booked with previous live births and stillbirths each 0 to 20",
        denominator_text="Women booked in the month",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="28",
        title="No previous births, at booking",
        description=(
            "Women booked with no previous live births or stillbirths, as a share of women "
            "booked with valid counts: outside 20% to 70% suggests the counts are miscoded."
        ),
        source=(
            "NHS Digital CQIMDQ28 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.WOMEN_BOOKED,
        kind=Kind.SHARE,
        denominator=_BOOKING_COUNTS_VALID,
        numerator=_BOOKING_NO_PREVIOUS_BIRTHS,
        numerator_text="Women booked with 0 previous live births and 0 stillbirths",
        denominator_text="Women booked with previous live births and stillbirths each 0 to 20",
        threshold=Threshold(Decimal("0.2"), Decimal("0.7")),
    ),
    _valid_delivery_method("29", "the reporting month"),
    _coverage("30", "the three months ending with the reporting month", outcome_recorded=False),
    Check(
        id="31",
        title="Valid gestation at birth",
        description=(
            "Babies born with a gestation at birth between 141 and 315 days (20+1 to 45+0 "
            "weeks), as a share of babies born."
        ),
        source=(
            "NHS Digital CQIMDQ31 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        numerator=_VALID_GESTATION_141,
        numerator_text="Babies born with gestation 141 to 315 days",
        denominator_text="Babies born",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="32",
        title="Term births among valid gestations",
        description=(
            "Babies born at term (259 to 315 days), as a share of babies born with a valid "
            "gestation (141 to 315 days)."
        ),
        source=(
            "NHS Digital CQIMDQ32 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_VALID_GESTATION_141,
        numerator=_TERM,
        numerator_text="Babies born at 259 to 315 days",
        denominator_text="Babies born at 141 to 315 days",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="33",
        title="Valid delivery method",
        description=(
            "Babies born with a valid delivery method (codes 0 to 9), as a share of babies born."
        ),
        source=(
            "NHS Digital CQIMDQ33 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        numerator=_VALID_DELIVERY_METHOD,
        numerator_text="Babies born with delivery method 0 to 9",
        denominator_text="Babies born",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="34",
        title="Vaginal births",
        description=(
            "Babies born vaginally (delivery method 0 to 4), as a share of babies born with "
            "a valid delivery method: 40% or less suggests the method is miscoded."
        ),
        source=(
            "NHS Digital CQIMDQ34 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.BABIES,
        kind=Kind.SHARE,
        denominator=_VALID_DELIVERY_METHOD,
        numerator=_VAGINAL,
        numerator_text="Babies born with delivery method 0 to 4",
        denominator_text="Babies born with delivery method 0 to 9",
        threshold=Threshold(Decimal("0.4"), None, inclusive=False),
    ),
    Check(
        id="36",
        title="Previous births recorded, women giving birth",
        description=(
            "Women giving birth whose previous live birth, stillbirth and caesarean counts "
            "are each 0 to 20 or empty, with at least one recorded, as a share of women "
            "giving birth."
        ),
        source=(
            "NHS Digital CQIMDQ36 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.SHARE,
        numerator=_PREVIOUS_BIRTHS_VALID,
        numerator_text="Women giving birth with valid previous-birth counts",
        denominator_text="Women giving birth",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="37",
        title="No previous births, women giving birth",
        description=(
            "Women giving birth with no previous births (each count 0 or empty, at least one "
            "recorded), as a share of those with valid counts: outside 20% to 70% suggests "
            "the counts are miscoded."
        ),
        source=(
            "NHS Digital CQIMDQ37 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.SHARE,
        denominator=_PREVIOUS_BIRTHS_VALID,
        numerator=BIRTH_CRITERIA["nulliparous"],
        numerator_text="Women giving birth with no previous births",
        denominator_text="Women giving birth with valid previous-birth counts",
        threshold=Threshold(Decimal("0.2"), Decimal("0.7")),
    ),
    _valid_presentation("38", "the three months ending with the reporting month"),
    Check(
        id="39",
        title="Valid onset of labour",
        description=(
            "Women giving birth with a valid labour onset method (codes 1 to 5), as a share "
            "of women giving birth."
        ),
        source=(
            "NHS Digital CQIMDQ39 (the three months ending with the reporting month); "
            + _NHS_WINDOW_NOTE
        ),
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.SHARE,
        numerator=_VALID_ONSET,
        numerator_text="Women giving birth with labour onset method 1 to 5",
        denominator_text="Women giving birth",
        threshold=_at_least("0.7"),
    ),
    Check(
        id="T1",
        title="Episiotomy and anaesthetic recorded",
        description=(
            "Women with a single, term, cephalic, spontaneous vaginal birth whose record says "
            "whether an episiotomy was done and whether an epidural, spinal or general "
            "anaesthetic was given, as a share of those women. Birth without intervention "
            "counts a birth only when both are recorded as none, so with these items missing "
            "the rate reads low because the records are incomplete, not because care changed."
        ),
        source=(
            "Tandem's own check (T1): NHS Digital's BWOI needs the same items recorded but "
            "has no data-quality check for them; threshold as NHS Digital's completeness "
            "checks (70%)"
        ),
        counting=Counting.WOMEN_GIVING_BIRTH,
        kind=Kind.SHARE,
        denominator=_BWOI_DENOMINATOR,
        numerator=Q(**{f"{_LABOUR}episiotomy__isnull": False})
        & ~Q(**{f"{_LABOUR}anaesthesia": ""}),
        numerator_text="Women with episiotomy and anaesthetic both recorded",
        denominator_text=("Women with a single, term, cephalic birth by delivery method 0 or 1"),
        threshold=_at_least("0.7"),
    ),
)

CHECKS: dict[str, Check] = {check.id: check for check in _CHECKS}


# --- Judging one check ---------------------------------------------------------------------


def hes_denominator(annual_deliveries: int, days: int) -> int:
    """FLOOR(HES annual deliveries x days in the window / 365), as NHS Digital computes it."""
    return annual_deliveries * days // HES_YEAR_DAYS


def judge(threshold: Threshold, numerator: int, denominator: int) -> tuple[Decimal | None, bool]:
    """The ratio NHS Digital tests and whether it passes, from the counts before rounding.

    Both counts are rounded by the small-number rule; the ratio is rounded half up to 3
    places (Spark's round). With no denominator a check passes only if there is a numerator
    and no upper bound, as in NHS Digital's rule."""
    numerator, denominator = rounded(numerator), rounded(denominator)
    if denominator == 0:
        return None, numerator > 0 and threshold.maximum is None
    ratio = (Decimal(numerator) / Decimal(denominator)).quantize(RATIO_PLACES, ROUND_HALF_UP)
    return ratio, threshold.admits(ratio)


@dataclass(frozen=True)
class CheckResult:
    """One check for one provider: the counts after the small-number rule (the ones the
    test is computed on, safe to show to analysts), the ratio and the verdict."""

    check: Check
    first: Month
    last: Month
    numerator: int
    denominator: int
    ratio: Decimal | None
    passed: bool
    reason: str = ""

    @property
    def value_text(self) -> str:
        if self.reason:
            return self.reason.capitalize()
        if self.check.kind is Kind.AT_LEAST_ONE:
            return "Yes" if self.passed else "None recorded"
        if self.ratio is None:
            return "No expected count"
        return f"{self.ratio * 100:.1f}%"

    @property
    def threshold_text(self) -> str:
        return self.check.threshold.text

    @property
    def window_text(self) -> str:
        if self.first == self.last:
            return f"{self.first.first_day:%B %Y}"
        return f"{self.first.first_day:%B %Y} to {self.last.first_day:%B %Y}"

    @property
    def label(self) -> str:
        return f"{self.check.code} {self.check.title}"


@dataclass(frozen=True)
class ProviderGate:
    """A measure's data-quality gate for one provider and month."""

    measure_id: str
    provider_id: int
    provider_name: str
    period: Month
    results: tuple[CheckResult, ...]

    @property
    def has_checks(self) -> bool:
        return bool(self.results)

    @property
    def passed(self) -> bool | None:
        """None when the measure defines no checks (there is no gate)."""
        return all(result.passed for result in self.results) if self.results else None

    @property
    def failing(self) -> tuple[CheckResult, ...]:
        return tuple(result for result in self.results if not result.passed)

    @property
    def submitted(self) -> bool:
        """Whether the provider has any record the month's checks count. NHS Digital flags
        a provider that did not submit (DNS) apart from one with low data quality; the
        six-month checks (13, 21) say nothing about the month, and a HES comparison's
        expected deliveries are not records."""
        return any(
            result.numerator > 0 or (result.check.kind is Kind.SHARE and result.denominator > 0)
            for result in self.results
            if result.check.window is Window.MONTH
        )

    @property
    def verdict(self) -> str:
        if not self.results:
            return NO_CHECKS_VERDICT
        if not self.submitted:
            return DID_NOT_SUBMIT
        return PASSED if self.passed else LOW_DATA_QUALITY

    @property
    def summary(self) -> str:
        if not self.results:
            return NO_CHECKS
        if not self.submitted:
            return f"{DID_NOT_SUBMIT}: no records in {self.period.first_day:%B %Y}"
        if not self.failing:
            return "Data quality checks passed"
        return "Low data quality: failed " + "; ".join(
            f"{result.label} ({result.value_text}; threshold {result.threshold_text})"
            for result in self.failing
        )


def summarise_gates(gates: list[ProviderGate]) -> str:
    """One measure's gates across providers in a line (the overview's data-quality flag):
    passed everywhere, or the providers that fail and those that did not submit."""
    if not gates or not gates[0].has_checks:
        return NO_CHECKS
    verdicts = {gate.provider_name: gate.verdict for gate in gates}
    failing = [name for name, verdict in verdicts.items() if verdict == LOW_DATA_QUALITY]
    silent = [name for name, verdict in verdicts.items() if verdict == DID_NOT_SUBMIT]
    parts = [f"Low data quality at {', '.join(failing)}"] if failing else []
    if silent:
        parts.append(f"no records from {', '.join(silent)}")
    if not parts:
        return "Passed at every provider"
    if not failing:
        parts.insert(0, "Passed at every provider with records")
    return "; ".join(parts)


def gates_over_span(months: list[list[ProviderGate]]) -> dict[str, str]:
    """Each provider's gates for one measure in every month of a span (one list a month,
    from `monthly_gates`), in a line by provider name, to stand beside a rate pooled over
    those months."""
    by_provider: dict[str, list[ProviderGate]] = {}
    for gates in months:
        for gate in gates:
            by_provider.setdefault(gate.provider_name, []).append(gate)
    return {name: _over_span(gates) for name, gates in by_provider.items()}


def _over_span(gates: list[ProviderGate]) -> str:
    if len(gates) == 1:
        return gates[0].summary
    if not gates[0].has_checks:
        return NO_CHECKS
    low = [gate.period for gate in gates if gate.verdict == LOW_DATA_QUALITY]
    silent = [gate.period for gate in gates if gate.verdict == DID_NOT_SUBMIT]
    if not low and not silent:
        return f"Passed in all {len(gates)} months"
    parts = []
    if low:
        parts.append(f"{LOW_DATA_QUALITY} in {_months(low, len(gates))}")
    if silent:
        parts.append(f"no records in {_months(silent, len(gates))}")
    line = "; ".join(parts)
    return line[0].upper() + line[1:]


def _months(months: list[Month], of: int) -> str:
    latest = months[-1].first_day
    return f"{len(months)} of {of} months (latest {latest:%B %Y})"


# --- Gates ---------------------------------------------------------------------------------


def checks_of(measure: Measure) -> tuple[Check, ...]:
    unknown = [check_id for check_id in measure.data_quality if check_id not in CHECKS]
    if unknown:
        raise ValueError(
            f"{measure.path.name}: data_quality: no data-quality check {', '.join(unknown)}"
        )
    return tuple(CHECKS[check_id] for check_id in measure.data_quality)


def maternity_providers() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=OrganisationKind.MATERNITY_PROVIDER).order_by("name")


def gates_for_measures(
    measures: Iterable[Measure],
    *,
    period: Month,
    providers: Iterable[Organisation] | None = None,
) -> dict[str, list[ProviderGate]]:
    """Every measure's gate for every maternity provider (or those given), counting each
    check once however many measures list it."""
    return monthly_gates(measures, first=period, last=period, providers=providers)[period]


def monthly_gates(
    measures: Iterable[Measure],
    *,
    first: Month,
    last: Month,
    providers: Iterable[Organisation] | None = None,
) -> dict[Month, dict[str, list[ProviderGate]]]:
    """`gates_for_measures` for every month from `first` to `last`, each table's checks for
    all the months counted together (`_window_counts`)."""
    measures = list(measures)
    provider_list = list(providers if providers is not None else maternity_providers())
    needed = {check.id: check for measure in measures for check in checks_of(measure)}
    periods = months_between(first, last)
    results = _results(list(needed.values()), periods, [provider.pk for provider in provider_list])
    return {
        period: {
            measure.id: [
                ProviderGate(
                    measure_id=measure.id,
                    provider_id=provider.pk,
                    provider_name=provider.name,
                    period=period,
                    results=tuple(
                        results[period][provider.pk][check_id] for check_id in measure.data_quality
                    ),
                )
                for provider in provider_list
            ]
            for measure in measures
        }
        for period in periods
    }


def provider_gates(measure: Measure, *, period: Month) -> list[ProviderGate]:
    """The measure's gate for each maternity provider, by provider name."""
    return gates_for_measures([measure], period=period)[measure.id]


def gate_for(measure: Measure, provider: Organisation, period: Month) -> ProviderGate:
    (gate,) = gates_for_measures([measure], period=period, providers=[provider])[measure.id]
    return gate


def _results(
    checks: list[Check], periods: list[Month], provider_ids: list[int]
) -> dict[Month, dict[int, dict[str, CheckResult]]]:
    results: dict[Month, dict[int, dict[str, CheckResult]]] = {
        period: {provider_id: {} for provider_id in provider_ids} for period in periods
    }
    groups: dict[tuple[str, Window], list[Check]] = {}
    for check in checks:
        groups.setdefault((check.counting.population, check.window), []).append(check)
    expected_by_year: dict[int, dict[int, int]] = {}
    for (population_name, window), group in groups.items():
        counts = _window_counts(population_name, window, group, periods, provider_ids)
        for period in periods:
            first, last = window.months(period)
            days = (last.next().first_day - first.first_day).days
            expected = {}
            if any(check.kind is Kind.HES_COVERAGE for check in group):
                year = financial_year(last.next().first_day - timedelta(days=1))
                if year not in expected_by_year:
                    expected_by_year[year] = _expected_deliveries(provider_ids, year)
                expected = expected_by_year[year]
            for provider_id in provider_ids:
                row = counts.get((provider_id, period), {})
                for check in group:
                    results[period][provider_id][check.id] = _result(
                        check, row, first, last, days, expected.get(provider_id)
                    )
    return results


def _window_counts(
    population_name: str,
    window: Window,
    checks: list[Check],
    periods: list[Month],
    provider_ids: list[int],
) -> dict[tuple[int, Month], dict[str, int]]:
    """Each provider's counts for each period's window: summed from one query grouped by
    month when the checks add up over months, else counted once per period."""
    if window is Window.MONTH or all(check.adds_up_over_months for check in checks):
        monthly = _count(
            population_name, checks, window.months(periods[0])[0], periods[-1], provider_ids
        )
        return {
            (provider_id, period): _sum(
                monthly.get((provider_id, month), {})
                for month in months_between(*window.months(period))
            )
            for provider_id in provider_ids
            for period in periods
        }
    counts: dict[tuple[int, Month], dict[str, int]] = {}
    for period in periods:
        first, last = window.months(period)
        for (provider_id, _), row in _count(
            population_name, checks, first, last, provider_ids, monthly=False
        ).items():
            counts[provider_id, period] = row
    return counts


def _sum(rows: Iterable[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for row in rows:
        total.update(row)
    return dict(total)


def _count(
    population_name: str,
    checks: list[Check],
    first: Month,
    last: Month,
    provider_ids: list[int],
    *,
    monthly: bool = True,
) -> dict[tuple[int, Month | None], dict[str, int]]:
    """One query: per provider, and per month unless `monthly` is False, each check's
    numerator and (for shares) denominator."""
    population = POPULATIONS[population_name]
    provider = population.paths.to_pregnancy("provider_id")
    rows = population.rows().filter(
        **{
            f"{population.event_date}__gte": first.first_day,
            f"{population.event_date}__lt": last.next().first_day,
            f"{provider}__in": provider_ids,
        }
    )
    aggregates = {}
    for check in checks:
        aggregates[f"dq{check.id}_num"] = check.counting.count(check.numerator_condition)
        if check.kind is Kind.SHARE:
            aggregates[f"dq{check.id}_den"] = check.counting.count(check.denominator)
    keys = {"provider_group": F(provider)}
    if monthly:
        keys["month_group"] = MonthStart(population.event_date)
    grouped = rows.values(**keys).annotate(**aggregates).order_by()
    return {
        (row.pop("provider_group"), _month_of(row.pop("month_group", None))): row for row in grouped
    }


def _month_of(first_day: date | None) -> Month | None:
    return None if first_day is None else Month.of(first_day)


def _result(
    check: Check,
    row: dict[str, int],
    first: Month,
    last: Month,
    days: int,
    annual_deliveries: int | None,
) -> CheckResult:
    numerator = row.get(f"dq{check.id}_num", 0)
    if check.kind is Kind.HES_COVERAGE:
        if annual_deliveries is None:
            return CheckResult(
                check, first, last, rounded(numerator), 0, None, False, NO_EXPECTED_DELIVERIES
            )
        denominator = hes_denominator(annual_deliveries, days)
    elif check.kind is Kind.AT_LEAST_ONE:
        numerator, denominator = min(numerator, 1), 1
    else:
        denominator = row.get(f"dq{check.id}_den", 0)
    ratio, passed = judge(check.threshold, numerator, denominator)
    reason = NO_RECORDS if numerator == 0 and denominator == 0 else ""
    return CheckResult(
        check, first, last, rounded(numerator), rounded(denominator), ratio, passed, reason
    )


def financial_year(day: date) -> int:
    """The financial year (April to March) a day falls in, named by its first calendar year."""
    return day.year if day.month >= 4 else day.year - 1


def _expected_deliveries(provider_ids: list[int], year: int) -> dict[int, int]:
    """Each provider's HES deliveries for the financial year (the one a window ends in), or
    the latest year before it (HES is published a year or more late)."""
    expected: dict[int, int] = {}
    rows = ExpectedDeliveries.objects.filter(provider_id__in=provider_ids, year__lte=year)
    for provider_id, deliveries in rows.order_by("provider_id", "-year").values_list(
        "provider_id", "deliveries"
    ):
        expected.setdefault(provider_id, deliveries)
    return expected


def _previous(month: Month) -> Month:
    return Month.of(month.first_day - timedelta(days=1))


# --- Coding completeness -------------------------------------------------------------------

GROUPINGS = ("provider", "area")
NO_AREA = "No area recorded"
_CODED_ETHNICITY = tuple(
    code
    for code in EthnicCategory.values
    if code not in (EthnicCategory.NOT_STATED, EthnicCategory.NOT_KNOWN)
)


def _share(count: int, total: int) -> float | None:
    return count / total * 100 if total else None


@dataclass(frozen=True)
class EthnicityCompleteness:
    """Women booked in the period in one provider or area, by how ethnicity is coded."""

    group: str
    women: int
    coded: int
    not_stated: int
    not_known: int
    missing: int

    @property
    def coded_share(self) -> float | None:
        return _share(self.coded, self.women)

    @property
    def not_stated_share(self) -> float | None:
        return _share(self.not_stated, self.women)

    @property
    def not_known_share(self) -> float | None:
        return _share(self.not_known, self.women)

    @property
    def missing_share(self) -> float | None:
        return _share(self.missing, self.women)


@dataclass(frozen=True)
class PostcodeCompleteness:
    """Women booked in the period in one provider or area, by what their postcode gives."""

    group: str
    women: int
    postcode_present: int
    lsoa_found: int
    pseudo_postcode: int
    lsoa_not_found: int
    postcode_missing: int

    @property
    def postcode_present_share(self) -> float | None:
        return _share(self.postcode_present, self.women)

    @property
    def lsoa_found_share(self) -> float | None:
        return _share(self.lsoa_found, self.women)

    @property
    def pseudo_postcode_share(self) -> float | None:
        return _share(self.pseudo_postcode, self.women)

    @property
    def lsoa_not_found_share(self) -> float | None:
        return _share(self.lsoa_not_found, self.women)

    @property
    def postcode_missing_share(self) -> float | None:
        return _share(self.postcode_missing, self.women)


def ethnicity_completeness(
    *, first: Month, last: Month, by: str = "provider", publish: bool = False
) -> list[EthnicityCompleteness]:
    """Women booked from `first` to `last`: ethnic category coded (A to S), Not stated (Z),
    Not known (99) or Missing (empty or any other value). `publish` applies the
    small-number rule to every count (and the shares follow the rounded counts)."""
    category = "woman__ethnic_category"
    coded = Q(**{f"{category}__in": _CODED_ETHNICITY})
    not_stated = Q(**{category: EthnicCategory.NOT_STATED})
    not_known = Q(**{category: EthnicCategory.NOT_KNOWN})
    counts = _completeness_counts(
        first,
        last,
        by,
        {
            "coded": coded,
            "not_stated": not_stated,
            "not_known": not_known,
            "missing": ~(coded | not_stated | not_known),
        },
    )
    return [EthnicityCompleteness(group=label, **_published(row, publish)) for label, row in counts]


def postcode_completeness(
    *, first: Month, last: Month, by: str = "provider", publish: bool = False
) -> list[PostcodeCompleteness]:
    """Women booked from `first` to `last`: postcode present, and of those whether its
    LSOA is in England's IMD lookup, it is a ZZ99 pseudo-postcode, or no LSOA was found."""
    present = ~Q(woman__postcode="")
    found = present & Q(woman__lsoa_code__in=Lsoa.objects.values("code"))
    pseudo = present & ~found & Q(woman__postcode__istartswith=PSEUDO_POSTCODE_PREFIX)
    counts = _completeness_counts(
        first,
        last,
        by,
        {
            "postcode_present": present,
            "lsoa_found": found,
            "pseudo_postcode": pseudo,
            "lsoa_not_found": present & ~found & ~pseudo,
            "postcode_missing": ~present,
        },
    )
    return [PostcodeCompleteness(group=label, **_published(row, publish)) for label, row in counts]


def _completeness_counts(
    first: Month, last: Month, by: str, categories: dict[str, Q]
) -> list[tuple[str, dict[str, int]]]:
    """One query: distinct women booked in the period per group, and per category."""
    if by not in GROUPINGS:
        raise ValueError(f"Group completeness by one of {', '.join(GROUPINGS)}, not '{by}'")
    population = POPULATIONS["bookings"]
    rows = population.rows().filter(
        **{
            f"{population.event_date}__gte": first.first_day,
            f"{population.event_date}__lt": last.next().first_day,
        }
    )
    aggregates = {"women": Count("woman", distinct=True)}
    for name, condition in categories.items():
        aggregates[name] = Count("woman", distinct=True, filter=condition)
    grouped = rows.values(group_id=F(f"{by}_id")).annotate(**aggregates).order_by()
    model = Organisation if by == "provider" else Area
    names = dict(model.objects.values_list("pk", "name"))
    labelled = [(names.get(row.pop("group_id"), NO_AREA), row) for row in grouped]
    labelled.sort(key=lambda item: (item[0] == NO_AREA, item[0]))
    return labelled


def _published(row: dict[str, int], publish: bool) -> dict[str, int]:
    return {name: rounded(count) if publish else count for name, count in row.items()}
