"""The safeguarding review queue and the referrer's questions to answer: read-only lists,
fetched in a fixed number of queries however long they are."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tandem.core.audit import record_event
from tandem.core.gestation import Gestation
from tandem.core.models import AuditAction
from tandem.pathway.models import (
    Decision,
    Referral,
    ReferralStatus,
    ReviewOutcome,
    ReviewTarget,
    ScreenAnswer,
)
from tandem.pathway.rules import (
    REVIEW_TARGET_WORKING_DAYS,
    over_review_target,
    working_days_between,
)


def review_target_working_days() -> int:
    """The LMNS's review target (set in the admin), or the default in pathway.rules."""
    target = ReviewTarget.objects.order_by("pk").values_list("working_days", flat=True).first()
    return target or REVIEW_TARGET_WORKING_DAYS


def review_queue(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    """Of the given referrals (already limited to what the reviewer may see), those awaiting
    review, oldest first, with what the queue shows fetched alongside."""
    return (
        referrals.filter(status=ReferralStatus.AWAITING_REVIEW)
        .select_related("pregnancy__woman", "pregnancy__area", "screen")
        .prefetch_related(
            Prefetch(
                "screen__answers",
                queryset=ScreenAnswer.objects.filter(met=True).select_related("criterion"),
                to_attr="met_answers",
            )
        )
        .order_by("referred_at", "pk")
    )


@dataclass(frozen=True)
class QueueEntry:
    referral: Referral
    working_days_waiting: int
    over_target: bool
    gestation_today: Gestation
    criteria_met: list[str]


def criteria_met(referral: Referral) -> list[str]:
    """The labels of the criteria met at the screen that made the referral (none when it
    was made some other way: its reason says why)."""
    screen = getattr(referral, "screen", None)
    if screen is None:
        return []
    answers = getattr(screen, "met_answers", None)
    if answers is None:
        answers = screen.answers.filter(met=True).select_related("criterion")
    return [answer.criterion.label for answer in answers]


def queue_entries(referrals, *, today: date, target: int) -> list[QueueEntry]:
    entries = []
    for referral in referrals:
        waiting = working_days_between(timezone.localdate(referral.referred_at), today)
        entries.append(
            QueueEntry(
                referral=referral,
                working_days_waiting=waiting,
                over_target=over_review_target(waiting, target),
                gestation_today=referral.pregnancy.gestation_on(today),
                criteria_met=criteria_met(referral),
            )
        )
    return entries


def queue_viewed(*, by, referrals: list[Referral], what: str) -> None:
    """A list of people's referrals was shown: one audit event naming every referral."""
    record_event(
        by=by,
        action=AuditAction.VIEW,
        object_type=what,
        detail={"referrals": [referral.pk for referral in referrals]},
    )


def open_questions_for(user, referrals: QuerySet[Referral]) -> QuerySet[Decision]:
    """Unanswered questions from the safeguarding team on referrals `user` made, among the
    referrals she may see, oldest first."""
    return (
        Decision.objects.filter(
            referral__in=referrals.filter(
                referred_by=user, status=ReferralStatus.MORE_INFORMATION_NEEDED
            ),
            outcome=ReviewOutcome.MORE_INFORMATION,
            answer__isnull=True,
        )
        .select_related("referral__pregnancy__woman", "decided_by")
        .order_by("decided_at", "pk")
    )
