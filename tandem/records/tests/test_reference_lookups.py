"""The vendored postcode -> LSOA -> IMD lookups, as the data migration loads them."""

import csv

import pytest
from django.db.models import Exists, OuterRef

from tandem.records.models import Lsoa, Postcode
from tandem.records.reference import POSTCODE_FILES, normalise_postcode

pytestmark = pytest.mark.django_db


def test_reference_lookups_hold_every_english_lsoa():
    assert Lsoa.objects.count() == 32_844
    assert set(Lsoa.objects.values_list("imd_decile", flat=True).distinct()) == set(range(1, 11))


def test_reference_lookups_hold_every_vendored_postcode():
    vendored = set()
    for path in POSTCODE_FILES:
        with path.open(newline="", encoding="utf-8") as handle:
            vendored.update(row["postcode"] for row in csv.DictReader(handle))

    assert Postcode.objects.count() == len(vendored) == 57_543


def test_reference_lookups_place_every_postcode_in_a_ranked_lsoa():
    ranked = Lsoa.objects.filter(code=OuterRef("lsoa11_code"))

    assert not Postcode.objects.filter(~Exists(ranked)).exists()


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("SK3 8LG", "SK3 8LG"),
        ("sk38lg", "SK3 8LG"),
        ("  Sk3   8lG ", "SK3 8LG"),
        ("m11aa", "M1 1AA"),
        ("SW1A1AA", "SW1A 1AA"),
        ("ol16 1aa", "OL16 1AA"),
        ("sk3", "SK3"),
        ("", ""),
    ],
)
def test_normalise_postcode(typed, normalised):
    assert normalise_postcode(typed) == normalised
