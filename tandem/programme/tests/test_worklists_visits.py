"""Visits booked outside their window, visits not recorded two days after, and overdue
family-plan actions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tandem.assessments.models import ActionStatus, VisitRecordStatus
from tandem.programme import worklists
from tandem.programme.tests.factories import (
    FamilyPlanActionFactory,
    VisitFactory,
    VisitRecordFactory,
    adswood_family,
    at_gestation,
)
from tandem.scheduling.models import VisitKind, VisitStatus

JOINT = VisitKind.JOINT_VISIT
HV_28 = VisitKind.HEALTH_VISITOR_28_WEEK


@pytest.mark.parametrize(
    ("kind", "weeks", "days", "hour", "outside"),
    [
        (JOINT, 19, 6, 23, True),  # late evening: the local date decides
        (JOINT, 20, 0, 0, False),
        (JOINT, 25, 6, 23, False),
        (JOINT, 26, 0, 0, True),
        (HV_28, 27, 6, 23, True),
        (HV_28, 28, 0, 0, False),
    ],
)
def test_visits_out_of_window_at_the_edges(personas, kind, weeks, days, hour, outside):
    pregnancy = adswood_family(personas, weeks=10)
    visit = VisitFactory(
        pregnancy=pregnancy,
        kind=kind,
        starts_at=at_gestation(pregnancy, weeks, days, hour=hour),
        booked_by=personas.administrator,
    )
    assert (visit in worklists.visits_out_of_window(personas.midwife)) is outside


def test_visits_out_of_window_lists_booked_visits_only(personas):
    pregnancy = adswood_family(personas, weeks=30)
    for status in (VisitStatus.ATTENDED, VisitStatus.CANCELLED):
        VisitFactory(
            pregnancy=pregnancy,
            status=status,
            starts_at=at_gestation(pregnancy, 27),
            booked_by=personas.midwife,
        )
    assert not worklists.visits_out_of_window(personas.team_leader).exists()


@pytest.mark.parametrize(
    ("ended_ago", "flagged"),
    [(timedelta(days=2) - timedelta(minutes=1), False), (timedelta(days=2), True)],
)
def test_visit_still_booked_two_days_after_it_ended_is_not_recorded(personas, ended_ago, flagged):
    now = timezone.now()
    visit = VisitFactory(
        pregnancy=adswood_family(personas, weeks=23),
        starts_at=now - ended_ago - timedelta(hours=1),
        ends_at=now - ended_ago,
        booked_by=personas.midwife,
    )
    assert (visit in worklists.visits_not_recorded(personas.midwife, now=now)) is flagged


def test_attended_joint_visit_needs_a_completed_record(personas):
    now = timezone.now()
    times = {"starts_at": now - timedelta(days=4), "ends_at": now - timedelta(days=3)}
    pregnancy = adswood_family(personas, weeks=24)
    bare = VisitFactory(
        pregnancy=pregnancy, status=VisitStatus.ATTENDED, booked_by=personas.midwife, **times
    )
    draft = VisitRecordFactory(
        visit__pregnancy=pregnancy,
        visit__booked_by=personas.midwife,
        status=VisitRecordStatus.DRAFT,
        completed_at=None,
        **{f"visit__{k}": v for k, v in times.items()},
    ).visit
    VisitRecordFactory(
        visit__pregnancy=pregnancy,
        visit__booked_by=personas.midwife,
        **{f"visit__{k}": v for k, v in times.items()},
    )
    VisitFactory(
        pregnancy=pregnancy,
        kind=HV_28,
        status=VisitStatus.ATTENDED,
        booked_by=personas.midwife,
        **times,
    )
    assert set(worklists.visits_not_recorded(personas.health_visitor, now=now)) == {bare, draft}


def test_plan_actions_overdue_after_their_due_date_until_done(personas):
    pregnancy = adswood_family(personas, weeks=30)
    record = VisitRecordFactory(visit__pregnancy=pregnancy, visit__booked_by=personas.midwife)
    today = timezone.localdate()

    def action(**values):
        return FamilyPlanActionFactory(goal__record=record, **values)

    overdue = action(due_date=today - timedelta(days=1), status=ActionStatus.IN_PROGRESS)
    action(due_date=today)  # due today: not yet overdue
    action(due_date=today - timedelta(days=5), status=ActionStatus.DONE)
    action(due_date=today - timedelta(days=5), status=ActionStatus.NO_LONGER_NEEDED)
    draft = VisitRecordFactory(
        visit__pregnancy=pregnancy,
        visit__booked_by=personas.midwife,
        status=VisitRecordStatus.DRAFT,
    )
    FamilyPlanActionFactory(goal__record=draft, due_date=today - timedelta(days=3))
    assert list(worklists.plan_actions_overdue(personas.midwife)) == [overdue]
    assert not worklists.plan_actions_overdue(personas.administrator).exists()
    assert not worklists.plan_actions_overdue(personas.outsider).exists()
