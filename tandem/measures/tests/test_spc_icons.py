"""The variation icon (the latest month's signal) and the assurance icon (the target
against the latest segment's process limits)."""

import pytest

from tandem.measures.definitions import Direction
from tandem.measures.services import Month, months_between
from tandem.measures.spc import AssuranceIcon, VariationIcon, xmr

ALTERNATING = [10, 12] * 10  # mean 11, process limits 5.68 to 16.32


def _chart(values, **options):
    options.setdefault("direction", Direction.LOWER)
    months = months_between(Month(2024, 1), Month(2030, 12))[: len(values)]
    return xmr(list(zip(months, values, strict=True)), **options)


def test_variation_is_common_cause_when_the_latest_month_is():
    assert _chart(ALTERNATING).variation is VariationIcon.COMMON_CAUSE


@pytest.mark.parametrize(
    ("direction", "latest", "icon"),
    [
        (Direction.LOWER, 30, VariationIcon.CONCERN_HIGH),
        (Direction.LOWER, -10, VariationIcon.IMPROVEMENT_LOW),
        (Direction.HIGHER, 30, VariationIcon.IMPROVEMENT_HIGH),
        (Direction.HIGHER, -10, VariationIcon.CONCERN_LOW),
        (Direction.NEUTRAL, 30, VariationIcon.NEUTRAL_HIGH),
        (Direction.NEUTRAL, -10, VariationIcon.NEUTRAL_LOW),
    ],
)
def test_variation_follows_the_latest_special_cause(direction, latest, icon):
    assert _chart([*ALTERNATING, latest], direction=direction).variation is icon


def test_variation_reads_the_latest_month_with_data():
    assert _chart([*ALTERNATING, 30, None]).variation is VariationIcon.CONCERN_HIGH


def test_variation_of_a_falling_trend_where_lower_is_better():
    values = [10, 12] * 6 + [10] + [11.8, 11.6, 11.4, 11.2, 11.0, 10.8, 10.6]
    assert _chart(values).variation is VariationIcon.IMPROVEMENT_LOW


@pytest.mark.parametrize(
    ("direction", "target", "icon"),
    [
        # Target above the upper limit (16.32): every month below it.
        (Direction.LOWER, 20, AssuranceIcon.CONSISTENTLY_PASS),
        (Direction.HIGHER, 20, AssuranceIcon.CONSISTENTLY_FAIL),
        # Target below the lower limit (5.68): every month above it.
        (Direction.LOWER, 3, AssuranceIcon.CONSISTENTLY_FAIL),
        (Direction.HIGHER, 3, AssuranceIcon.CONSISTENTLY_PASS),
        # Target between the limits.
        (Direction.LOWER, 12, AssuranceIcon.HIT_AND_MISS),
        (Direction.HIGHER, 16.32, AssuranceIcon.HIT_AND_MISS),
    ],
)
def test_assurance_from_the_target_against_the_limits(direction, target, icon):
    assert _chart(ALTERNATING, direction=direction, target=target).assurance is icon


def test_no_assurance_without_a_target_or_a_direction():
    assert _chart(ALTERNATING).assurance is None
    assert _chart(ALTERNATING, direction=Direction.NEUTRAL, target=20).assurance is None


def test_assurance_uses_the_latest_segment():
    # Before the change the process ran at 20 (limits 14.68 to 25.32), after it at 10
    # (4.68 to 15.32): a target of 17 is now always met.
    values = [19, 21] * 6 + [9, 11] * 6
    chart = _chart(values, rebase_at=[Month(2025, 1)], target=17)
    assert chart.assurance is AssuranceIcon.CONSISTENTLY_PASS


def test_icons_have_plain_english_labels():
    assert VariationIcon.CONCERN_HIGH.label == ("Special cause variation: concern, higher values")
    assert AssuranceIcon.HIT_AND_MISS.label == (
        "Assurance: it will sometimes meet the target and sometimes miss it"
    )
