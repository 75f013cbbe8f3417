"""Families decided for a joint visit with none booked by 19+0, and families due a 28-week
contact (from 26+0) with none booked."""

import pytest

from tandem.pathway.models import ReviewOutcome
from tandem.programme import worklists
from tandem.programme.tests.factories import VisitFactory, adswood_family, decided
from tandem.records.models import PregnancyStatus
from tandem.scheduling.models import VisitKind, VisitStatus

JOINT = ReviewOutcome.JOINT_VISIT
HV_28 = ReviewOutcome.HEALTH_VISITOR_28_WEEK


@pytest.mark.parametrize(
    ("weeks", "days", "flagged"), [(18, 6, False), (19, 0, True), (24, 0, True)]
)
def test_joint_visit_not_booked_from_19_weeks(personas, weeks, days, flagged):
    referral = decided(adswood_family(personas, weeks=weeks, days=days), JOINT)
    found = list(worklists.joint_visits_not_booked(personas.midwife))
    assert (referral in found) is flagged


@pytest.mark.parametrize(
    ("status", "flagged"),
    [
        (VisitStatus.BOOKED, False),
        (VisitStatus.ATTENDED, False),
        (VisitStatus.CANCELLED, True),
        (VisitStatus.DID_NOT_ATTEND, True),
    ],
)
def test_joint_visit_not_booked_counts_booked_and_attended_visits_only(personas, status, flagged):
    pregnancy = adswood_family(personas, weeks=19)
    referral = decided(pregnancy, JOINT)
    VisitFactory(pregnancy=pregnancy, status=status, booked_by=personas.administrator)
    assert (referral in worklists.joint_visits_not_booked(personas.administrator)) is flagged


def test_joint_visit_not_booked_ignores_a_28_week_contact_and_ended_pregnancies(personas):
    pregnancy = adswood_family(personas, weeks=21)
    referral = decided(pregnancy, JOINT)
    VisitFactory(
        pregnancy=pregnancy, kind=VisitKind.HEALTH_VISITOR_28_WEEK, booked_by=personas.midwife
    )
    decided(adswood_family(personas, weeks=21, status=PregnancyStatus.ENDED), JOINT)
    decided(adswood_family(personas, weeks=21), HV_28)
    assert list(worklists.joint_visits_not_booked(personas.team_leader)) == [referral]


@pytest.mark.parametrize(
    ("weeks", "days", "flagged"), [(25, 6, False), (26, 0, True), (29, 0, True)]
)
def test_28_week_contact_due_from_26_weeks(personas, weeks, days, flagged):
    referral = decided(adswood_family(personas, weeks=weeks, days=days), HV_28)
    assert (referral in worklists.contacts_28_week_due(personas.health_visitor)) is flagged


def test_28_week_contact_due_clears_when_one_is_booked(personas):
    pregnancy = adswood_family(personas, weeks=27)
    referral = decided(pregnancy, HV_28)
    assert list(worklists.contacts_28_week_due(personas.administrator)) == [referral]
    VisitFactory(
        pregnancy=pregnancy, kind=VisitKind.HEALTH_VISITOR_28_WEEK, booked_by=personas.midwife
    )
    assert list(worklists.contacts_28_week_due(personas.administrator)) == []


def test_booking_alerts_are_not_shown_to_reviewers_or_outsiders(personas):
    decided(adswood_family(personas, weeks=20), JOINT)
    decided(adswood_family(personas, weeks=27), HV_28)
    for user in (personas.reviewer, personas.outsider, personas.analyst):
        assert not worklists.joint_visits_not_booked(user).exists()
        assert not worklists.contacts_28_week_due(user).exists()
