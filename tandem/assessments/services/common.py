"""Helpers the assessments services share: limits, audit of conflicts, saving with history."""

from contextlib import contextmanager

from tandem.core.audit import record_event
from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction
from tandem.records.validation import Errors

MAX_TEXT = 5000


def check_text(errors: Errors, field: str, value: str, noun: str, *, limit: int = MAX_TEXT):
    if len(value) > limit:
        errors.add(field, f"{noun[:1].upper()}{noun[1:]} must be {limit:,} characters or fewer")


def save_with_history(instance, *, by, reason: str = "") -> None:
    instance._history_user = by
    if reason:
        instance._change_reason = reason
    instance.save()


@contextmanager
def conflicts_audited(*, by, object_type: str, object_id, person_id, expected_version):
    """A refused stale edit is itself audited, after its transaction has rolled back."""
    try:
        yield
    except EditConflictError:
        record_event(
            by=by,
            action=AuditAction.CONFLICT,
            object_type=object_type,
            object_id=object_id,
            person_id=person_id,
            detail={"expected_version": expected_version},
        )
        raise


def person_of(visit) -> int:
    return visit.pregnancy.woman_id
