"""Coding completeness of women booked: ethnicity (coded, Not stated, Not known, Missing)
and postcode (LSOA found in England's IMD lookup, ZZ99 pseudo-postcode, not found,
missing), by provider and by area, exact and published with the small-number rule."""

from datetime import date

import pytest

from tandem.measures.quality import (
    NO_AREA,
    EthnicityCompleteness,
    PostcodeCompleteness,
    ethnicity_completeness,
    postcode_completeness,
)
from tandem.measures.services import Month
from tandem.records.models import Lsoa
from tandem.records.tests.factories import (
    AreaFactory,
    OrganisationFactory,
    PregnancyFactory,
    WomanFactory,
)

pytestmark = pytest.mark.django_db

APRIL = Month(2025, 4)
IN_APRIL = date(2025, 4, 10)
ENGLISH_LSOA = "E01005950"  # a Stockport LSOA in the vendored IMD 2019 lookup
WELSH_LSOA = "W01001939"  # a real LSOA, but England's IMD does not rank it


@pytest.fixture
def providers():
    stockport = OrganisationFactory(ods_code="RWJ", name="Stockport NHS Foundation Trust")
    tameside = OrganisationFactory(ods_code="RMP", name="Tameside and Glossop")
    return stockport, tameside


def _book(provider, area=None, on: date = IN_APRIL, **woman):
    return PregnancyFactory(
        provider=provider, area=area, booking_date=on, woman=WomanFactory(**woman)
    )


def test_ethnicity_separates_not_stated_not_known_and_missing(providers):
    stockport, tameside = providers
    for code in ("A", "H", "Z", "99", "", "X"):  # "X": a local 'not known' code MSDS rejects
        _book(stockport, ethnic_category=code)
    _book(stockport, on=date(2025, 5, 2), ethnic_category="Z")  # booked in May: left out
    _book(tameside, ethnic_category="N")

    rows = ethnicity_completeness(first=APRIL, last=APRIL)

    assert rows == [
        EthnicityCompleteness("Stockport NHS Foundation Trust", 6, 2, 1, 1, 2),
        EthnicityCompleteness("Tameside and Glossop", 1, 1, 0, 0, 0),
    ]
    stockport_row = rows[0]
    assert stockport_row.coded_share == pytest.approx(2 / 6 * 100)
    assert stockport_row.missing_share == pytest.approx(2 / 6 * 100)


def test_ethnicity_by_area_puts_women_without_an_area_last(providers):
    stockport, _ = providers
    adswood = AreaFactory(organisation=stockport, name="Adswood")
    _book(stockport, adswood, ethnic_category="A")
    _book(stockport, None, ethnic_category="")
    rows = ethnicity_completeness(first=APRIL, last=APRIL, by="area")
    assert [(row.group, row.women, row.coded, row.missing) for row in rows] == [
        ("Adswood", 1, 1, 0),
        (NO_AREA, 1, 0, 1),
    ]


def test_published_completeness_applies_the_small_number_rule(providers):
    stockport, _ = providers
    for code in ["A"] * 8 + ["Z"] * 2 + [""] * 3:  # 13 women: 8 coded, 2 Z, 3 missing
        _book(stockport, ethnic_category=code)
    (row,) = ethnicity_completeness(first=APRIL, last=APRIL, publish=True)
    # 13 -> 15, 8 -> 10, 2 -> 5, 0 -> 0, 3 -> 5; the shares follow the rounded counts
    assert row == EthnicityCompleteness("Stockport NHS Foundation Trust", 15, 10, 5, 0, 5)
    assert row.coded_share == pytest.approx(10 / 15 * 100)


def test_postcode_completeness_finds_lsoas_in_englands_imd_lookup(providers):
    stockport, _ = providers
    assert Lsoa.objects.filter(code=ENGLISH_LSOA).exists()
    assert not Lsoa.objects.filter(code=WELSH_LSOA).exists()
    _book(stockport, postcode="SK5 8DL", lsoa_code=ENGLISH_LSOA, imd_decile=1)
    _book(stockport, postcode="SK3 8AA", lsoa_code=ENGLISH_LSOA, imd_decile=1)
    _book(stockport, postcode="ZZ99 3VZ", lsoa_code="")
    _book(stockport, postcode="CF10 1AA", lsoa_code=WELSH_LSOA)
    _book(stockport, postcode="SW1A 1AA", lsoa_code="")
    _book(stockport, postcode="")

    (row,) = postcode_completeness(first=APRIL, last=APRIL)

    assert row == PostcodeCompleteness(
        "Stockport NHS Foundation Trust",
        women=6,
        postcode_present=5,
        lsoa_found=2,
        pseudo_postcode=1,
        lsoa_not_found=2,
        postcode_missing=1,
    )
    assert row.lsoa_found_share == pytest.approx(2 / 6 * 100)
    assert row.pseudo_postcode_share == pytest.approx(1 / 6 * 100)


def test_a_woman_booked_twice_in_the_period_is_counted_once(providers):
    stockport, _ = providers
    woman = WomanFactory(ethnic_category="Z")
    PregnancyFactory(provider=stockport, woman=woman, booking_date=IN_APRIL)
    PregnancyFactory(provider=stockport, woman=woman, booking_date=date(2025, 4, 20))
    (row,) = ethnicity_completeness(first=APRIL, last=APRIL)
    assert (row.women, row.not_stated) == (1, 1)


def test_completeness_of_a_period_with_no_bookings_is_empty(providers):
    assert ethnicity_completeness(first=APRIL, last=APRIL) == []
    assert postcode_completeness(first=APRIL, last=APRIL, by="area") == []


def test_completeness_refuses_an_unknown_grouping():
    with pytest.raises(ValueError, match="provider, area, not 'team'"):
        ethnicity_completeness(first=APRIL, last=APRIL, by="team")
