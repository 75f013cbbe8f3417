"""Funnel plots: exact (mid-p) binomial limits worked by hand, each unit's position
against the 95% and 99.8% limits, and the funnel built from the database by provider."""

from datetime import date
from math import comb, sqrt

import pytest

from tandem.measures.definitions import measure
from tandem.measures.funnel import Position, binomial_limits, funnel_plot, provider_funnel
from tandem.measures.services import Month
from tandem.measures.tests.factories import give_birth
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory


def test_limits_for_ten_around_a_half_match_the_hand_worked_numbers():
    # Binomial(10, 0.5): F(0) = 1/1024, F(1) = 11/1024, F(2) = 56/1024, F(7) = 968/1024,
    # F(8) = 1013/1024. Lower 95%: r = 2, 2.5 − (56/1024 − 0.025) / (45/1024) = 1.82444;
    # upper 95%: r = 8, 8.5 − (1013/1024 − 0.975) / (45/1024) = 8.17556; lower 99.8%:
    # r = 1, 1.5 − (11/1024 − 0.001) / (10/1024) = 0.5024. Each divided by n = 10.
    limits = binomial_limits(10, 0.5)
    assert limits.lower_95 == pytest.approx(0.182444, abs=1e-6)
    assert limits.upper_95 == pytest.approx(0.817556, abs=1e-6)
    assert limits.lower_99_8 == pytest.approx(0.05024, abs=1e-6)
    assert limits.upper_99_8 == pytest.approx(1 - 0.05024, abs=1e-6)


def test_limits_approach_the_normal_limits_for_a_large_denominator():
    # 10% of 10,000: p0 ± z √(0.1 × 0.9 / 10,000) = 10 ± 1.96 × 0.3 and 10 ± 3.09 × 0.3.
    limits = binomial_limits(10_000, 0.1, multiplier=100)
    assert limits.lower_95 == pytest.approx(10 - 1.96 * 0.3, abs=0.02)
    assert limits.upper_95 == pytest.approx(10 + 1.96 * 0.3, abs=0.02)
    assert limits.lower_99_8 == pytest.approx(10 - 3.09 * 0.3, abs=0.03)
    assert limits.upper_99_8 == pytest.approx(10 + 3.09 * 0.3, abs=0.03)


def test_limits_stay_between_0_and_the_whole():
    limits = binomial_limits(3, 0.02, multiplier=1000)
    assert limits.lower_99_8 == 0.0
    assert 0 < limits.upper_99_8 <= 1000


def test_limits_at_a_rate_of_nothing_or_everything():
    assert binomial_limits(20, 0.0).lower_95 == 0.0
    assert binomial_limits(20, 1.0).upper_99_8 == 1.0


def _mid_p_upper(count: int, n: int, p0: float) -> float:
    """P(X > count) + ½ P(X = count) for X ~ Binomial(n, p0), by direct sums."""

    def probability(k):
        return comb(n, k) * p0**k * (1 - p0) ** (n - k)

    return sum(probability(k) for k in range(count + 1, n + 1)) + probability(count) / 2


@pytest.mark.parametrize("count", range(0, 21))
def test_above_the_upper_limit_is_the_mid_p_test(count):
    # 20 around 0.3: a count is above the 95% limit exactly when its mid-p upper tail is
    # under 2.5%.
    limits = binomial_limits(20, 0.3)
    assert (count / 20 > limits.upper_95) == (_mid_p_upper(count, 20, 0.3) < 0.025)


def test_units_are_placed_against_both_limits():
    # Pooled: (5 + 45 + 60) / (10 + 990 + 1,000) = 110 / 2,000 = 5.5%.
    # Small: 50% of 10, far above. Large: 4.5% of 990, inside (z = −1.37). Middle: 6% of
    # 1,000, inside (z = 0.69).
    plot = funnel_plot([("Small", 5, 10), ("Large", 45, 990), ("Middle", 60, 1000)], multiplier=100)
    assert plot.target == pytest.approx(5.5)
    assert (plot.numerator, plot.denominator) == (110, 2000)
    places = {unit.label: (unit.against_95, unit.against_99_8) for unit in plot.units}
    assert places == {
        "Small": (Position.ABOVE, Position.ABOVE),
        "Large": (Position.INSIDE, Position.INSIDE),
        "Middle": (Position.INSIDE, Position.INSIDE),
    }


def test_a_unit_beyond_95_but_within_99_8():
    # Pooled (65 + 135) / 4,000 = 5%. A: 65 of 1,000 = 6.5%,
    # z = 0.015 / √(0.05 × 0.95 / 1,000) = 2.18, between 1.96 and 3.09.
    plot = funnel_plot([("A", 65, 1000), ("B", 135, 3000)], multiplier=100)
    a = plot.units[0]
    z = (0.065 - 0.05) / sqrt(0.05 * 0.95 / 1000)
    assert 1.96 < z < 3.09
    assert (a.against_95, a.against_99_8) == (Position.ABOVE, Position.INSIDE)


def test_a_unit_below():
    plot = funnel_plot([("Low", 10, 1000), ("Rest", 490, 9000)], multiplier=100)
    low = plot.units[0]
    assert (low.against_95, low.against_99_8) == (Position.BELOW, Position.BELOW)


def test_the_curve_runs_across_the_units_for_drawing():
    plot = funnel_plot([("A", 5, 40), ("B", 50, 400)])
    denominators = [point.denominator for point in plot.curve]
    assert denominators[0] <= 20 and denominators[-1] >= 440
    assert denominators == sorted(set(denominators))
    # The funnel narrows as the denominator grows.
    assert plot.curve[0].limits.upper_99_8 > plot.curve[-1].limits.upper_99_8


def test_a_numerator_over_its_denominator_is_refused():
    with pytest.raises(ValueError, match="Bad: the numerator must be between 0"):
        funnel_plot([("Bad", 5, 4)])


def test_no_units_is_an_empty_plot():
    assert funnel_plot([("Empty", 0, 0)]).units == ()


@pytest.mark.django_db
def test_provider_funnel_pools_each_providers_months():
    north = OrganisationFactory(ods_code="RN1", name="North")
    south = OrganisationFactory(ods_code="RS1", name="South")
    # North: 1 of 3 in January, 0 of 2 in February. South: 2 of 9 in January.
    for day, loss in enumerate([1600, 300, 300], start=1):
        give_birth(
            date(2025, 1, day), pregnancy=PregnancyFactory(provider=north), blood_loss_ml=loss
        )
    for day in (1, 2):
        give_birth(
            date(2025, 2, day), pregnancy=PregnancyFactory(provider=north), blood_loss_ml=300
        )
    for day in range(1, 10):
        loss = 1600 if day <= 2 else 300
        give_birth(
            date(2025, 1, day), pregnancy=PregnancyFactory(provider=south), blood_loss_ml=loss
        )
    pph = measure("pph_1500")
    exact = provider_funnel(pph, first=Month(2025, 1), last=Month(2025, 2), publish=False)
    assert {(u.label, u.numerator, u.denominator) for u in exact.units} == {
        ("North", 1, 5),
        ("South", 2, 9),
    }
    assert exact.target == pytest.approx(3 / 14 * 1000)
    # Published: North 1 → 5 of 5 → 5; South 2 → 5 of 9 → 10; pooled 10 of 15.
    published = provider_funnel(pph, first=Month(2025, 1), last=Month(2025, 2), publish=True)
    assert {(u.label, u.numerator, u.denominator) for u in published.units} == {
        ("North", 5, 5),
        ("South", 5, 10),
    }
    assert published.target == pytest.approx(10 / 15 * 1000)


def test_provider_funnel_compares_providers_or_areas_only():
    with pytest.raises(ValueError, match="by: compare by provider or area, not 'ethnic_group'"):
        provider_funnel(
            measure("pph_1500"),
            first=Month(2025, 1),
            last=Month(2025, 2),
            by="ethnic_group",
            publish=True,
        )
