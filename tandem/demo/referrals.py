"""Referrals to the Enhanced Maternity Pathway and their safeguarding review.

A screen that meets a criterion refers the family at that moment. A safeguarding reviewer
decides within a few working days (most within the 5-day target, some later); a few
decisions first ask the referrer a question, which she answers before the final decision;
a few are revised. Recent referrals, and some older ones, are still waiting, so the review
queue has entries. A referral still open when the pregnancy ends is withdrawn.

The referral's status, current outcome and decided_at follow its latest decision exactly as
the pathway's review services set them (docs/pathway-referrals.md). Rates and texts are
invented (docs/calibration.md).
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from random import Random

from tandem.demo.contacts import LONDON
from tandem.demo.pregnancies import PregnancyStory
from tandem.demo.sampling import Categorical, chance, pick
from tandem.pathway.models import ReferralEventKind, ReferralStatus, ReviewOutcome
from tandem.records.models import PregnancyStatus

# Working days from referral to the review (the target is 5): about 83% within it.
REVIEW_WORKING_DAYS = Categorical(
    {1: 12, 2: 20, 3: 22, 4: 17, 5: 12, 6: 6, 7: 4, 8: 3, 10: 2, 12: 2}
)
STILL_WAITING_WITHIN_DAYS = 28
STILL_WAITING = 0.3  # of referrals under four weeks old, however long they have waited
DEMO_REVIEWER_SHARE = 0.4
MORE_INFORMATION = 0.08
ANSWER_WORKING_DAYS = (1, 3)
REVISED = 0.04
OUTCOMES = Categorical(
    {
        ReviewOutcome.JOINT_VISIT: 0.62,
        ReviewOutcome.HEALTH_VISITOR_28_WEEK: 0.25,
        ReviewOutcome.NOT_ELIGIBLE: 0.13,
    }
)
# A family reviewed with under two weeks of the joint-visit window left is offered the
# 28-week contact instead (up to 30 weeks).
LATE_FOR_JOINT_VISIT_DAYS = 168
TOO_LATE_FOR_CONTACT_DAYS = 210

RATIONALES = {
    ReviewOutcome.JOINT_VISIT: (
        "Several vulnerabilities together; a joint visit will let midwife and health visitor "
        "plan support with the family early.",
        "Meets the criteria; the family would benefit from a shared plan before the birth.",
        "Known to services before; a joint visit helps both teams work from one plan.",
    ),
    ReviewOutcome.HEALTH_VISITOR_28_WEEK: (
        "Single, manageable concern; the health visitor's antenatal contact at 28 weeks is "
        "enough, with the midwife continuing universal care.",
        "Good support around her; a 28-week contact to introduce the health visiting team.",
    ),
    ReviewOutcome.NOT_ELIGIBLE: (
        "The concern is already well supported by another service; universal care continues.",
        "Does not meet the threshold for the enhanced pathway; referrer may screen again if "
        "things change.",
    ),
}
QUESTIONS = (
    "Is children's social care currently involved with the family?",
    "Does she have support from family or friends nearby?",
    "Is the partner aware of the referral, and is it safe to contact her at home?",
    "Is she currently under the perinatal mental health team?",
)
ANSWERS = (
    "No current involvement; the case was closed last year.",
    "Her mother lives nearby and visits most days.",
    "Yes, she is happy for letters and calls at home.",
    "Not at present; the GP is managing her medication.",
)
REVISION_RATIONALES = (
    "New information from the referrer after the decision; changing the outcome.",
    "Discussed at the weekly review meeting; the team agreed a different outcome.",
)
WITHDRAWAL_NOTES = {
    PregnancyStatus.DELIVERED: "The baby was born before the review was finished.",
    PregnancyStatus.ENDED: "The pregnancy has ended.",
    PregnancyStatus.TRANSFERRED_OUT: "She has moved out of the area and transferred her care.",
}


@dataclass(frozen=True)
class AnswerPlan:
    text: str
    answered_by: int
    answered_at: datetime


@dataclass(frozen=True)
class DecisionPlan:
    outcome: str
    rationale: str
    decided_by: int
    decided_at: datetime
    question: str = ""
    revises: int | None = None  # index of the decision it revises
    answer: AnswerPlan | None = None


@dataclass(frozen=True)
class EventPlan:
    kind: str
    at: datetime
    by: int
    status_after: str
    note: str = ""


@dataclass(frozen=True)
class ReferralPlan:
    referred_at: datetime
    reason: str
    referred_by: int
    status: str
    current_outcome: str
    decided_at: datetime | None
    decisions: tuple[DecisionPlan, ...]
    events: tuple[EventPlan, ...]


def working_day_time(rng: Random, day: date, working_days: int) -> datetime:
    """A time between 09:00 and 16:45 on the `working_days`th weekday after `day`."""
    while working_days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            working_days -= 1
    minutes = 9 * 60 + 15 * int(rng.random() * 32)
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=LONDON)


class _Review:
    """The referral's state as the review moves it on (mirrors pathway.services.review)."""

    def __init__(self, referred_at: datetime, referred_by: int) -> None:
        self.status = ReferralStatus.AWAITING_REVIEW
        self.outcome = ""
        self.decided_at: datetime | None = None
        self.decisions: list[DecisionPlan] = []
        self.events = [EventPlan(ReferralEventKind.REFERRED, referred_at, referred_by, self.status)]

    def decide(self, outcome, rationale, by, at, question="") -> None:
        asking = outcome == ReviewOutcome.MORE_INFORMATION
        self.status = ReferralStatus.MORE_INFORMATION_NEEDED if asking else ReferralStatus.DECIDED
        self.outcome, self.decided_at = outcome, at
        self.decisions.append(DecisionPlan(outcome, rationale, by, at, question=question))
        kind = ReferralEventKind.QUESTION_ASKED if asking else ReferralEventKind.DECIDED
        self.events.append(EventPlan(kind, at, by, self.status))

    def answer(self, text, by, at) -> None:
        self.decisions[-1] = replace(self.decisions[-1], answer=AnswerPlan(text, by, at))
        self.status, self.outcome, self.decided_at = ReferralStatus.AWAITING_REVIEW, "", None
        self.events.append(EventPlan(ReferralEventKind.ANSWERED, at, by, self.status))

    def revise(self, outcome, rationale, by, at) -> None:
        revises = len(self.decisions) - 1
        self.decisions.append(DecisionPlan(outcome, rationale, by, at, revises=revises))
        self.outcome, self.decided_at = outcome, at
        self.events.append(EventPlan(ReferralEventKind.REVISED, at, by, self.status))

    def withdraw(self, note, by, at) -> None:
        self.status = ReferralStatus.WITHDRAWN
        self.events.append(EventPlan(ReferralEventKind.WITHDRAWN, at, by, self.status, note))

    def plan(self, referred_at, reason, referred_by) -> ReferralPlan:
        return ReferralPlan(
            referred_at,
            reason,
            referred_by,
            self.status,
            self.outcome,
            self.decided_at,
            tuple(self.decisions),
            tuple(self.events),
        )


def plan_referral(
    rng: Random,
    story: PregnancyStory,
    *,
    referred_at: datetime,
    reason: str,
    referred_by: int,
    reviewer: int,
    today: date,
    force: str | None = None,
) -> ReferralPlan:
    """The review of one referral up to today. `force` fixes its state for the demo
    midwife's showcase families: "awaiting", "question_open" or a final outcome."""
    review = _Review(referred_at, referred_by)
    start_of_today = datetime.combine(today, time(0), tzinfo=LONDON)
    ended_at = (
        datetime.combine(story.event_date, time(17), tzinfo=LONDON)
        if story.event_date < today
        else None
    )
    limit = min(start_of_today, ended_at or start_of_today)
    _run_review(rng, review, story, referred_at, referred_by, reviewer, today, limit, force)
    if ended_at is not None and review.status in (
        ReferralStatus.AWAITING_REVIEW,
        ReferralStatus.MORE_INFORMATION_NEEDED,
    ):
        review.withdraw(WITHDRAWAL_NOTES[story.fate], referred_by, ended_at)
    return review.plan(referred_at, reason, referred_by)


def _run_review(rng, review, story, referred_at, referred_by, reviewer, today, limit, force):
    waiting_days = (today - referred_at.date()).days
    still_waiting = force == "awaiting" or (
        force is None and waiting_days <= STILL_WAITING_WITHIN_DAYS and chance(rng, STILL_WAITING)
    )
    days = 2 + int(rng.random() * 3) if force else REVIEW_WORKING_DAYS.draw(rng)
    review_at = working_day_time(rng, referred_at.date(), days)
    if still_waiting or review_at >= limit:
        return
    if force == "question_open" or (force is None and chance(rng, MORE_INFORMATION)):
        index = int(rng.random() * len(QUESTIONS))
        review.decide(
            ReviewOutcome.MORE_INFORMATION,
            "Need to know more before deciding.",
            reviewer,
            review_at,
            question=QUESTIONS[index],
        )
        low, high = ANSWER_WORKING_DAYS
        answer_at = working_day_time(rng, review_at.date(), low + int(rng.random() * high))
        if force == "question_open" or answer_at >= limit:
            return
        review.answer(ANSWERS[index], referred_by, answer_at)
        review_at = working_day_time(rng, answer_at.date(), low + int(rng.random() * high))
        if review_at >= limit:
            return
    outcome = force if force in ReviewOutcome.values else _outcome(rng, story, review_at)
    review.decide(outcome, pick(rng, RATIONALES[outcome]), reviewer, review_at)
    if force is None and chance(rng, REVISED):
        revised_at = working_day_time(rng, review_at.date(), 2 + int(rng.random() * 8))
        if revised_at < limit:
            others = [other for other in RATIONALES if other != outcome]
            review.revise(pick(rng, others), pick(rng, REVISION_RATIONALES), reviewer, revised_at)


def _outcome(rng: Random, story: PregnancyStory, review_at: datetime) -> str:
    outcome = OUTCOMES.draw(rng)
    gestation = 280 - (story.edd - review_at.date()).days
    late = LATE_FOR_JOINT_VISIT_DAYS < gestation <= TOO_LATE_FOR_CONTACT_DAYS
    if outcome == ReviewOutcome.JOINT_VISIT and late:
        return ReviewOutcome.HEALTH_VISITOR_28_WEEK
    return outcome


def choose_reviewer(rng: Random, demo_reviewer: int | None, reviewers: list[int]) -> int:
    if demo_reviewer is not None and (not reviewers or chance(rng, DEMO_REVIEWER_SHARE)):
        return demo_reviewer
    return pick(rng, reviewers)
