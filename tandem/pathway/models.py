"""Referrals to the Enhanced Maternity Pathway, reviewed by the safeguarding team."""

from django.conf import settings
from django.db import models

from tandem.records.models import Pregnancy


class ReferralStatus(models.TextChoices):
    AWAITING_REVIEW = "awaiting_review", "Awaiting safeguarding review"
    MORE_INFORMATION_NEEDED = "more_information", "More information needed from the referrer"
    DECIDED = "decided", "Decided"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ReviewOutcome(models.TextChoices):
    """What the safeguarding review decides for a referred family."""

    JOINT_VISIT = "joint_visit", "Joint visit at 20 to 25 weeks"
    HEALTH_VISITOR_28_WEEK = "hv_28_week", "Health visitor antenatal contact at 28 weeks"
    NOT_ELIGIBLE = "not_eligible", "Not eligible for the enhanced pathway"
    MORE_INFORMATION = "more_information", "More information needed"


class Referral(models.Model):
    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="referrals")
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField()
    reason = models.TextField()
    status = models.CharField(
        max_length=24, choices=ReferralStatus.choices, default=ReferralStatus.AWAITING_REVIEW
    )
    # The latest review decision, kept here for queues and worklists; every decision and
    # revision is also kept as its own immutable row by the pathway services.
    current_outcome = models.CharField(max_length=24, choices=ReviewOutcome.choices, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["referred_at"]

    def __str__(self) -> str:
        return f"Referral of pregnancy {self.pregnancy_id} on {self.referred_at:%d %b %Y}"
