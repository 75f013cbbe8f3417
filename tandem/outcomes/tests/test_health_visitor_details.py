"""The health visitor's 6–8 week contact: feeding and readmission within 30 days."""

import pytest
from django.core.exceptions import ValidationError

from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent
from tandem.outcomes.models import FeedingAt6To8Weeks, PregnancyOutcome
from tandem.outcomes.services import record_health_visitor_details
from tandem.outcomes.tests.factories import BabyFactory

pytestmark = pytest.mark.django_db


def test_health_visitor_records_feeding_and_readmission(personas):
    baby = BabyFactory(labour_delivery__pregnancy=personas.pregnancy)

    record_health_visitor_details(
        by=personas.health_visitor,
        baby=baby,
        expected_version=1,
        feeding_at_6_8_weeks=FeedingAt6To8Weeks.MIXED,
        readmitted_within_30_days=True,
    )

    baby.refresh_from_db()
    assert (baby.feeding_at_6_8_weeks, baby.readmitted_within_30_days) == ("mixed", True)
    assert baby.history.first().history_user == personas.health_visitor
    change = AuditEvent.objects.get(action=AuditAction.CHANGE, object_type="baby")
    assert change.person_id == personas.woman.pk
    assert change.detail["changes"] == {
        "feeding_at_6_8_weeks": ["", "mixed"],
        "readmitted_within_30_days": [None, True],
    }


def test_feeding_for_a_stillborn_baby_is_refused(personas):
    baby = BabyFactory(
        labour_delivery__pregnancy=personas.pregnancy,
        outcome=PregnancyOutcome.STILLBIRTH_ANTEPARTUM,
    )

    with pytest.raises(ValidationError) as refused:
        record_health_visitor_details(
            by=personas.health_visitor,
            baby=baby,
            expected_version=1,
            feeding_at_6_8_weeks=FeedingAt6To8Weeks.FORMULA,
        )

    assert refused.value.message_dict == {
        "feeding_at_6_8_weeks": [
            "This baby was stillborn: there is no feeding at 6 to 8 weeks to record"
        ]
    }
    baby.refresh_from_db()
    assert (baby.feeding_at_6_8_weeks, baby.version) == ("", 1)


def test_stale_version_of_the_baby_saves_nothing(personas):
    baby = BabyFactory(labour_delivery__pregnancy=personas.pregnancy)
    record_health_visitor_details(
        by=personas.midwife, baby=baby, expected_version=1, readmitted_within_30_days=False
    )

    with pytest.raises(EditConflictError):
        record_health_visitor_details(
            by=personas.health_visitor,
            baby=baby,
            expected_version=1,
            feeding_at_6_8_weeks=FeedingAt6To8Weeks.BREAST,
        )

    baby.refresh_from_db()
    assert (baby.feeding_at_6_8_weeks, baby.readmitted_within_30_days) == ("", False)
