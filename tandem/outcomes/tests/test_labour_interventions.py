"""Episiotomy, the epidural, spinal or general anaesthetic, and oxytocin to speed up
labour (MSD302): recorded with the birth, kept with history, and refused when they cannot
be true of the birth recorded, with nothing saved."""

import pytest
from django.core.exceptions import ValidationError

from tandem.outcomes.models import Baby, DeliveryMethod, LabourAnaesthesia, LabourDelivery
from tandem.outcomes.services import record_birth
from tandem.outcomes.tests.factories import baby_values, labour_values, yesterday_at

pytestmark = pytest.mark.django_db

CAESAREAN = {"delivery_method": DeliveryMethod.ELECTIVE_CAESAREAN}
DECIDED_BEFORE_LABOUR = {
    "onset_method": "2",
    "labour_onset_at": None,
    "caesarean_at": yesterday_at(9),
}


def _record(personas, labour: dict, babies: list[dict]) -> LabourDelivery:
    return record_birth(
        by=personas.midwife, pregnancy=personas.pregnancy, labour=labour, babies=babies
    )


def _refused(personas, labour: dict, babies: list[dict]) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        _record(personas, labour, babies)
    assert (LabourDelivery.objects.count(), Baby.objects.count()) == (0, 0)
    return refused.value.message_dict


def test_interventions_are_recorded_with_the_birth_and_its_history(personas):
    labour = _record(
        personas,
        labour_values(
            episiotomy=True,
            anaesthesia=LabourAnaesthesia.EPIDURAL,
            oxytocin_augmentation=True,
        ),
        [baby_values(1, delivery_method=DeliveryMethod.VENTOUSE)],
    )

    labour.refresh_from_db()
    assert (labour.episiotomy, labour.anaesthesia, labour.oxytocin_augmentation) == (
        True,
        "epidural",
        True,
    )
    assert labour.history.get().anaesthesia == "epidural"


def test_not_recorded_is_kept_apart_from_no(personas):
    labour = _record(
        personas,
        labour_values(episiotomy=None, anaesthesia=None, oxytocin_augmentation=None),
        [baby_values(1)],
    )

    labour.refresh_from_db()
    assert (labour.episiotomy, labour.anaesthesia, labour.oxytocin_augmentation) == (
        None,
        "",
        None,
    )


def test_an_anaesthetic_not_on_the_list_is_refused(personas):
    errors = _refused(personas, labour_values(anaesthesia="pudendal"), [baby_values(1)])

    assert errors == {
        "anaesthesia": ["Choose the epidural, spinal or general anaesthetic from the list"]
    }


def test_an_episiotomy_with_every_baby_born_by_caesarean_is_refused(personas):
    errors = _refused(
        personas,
        labour_values(**DECIDED_BEFORE_LABOUR, episiotomy=True),
        [baby_values(1, **CAESAREAN), baby_values(2, **CAESAREAN)],
    )

    assert errors == {
        "episiotomy": [
            "An episiotomy is recorded but every baby was delivered by caesarean section: "
            "check the episiotomy or the delivery method"
        ]
    }


def test_an_episiotomy_is_accepted_when_one_twin_was_born_vaginally(personas):
    labour = _record(
        personas,
        labour_values(caesarean_at=yesterday_at(15), episiotomy=True),
        [baby_values(1), baby_values(2, delivery_method=DeliveryMethod.EMERGENCY_CAESAREAN)],
    )

    assert labour.episiotomy is True


def test_oxytocin_to_speed_up_labour_is_refused_when_there_was_no_labour(personas):
    errors = _refused(
        personas,
        labour_values(**DECIDED_BEFORE_LABOUR, oxytocin_augmentation=True),
        [baby_values(1, **CAESAREAN)],
    )

    assert errors == {
        "oxytocin_augmentation": [
            "Oxytocin to speed up labour cannot be recorded: the caesarean was decided "
            "before labour"
        ]
    }
