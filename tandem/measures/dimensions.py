"""The breakdowns every measure can be cut by, as SQL expressions on a population.

Each dimension is written once against a pregnancy path and a labour path, so the same
definition serves bookings (paths from the pregnancy), births (from the baby) and
contacts. Group values come back as codes and are labelled here in one place.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, CharField, Expression, F, Func, IntegerField, Q, Value, When
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual

from tandem.outcomes.models import RobsonGroup
from tandem.records.codes import EthnicGroup, ethnic_group_codes

NOT_KNOWN = "Not known"


@dataclass(frozen=True)
class Paths:
    """How a population reaches the pregnancy and the labour ('' when it is one)."""

    pregnancy: str
    labour: str | None

    def to_pregnancy(self, field: str) -> str:
        return f"{self.pregnancy}{field}"


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str
    expression: Callable[[Paths], Expression]
    # The groups in display order; None when they depend on the data (providers, areas).
    groups: tuple[str, ...] | None
    needs_labour: bool = False

    def label_of(self, value) -> str:
        return NOT_KNOWN if value is None or value == "" else str(value)


def _ethnic_group(paths: Paths) -> Expression:
    field = paths.to_pregnancy("woman__ethnic_category")
    return Case(
        *(
            When(**{f"{field}__in": codes}, then=Value(group.value))
            for group, codes in ethnic_group_codes().items()
        ),
        default=Value(EthnicGroup.MISSING.value),
        output_field=CharField(),
    )


# Why a woman has no IMD decile, kept apart as MSMS keeps its "pseudo postcode" and
# "missing" categories: no fixed abode and living overseas are equity questions too.
PSEUDO_POSTCODE = "Pseudo postcode (no fixed abode or overseas)"
POSTCODE_NOT_PLACED = "Postcode not placed in England"
NO_POSTCODE = "No postcode"
UNPLACED = (PSEUDO_POSTCODE, POSTCODE_NOT_PLACED, NO_POSTCODE)
PSEUDO_POSTCODE_PREFIX = "ZZ99"


def _unplaced(paths: Paths) -> list[When]:
    """The cases for a woman without a decile; any other is POSTCODE_NOT_PLACED."""
    postcode = paths.to_pregnancy("woman__postcode")
    return [
        When(**{f"{postcode}__istartswith": PSEUDO_POSTCODE_PREFIX}, then=Value(PSEUDO_POSTCODE)),
        When(**{postcode: ""}, then=Value(NO_POSTCODE)),
    ]


def _imd_decile(paths: Paths) -> Expression:
    field = paths.to_pregnancy("woman__imd_decile")
    return Case(
        *(When(**{field: decile}, then=Value(str(decile))) for decile in range(1, 11)),
        *_unplaced(paths),
        default=Value(POSTCODE_NOT_PLACED),
        output_field=CharField(),
    )


def _imd_quintile(paths: Paths) -> Expression:
    field = paths.to_pregnancy("woman__imd_decile")
    return Case(
        *(
            When(**{f"{field}__in": (2 * quintile - 1, 2 * quintile)}, then=Value(str(quintile)))
            for quintile in range(1, 6)
        ),
        *_unplaced(paths),
        default=Value(POSTCODE_NOT_PLACED),
        output_field=CharField(),
    )


AGE_BANDS = (
    ("Under 20", None, 19),
    ("20 to 24", 20, 24),
    ("25 to 29", 25, 29),
    ("30 to 34", 30, 34),
    ("35 to 39", 35, 39),
    ("40 to 44", 40, 44),
    ("45 and over", 45, None),
)


class _DateNumber(Func):
    """A date as the number YYYYMMDD, natively in each database (Django's Extract*
    functions call back into Python for every row on SQLite)."""

    template = "CAST(to_char(%(expressions)s, 'YYYYMMDD') AS integer)"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="CAST(strftime('%%Y%%m%%d', %(expressions)s) AS integer)"
        )


def age_at_booking(paths: Paths) -> Expression:
    """Completed years on the booking date: the YYYYMMDD difference floored to whole
    10,000s is the years between, less one before the birthday (also when negative)."""
    booked = _DateNumber(paths.to_pregnancy("booking_date"))
    born = _DateNumber(paths.to_pregnancy("woman__date_of_birth"))
    difference = booked - born
    return Case(
        When(GreaterThanOrEqual(difference, 0), then=difference / 10000),
        default=-((9999 - difference) / 10000),
        output_field=IntegerField(),
    )


def _age_band(paths: Paths) -> Expression:
    age = age_at_booking(paths)
    return Case(
        *(When(_between(age, low, high), then=Value(label)) for label, low, high in AGE_BANDS),
        default=Value(None),
        output_field=CharField(),
    )


def _between(age: Expression, low: int | None, high: int | None) -> Q:
    condition = Q()
    if low is not None:
        condition &= Q(GreaterThanOrEqual(age, low))
    if high is not None:
        condition &= Q(LessThanOrEqual(age, high))
    return condition


def _robson(paths: Paths) -> Expression:
    return F(f"{paths.labour}robson_group")


def _field(name: str) -> Callable[[Paths], Expression]:
    return lambda paths: F(paths.to_pregnancy(name))


DIMENSIONS: dict[str, Dimension] = {
    dimension.name: dimension
    for dimension in (
        Dimension("provider", "Provider", _field("provider_id"), None),
        Dimension("area", "Area", _field("area_id"), None),
        Dimension(
            "ethnic_group",
            "Ethnic group",
            _ethnic_group,
            tuple(group.value for group in EthnicGroup),
        ),
        Dimension(
            "imd_decile",
            "IMD decile (1 = most deprived)",
            _imd_decile,
            (*(str(decile) for decile in range(1, 11)), *UNPLACED),
        ),
        Dimension(
            "imd_quintile",
            "IMD quintile (1 = most deprived)",
            _imd_quintile,
            (*(str(quintile) for quintile in range(1, 6)), *UNPLACED),
        ),
        Dimension(
            "age_band",
            "Age at booking",
            _age_band,
            (*(label for label, _, _ in AGE_BANDS), NOT_KNOWN),
        ),
        Dimension(
            "robson_group",
            "Robson group",
            _robson,
            (*(group.value for group in RobsonGroup), NOT_KNOWN),
            needs_labour=True,
        ),
    )
}
