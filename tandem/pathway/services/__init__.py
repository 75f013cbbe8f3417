"""The pathway's services: screening at booking, the safeguarding review and its queue.

Every write takes an explicit actor (`by=`), validates before saving anything, runs in one
transaction with its audit event and its referral event, and refuses a stale or concurrent
change of a referral's state with EditConflictError.
"""

from tandem.pathway.services.queue import (
    QueueEntry,
    criteria_met,
    open_questions_for,
    queue_entries,
    queue_viewed,
    review_queue,
    review_target_working_days,
)
from tandem.pathway.services.review import (
    answer_question,
    current_decision,
    decide,
    decisions_of,
    latest_event_id,
    open_question,
    revise_decision,
    withdraw_referral,
)
from tandem.pathway.services.screening import (
    CriterionAnswer,
    active_criteria,
    detail_field,
    met_field,
    open_referral,
    record_screen,
    screen_viewed,
)

__all__ = [
    "CriterionAnswer",
    "QueueEntry",
    "active_criteria",
    "answer_question",
    "criteria_met",
    "current_decision",
    "decide",
    "decisions_of",
    "detail_field",
    "latest_event_id",
    "met_field",
    "open_question",
    "open_questions_for",
    "open_referral",
    "queue_entries",
    "queue_viewed",
    "record_screen",
    "review_queue",
    "review_target_working_days",
    "revise_decision",
    "screen_viewed",
    "withdraw_referral",
]
