"""Optimistic locking: an edit names the version it started from; a stale one is refused."""

from django.db import models
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
