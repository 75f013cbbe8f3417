"""An import running while a midwife edits the same birth, or while another import runs
(PostgreSQL, where they can interleave; SQLite's write lock lets one writer in at a time).

The import locks the records it may change until it commits, so her edit waits and is then
refused as a conflict, never overwritten unseen; it locks them parent first, as every write
of a birth does, so the two wait for each other rather than deadlock; and imports take turns, so the
second finds the first's records instead of creating them again. Commits for real
(transaction=True) so threads can race; each is held at a chosen point until the other side
has started.
"""

import threading
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.db import connection

from tandem.core.audit import system_actor
from tandem.core.concurrency import EditConflictError
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.outcomes.msds_import import _Held
from tandem.outcomes.services import BabyEdit, update_birth
from tandem.outcomes.tests.concurrency_support import BirthEditPause, until_waiting_on_a_lock
from tandem.outcomes.tests.test_import_support import (
    import_file,
    maternity_provider,
    row,
    write_extract,
)
from tandem.records.models import Pregnancy, Woman
from tandem.records.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: nothing can interleave")
    maternity_provider()
    system_actor()  # made once here, not by two threads at once


class _HeldImport:
    """An import in a thread that stops once it has looked up (and locked) what Tandem
    holds, until `resume` is called."""

    def __init__(self, monkeypatch, path: Path):
        self.looked_up, self.resumed = threading.Event(), threading.Event()
        self.outcome = ""
        look_up = _Held.for_chunk

        def looking_up_then_waiting(first_woman_key: str, last_woman_key: str) -> _Held:
            held = look_up(first_woman_key, last_woman_key)
            if not self.looked_up.is_set():
                self.looked_up.set()
                self.resumed.wait(timeout=30)
            return held

        monkeypatch.setattr(_Held, "for_chunk", staticmethod(looking_up_then_waiting))
        self.thread = threading.Thread(target=self._run, args=(path,))
        self.thread.start()
        assert self.looked_up.wait(timeout=30)

    def _run(self, path: Path) -> None:
        try:
            import_file(path)
            self.outcome = "imported"
        except CommandError as error:
            self.outcome = str(error)
        except Exception as error:  # any other failure is shown by the assertions
            self.outcome = repr(error)
        finally:
            connection.close()

    def resume(self) -> None:
        self.resumed.set()
        self.thread.join(timeout=60)


def test_an_edit_made_while_an_import_changes_the_birth_is_refused_not_lost(tmp_path, monkeypatch):
    import_file(write_extract(tmp_path / "first.csv", [row(BloodLossMl="300")]))
    labour_pk = LabourDelivery.objects.get().pk
    midwife = UserFactory(username="midwife")
    edit_outcome = {}

    def edit() -> None:
        try:
            labour = LabourDelivery.objects.select_related("pregnancy").get(pk=labour_pk)
            update_birth(
                by=midwife, labour=labour, expected_version=1, changes={"blood_loss_ml": 1600}
            )
            edit_outcome["edit"] = "saved"
        except EditConflictError:
            edit_outcome["edit"] = "conflict"
        except Exception as error:  # any other failure is shown by the assertion
            edit_outcome["edit"] = repr(error)
        finally:
            connection.close()

    later = write_extract(tmp_path / "later.csv", [row(BloodLossMl="500")])
    importing = _HeldImport(monkeypatch, later)
    editing = threading.Thread(target=edit)
    editing.start()
    until_waiting_on_a_lock(editing)
    importing.resume()
    editing.join(timeout=60)

    assert importing.outcome == "imported"
    assert edit_outcome == {"edit": "conflict"}
    labour = LabourDelivery.objects.get(pk=labour_pk)
    # The later extract moved the labour on once, to 500 ml; her 1,600 ml was refused
    # whole, to be entered again on the record she reloads.
    assert (labour.blood_loss_ml, labour.version) == (500, 2)
    assert list(labour.history.values_list("history_user__username", flat=True)) == [
        system_actor().username,
        system_actor().username,
    ]


def test_an_import_waits_for_an_edit_of_the_birth_and_neither_deadlocks(tmp_path, monkeypatch):
    import_file(write_extract(tmp_path / "first.csv", [row(BloodLossMl="300")]))
    labour_pk, baby_pk = LabourDelivery.objects.get().pk, Baby.objects.get().pk
    midwife = UserFactory(username="midwife")
    pause = BirthEditPause(monkeypatch)
    outcomes = {}

    def edit() -> None:
        try:
            labour = LabourDelivery.objects.select_related("pregnancy").get(pk=labour_pk)
            update_birth(
                by=midwife,
                labour=labour,
                expected_version=1,
                changes={"blood_loss_ml": 1600},
                baby_edits=[BabyEdit(Baby.objects.get(pk=baby_pk), 1, {"apgar_5": 6})],
            )
            outcomes["edit"] = "saved"
        except Exception as error:  # any failure is shown by the assertion
            outcomes["edit"] = repr(error)
        finally:
            connection.close()

    editing = threading.Thread(target=edit)
    editing.start()
    assert pause.saved_a_baby.wait(timeout=30)
    later = write_extract(tmp_path / "later.csv", [row(BloodLossMl="500")])
    importing = threading.Thread(target=_import_into, args=(later, results := {}))
    importing.start()
    until_waiting_on_a_lock(importing)
    pause.carry_on.set()
    editing.join(timeout=60)
    importing.join(timeout=60)

    assert (outcomes["edit"], results["outcome"]) == ("saved", "imported")
    # Her edit came first, whole; the extract, applied after it, sets its own values again
    # (the file is the source of truth for imported births), and both are in the history.
    labour, baby = LabourDelivery.objects.get(pk=labour_pk), Baby.objects.get(pk=baby_pk)
    assert (labour.blood_loss_ml, labour.version) == (500, 3)
    assert (baby.apgar_5, baby.version) == (int(row()["ApgarScore"]), 3)
    assert labour.history.filter(blood_loss_ml=1600, version=2).exists()
    assert baby.history.filter(apgar_5=6, version=2).exists()


def test_a_second_import_of_the_same_file_waits_and_then_finds_everything_held(
    tmp_path, monkeypatch
):
    extract = write_extract(tmp_path / "extract.csv", [row()])
    first = _HeldImport(monkeypatch, extract)
    monkeypatch.undo()  # the second import runs unheld
    second = threading.Thread(target=_import_into, args=(extract, results := {}))
    second.start()
    until_waiting_on_a_lock(second)
    first.resume()
    second.join(timeout=60)

    assert first.outcome == "imported"
    assert results["outcome"] == "imported"
    assert "Pregnancies: 0 created, 0 updated, 1 unchanged" in results["printed"]
    assert (Woman.objects.count(), Pregnancy.objects.count()) == (1, 1)


def _import_into(path: Path, results: dict) -> None:
    try:
        printed, _ = import_file(path)
        results.update(outcome="imported", printed=printed)
    except CommandError as error:
        results.update(outcome=str(error), printed="")
    except Exception as error:  # any other failure is shown by the assertions
        results.update(outcome=repr(error), printed="")
    finally:
        connection.close()
