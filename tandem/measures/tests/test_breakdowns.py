"""Breaking a measure down by one dimension or by two at once.

Every test uses the PPH measure (women giving birth), whose denominator is every woman,
so each group's denominator is simply the women in it."""

from datetime import date

import pytest

from tandem.measures.definitions import measure
from tandem.measures.services import compute
from tandem.measures.tests.factories import INDUCED, MARCH, give_birth, twins
from tandem.records.tests.factories import (
    AreaFactory,
    OrganisationFactory,
    PregnancyFactory,
    WomanFactory,
)

pytestmark = pytest.mark.django_db


def _by(*dimensions: str) -> dict[tuple[str, ...], tuple[int, int]]:
    rates = compute([measure("pph_1500")], first=MARCH, last=MARCH, by=dimensions)
    assert {rate.dimension for rate in rates} <= {" × ".join(dimensions)}
    return {rate.group: (rate.numerator, rate.denominator) for rate in rates}


def _birth(*, bleed: bool = False, woman: dict | None = None, **pregnancy) -> None:
    give_birth(
        pregnancy=PregnancyFactory(woman=WomanFactory(**(woman or {})), **pregnancy),
        blood_loss_ml=1500 if bleed else 400,
    )


def test_breakdown_by_provider_names_each_provider():
    stockport = OrganisationFactory()
    manchester = OrganisationFactory(ods_code="R0A", name="Manchester University")
    _birth(provider=stockport, bleed=True)
    _birth(provider=stockport)
    _birth(provider=manchester)

    assert _by("provider") == {
        ("Stockport NHS Foundation Trust",): (1, 2),
        ("Manchester University",): (0, 1),
    }


def test_breakdown_by_area_puts_pregnancies_without_an_area_in_not_known():
    east = AreaFactory(name="Stockport East")
    _birth(area=east, bleed=True)
    _birth(area=east)
    _birth(area=None, bleed=True)

    assert _by("area") == {("Stockport East",): (1, 2), ("Not known",): (1, 1)}


def test_breakdown_by_ethnic_group_keeps_not_stated_not_known_and_missing_apart():
    for code, bleed in [
        ("A", True),
        ("C", False),  # any other White background
        ("H", False),
        ("R", True),  # Chinese is in "Any other ethnic group" in the 2001 grouping
        ("Z", False),
        ("99", True),
        ("", False),
    ]:
        _birth(woman={"ethnic_category": code}, bleed=bleed)

    assert _by("ethnic_group") == {
        ("White",): (1, 2),
        ("Asian or Asian British",): (0, 1),
        ("Any other ethnic group",): (1, 1),
        ("Not Stated",): (0, 1),
        ("Not known",): (1, 1),
        ("Missing",): (0, 1),
    }


def test_breakdown_by_imd_decile_and_quintile():
    for decile, bleed in [(1, True), (2, False), (2, False), (10, True), (None, False)]:
        _birth(woman={"imd_decile": decile}, bleed=bleed)
    # Without a decile, why is kept: a ZZ99 pseudo postcode, or no postcode at all.
    _birth(woman={"imd_decile": None, "postcode": "ZZ99 3VZ", "lsoa_code": ""}, bleed=True)
    _birth(woman={"imd_decile": None, "postcode": "", "lsoa_code": ""})

    unplaced = {
        ("Postcode not placed in England",): (0, 1),
        ("Pseudo postcode (no fixed abode or overseas)",): (1, 1),
        ("No postcode",): (0, 1),
    }
    assert _by("imd_decile") == {("1",): (1, 1), ("2",): (0, 2), ("10",): (1, 1), **unplaced}
    # quintile 1 is deciles 1 and 2
    assert _by("imd_quintile") == {("1",): (1, 3), ("5",): (1, 1), **unplaced}


def test_breakdown_by_age_band_uses_completed_years_on_the_booking_day():
    booked = date(2025, 1, 10)
    for born, bleed in [
        (date(2005, 1, 10), True),  # 20th birthday on the booking day: 20
        (date(2005, 1, 11), False),  # 20 the day after booking: 19
        (date(1990, 6, 1), False),  # 34
        (date(1980, 1, 10), True),  # 45 on the day
    ]:
        _birth(woman={"date_of_birth": born}, booking_date=booked, bleed=bleed)
    _birth(booking_date=None)  # not booked: age at booking not known

    assert _by("age_band") == {
        ("20 to 24",): (1, 1),
        ("Under 20",): (0, 1),
        ("30 to 34",): (0, 1),
        ("45 and over",): (1, 1),
        ("Not known",): (0, 1),
    }


def test_breakdown_by_robson_group_uses_the_derived_group():
    give_birth(blood_loss_ml=1500)
    give_birth()
    give_birth(onset=INDUCED)
    give_birth(babies=twins(), blood_loss_ml=2000)

    assert _by("robson_group") == {("1",): (1, 2), ("2a",): (0, 1), ("8",): (1, 1)}


def test_breakdown_by_two_dimensions_crosses_their_groups():
    for code, decile, bleed in [
        ("A", 1, True),
        ("A", 2, False),
        ("A", 9, False),
        ("N", 1, True),
        ("N", 1, True),
        ("", None, False),
    ]:
        _birth(woman={"ethnic_category": code, "imd_decile": decile}, bleed=bleed)

    assert _by("ethnic_group", "imd_quintile") == {
        ("White", "1"): (1, 2),
        ("White", "5"): (0, 1),
        ("Black or Black British", "1"): (2, 2),
        ("Missing", "Postcode not placed in England"): (0, 1),
    }


def test_breakdown_rates_carry_95_percent_wilson_intervals_in_the_measure_unit():
    for bleed in (True, False, False, False):
        _birth(bleed=bleed)

    (rate,) = compute([measure("pph_1500")], first=MARCH, last=MARCH, by=["provider"])

    # 1 of 4: Wilson 95% interval 0.0456 to 0.6994, per 1,000
    low, high = rate.interval
    assert rate.value == 250.0
    assert (round(low, 1), round(high, 1)) == (45.6, 699.4)


@pytest.mark.parametrize(
    ("by", "message"),
    [
        (["provider", "area", "age_band"], "at most two"),
        (["postcode"], "No breakdown 'postcode'"),
        (["area", "area"], "two different"),
    ],
)
def test_breakdown_refuses_more_than_two_unknown_or_repeated_dimensions(by, message):
    with pytest.raises(ValueError, match=message):
        compute([measure("pph_1500")], first=MARCH, last=MARCH, by=by)
