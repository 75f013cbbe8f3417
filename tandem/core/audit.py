"""Writes the audit trail. Call inside the same transaction as the change it records."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections

from tandem.core.concurrency import EditConflictError
from tandem.core.middleware import current_origin
from tandem.core.models import AuditAction, AuditEvent

SYSTEM_USERNAME = "tandem-system"


class AnonymousActorError(ValueError):
    """Every audited action needs a named person or the named system account."""


def system_actor():
    """The account that commands (imports, the demo generator) act as."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": "Tandem", "last_name": "system", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def record_event(
    *,
    by,
    action: AuditAction,
    object_type: str,
    object_id: Any = "",
    person_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    if by is None or not getattr(by, "pk", None):
        raise AnonymousActorError("An audited action needs a signed-in actor.")
    origin = current_origin()
    return AuditEvent.objects.create(
        actor_id=by.pk,
        actor_username=by.get_username(),
        actor_role=getattr(by, "role", "") or "",
        action=action,
        object_type=object_type,
        object_id=str(object_id) if object_id not in (None, "") else "",
        person_id=person_id,
        ip_address=origin.ip_address if origin else None,
        user_agent=origin.user_agent if origin else "",
        path=origin.path if origin else "",
        detail=detail or {},
    )


@contextmanager
def audit_purge_permitted(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Let this connection delete audit rows: only the test suite's flush needs it."""
    connection = connections[using]
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET tandem.audit_purge = 'on'")
    connection.audit_purge_permitted = True
    try:
        yield
    finally:
        connection.audit_purge_permitted = False
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("RESET tandem.audit_purge")


@contextmanager
def conflicts_audited(
    *, by, object_type: str, object_id, person_id: int | None, expected_version
) -> Iterator[None]:
    """A refused stale edit is itself audited, after its transaction has rolled back: wrap
    the atomic block, not the other way round."""
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
