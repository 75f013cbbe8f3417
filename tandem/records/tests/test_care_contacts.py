"""Care contacts: when they happened, who was there and what came of them."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.records.models import CareContact, ContactOutcome, ContactType
from tandem.records.services import record_contact, update_contact
from tandem.records.tests.factories import PregnancyFactory

LONDON = ZoneInfo("Europe/London")


def days_from_now(days: float) -> datetime:
    return timezone.now() + timedelta(days=days)


@pytest.fixture
def record(personas):
    """Records a contact with the personas' pregnancy, as the midwife who saw her."""

    def record(pregnancy=None, **details) -> CareContact:
        defaults = {
            "starts_at": days_from_now(-1),
            "contact_type": ContactType.ANTENATAL,
            "outcome": ContactOutcome.ATTENDED,
            "practitioners": [personas.practitioner(personas.midwife)],
        }
        return record_contact(
            by=personas.midwife, pregnancy=pregnancy or personas.pregnancy, **defaults | details
        )

    return record


def rejected(record, **details) -> set[str]:
    """The fields a contact with these details is rejected on; nothing must be saved."""
    with pytest.raises(ValidationError) as error:
        record(**details)
    assert not CareContact.objects.exists()
    assert not AuditEvent.objects.exists()
    return set(error.value.message_dict)


def test_record_contact_saves_it_with_practitioners_and_audits(personas, record):
    seen_by = [
        personas.practitioner(personas.midwife),
        personas.practitioner(personas.health_visitor),
    ]

    contact = record(contact_type=ContactType.JOINT_VISIT, practitioners=seen_by, notes="Well")

    contact = CareContact.objects.get(pk=contact.pk)
    assert (contact.contact_type, contact.outcome, contact.notes) == (
        ContactType.JOINT_VISIT,
        ContactOutcome.ATTENDED,
        "Well",
    )
    assert set(contact.practitioners.all()) == set(seen_by)
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.object_id, event.person_id) == (
        AuditAction.CREATE,
        "care_contact",
        str(contact.pk),
        personas.woman.pk,
    )


def test_update_contact_records_what_happened_at_a_booked_contact(personas, record, time_machine):
    contact = record(starts_at=days_from_now(2), outcome=ContactOutcome.BOOKED, practitioners=[])
    time_machine.move_to(timezone.now() + timedelta(days=3), tick=False)
    health_visitor = personas.practitioner(personas.health_visitor)

    update_contact(
        by=personas.health_visitor,
        contact=contact,
        expected_version=1,
        outcome=ContactOutcome.ATTENDED,
        wellbeing_asked=True,
        practitioners=[health_visitor],
    )

    contact = CareContact.objects.get(pk=contact.pk)
    assert (contact.outcome, contact.wellbeing_asked, contact.version) == (
        ContactOutcome.ATTENDED,
        True,
        2,
    )
    assert list(contact.practitioners.all()) == [health_visitor]


def test_update_contact_keeps_practitioners_when_none_are_given(personas, record):
    contact = record()

    update_contact(by=personas.midwife, contact=contact, expected_version=1, notes="Follow up")

    assert list(contact.practitioners.all()) == [personas.practitioner(personas.midwife)]


@pytest.mark.parametrize(
    ("outcome", "days"),
    [
        (ContactOutcome.DID_NOT_ATTEND, -2),
        (ContactOutcome.CANCELLED_BY_WOMAN, 3),
        (ContactOutcome.CANCELLED_BY_SERVICE, -1),
        (ContactOutcome.BOOKED, 7),
    ],
)
def test_record_contact_without_practitioners_for_outcomes_where_no_one_was_seen(
    record, outcome, days
):
    contact = record(starts_at=days_from_now(days), outcome=outcome, practitioners=[])

    assert CareContact.objects.get(pk=contact.pk).outcome == outcome


@pytest.mark.parametrize(
    ("days", "details", "field"),
    [
        pytest.param(1, {}, "outcome", id="attended-in-future"),
        pytest.param(
            1, {"outcome": ContactOutcome.DID_NOT_ATTEND}, "outcome", id="missed-in-future"
        ),
        pytest.param(-1, {"outcome": ContactOutcome.BOOKED}, "outcome", id="booked-in-past"),
        pytest.param(-1, {"practitioners": []}, "practitioners", id="attended-seen-by-no-one"),
        pytest.param(None, {}, "starts_at", id="no-date"),
        pytest.param(-1, {"contact_type": "home"}, "contact_type", id="unknown-type"),
        pytest.param(-1, {"outcome": "lost"}, "outcome", id="unknown-outcome"),
    ],
)
def test_record_contact_rejects_impossible_contact_on_its_field(record, days, details, field):
    starts_at = None if days is None else days_from_now(days)

    assert rejected(record, starts_at=starts_at, **details) == {field}


def test_record_contact_rejects_contact_before_the_pregnancy_began(personas, record):
    day_before = personas.pregnancy.lmp - timedelta(days=1)

    assert rejected(record, starts_at=datetime.combine(day_before, time(10), LONDON)) == {
        "starts_at"
    }


def test_contact_early_on_the_first_day_is_kept_and_editable(personas, record, time_machine):
    """A contact at 00:30 on the day the pregnancy began, in British Summer Time, is on that
    day, though it is still the day before in UTC (how the database gives it back)."""
    time_machine.move_to(datetime(2026, 8, 3, 12, tzinfo=LONDON), tick=False)
    lmp = date(2026, 6, 1)
    pregnancy = PregnancyFactory(provider=personas.provider, lmp=lmp, edd=lmp + timedelta(days=280))
    just_after_midnight = datetime(2026, 6, 1, 0, 30, tzinfo=LONDON)

    contact = record(pregnancy=pregnancy, starts_at=just_after_midnight.astimezone(ZoneInfo("UTC")))
    contact = CareContact.objects.get(pk=contact.pk)
    update_contact(by=personas.midwife, contact=contact, expected_version=1, notes="Checked")

    assert CareContact.objects.get(pk=contact.pk).starts_at == just_after_midnight
