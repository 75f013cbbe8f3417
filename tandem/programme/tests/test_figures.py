"""Programme figures: the funnel, review times and visits against targets, per area."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone

from tandem.pathway.models import ReferralStatus, ReviewOutcome
from tandem.pathway.services import answer_question, decide, record_screen, revise_decision
from tandem.pathway.tests.factories import answers
from tandem.programme import figures
from tandem.programme.tests.factories import (
    DecisionFactory,
    ReferralFactory,
    VisitFactory,
    VisitRecordFactory,
    VisitTargetFactory,
    adswood_family,
    at_gestation,
    decided,
)
from tandem.records.tests.factories import PregnancyFactory
from tandem.scheduling.models import VisitStatus

LONDON = ZoneInfo("Europe/London")


def _period():
    today = timezone.localdate()
    return today - timedelta(days=365), today


def test_funnel_counts_each_stage_in_her_areas(personas):
    referred = adswood_family(personas, weeks=30)
    ReferralFactory(pregnancy=referred)
    reviewed = adswood_family(personas, weeks=30)
    decided(reviewed, ReviewOutcome.JOINT_VISIT)
    completed = adswood_family(personas, weeks=30)
    decided(completed, ReviewOutcome.JOINT_VISIT)
    VisitRecordFactory(visit__pregnancy=completed, visit__booked_by=personas.midwife)
    late = adswood_family(personas, weeks=30)
    decided(late, ReviewOutcome.JOINT_VISIT)
    VisitFactory(
        pregnancy=late,
        status=VisitStatus.ATTENDED,
        starts_at=at_gestation(late, 26),
        booked_by=personas.midwife,
    )
    screened_not_referred = adswood_family(personas, weeks=12)
    record_screen(by=personas.midwife, pregnancy=screened_not_referred, answers=answers())
    PregnancyFactory(provider=personas.provider, area=personas.brinnington)

    rows, total = figures.funnel(figures.scope_for(personas.team_leader), *_period())

    assert [row.area for row in rows] == ["Adswood"]
    assert total.counts == {
        "booked": 6,  # with the personas' own pregnancy
        "screened": 1,  # the others were referred another way (their factories make no screen)
        "referred": 4,
        "reviewed": 3,
        "visit_booked": 2,
        "visit_in_window": 1,  # the one at 26+0 was out of its window
        "plan_recorded": 1,
    }


def test_funnel_for_the_analyst_covers_the_whole_lmns(personas):
    PregnancyFactory(provider=personas.provider, area=personas.brinnington)
    PregnancyFactory(provider=personas.provider, area=None)
    rows, total = figures.funnel(figures.scope_for(personas.analyst), *_period())
    assert [row.area for row in rows] == ["Adswood", "Brinnington", figures.NO_AREA]
    assert total.counts["booked"] == 3
    assert figures.scope_for(personas.analyst).label == "Whole LMNS"


def test_review_times_median_percentile_and_share_within_target(personas):
    monday = datetime(2025, 3, 3, 9, tzinfo=LONDON)
    for working_days in (1, 2, 3, 5, 6, 8):  # decided this many working days later
        decision = monday + timedelta(days=working_days + 2 * (working_days // 5))
        decided(
            adswood_family(personas),
            ReviewOutcome.JOINT_VISIT,
            referred_at=monday,
            decided_at=decision,
        )
    ReferralFactory(pregnancy=adswood_family(personas), referred_at=monday)  # still waiting
    rows, total = figures.review_times(
        figures.scope_for(personas.team_leader), monday.date(), monday.date()
    )
    assert total.decided == 6
    assert total.median == 4  # (3 + 5) / 2
    assert total.ninetieth == 8
    assert total.within_target == 4  # 5 working days is within the target of 5
    assert rows[0].area == "Adswood"


def test_visit_targets_count_attended_joint_visits_in_the_period(personas):
    today = timezone.localdate()
    adswood_target = VisitTargetFactory(area=personas.adswood, target_visits=45)
    lmns_target = VisitTargetFactory(area=None, target_visits=90)
    brinnington_target = VisitTargetFactory(area=personas.brinnington)
    for area, status, when in [
        (personas.adswood, VisitStatus.ATTENDED, today),
        (personas.adswood, VisitStatus.ATTENDED, today - timedelta(days=60)),  # before it
        (personas.adswood, VisitStatus.BOOKED, today),
        (personas.brinnington, VisitStatus.ATTENDED, today),
    ]:
        VisitFactory(
            pregnancy=PregnancyFactory(provider=personas.provider, area=area),
            status=status,
            starts_at=timezone.make_aware(datetime.combine(when, datetime.min.time())),
            booked_by=personas.midwife,
        )
    analyst = {
        t.pk: t.completed for t in figures.visit_targets(figures.scope_for(personas.analyst))
    }
    assert analyst == {adswood_target.pk: 1, lmns_target.pk: 2, brinnington_target.pk: 1}
    team_leader = figures.visit_targets(figures.scope_for(personas.team_leader))
    assert [t.pk for t in team_leader] == [adswood_target.pk]  # nothing of other areas


def test_scope_of_a_team_leader_is_her_areas_only(personas):
    assert list(figures.scope_for(personas.team_leader).areas) == [personas.adswood]
    assert not figures.scope_for(personas.midwife).areas.exists()


def test_decided_more_information_counts_as_reviewed(personas):
    pregnancy = adswood_family(personas)
    referral = ReferralFactory(
        pregnancy=pregnancy,
        status=ReferralStatus.MORE_INFORMATION_NEEDED,
        current_outcome=ReviewOutcome.MORE_INFORMATION,
        decided_at=timezone.now(),
    )
    DecisionFactory(
        referral=referral, outcome=ReviewOutcome.MORE_INFORMATION, decided_at=referral.decided_at
    )
    _, total = figures.funnel(figures.scope_for(personas.team_leader), *_period())
    assert total.counts["reviewed"] == 1


def test_review_time_runs_to_the_first_decision_not_its_revision(personas):
    monday = datetime(2025, 3, 3, 9, tzinfo=LONDON)
    referral = ReferralFactory(pregnancy=adswood_family(personas), referred_at=monday)
    with time_machine.travel(monday + timedelta(days=1), tick=False):  # Tuesday
        first = decide(by=personas.reviewer, referral=referral, outcome="hv_28_week", rationale="A")
    with time_machine.travel(monday + timedelta(days=14), tick=False):
        revise_decision(by=personas.reviewer, decision=first, outcome="joint_visit", rationale="B")
    _, total = figures.review_times(
        figures.scope_for(personas.team_leader), monday.date(), monday.date()
    )
    assert total.distribution == {1: 1}


def test_answered_question_still_counts_as_reviewed(personas):
    referral = ReferralFactory(pregnancy=adswood_family(personas))
    decide(
        by=personas.reviewer,
        referral=referral,
        outcome="more_information",
        rationale="Unclear",
        question="Who lives with her?",
    )
    answer_question(by=personas.midwife, referral=referral, text="Her partner")
    _, total = figures.funnel(figures.scope_for(personas.team_leader), *_period())
    assert total.counts["reviewed"] == 1
