"""The audit trail names who did what, from where, and can be neither changed nor deleted."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from tandem.core.audit import AnonymousActorError, audit_purge_permitted, record_event
from tandem.core.middleware import RequestContextMiddleware
from tandem.core.models import AuditAction, AuditEvent, User
from tandem.core.roles import Role
from tandem.records.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event() -> AuditEvent:
    midwife = UserFactory(username="midwife", role=Role.MIDWIFE)
    return record_event(by=midwife, action=AuditAction.VIEW, object_type="woman", object_id=7)


def run_sql(sql: str, *params) -> None:
    """Raw SQL in a savepoint, so a refusal leaves the test's transaction usable."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.parametrize(
    "actor",
    [None, AnonymousUser(), User(username="unsaved")],
    ids=["nobody", "signed-out", "unsaved-user"],
)
def test_record_event_refuses_anonymous_actor(actor):
    with pytest.raises(AnonymousActorError):
        record_event(by=actor, action=AuditAction.VIEW, object_type="woman")

    assert not AuditEvent.objects.exists()


def test_record_event_names_the_actor_and_role(event):
    assert (event.actor_username, event.actor_role, event.object_id) == ("midwife", "midwife", "7")
    assert (event.ip_address, event.user_agent, event.path) == (None, "", "")


def test_audit_event_model_refuses_change_and_delete(event):
    event.detail = {"tampered": True}
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()

    assert AuditEvent.objects.get(pk=event.pk).detail == {}


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE core_auditevent SET actor_username = 'someone_else' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ],
    ids=["update", "delete"],
)
def test_database_refuses_raw_sql_change_of_audit_event(event, sql):
    with pytest.raises(DatabaseError, match="append-only"):
        run_sql(sql, event.pk)

    assert AuditEvent.objects.get(pk=event.pk).actor_username == "midwife"


def test_audit_purge_permit_lets_only_its_holder_delete_and_never_update(event):
    with audit_purge_permitted():
        with pytest.raises(DatabaseError, match="append-only"):
            run_sql("UPDATE core_auditevent SET actor_username = 'x' WHERE id = %s", event.pk)
        run_sql("DELETE FROM core_auditevent WHERE id = %s", event.pk)
    assert not AuditEvent.objects.exists()

    later = record_event(by=UserFactory(), action=AuditAction.VIEW, object_type="woman")
    with pytest.raises(DatabaseError, match="append-only"):
        run_sql("DELETE FROM core_auditevent WHERE id = %s", later.pk)


def test_middleware_records_where_the_request_came_from():
    midwife = UserFactory(username="midwife", role=Role.MIDWIFE)
    request = RequestFactory().get(
        "/women/7/?tab=care",
        REMOTE_ADDR="192.0.2.10",
        HTTP_USER_AGENT="Mozilla/5.0 (ward PC)",
    )

    def view(request):
        record_event(by=midwife, action=AuditAction.VIEW, object_type="woman", object_id=7)
        return HttpResponse()

    RequestContextMiddleware(view)(request)

    event = AuditEvent.objects.get()
    assert (event.ip_address, event.user_agent, event.path) == (
        "192.0.2.10",
        "Mozilla/5.0 (ward PC)",
        "/women/7/?tab=care",
    )
    after = record_event(by=midwife, action=AuditAction.VIEW, object_type="woman")
    assert (after.ip_address, after.path) == (None, "")
