"""Birth without intervention, breastfeeding initiation and breast milk at 6 to 8 weeks."""

import pytest

from tandem.measures.tests.factories import (
    INDUCED,
    ONSET_NOT_RECORDED,
    give_birth,
    measured,
    twins,
)
from tandem.outcomes.models import GenitalTractTrauma, LabourAnaesthesia

pytestmark = pytest.mark.django_db


def test_bwoi_counts_births_with_no_induction_episiotomy_anaesthetic_or_oxytocin():
    give_birth()  # recorded: no episiotomy, no anaesthetic, no oxytocin
    give_birth(babies=({"delivery_method": "1"},))
    give_birth(genital_tract_trauma=GenitalTractTrauma.FOURTH_DEGREE)  # a tear is no intervention
    give_birth(oxytocin_augmentation=None)  # oxytocin counts only if recorded as given
    give_birth(onset=INDUCED)
    give_birth(onset=ONSET_NOT_RECORDED)  # no induction cannot be shown
    give_birth(episiotomy=True)
    give_birth(episiotomy=None)  # as NHS Digital: the perineum must be recorded
    give_birth(anaesthesia=LabourAnaesthesia.EPIDURAL)
    give_birth(anaesthesia=LabourAnaesthesia.SPINAL)
    give_birth(anaesthesia="")  # the anaesthetic must be recorded
    give_birth(oxytocin_augmentation=True)
    # Not in the denominator:
    give_birth(babies=({"delivery_method": "2"},))  # forceps
    give_birth(babies=({"presentation": "02", "delivery_method": "5"},))
    give_birth(babies=twins())
    give_birth(babies=({"gestation_days": 258},))

    rate = measured("bwoi")

    assert (rate.numerator, rate.denominator) == (4, 12)
    assert rate.value == pytest.approx(33.333, abs=0.001)


def test_breastfeeding_initiation_counts_babies_whose_first_feed_was_breast_milk():
    give_birth(babies=({"first_feed": "01"},))
    give_birth(babies=({"first_feed": "02"},))  # donor milk
    give_birth(babies=({"first_feed": "03"},))
    give_birth(babies=({"first_feed": ""},))  # not recorded
    give_birth(babies=twins(first_feed="01"))  # babies: two, not one

    rate = measured("breastfeeding_initiation")

    assert (rate.numerator, rate.denominator) == (4, 5)
    assert rate.value == 80.0


def test_breastfeeding_6_8_weeks_counts_any_breast_milk_among_babies_with_feeding_recorded():
    for feeding in ("breast", "mixed", "formula", ""):
        give_birth(babies=({"feeding_at_6_8_weeks": feeding},))
    give_birth(babies=({"outcome": "02", "feeding_at_6_8_weeks": ""},))

    rate = measured("breastfeeding_6_8w")

    assert (rate.numerator, rate.denominator) == (2, 3)
    assert rate.value == pytest.approx(66.667, abs=0.001)
