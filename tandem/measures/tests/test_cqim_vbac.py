"""Vaginal birth after one previous birth (as NHS Digital codes it), which was a caesarean."""

import pytest

from tandem.measures.tests.factories import give_birth, measured, twins
from tandem.records.tests.factories import PregnancyFactory

pytestmark = pytest.mark.django_db


def _after(live: int | None = 1, still: int | None = 0, caesareans: int = 1):
    return PregnancyFactory(
        previous_live_births=live, previous_stillbirths=still, previous_caesareans=caesareans
    )


def test_vbac_counts_vaginal_births_among_women_with_one_birth_which_was_a_caesarean():
    give_birth(pregnancy=_after())  # spontaneous vertex
    give_birth(pregnancy=_after(live=0, still=1), babies=({"delivery_method": "4"},))
    give_birth(pregnancy=_after(live=None, still=1))  # live births not recorded
    give_birth(pregnancy=_after(), caesarean=True)
    give_birth(pregnancy=_after(), babies=({"presentation": "02", "delivery_method": "5"},))
    # NHS Digital's test is live = 1 or still = 1, so one of each is in, as nationally
    give_birth(pregnancy=_after(live=1, still=1))
    # Not in the denominator:
    give_birth(pregnancy=_after(live=2))  # two previous births
    give_birth(pregnancy=_after(caesareans=2))
    give_birth(pregnancy=_after(caesareans=0))
    give_birth(pregnancy=_after(), babies=({"gestation_days": 258},))
    give_birth(pregnancy=_after(), babies=twins())
    give_birth(pregnancy=_after(), babies=({"delivery_method": ""},))

    rate = measured("vbac")

    # vaginal (0 to 4): the first three and the one-of-each; breech (5) and caesarean are not
    assert (rate.numerator, rate.denominator) == (4, 6)
    assert rate.value == pytest.approx(66.666, abs=0.001)
