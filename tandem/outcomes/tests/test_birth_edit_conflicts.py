"""Two people changing one birth at once: exactly one edit is saved, the other is refused
whole, so no update is silently lost. Commits for real (transaction=True) so two threads
can race on one row."""

import threading

import pytest
from django.db import connection

from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.outcomes.services import BabyEdit, update_birth
from tandem.outcomes.tests.factories import BabyFactory
from tandem.records.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_edits_of_one_birth_let_exactly_one_win():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("needs a file test database (see records' test_edit_conflicts)")
    baby = BabyFactory()
    labour_pk, baby_pk = baby.labour_delivery_id, baby.pk
    editors = [UserFactory(username="first_editor"), UserFactory(username="second_editor")]
    edits = [({"blood_loss_ml": 1600}, {}), ({}, {"apgar_5": 6})]
    both_loaded = threading.Barrier(len(edits))
    outcomes: dict[int, str] = {}

    def edit(index: int) -> None:
        try:
            labour = LabourDelivery.objects.select_related("pregnancy").get(pk=labour_pk)
            mine = Baby.objects.get(pk=baby_pk)
            both_loaded.wait(timeout=10)
            labour_changes, baby_changes = edits[index]
            update_birth(
                by=editors[index],
                labour=labour,
                expected_version=1,
                changes=labour_changes,
                baby_edits=[BabyEdit(mine, 1, baby_changes)],
            )
            outcomes[index] = "saved"
        except EditConflictError:
            outcomes[index] = "conflict"
        except Exception as error:  # any other failure is shown by the assertion below
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(index,)) for index in range(len(edits))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["conflict", "saved"], outcomes
    winner = next(index for index, outcome in outcomes.items() if outcome == "saved")
    labour = LabourDelivery.objects.get(pk=labour_pk)
    saved_baby = Baby.objects.get(pk=baby_pk)
    assert (labour.version, saved_baby.version) == (2, 2)
    # Only the winner's change is there; the loser's is refused whole, not half-applied.
    expected = {0: (1600, 9), 1: (300, 6)}[winner]
    assert (labour.blood_loss_ml, saved_baby.apgar_5) == expected
    refused = AuditEvent.objects.get(action=AuditAction.CONFLICT)
    assert refused.actor_id == editors[1 - winner].pk
