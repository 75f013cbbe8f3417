"""Editing a pregnancy's previous births re-derives its labour's Robson group."""

import pytest

from tandem.outcomes.models import RobsonGroup
from tandem.outcomes.tests.factories import BabyFactory
from tandem.records.services import update_pregnancy

pytestmark = pytest.mark.django_db


def test_previous_births_edit_moves_robson_group_from_1_to_5_1(personas):
    pregnancy = personas.pregnancy
    baby = BabyFactory(labour_delivery__pregnancy=pregnancy)
    labour = baby.labour_delivery
    assert labour.robson_group == RobsonGroup.G1  # recorded as a first baby

    # She had one baby before, by caesarean: single cephalic term with one previous CS.
    update_pregnancy(
        by=personas.midwife,
        pregnancy=pregnancy,
        expected_version=pregnancy.version,
        previous_live_births=1,
        previous_caesareans=1,
    )

    labour.refresh_from_db()
    assert labour.robson_group == RobsonGroup.G5_1
