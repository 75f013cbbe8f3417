"""The published distributions: read correctly, and reproduced by a generated year."""

import csv
import math
from collections import Counter
from random import Random

import pytest
from django.utils import timezone

from tandem.demo.calibration import (
    CALIBRATION_FILE,
    MISSING,
    calibrate,
    known_shares,
    read_published,
)
from tandem.demo.sampling import Categorical, rake
from tandem.demo.tests.support import generate, generated_shares

# Each published category's share must be reproduced within 4 percentage points, or within
# 3 standard errors where a comparison has few women (previous caesareans among parous
# women: ~650). A generated year for ~3,000 Stockport pregnancies has ~1,600 deliveries, so
# a share near 50% has a sampling standard error of ~1.25 points: 4 points is ~3 of them.
TOLERANCE_POINTS = 4.0
TOLERANCE_STANDARD_ERRORS = 3.0
# Categories modelled as missing (ethnicity: never recorded) are compared; the other
# "Missing value" categories measure 2022-23 submission gaps and are not reproduced.
COMPARED = (
    "AgeAtBookingMotherGroup",
    "EthnicCategoryMotherGroup",
    "DeprivationDecileAtBooking",
    "PreviousLiveBirthsGroup",
    "PreviousCaesareanSectionsGroup",
    "GestAgeFormalAntenatalBookingGroup",
    "SmokingStatusGroupBooking",
    "OnsetOfLabour",
    "DeliveryMethodBabyGroup",
    "GestationLengthBirth",
    "BirthweightTermGroup",
    "ApgarScore5TermGroup7",
    "BabyFirstFeedBreastMilkStatus",
)
_OUTSIDE = {
    "Resident Elsewhere in UK, Channel Islands or Isle of Man",
    "Pseudo postcode recorded (includes no fixed abode or resident overseas)",
}


def _published_shares(dimension: str, counts: dict[str, int]) -> dict[str, float]:
    kept: Counter = Counter()
    for category, count in counts.items():
        if dimension == "DeprivationDecileAtBooking" and category in _OUTSIDE | {MISSING}:
            kept["outside the lookup"] += count
        elif not _dropped(dimension, category):
            kept[category] += count
    total = sum(kept.values())
    return {category: count / total for category, count in kept.items()}


def _dropped(dimension: str, category: str) -> bool:
    if dimension == "PreviousCaesareanSectionsGroup":
        # Parity comes from PreviousLiveBirthsGroup; this dimension gives the share of
        # parous women with a previous caesarean, so only its parous categories are compared.
        return category in ("Zero Previous Births", MISSING)
    if dimension == "OnsetOfLabour":
        return category in ("Not known", MISSING)
    return category == MISSING and dimension != "EthnicCategoryMotherGroup"


def test_calibration_file_has_every_dimension_for_the_three_providers():
    published = read_published()
    assert set(published) == {"RWJ", "RMP", "R0A"}
    for org_code in published:
        assert set(COMPARED) <= set(published[org_code])
        calibration = calibrate(org_code, published)
        assert 0 < calibration.smoker_at_booking < 0.5
        assert 0 < calibration.preterm_share < 0.15


def test_calibration_unmapped_category_is_refused():
    with pytest.raises(ValueError, match="unmapped published categories"):
        known_shares({"Under 20": 5, "Under 12": 1}, {"Under 20": (16, 19)}, dimension="Age")


def test_calibration_reads_stockport_as_published():
    with CALIBRATION_FILE.open(newline="", encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if row["Org_Code"] == "RWJ" and row["Dimension"] == "SmokingStatusGroupBooking"
        ]
    published = {row["Measure"]: int(row["Value"]) for row in rows}
    calibration = calibrate("RWJ", read_published())
    expected = published["Smoker"] / (published["Smoker"] + published["Non-Smoker / Ex-Smoker"])
    assert calibration.smoker_at_booking == pytest.approx(expected)


def test_rake_keeps_the_target_shares_while_leaning():
    target = {"a": 60, "b": 30, "c": 10}
    strata = [(0.7, {"c": 0.5}), (0.3, {"c": 3.0, "b": 0.5})]
    first, second = rake(target, strata)
    mixed = {key: 0.7 * first[key] + 0.3 * second[key] for key in target}
    assert mixed == pytest.approx({"a": 0.6, "b": 0.3, "c": 0.1}, abs=1e-6)
    assert second["c"] > first["c"]


def test_categorical_draws_follow_weights():
    distribution = Categorical({"x": 3, "y": 1, "never": 0})
    rng = Random(1)
    draws = Counter(distribution.draw(rng) for _ in range(20_000))
    assert set(draws) == {"x", "y"}
    assert draws["x"] / 20_000 == pytest.approx(0.75, abs=0.02)


@pytest.mark.slow
@pytest.mark.django_db
def test_generated_year_matches_published_stockport_shares():
    today = timezone.localdate()
    generate(5500, seed=2026, today=today)  # Stockport gets ~55%: ~3,000 pregnancies
    generated = generated_shares("RWJ", today)
    published = read_published()["RWJ"]
    assert sum(generated["DeliveryMethodBabyGroup"].values()) > 1200
    failures = []
    for dimension in COMPARED:
        expected = _published_shares(dimension, published[dimension])
        counts = generated[dimension]
        total = sum(counts.values())
        for category in set(expected) | set(counts):
            got = counts.get(category, 0) / total
            want = expected.get(category, 0.0)
            standard_error = math.sqrt(want * (1 - want) / total)
            tolerance = max(TOLERANCE_POINTS / 100, TOLERANCE_STANDARD_ERRORS * standard_error)
            if abs(got - want) > tolerance:
                failures.append(
                    f"{dimension} {category}: {got:.1%} generated, {want:.1%} published"
                )
    assert not failures, "\n".join(failures)
