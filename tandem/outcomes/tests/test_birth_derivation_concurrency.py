"""A pregnancy's previous births and its birth record changed at the same moment by two
people (PostgreSQL, where they can interleave; SQLite lets one writer in at a time).

The Robson group depends on both: parity on the pregnancy, presentation on the baby. Every
write of a birth locks the pregnancy, then the labour, then the babies, and derives from
them as they are then, so the two edits wait for each other instead of deadlocking, and the
group stored at the end is the one the final records give. Commits for real
(transaction=True) so threads can race; the birth edit is held once it has saved the baby,
until the pregnancy edit has started.
"""

import threading

import pytest
from django.db import connection

from tandem.outcomes.models import Baby, FetusPresentation, LabourDelivery, RobsonGroup
from tandem.outcomes.services import BabyEdit, update_birth
from tandem.outcomes.tests.concurrency_support import BirthEditPause, until_waiting_on_a_lock
from tandem.outcomes.tests.factories import BabyFactory
from tandem.records.services import update_pregnancy
from tandem.records.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _run(target, outcomes: dict, name: str) -> threading.Thread:
    def running() -> None:
        try:
            target()
            outcomes[name] = "saved"
        except Exception as error:  # any failure is shown by the assertions
            outcomes[name] = repr(error)
        finally:
            connection.close()

    thread = threading.Thread(target=running)
    thread.start()
    return thread


def test_robson_group_follows_both_edits_of_one_birth_made_at_once(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: nothing can interleave")
    # A woman with one previous birth, a spontaneous labour, one cephalic baby at term
    baby = BabyFactory(labour_delivery__pregnancy__previous_live_births=1)
    labour = LabourDelivery.objects.get(pk=baby.labour_delivery_id)
    assert labour.robson_group == RobsonGroup.G3
    pregnancy_pk, labour_pk, baby_pk = labour.pregnancy_id, labour.pk, baby.pk
    midwife, other_midwife = UserFactory(username="midwife"), UserFactory(username="other")
    pause = BirthEditPause(monkeypatch)
    outcomes: dict[str, str] = {}

    def breech() -> None:  # the baby was breech, not cephalic
        labour = LabourDelivery.objects.select_related("pregnancy").get(pk=labour_pk)
        update_birth(
            by=midwife,
            labour=labour,
            expected_version=labour.version,
            changes={},
            baby_edits=[
                BabyEdit(Baby.objects.get(pk=baby_pk), 1, {"presentation": "02"}),
            ],
        )

    def first_birth() -> None:  # she had no previous birth after all
        pregnancy = LabourDelivery.objects.get(pk=labour_pk).pregnancy
        update_pregnancy(
            by=other_midwife,
            pregnancy=pregnancy,
            expected_version=pregnancy.version,
            previous_live_births=0,
        )

    editing_the_birth = _run(breech, outcomes, "birth")
    assert pause.saved_a_baby.wait(timeout=30)
    editing_the_pregnancy = _run(first_birth, outcomes, "pregnancy")
    until_waiting_on_a_lock(editing_the_pregnancy)
    pause.carry_on.set()
    editing_the_birth.join(timeout=60)
    editing_the_pregnancy.join(timeout=60)

    assert outcomes == {"birth": "saved", "pregnancy": "saved"}
    labour = LabourDelivery.objects.select_related("pregnancy").get(pk=labour_pk)
    assert labour.pregnancy.pk == pregnancy_pk
    assert labour.pregnancy.previous_live_births == 0
    assert Baby.objects.get(pk=baby_pk).presentation == FetusPresentation.BREECH
    # Nulliparous with a breech baby: group 6, from both edits
    assert labour.robson_group == RobsonGroup.G6
