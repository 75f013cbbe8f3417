"""Referrals to the Enhanced Maternity Pathway, made by the midwife at booking.

Only pregnancies booked in an area where the pathway was live on the booking day are
referred. How often is invented (about 1 in 8 bookings in a live area, more in deprived ones); the
safeguarding review decides within about ten days, so recent referrals, and a few overdue
ones, are still awaiting review.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random

from tandem.demo.sampling import chance, pick
from tandem.pathway.models import ReferralStatus

REVIEW_TARGET_DAYS = 10
OVERDUE_WINDOW_DAYS = 28
STILL_WAITING_WHEN_OVERDUE = 0.3
JOINT_VISIT_DECIDED = 0.6
REASONS = (
    "First baby; limited support from family and anxious about coping after the birth.",
    "Older child known to children's social care; family asks for extra support.",
    "History of depression; partner works away for long periods.",
    "Young parent living in temporary accommodation after a recent move.",
    "Disclosed domestic abuse in a previous relationship; now safe, wants support.",
    "Substance misuse in the household; parents engaging with treatment services.",
    "Mild learning disability; would benefit from information at her own pace.",
    "Financial hardship and rent arrears; worried about getting ready for the baby.",
    "Care leaver with no family support nearby.",
    "Previous perinatal mental health difficulties after her last baby.",
    "Recently arrived in the UK, socially isolated and speaks little English.",
    "Previous baby admitted to neonatal care; high anxiety in this pregnancy.",
    "Partner has a long-term illness; she is his main carer.",
)


@dataclass(frozen=True)
class ReferralPlan:
    referred_at: datetime
    reason: str
    status: str
    joint_visit_after: date | None  # when the review decided on a joint visit


def referral_rate(imd_decile: int | None) -> float:
    """Invented: 4% of bookings in the least deprived decile, 18% in the most."""
    return 0.14 if imd_decile is None else 0.04 + 0.016 * (10 - imd_decile)


def plan_referral(
    rng: Random, *, booking_at: datetime, imd_decile: int | None, today: date
) -> ReferralPlan | None:
    if not chance(rng, referral_rate(imd_decile)):
        return None
    referred_at = booking_at + timedelta(minutes=60 + int(rng.random() * 180))
    waiting_days = (today - referred_at.date()).days
    reason = pick(rng, REASONS)
    overdue_still_waiting = chance(rng, STILL_WAITING_WHEN_OVERDUE)
    if waiting_days <= REVIEW_TARGET_DAYS or (
        waiting_days <= OVERDUE_WINDOW_DAYS and overdue_still_waiting
    ):
        return ReferralPlan(referred_at, reason, ReferralStatus.AWAITING_REVIEW, None)
    decided_on = referred_at.date() + timedelta(days=2 + int(rng.random() * 8))
    joint = chance(rng, JOINT_VISIT_DECIDED)
    return ReferralPlan(
        referred_at,
        reason,
        ReferralStatus.DECIDED,
        decided_on + timedelta(days=3) if joint else None,
    )
