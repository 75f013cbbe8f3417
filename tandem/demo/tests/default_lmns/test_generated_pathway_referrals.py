"""Screens at every live booking, and referrals whose state follows their review exactly as
the pathway's services would leave it."""

from collections import Counter

import pytest
from django.utils import timezone

from tandem.pathway.models import (
    EligibilityCriterion,
    Referral,
    ReferralEventKind,
    ReferralStatus,
    ReviewOutcome,
    Screen,
    ScreenOutcome,
)
from tandem.pathway.rules import working_days_between
from tandem.pathway.services import current_decision
from tandem.records.models import Pregnancy

pytestmark = pytest.mark.django_db


def test_generated_screens_cover_every_booking_in_a_live_area(demo_lmns):
    live_bookings = {
        pregnancy.pk
        for pregnancy in Pregnancy.objects.exclude(booking_date=None)
        .filter(area__pathway_live_from__isnull=False)
        .select_related("area")
        if pregnancy.area.pathway_live_from <= pregnancy.booking_date
    }
    screens = Screen.objects.select_related("referral", "pregnancy").prefetch_related(
        "answers__criterion"
    )
    assert Counter(screen.pregnancy_id for screen in screens) == Counter(live_bookings)
    criteria = set(EligibilityCriterion.objects.filter(is_active=True).values_list("pk", flat=True))
    referred = 0
    for screen in screens:
        answers = list(screen.answers.all())
        assert {answer.criterion_id for answer in answers} == criteria
        met = [answer for answer in answers if answer.met]
        assert all(answer.detail for answer in met)
        assert all(not answer.detail for answer in answers if not answer.met)
        if met:
            referred += 1
            assert screen.outcome == ScreenOutcome.REFERRED
            assert 1 <= len(met) <= 2
            assert screen.referral.referred_at == screen.screened_at
            assert screen.referral.reason == "\n".join(
                f"{answer.criterion.label}: {answer.detail}"
                for answer in sorted(
                    met, key=lambda a: (a.criterion.display_order, a.criterion.label)
                )
            )
        else:
            assert screen.outcome == ScreenOutcome.NOT_REFERRED and screen.referral is None
    assert 0.15 <= referred / len(live_bookings) <= 0.25
    assert Referral.objects.count() == referred


def test_generated_referral_state_follows_its_latest_decision(demo_lmns):
    today = timezone.localdate()
    referrals = Referral.objects.prefetch_related("decisions__answer", "events")
    statuses = Counter()
    for referral in referrals:
        statuses[referral.status] += 1
        events = list(referral.events.all())
        assert events[0].kind == ReferralEventKind.REFERRED
        assert events[0].at == referral.referred_at
        assert [event.at for event in events] == sorted(event.at for event in events)
        assert events[-1].status_after == referral.status
        assert all(timezone.localtime(event.at).date() < today for event in events)
        decision = current_decision(referral)
        if referral.status == ReferralStatus.DECIDED:
            assert referral.current_outcome == decision.outcome
            assert referral.decided_at == decision.decided_at
            assert decision.outcome != ReviewOutcome.MORE_INFORMATION
        elif referral.status == ReferralStatus.MORE_INFORMATION_NEEDED:
            assert referral.current_outcome == ReviewOutcome.MORE_INFORMATION
            assert referral.decided_at == decision.decided_at and decision.question
            assert not hasattr(decision, "answer")
        elif referral.status == ReferralStatus.AWAITING_REVIEW:
            assert referral.current_outcome == "" and referral.decided_at is None
        else:
            assert events[-1].kind == ReferralEventKind.WITHDRAWN and events[-1].note
            assert referral.pregnancy.status != "active"
        for question in referral.decisions.filter(outcome=ReviewOutcome.MORE_INFORMATION):
            answer = getattr(question, "answer", None)
            if answer is not None:
                assert answer.answered_at > question.decided_at
    assert statuses[ReferralStatus.AWAITING_REVIEW] >= 3
    assert statuses[ReferralStatus.MORE_INFORMATION_NEEDED] >= 1
    decided = Referral.objects.filter(status=ReferralStatus.DECIDED)
    outcomes = Counter(decided.values_list("current_outcome", flat=True))
    assert outcomes.most_common(1)[0][0] == ReviewOutcome.JOINT_VISIT
    assert outcomes[ReviewOutcome.HEALTH_VISITOR_28_WEEK] > outcomes[ReviewOutcome.NOT_ELIGIBLE] > 0
    revised = decided.filter(decisions__revises__isnull=False).distinct()
    assert revised.exists()
    answered = Referral.objects.filter(decisions__answer__isnull=False).distinct()
    assert answered.filter(status=ReferralStatus.DECIDED).exists()


def test_generated_reviews_mostly_meet_the_five_working_day_target(demo_lmns):
    waits = []
    for referral in Referral.objects.prefetch_related("decisions"):
        first = min((d.decided_at for d in referral.decisions.all()), default=None)
        if first is not None:
            waits.append(
                working_days_between(
                    timezone.localdate(referral.referred_at), timezone.localdate(first)
                )
            )
    within = sum(wait <= 5 for wait in waits) / len(waits)
    assert 0.7 <= within <= 0.95
    assert max(waits) > 5
