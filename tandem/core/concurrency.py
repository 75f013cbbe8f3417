"""Optimistic locking: an edit names the version it started from; a stale one is refused.
And turns: work of one kind that must run one at a time."""

from enum import IntEnum

from django.db import connection, models
from django.db.models import F


class EditConflictError(Exception):
    """Someone else saved this record after the editor opened it."""

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or "Someone else changed this record while you were editing it. "
            "Your changes have not been saved. Reload the record to see their changes, "
            "then make yours again."
        )


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def claim_version(instance: VersionedModel, expected_version: int) -> None:
    """Move the row on to the next version only if it is still at `expected_version`.

    The conditional UPDATE is atomic in both PostgreSQL (row lock, WHERE re-checked) and
    SQLite (database write lock), so of two concurrent editors exactly one succeeds. Call
    inside the transaction that then saves the edited fields.
    """
    updated = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, version=expected_version)
        .update(version=F("version") + 1)
    )
    if updated != 1:
        raise EditConflictError()
    instance.version = expected_version + 1


class Turn(IntEnum):
    """The PostgreSQL advisory lock of each kind of work that runs one at a time; listed in
    one place so no two kinds share a key."""

    MEASURES_SUMMARY_REFRESH = 4_010_001
    MSDS_IMPORT = 4_010_002


def wait_for_turn(turn: Turn) -> None:
    """Wait until no other transaction holds `turn`, then hold it until this transaction
    ends. Call inside the transaction. PostgreSQL only: SQLite's write lock, taken when a
    transaction begins (transaction_mode IMMEDIATE), already makes writers take turns."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(turn)])
