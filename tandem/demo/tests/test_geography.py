"""Areas from whole MSOAs, and NHS numbers from the test range (no database needed)."""

from random import Random

import pytest

from tandem.core.nhs_number import is_valid
from tandem.demo.geography import assign_areas, msoa_of
from tandem.demo.lmns import AreaSpec
from tandem.demo.people import date_of_birth, nhs_numbers


def test_msoa_of_reads_the_lsoa_name():
    assert msoa_of("Stockport 023B") == ("Stockport 023", 23)


def test_assign_areas_keeps_an_msoa_whole_and_follows_the_postcode_majority():
    lsoas = [("L1", "Town 001A"), ("L2", "Town 001B"), ("L3", "Town 002A"), ("L4", "Town 003A")]
    postcodes = [
        ("AB1 1AA", "L1"),
        ("AB1 1AB", "L1"),
        ("AB2 2AA", "L2"),  # a minority sector inside MSOA 001
        ("AB2 3AA", "L3"),
        ("ZZ1 1AA", "L4"),  # claimed by no area: joins the nearest-numbered MSOA
    ]
    areas = [AreaSpec("North", ("AB1 1",)), AreaSpec("South", ("AB2",))]
    assert assign_areas(lsoas, postcodes, areas) == {
        "L1": "North",
        "L2": "North",
        "L3": "South",
        "L4": "South",
    }


def test_nhs_numbers_are_distinct_valid_and_in_the_999_range():
    numbers = nhs_numbers(Random(3), 5000)
    assert len(set(numbers)) == 5000
    assert all(number.startswith("999") and is_valid(number) for number in numbers)
    assert nhs_numbers(Random(3), 5000) == numbers


def test_nhs_numbers_refuse_more_than_the_range_holds():
    with pytest.raises(ValueError, match="999 test range"):
        nhs_numbers(Random(3), 900_000)


@pytest.mark.parametrize("on", ["2024-02-29", "2025-03-01", "2026-12-31"])
def test_date_of_birth_gives_the_age_asked_for(on):
    from datetime import date

    day = date.fromisoformat(on)
    rng = Random(7)
    for age in (16, 30, 47):
        born = date_of_birth(rng, age_on=day, age=age)
        assert day.year - born.year - ((day.month, day.day) < (born.month, born.day)) == age
