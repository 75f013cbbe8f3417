"""A birth with bad details is refused with every problem named by field and baby, and
nothing of it is saved: not the labour, not the other babies, not the pregnancy's status."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.outcomes.models import Baby, DeliveryMethod, LabourDelivery
from tandem.outcomes.services import record_birth
from tandem.outcomes.tests.factories import baby_values, labour_values, yesterday_at
from tandem.records.models import PregnancyStatus

pytestmark = pytest.mark.django_db


def _refused(personas, labour: dict, babies: list[dict]) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        record_birth(
            by=personas.midwife, pregnancy=personas.pregnancy, labour=labour, babies=babies
        )
    assert (LabourDelivery.objects.count(), Baby.objects.count()) == (0, 0)
    personas.pregnancy.refresh_from_db()
    assert personas.pregnancy.status == PregnancyStatus.ACTIVE
    assert not AuditEvent.objects.exists()
    return refused.value.message_dict


@pytest.mark.parametrize(
    ("days", "valid"),
    [(140, False), (141, True), (315, True), (316, False)],
)
def test_gestation_at_birth_is_valid_from_141_to_315_days(personas, days, valid):
    babies = [baby_values(1), baby_values(2, gestation_days=days)]
    if valid:
        record_birth(
            by=personas.midwife, pregnancy=personas.pregnancy, labour=labour_values(), babies=babies
        )
        assert Baby.objects.get(birth_order=2).gestation_days == days
    else:
        errors = _refused(personas, labour_values(), babies)
        assert errors == {
            "baby_2_gestation_days": [
                "Baby 2: gestation at birth must be between 20+1 and 45+0 weeks"
            ]
        }


def test_apgar_weight_and_blood_loss_out_of_range_are_each_named(personas):
    errors = _refused(
        personas,
        labour_values(blood_loss_ml=10_001),
        [baby_values(1, apgar_5=11), baby_values(2, birth_weight_g=199)],
    )

    assert errors == {
        "blood_loss_ml": ["Blood loss must be between 0 and 10,000 ml"],
        "baby_1_apgar_5": ["Baby 1: the Apgar score at 5 minutes must be between 0 and 10"],
        "baby_2_birth_weight_g": ["Baby 2: birth weight must be between 200 and 7,000 grams"],
    }


def test_limits_themselves_are_accepted(personas):
    record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(blood_loss_ml=10_000),
        babies=[
            baby_values(1, apgar_5=0, birth_weight_g=200),
            baby_values(2, apgar_5=10, birth_weight_g=7000),
        ],
    )
    assert Baby.objects.count() == 2


def test_caesarean_date_without_a_caesarean_baby_is_refused(personas):
    errors = _refused(personas, labour_values(caesarean_at=yesterday_at(10)), [baby_values(1)])

    assert errors == {
        "caesarean_at": [
            "A caesarean date is entered but no baby was delivered by caesarean section: "
            "check the date or the delivery method"
        ]
    }


def test_caesarean_baby_without_a_caesarean_date_is_refused(personas):
    errors = _refused(
        personas,
        labour_values(),
        [baby_values(1), baby_values(2, delivery_method=DeliveryMethod.EMERGENCY_CAESAREAN)],
    )

    assert errors == {
        "caesarean_at": [
            "Enter the date and time of the caesarean section (baby 2 was delivered by caesarean)"
        ]
    }


def test_birth_in_the_future_or_before_labour_onset_is_refused(personas):
    errors = _refused(
        personas,
        labour_values(labour_onset_at=yesterday_at(12)),
        [
            baby_values(1, born_at=yesterday_at(11)),
            baby_values(2, born_at=timezone.now() + timedelta(hours=1)),
        ],
    )

    assert errors == {
        "baby_1_born_at": ["Baby 1: the birth cannot be before labour started"],
        "baby_2_born_at": ["Baby 2: the date and time of birth must be now or in the past"],
    }


def test_twins_with_the_same_birth_order_are_refused(personas):
    errors = _refused(personas, labour_values(), [baby_values(1), baby_values(1)])

    assert errors == {"baby_2_birth_order": ["Baby 2: birth order 1 is already given to baby 1"]}


def test_missing_required_items_are_named_for_each_baby(personas):
    errors = _refused(
        personas,
        labour_values(onset_method=""),
        [
            baby_values(1),
            baby_values(2, outcome="", delivery_method="", presentation="", gestation_days=None),
        ],
    )

    assert errors == {
        "onset_method": ["Choose how labour started"],
        "baby_2_outcome": ["Baby 2: choose the outcome of the birth"],
        "baby_2_delivery_method": ["Baby 2: choose how the baby was delivered"],
        "baby_2_presentation": ["Baby 2: choose the presentation at birth"],
        "baby_2_gestation_days": ["Baby 2: enter the gestation at birth in weeks and days"],
    }


def test_labour_onset_is_needed_unless_the_caesarean_was_decided_before_labour(personas):
    errors = _refused(personas, labour_values(labour_onset_at=None), [baby_values(1)])

    assert errors == {"labour_onset_at": ["Enter the date and time labour started"]}


def test_a_birth_needs_a_baby(personas):
    errors = _refused(personas, labour_values(), [])

    assert errors == {"babies": ["Record at least one baby"]}
