"""Term babies with an Apgar score below 7, and preterm births."""

import pytest

from tandem.measures.tests.factories import give_birth, measured, twins

pytestmark = pytest.mark.django_db


def test_apgar_counts_singleton_term_babies_scoring_0_to_6_of_those_scored():
    for gestation, apgar in [
        (280, 6),
        (280, 7),
        (280, 0),
        (280, 10),
        (259, 5),
        (315, 6),
        (280, None),  # not scored
        (258, 3),  # preterm
        (316, 2),  # beyond a valid gestation
    ]:
        give_birth(babies=({"gestation_days": gestation, "apgar_5": apgar},))
    give_birth(babies=twins(apgar_5=4))

    rate = measured("apgar_lt7_term")

    # below 7: 6, 0, 5 and 6, of 6 scored singleton term babies
    assert (rate.numerator, rate.denominator) == (4, 6)
    assert rate.value == pytest.approx(666.667, abs=0.001)


def test_preterm_counts_singleton_live_births_154_to_258_of_154_to_315_days():
    for gestation in (153, 154, 258, 259, 315, 316, None):
        give_birth(babies=({"gestation_days": gestation},))
    give_birth(babies=({"gestation_days": 200, "outcome": "02"},))  # stillbirth
    give_birth(babies=twins(gestation_days=240))

    rate = measured("preterm")

    # 154 and 258 of 154, 258, 259 and 315
    assert (rate.numerator, rate.denominator) == (2, 4)
    assert rate.value == 500.0
