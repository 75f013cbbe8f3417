"""`flush` keeps the reference lookups, and outside the test suite cannot empty the audit
trail: the database refuses (TRUNCATE on PostgreSQL, DELETE on SQLite) and nothing goes."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tandem.core.audit import record_event
from tandem.core.models import AuditAction, AuditEvent
from tandem.core.roles import Role
from tandem.records.models import Lsoa, Postcode
from tandem.records.tests.factories import UserFactory, WomanFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_flush_outside_tests_is_refused_and_changes_nothing(settings):
    midwife = UserFactory(username="midwife", role=Role.MIDWIFE)
    record_event(by=midwife, action=AuditAction.VIEW, object_type="woman", object_id=1)
    WomanFactory()
    settings.AUDIT_PURGE_ALLOWED = False

    with pytest.raises(CommandError, match="could not be flushed"):
        call_command("flush", interactive=False, verbosity=0)

    assert AuditEvent.objects.count() == 1
    assert WomanFactory._meta.model.objects.count() == 1


def test_flush_in_tests_empties_records_but_keeps_reference_lookups():
    lookups = (Lsoa.objects.count(), Postcode.objects.count())
    WomanFactory()

    call_command("flush", interactive=False, verbosity=0)

    assert WomanFactory._meta.model.objects.count() == 0
    assert (Lsoa.objects.count(), Postcode.objects.count()) == lookups
    assert lookups[0] == 32_844
