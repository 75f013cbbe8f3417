"""Optimistic locking: an edit names the version it started from; a stale one changes nothing.

Every test here commits for real (transaction=True) so that two threads can race on one row;
keeping the module wholly transactional also makes pytest-django schedule it after the
modules whose tests roll back, whose reference lookups its flush would otherwise empty.
"""

import threading

import pytest
from django.db import connection

from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent
from tandem.records.models import Woman
from tandem.records.services import update_woman
from tandem.records.tests.factories import UserFactory, WomanFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_update_with_stale_version_raises_and_changes_nothing(personas):
    woman = personas.woman
    update_woman(by=personas.midwife, woman=woman, expected_version=1, given_name="Amira")

    with pytest.raises(EditConflictError):
        update_woman(
            by=personas.health_visitor, woman=woman, expected_version=1, family_name="Other"
        )

    woman.refresh_from_db()
    assert (woman.given_name, woman.family_name, woman.version) == ("Amira", "Testwoman", 2)
    assert woman.history.count() == 2  # the factory's creation and the first edit
    refused = AuditEvent.objects.get(actor_id=personas.health_visitor.pk)
    assert (refused.action, refused.person_id) == (AuditAction.CONFLICT, woman.pk)
    assert refused.detail == {"expected_version": 1}


def test_concurrent_updates_of_one_version_let_exactly_one_win():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip(
            "Django's shared-cache in-memory SQLite test database fails a waiting writer at "
            "once ('database table is locked') instead of honouring the busy timeout; "
            "give the test database a file name (DATABASES TEST NAME) to run this"
        )
    woman = WomanFactory(given_name="Amina", family_name="Testwoman")
    editors = [UserFactory(username="first_editor"), UserFactory(username="second_editor")]
    edits = [{"given_name": "Amira"}, {"family_name": "Testperson"}]
    both_loaded = threading.Barrier(len(edits))
    outcomes: dict[int, str] = {}

    def edit(index: int) -> None:
        try:
            mine = Woman.objects.get(pk=woman.pk)
            assert mine.version == 1
            both_loaded.wait(timeout=10)
            update_woman(by=editors[index], woman=mine, expected_version=1, **edits[index])
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
    saved = Woman.objects.get(pk=woman.pk)
    assert saved.version == 2
    assert {field: getattr(saved, field) for field in edits[winner]} == edits[winner]
    assert (saved.given_name, saved.family_name) != ("Amira", "Testperson")
    changes = AuditEvent.objects.filter(action=AuditAction.CHANGE, person_id=woman.pk)
    assert list(changes.values_list("actor_id", flat=True)) == [editors[winner].pk]
