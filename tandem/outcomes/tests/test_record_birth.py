"""Recording a birth: the labour and its babies are saved together, with history and an
audit event, the labour's derived fields are set, and the pregnancy is marked delivered."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.outcomes.models import Baby, DeliveryMethod, LabourDelivery, RobsonGroup
from tandem.outcomes.services import record_birth
from tandem.outcomes.tests.factories import baby_values, labour_values, yesterday_at
from tandem.records.models import PregnancyStatus

pytestmark = pytest.mark.django_db


def test_record_singleton_saves_labour_baby_and_derives_robson_group_1(personas):
    # A first baby (no previous births), spontaneous labour, cephalic, 40+0 weeks: group 1.
    pregnancy = personas.pregnancy
    labour = record_birth(
        by=personas.midwife,
        pregnancy=pregnancy,
        labour=labour_values(blood_loss_ml=450),
        babies=[baby_values(1, gestation_days=39 * 7 + 4, birth_weight_g=3250)],
    )

    labour.refresh_from_db()
    assert (labour.births_count, labour.birth_date) == (1, timezone.localdate() - timedelta(1))
    assert labour.robson_group == RobsonGroup.G1
    assert labour.blood_loss_ml == 450
    baby = labour.babies.get()
    assert (baby.gestation_days, baby.birth_weight_g) == (277, 3250)
    assert labour.history.get().history_user == personas.midwife
    assert baby.history.get().history_user == personas.midwife


def test_record_birth_marks_the_pregnancy_delivered_on_the_first_birth_date(personas):
    pregnancy = personas.pregnancy
    # Twins either side of midnight: the pregnancy ended on the first one's day.
    first_born = yesterday_at(23) + timedelta(minutes=50)
    record_birth(
        by=personas.midwife,
        pregnancy=pregnancy,
        labour=labour_values(),
        babies=[
            baby_values(1, born_at=first_born),
            baby_values(2, born_at=first_born + timedelta(minutes=20)),
        ],
    )

    pregnancy.refresh_from_db()
    assert pregnancy.status == PregnancyStatus.DELIVERED
    assert pregnancy.ended_on == timezone.localdate() - timedelta(days=1)
    assert pregnancy.version == 2
    assert pregnancy.history.first().history_user == personas.midwife


def test_record_twins_derives_two_births_and_robson_group_8(personas):
    labour = record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(),
        babies=[baby_values(1), baby_values(2, presentation="02")],
    )

    labour.refresh_from_db()
    assert labour.births_count == 2
    assert labour.robson_group == RobsonGroup.G8
    assert list(labour.babies.values_list("birth_order", flat=True)) == [1, 2]


def test_record_birth_is_audited_in_the_same_transaction(personas):
    labour = record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(),
        babies=[baby_values(1), baby_values(2)],
    )

    created = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="labour_delivery")
    assert (created.object_id, created.person_id) == (str(labour.pk), personas.woman.pk)
    assert created.detail == {"babies": 2}
    delivered = AuditEvent.objects.get(action=AuditAction.CHANGE, object_type="pregnancy")
    assert delivered.detail["changes"]["status"] == ["active", "delivered"]


def test_pre_labour_caesarean_derives_robson_group_2b(personas):
    # Nulliparous, single cephalic, term, caesarean decided before labour: 2b.
    caesarean_at = yesterday_at(9)
    labour = record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(onset_method="2", labour_onset_at=None, caesarean_at=caesarean_at),
        babies=[
            baby_values(
                1,
                born_at=caesarean_at + timedelta(minutes=12),
                delivery_method=DeliveryMethod.ELECTIVE_CAESAREAN,
            )
        ],
    )

    labour.refresh_from_db()
    assert labour.robson_group == RobsonGroup.G2B


def test_second_birth_for_one_pregnancy_is_refused(personas):
    record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(),
        babies=[baby_values(1)],
    )

    with pytest.raises(ValidationError) as refused:
        record_birth(
            by=personas.health_visitor,
            pregnancy=personas.pregnancy,
            labour=labour_values(),
            babies=[baby_values(1)],
        )

    assert "already recorded" in refused.value.messages[0]
    assert (LabourDelivery.objects.count(), Baby.objects.count()) == (1, 1)
