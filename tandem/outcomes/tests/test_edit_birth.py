"""Changing a recorded birth: the labour and babies are saved with history and audit, the
derived fields follow, and an edit from a stale version saves nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent
from tandem.outcomes.models import RobsonGroup
from tandem.outcomes.services import BabyEdit, update_birth
from tandem.outcomes.tests.factories import BabyFactory, LabourDeliveryFactory
from tandem.records.models import PregnancyStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(personas):
    labour = LabourDeliveryFactory(pregnancy=personas.pregnancy)
    first = BabyFactory(labour_delivery=labour, birth_order=1)
    second = BabyFactory(
        labour_delivery=labour, birth_order=2, born_at=first.born_at + timedelta(minutes=15)
    )
    labour.refresh_from_db()
    return labour, first, second


def test_edit_gestation_of_a_singleton_moves_it_from_group_1_to_group_10(personas):
    labour = LabourDeliveryFactory(pregnancy=personas.pregnancy)
    baby = BabyFactory(labour_delivery=labour)
    labour.refresh_from_db()
    assert labour.robson_group == RobsonGroup.G1

    # 40+0 was mis-typed: the baby was born at 36+6 weeks (258 days), preterm.
    update_birth(
        by=personas.midwife,
        labour=labour,
        expected_version=1,
        changes={},
        baby_edits=[BabyEdit(baby, 1, {"gestation_days": 258})],
    )

    labour.refresh_from_db()
    baby.refresh_from_db()
    assert (baby.gestation_days, baby.version) == (258, 2)
    assert (labour.robson_group, labour.version) == (RobsonGroup.G10, 2)
    change = AuditEvent.objects.get(action=AuditAction.CHANGE, object_type="labour_delivery")
    assert change.detail["changes"] == {"robson_group": ["1", "10"]}
    baby_change = AuditEvent.objects.get(action=AuditAction.CHANGE, object_type="baby")
    assert baby_change.detail["changes"] == {"gestation_days": [280, 258]}
    assert baby.history.first().history_user == personas.midwife


def test_edit_first_birth_time_moves_birth_date_and_pregnancy_end(personas, twins):
    labour, first, _ = twins
    earlier = first.born_at - timedelta(days=1)

    update_birth(
        by=personas.midwife,
        labour=labour,
        expected_version=labour.version,
        changes={"labour_onset_at": earlier - timedelta(hours=3)},
        baby_edits=[BabyEdit(first, first.version, {"born_at": earlier})],
    )

    labour.refresh_from_db()
    personas.pregnancy.refresh_from_db()
    assert labour.birth_date == earlier.date()
    assert personas.pregnancy.ended_on == earlier.date()
    assert personas.pregnancy.status == PregnancyStatus.DELIVERED


def test_stale_labour_version_saves_nothing_and_is_audited(personas, twins):
    labour, first, _ = twins
    update_birth(
        by=personas.midwife, labour=labour, expected_version=1, changes={"blood_loss_ml": 600}
    )

    with pytest.raises(EditConflictError):
        update_birth(
            by=personas.health_visitor,
            labour=labour,
            expected_version=1,
            changes={"blood_loss_ml": 900},
            baby_edits=[BabyEdit(first, first.version, {"apgar_5": 7})],
        )

    labour.refresh_from_db()
    first.refresh_from_db()
    assert (labour.blood_loss_ml, labour.version) == (600, 2)
    assert (first.apgar_5, first.version) == (9, 1)
    refused = AuditEvent.objects.get(actor_id=personas.health_visitor.pk)
    assert refused.action == AuditAction.CONFLICT


def test_stale_baby_version_saves_nothing(personas, twins):
    labour, first, second = twins
    update_birth(
        by=personas.midwife,
        labour=labour,
        expected_version=1,
        changes={},
        baby_edits=[BabyEdit(second, 1, {"apgar_5": 8})],
    )

    with pytest.raises(EditConflictError):
        update_birth(
            by=personas.health_visitor,
            labour=labour,
            expected_version=2,
            changes={"blood_loss_ml": 900},
            baby_edits=[BabyEdit(first, 1, {"apgar_5": 6}), BabyEdit(second, 1, {"apgar_5": 5})],
        )

    labour.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (labour.blood_loss_ml, first.apgar_5, second.apgar_5) == (300, 9, 8)


def test_bad_edit_is_refused_naming_the_baby_and_saves_nothing(personas, twins):
    labour, _, second = twins

    with pytest.raises(ValidationError) as refused:
        update_birth(
            by=personas.midwife,
            labour=labour,
            expected_version=1,
            changes={"blood_loss_ml": 700},
            baby_edits=[BabyEdit(second, 1, {"birth_weight_g": 9999})],
        )

    assert refused.value.message_dict == {
        "baby_2_birth_weight_g": ["Baby 2: birth weight must be between 200 and 7,000 grams"]
    }
    labour.refresh_from_db()
    assert (labour.blood_loss_ml, labour.version) == (300, 1)
