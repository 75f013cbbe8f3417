"""The safeguarding review: decisions with a rationale, revisions that keep the old decision,
the more-information round trip and withdrawal, each an immutable, audited row."""

import pytest
from django.core.exceptions import ValidationError

from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction, AuditEvent
from tandem.pathway.models import (
    Decision,
    ReferralEventKind,
    ReferralStatus,
    ReviewOutcome,
)
from tandem.pathway.services import (
    answer_question,
    current_decision,
    decide,
    latest_event_id,
    open_question,
    record_screen,
    revise_decision,
    withdraw_referral,
)
from tandem.pathway.tests.factories import answers


@pytest.fixture
def referral(personas):
    screen = record_screen(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        answers=answers(perinatal_mental_health="Previous postnatal depression"),
    )
    return screen.referral


def _kinds(referral) -> list[str]:
    return list(referral.events.values_list("kind", flat=True))


def test_decide_without_rationale_is_rejected_and_changes_nothing(personas, referral):
    with pytest.raises(ValidationError) as error:
        decide(by=personas.reviewer, referral=referral, outcome="joint_visit", rationale="  ")

    assert error.value.message_dict == {"rationale": ["Enter the reasons for your decision"]}
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.AWAITING_REVIEW
    assert not Decision.objects.exists()


def test_decide_with_an_unknown_outcome_is_rejected(personas, referral):
    with pytest.raises(ValidationError) as error:
        decide(by=personas.reviewer, referral=referral, outcome="maybe", rationale="Because")

    assert error.value.message_dict == {"outcome": ["Choose your decision"]}


def test_decide_joint_visit_updates_the_referral_and_records_who_and_when(personas, referral):
    decision = decide(
        by=personas.reviewer,
        referral=referral,
        outcome=ReviewOutcome.JOINT_VISIT,
        rationale="Needs early joint planning",
    )

    referral.refresh_from_db()
    assert (referral.status, referral.current_outcome, referral.decided_at) == (
        ReferralStatus.DECIDED,
        ReviewOutcome.JOINT_VISIT,
        decision.decided_at,
    )
    assert decision.decided_by == personas.reviewer
    assert _kinds(referral) == [ReferralEventKind.REFERRED, ReferralEventKind.DECIDED]
    audit = AuditEvent.objects.get(object_type="referral", action=AuditAction.CHANGE)
    assert audit.detail == {"decision": decision.pk, "outcome": "joint_visit"}
    assert audit.person_id == personas.woman.pk


def test_decide_twice_is_a_conflict_and_is_audited(personas, referral):
    decide(by=personas.reviewer, referral=referral, outcome="hv_28_week", rationale="Moderate")

    with pytest.raises(EditConflictError):
        decide(by=personas.reviewer, referral=referral, outcome="joint_visit", rationale="Other")

    assert Decision.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.CONFLICT, object_type="referral").exists()


def test_decide_on_a_referral_that_moved_on_since_it_was_opened_is_a_conflict(personas, referral):
    seen = latest_event_id(referral)
    decide(
        by=personas.reviewer,
        referral=referral,
        outcome="more_information",
        rationale="Unclear",
        question="Who is in the household?",
    )
    answer_question(by=personas.midwife, referral=referral, text="Her mother")

    with pytest.raises(EditConflictError):
        decide(
            by=personas.reviewer,
            referral=referral,
            outcome="not_eligible",
            rationale="Old page",
            seen_event_id=seen,
        )


def test_revision_keeps_the_old_decision_and_updates_the_referral(personas, referral):
    first = decide(by=personas.reviewer, referral=referral, outcome="hv_28_week", rationale="A")
    revision = revise_decision(
        by=personas.reviewer,
        decision=first,
        outcome=ReviewOutcome.JOINT_VISIT,
        rationale="New information from the GP",
    )

    first.refresh_from_db()
    assert first.outcome == ReviewOutcome.HEALTH_VISITOR_28_WEEK and first.rationale == "A"
    assert revision.revises == first
    assert current_decision(referral) == revision
    referral.refresh_from_db()
    assert (referral.status, referral.current_outcome, referral.decided_at) == (
        ReferralStatus.DECIDED,
        ReviewOutcome.JOINT_VISIT,
        revision.decided_at,
    )
    assert _kinds(referral)[-1] == ReferralEventKind.REVISED


def test_revision_needs_a_rationale(personas, referral):
    first = decide(by=personas.reviewer, referral=referral, outcome="hv_28_week", rationale="A")

    with pytest.raises(ValidationError) as error:
        revise_decision(by=personas.reviewer, decision=first, outcome="joint_visit", rationale="")

    assert error.value.message_dict == {
        "rationale": ["Enter the reasons for changing the decision"]
    }


def test_revising_a_decision_already_revised_is_a_conflict(personas, referral):
    first = decide(by=personas.reviewer, referral=referral, outcome="hv_28_week", rationale="A")
    revise_decision(by=personas.reviewer, decision=first, outcome="joint_visit", rationale="B")

    with pytest.raises(EditConflictError):
        revise_decision(by=personas.reviewer, decision=first, outcome="not_eligible", rationale="C")

    assert Decision.objects.filter(revises=first).count() == 1


def test_more_information_round_trip_returns_the_referral_to_the_queue(personas, referral):
    asked = decide(
        by=personas.reviewer,
        referral=referral,
        outcome=ReviewOutcome.MORE_INFORMATION,
        rationale="Cannot weigh the risk yet",
        question="Is the partner living with her?",
    )
    referral.refresh_from_db()
    assert (referral.status, referral.current_outcome) == (
        ReferralStatus.MORE_INFORMATION_NEEDED,
        ReviewOutcome.MORE_INFORMATION,
    )
    assert open_question(referral) == asked

    answer = answer_question(by=personas.midwife, referral=referral, text="Yes, since May")

    referral.refresh_from_db()
    assert (referral.status, referral.current_outcome, referral.decided_at) == (
        ReferralStatus.AWAITING_REVIEW,
        "",
        None,
    )
    assert answer.decision == asked and answer.answered_by == personas.midwife
    assert open_question(referral) is None
    final = decide(by=personas.reviewer, referral=referral, outcome="joint_visit", rationale="Ok")
    assert final.revises is None
    assert _kinds(referral) == [
        ReferralEventKind.REFERRED,
        ReferralEventKind.QUESTION_ASKED,
        ReferralEventKind.ANSWERED,
        ReferralEventKind.DECIDED,
    ]


def test_more_information_without_a_question_is_rejected(personas, referral):
    with pytest.raises(ValidationError) as error:
        decide(by=personas.reviewer, referral=referral, outcome="more_information", rationale="Why")

    assert error.value.message_dict == {"question": ["Enter the question for the referrer"]}


def test_answer_without_a_question_waiting_is_a_conflict(personas, referral):
    with pytest.raises(EditConflictError):
        answer_question(by=personas.midwife, referral=referral, text="Unasked")


def test_answer_needs_text(personas, referral):
    decide(
        by=personas.reviewer,
        referral=referral,
        outcome="more_information",
        rationale="Why",
        question="What?",
    )

    with pytest.raises(ValidationError) as error:
        answer_question(by=personas.midwife, referral=referral, text="")

    assert error.value.message_dict == {"answer": ["Enter your answer for the safeguarding team"]}


def test_withdraw_closes_an_open_referral_with_its_reason(personas, referral):
    withdraw_referral(by=personas.midwife, referral=referral, reason="Moved to Leeds")

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN
    event = referral.events.last()
    assert (event.kind, event.note) == (ReferralEventKind.WITHDRAWN, "Moved to Leeds")
    with pytest.raises(EditConflictError):
        decide(by=personas.reviewer, referral=referral, outcome="joint_visit", rationale="Late")


def test_withdraw_a_decided_referral_is_a_conflict(personas, referral):
    decide(by=personas.reviewer, referral=referral, outcome="joint_visit", rationale="Ok")

    with pytest.raises(EditConflictError):
        withdraw_referral(by=personas.midwife, referral=referral, reason="Too late")


def test_decisions_and_events_cannot_be_changed(personas, referral):
    decision = decide(by=personas.reviewer, referral=referral, outcome="joint_visit", rationale="A")
    decision.rationale = "Rewritten"

    with pytest.raises(TypeError):
        decision.save()
    with pytest.raises(TypeError):
        referral.events.first().delete()
