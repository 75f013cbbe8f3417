"""The safeguarding review of a referral: decide, ask the referrer, revise, withdraw.

Each change of a referral's state is a conditional UPDATE on its status (and a unique
`revises` link for revisions), so of two reviewers acting at once exactly one wins and the
other gets EditConflictError; each is recorded as an immutable Decision, Answer and
ReferralEvent row, with its audit event, in one transaction. The referral's status,
current_outcome and decided_at, which the other pathway apps read, move with them:

- decided (joint visit, 28-week contact, not eligible): status decided, current_outcome the
  outcome, decided_at the time of the decision (of the latest revision once revised);
- more information needed: status more_information, current_outcome more_information,
  decided_at the time the question was asked;
- answered: back to awaiting_review with no current_outcome or decided_at;
- withdrawn: status withdrawn, outcome and decided_at left as they were.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from tandem.core.audit import record_event
from tandem.core.concurrency import EditConflictError
from tandem.core.models import AuditAction
from tandem.pathway.models import (
    FINAL_OUTCOMES,
    OPEN_STATUSES,
    Answer,
    Decision,
    Referral,
    ReferralEvent,
    ReferralEventKind,
    ReferralStatus,
    ReviewOutcome,
)
from tandem.records.validation import Errors

MAX_TEXT_LENGTH = 4000

ALREADY_CHANGED = (
    "Someone else changed this referral while you were looking at it: {what}. Your {yours} "
    "has not been saved. Open the referral again to see where it is now."
)


def decisions_of(referral: Referral) -> list[Decision]:
    """Every decision on a referral, oldest first, each marked whether a later one revised
    it, with who decided and who answered (a fixed number of queries)."""
    return list(
        referral.decisions.select_related(
            "decided_by__practitioner", "answer__answered_by__practitioner"
        ).annotate(is_superseded=Exists(Decision.objects.filter(revises=OuterRef("pk"))))
    )


def current_decision(referral: Referral) -> Decision | None:
    """The decision in force: the latest one that nobody has revised."""
    return referral.decisions.filter(revised_by__isnull=True).order_by("-decided_at", "-pk").first()


def open_question(referral: Referral) -> Decision | None:
    """The 'more information needed' decision waiting for the referrer's answer."""
    if referral.status != ReferralStatus.MORE_INFORMATION_NEEDED:
        return None
    return (
        referral.decisions.filter(outcome=ReviewOutcome.MORE_INFORMATION, answer__isnull=True)
        .order_by("-decided_at", "-pk")
        .first()
    )


@contextmanager
def _conflicts_audited(*, by, referral: Referral, attempted: str) -> Iterator[None]:
    """A refused change is itself audited, after its transaction has rolled back."""
    try:
        yield
    except EditConflictError:
        record_event(
            by=by,
            action=AuditAction.CONFLICT,
            object_type="referral",
            object_id=referral.pk,
            person_id=referral.pregnancy.woman_id,
            detail={"attempted": attempted},
        )
        raise


def _move(referral: Referral, *, from_statuses, **values) -> None:
    """Moves the referral on only if it is still in one of `from_statuses`."""
    updated = Referral.objects.filter(pk=referral.pk, status__in=from_statuses).update(**values)
    if updated != 1:
        raise EditConflictError(
            ALREADY_CHANGED.format(what="it is no longer in the state you saw", yours="change")
        )
    for field, value in values.items():
        setattr(referral, field, value)


def _required_text(errors: Errors, field: str, value: str, missing: str) -> str:
    text = (value or "").strip()
    if not text:
        errors.add(field, missing)
    elif len(text) > MAX_TEXT_LENGTH:
        errors.add(field, f"This must be {MAX_TEXT_LENGTH} characters or fewer")
    return text


def _event(referral: Referral, kind: str, *, by, at, note: str = "") -> None:
    ReferralEvent.objects.create(
        referral=referral, kind=kind, at=at, by=by, status_after=referral.status, note=note
    )


def _audit_change(referral: Referral, *, by, detail: dict) -> None:
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="referral",
        object_id=referral.pk,
        person_id=referral.pregnancy.woman_id,
        detail=detail,
    )


# --- Deciding -----------------------------------------------------------------------------


def decide(
    *,
    by,
    referral: Referral,
    outcome: str,
    rationale: str,
    question: str = "",
    seen_event_id: int | None = None,
) -> Decision:
    """The reviewer's decision on a referral awaiting review. 'More information needed'
    sends `question` back to the referrer. `seen_event_id`, the referral's latest event
    when the reviewer opened it, refuses a decision on a referral that has moved on since."""
    with _conflicts_audited(by=by, referral=referral, attempted="decide"):
        return _decide(
            by=by,
            referral=referral,
            outcome=outcome,
            rationale=rationale,
            question=question,
            seen_event_id=seen_event_id,
        )


def latest_event_id(referral: Referral) -> int | None:
    return referral.events.order_by("-at", "-pk").values_list("pk", flat=True).first()


@transaction.atomic
def _decide(
    *,
    by,
    referral: Referral,
    outcome: str,
    rationale: str,
    question: str,
    seen_event_id: int | None,
) -> Decision:
    errors = Errors()
    if outcome not in ReviewOutcome.values:
        errors.add("outcome", "Choose your decision")
    rationale = _required_text(
        errors, "rationale", rationale, "Enter the reasons for your decision"
    )
    asking = outcome == ReviewOutcome.MORE_INFORMATION
    if asking:
        question = _required_text(
            errors, "question", question, "Enter the question for the referrer"
        )
    else:
        question = ""
    errors.raise_if_any()
    if seen_event_id is not None and latest_event_id(referral) != seen_event_id:
        raise EditConflictError(
            ALREADY_CHANGED.format(what="it has moved on since you opened it", yours="decision")
        )
    now = timezone.now()
    try:
        _move(
            referral,
            from_statuses=[ReferralStatus.AWAITING_REVIEW],
            status=ReferralStatus.MORE_INFORMATION_NEEDED if asking else ReferralStatus.DECIDED,
            current_outcome=outcome,
            decided_at=now,
        )
    except EditConflictError:
        raise EditConflictError(
            ALREADY_CHANGED.format(
                what="it has been decided or sent back to the referrer", yours="decision"
            )
        ) from None
    decision = Decision.objects.create(
        referral=referral,
        outcome=outcome,
        rationale=rationale,
        decided_by=by,
        decided_at=now,
        question=question,
    )
    kind = ReferralEventKind.QUESTION_ASKED if asking else ReferralEventKind.DECIDED
    _event(referral, kind, by=by, at=now)
    _audit_change(referral, by=by, detail={"decision": decision.pk, "outcome": outcome})
    return decision


def revise_decision(*, by, decision: Decision, outcome: str, rationale: str) -> Decision:
    """A new decision superseding `decision`, which stays on the record."""
    referral = decision.referral
    with _conflicts_audited(by=by, referral=referral, attempted="revise"):
        return _revise(by=by, decision=decision, outcome=outcome, rationale=rationale)


@transaction.atomic
def _revise(*, by, decision: Decision, outcome: str, rationale: str) -> Decision:
    referral = decision.referral
    errors = Errors()
    if outcome not in FINAL_OUTCOMES:
        errors.add(
            "outcome",
            "Choose a joint visit, a health visitor contact at 28 weeks, or not eligible",
        )
    rationale = _required_text(
        errors, "rationale", rationale, "Enter the reasons for changing the decision"
    )
    errors.raise_if_any()
    stale = ALREADY_CHANGED.format(
        what="its decision has been changed or the referral withdrawn", yours="revision"
    )
    if decision.outcome not in FINAL_OUTCOMES or Decision.objects.filter(revises=decision).exists():
        raise EditConflictError(stale)
    now = timezone.now()
    try:
        with transaction.atomic():
            revision = Decision.objects.create(
                referral=referral,
                outcome=outcome,
                rationale=rationale,
                decided_by=by,
                decided_at=now,
                revises=decision,
            )
    except IntegrityError:
        # Another reviewer revised the same decision first (the unique `revises` link).
        raise EditConflictError(stale) from None
    try:
        _move(
            referral,
            from_statuses=[ReferralStatus.DECIDED],
            current_outcome=outcome,
            decided_at=now,
        )
    except EditConflictError:
        raise EditConflictError(stale) from None
    _event(referral, ReferralEventKind.REVISED, by=by, at=now)
    _audit_change(
        referral,
        by=by,
        detail={"decision": revision.pk, "revises": decision.pk, "outcome": outcome},
    )
    return revision


# --- The referrer's side --------------------------------------------------------------------


def answer_question(*, by, referral: Referral, text: str) -> Answer:
    """The referrer's answer: the referral goes back to the review queue."""
    with _conflicts_audited(by=by, referral=referral, attempted="answer"):
        return _answer(by=by, referral=referral, text=text)


@transaction.atomic
def _answer(*, by, referral: Referral, text: str) -> Answer:
    errors = Errors()
    text = _required_text(errors, "answer", text, "Enter your answer for the safeguarding team")
    errors.raise_if_any()
    stale = ALREADY_CHANGED.format(what="its question has been answered", yours="answer")
    question = open_question(referral)
    if question is None:
        raise EditConflictError(stale)
    now = timezone.now()
    try:
        with transaction.atomic():
            answer = Answer.objects.create(
                decision=question, text=text, answered_by=by, answered_at=now
            )
    except IntegrityError:
        raise EditConflictError(stale) from None
    try:
        _move(
            referral,
            from_statuses=[ReferralStatus.MORE_INFORMATION_NEEDED],
            status=ReferralStatus.AWAITING_REVIEW,
            current_outcome="",
            decided_at=None,
        )
    except EditConflictError:
        raise EditConflictError(stale) from None
    _event(referral, ReferralEventKind.ANSWERED, by=by, at=now)
    _audit_change(referral, by=by, detail={"answer": answer.pk, "decision": question.pk})
    return answer


def withdraw_referral(*, by, referral: Referral, reason: str) -> Referral:
    """Withdraws an open referral (she moved away, the pregnancy ended, it was made in
    error). The referral and its history stay on her record."""
    with _conflicts_audited(by=by, referral=referral, attempted="withdraw"):
        return _withdraw(by=by, referral=referral, reason=reason)


@transaction.atomic
def _withdraw(*, by, referral: Referral, reason: str) -> Referral:
    errors = Errors()
    reason = _required_text(errors, "reason", reason, "Enter why the referral is withdrawn")
    errors.raise_if_any()
    try:
        _move(referral, from_statuses=list(OPEN_STATUSES), status=ReferralStatus.WITHDRAWN)
    except EditConflictError:
        raise EditConflictError(
            ALREADY_CHANGED.format(
                what="it has already been decided or withdrawn", yours="withdrawal"
            )
        ) from None
    now = timezone.now()
    _event(referral, ReferralEventKind.WITHDRAWN, by=by, at=now, note=reason)
    _audit_change(referral, by=by, detail={"withdrawn": True})
    return referral
