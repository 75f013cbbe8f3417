"""Tandem's own birth measures: term admissions to neonatal care, readmission within 30
days, and (in test_cqim_bwoi_breastfeeding) breast milk at 6 to 8 weeks."""

import pytest

from tandem.measures.tests.factories import give_birth, measured, twins

pytestmark = pytest.mark.django_db


def test_term_neonatal_admission_counts_term_live_babies_admitted_of_those_recorded():
    give_birth(babies=({"gestation_days": 259, "neonatal_admission": True},))
    give_birth(babies=({"gestation_days": 315, "neonatal_admission": False},))
    give_birth(babies=twins(neonatal_admission=True))  # two babies
    # Not in the denominator:
    give_birth(babies=({"gestation_days": 258, "neonatal_admission": True},))
    give_birth(babies=({"gestation_days": 316, "neonatal_admission": True},))
    give_birth(babies=({"neonatal_admission": None},))
    give_birth(babies=({"outcome": "03", "neonatal_admission": False},))

    rate = measured("term_neonatal_admission")

    assert (rate.numerator, rate.denominator) == (3, 4)
    assert rate.value == 75.0


def test_readmission_counts_live_babies_readmitted_within_30_days_of_those_recorded():
    give_birth(babies=({"readmitted_within_30_days": True},))
    give_birth(babies=({"readmitted_within_30_days": False},))
    give_birth(babies=({"readmitted_within_30_days": None},))
    give_birth(babies=({"outcome": "02", "readmitted_within_30_days": None},))

    rate = measured("readmission_30d")

    assert (rate.numerator, rate.denominator) == (1, 2)
    assert rate.value == 50.0
