"""Every edit keeps the version before it and says in the audit trail what changed."""

from datetime import timedelta

import factory
import pytest
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.records.models import ContactOutcome, Woman
from tandem.records.services import (
    register_woman,
    update_contact,
    update_pregnancy,
    update_woman,
)
from tandem.records.tests.factories import CareContactFactory, WomanFactory
from tandem.records.tests.personas import ADSWOOD_LSOA, ADSWOOD_POSTCODE


def changes_recorded(record) -> dict:
    event = AuditEvent.objects.get(action=AuditAction.CHANGE, object_id=str(record.pk))
    return event.detail["changes"]


@pytest.fixture
def woman(personas) -> Woman:
    """An Adswood woman registered by the midwife."""
    details = factory.build(dict, FACTORY_CLASS=WomanFactory, family_name="Testwoman")
    return register_woman(by=personas.midwife, **details | {"postcode": ADSWOOD_POSTCODE})


def test_update_woman_keeps_previous_version_by_the_actor(personas, woman):
    update_woman(by=personas.health_visitor, woman=woman, expected_version=1, family_name="Khan")

    newest, previous = woman.history.order_by("-history_id")
    assert (newest.family_name, newest.version, newest.history_user) == (
        "Khan",
        2,
        personas.health_visitor,
    )
    assert (previous.family_name, previous.version, previous.history_user) == (
        "Testwoman",
        1,
        personas.midwife,
    )


def test_update_woman_audits_old_and_new_values_of_changed_fields_only(personas, woman):
    update_woman(
        by=personas.health_visitor,
        woman=woman,
        expected_version=1,
        family_name="Khan",
        given_name=woman.given_name,
        interpreter_needed=True,
    )

    assert changes_recorded(woman) == {
        "family_name": ["Testwoman", "Khan"],
        "interpreter_needed": [None, True],  # from not recorded to yes
    }
    event = AuditEvent.objects.get(action=AuditAction.CHANGE)
    assert (event.actor_id, event.object_type, event.person_id) == (
        personas.health_visitor.pk,
        "woman",
        woman.pk,
    )


def test_update_woman_moving_house_rederives_lsoa_and_records_it(personas, woman):
    update_woman(by=personas.midwife, woman=woman, expected_version=1, postcode="zz993vz")

    assert changes_recorded(woman) == {
        "postcode": [ADSWOOD_POSTCODE, "ZZ99 3VZ"],
        "lsoa_code": [ADSWOOD_LSOA, ""],
        "imd_decile": [2, None],
    }


def test_update_pregnancy_keeps_previous_version_and_audits_changes(personas):
    pregnancy = personas.pregnancy
    old_booking = pregnancy.booking_date

    update_pregnancy(
        by=personas.team_leader,
        pregnancy=pregnancy,
        expected_version=1,
        booking_date=old_booking + timedelta(days=1),
        named_midwife=personas.practitioner(personas.team_leader),
    )

    newest, previous = pregnancy.history.order_by("-history_id")[:2]
    assert (newest.history_user, newest.version, previous.booking_date) == (
        personas.team_leader,
        2,
        old_booking,
    )
    assert changes_recorded(pregnancy) == {
        "booking_date": [old_booking.isoformat(), (old_booking + timedelta(days=1)).isoformat()],
        "named_midwife": [
            personas.practitioner(personas.midwife).pk,
            personas.practitioner(personas.team_leader).pk,
        ],
    }


def test_update_contact_keeps_previous_version_and_audits_changes(personas):
    contact = CareContactFactory(pregnancy=personas.pregnancy, notes="")

    update_contact(
        by=personas.midwife,
        contact=contact,
        expected_version=1,
        outcome=ContactOutcome.DID_NOT_ATTEND,
        notes="Phoned, no answer",
    )

    newest, previous = contact.history.order_by("-history_id")[:2]
    assert (newest.history_user, newest.outcome, previous.outcome) == (
        personas.midwife,
        ContactOutcome.DID_NOT_ATTEND,
        ContactOutcome.ATTENDED,
    )
    assert changes_recorded(contact) == {
        "outcome": [ContactOutcome.ATTENDED, ContactOutcome.DID_NOT_ATTEND],
        "notes": ["", "Phoned, no answer"],
    }


def test_update_contact_keeps_and_audits_who_was_there(personas):
    midwife = personas.practitioner(personas.midwife)
    health_visitor = personas.practitioner(personas.health_visitor)
    contact = CareContactFactory(pregnancy=personas.pregnancy)
    contact.practitioners.set([midwife])

    update_contact(
        by=personas.midwife,
        contact=contact,
        expected_version=1,
        practitioners=[midwife, health_visitor],
    )

    newest = contact.history.order_by("-history_id").first()
    assert newest.history_user == personas.midwife
    assert {row.practitioner_id for row in newest.practitioners.all()} == {
        midwife.pk,
        health_visitor.pk,
    }
    assert changes_recorded(contact) == {
        "practitioners": [[midwife.pk], sorted([midwife.pk, health_visitor.pk])]
    }


def test_update_woman_who_has_passed_the_age_limit_since_registration(personas):
    woman = personas.woman
    woman.date_of_birth = timezone.localdate() - timedelta(days=61 * 366)
    woman.save()

    update_woman(by=personas.midwife, woman=woman, expected_version=1, main_language="pl")

    woman.refresh_from_db()
    assert woman.main_language == "pl"
