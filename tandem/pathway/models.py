"""Referrals to the Enhanced Maternity Pathway, reviewed by the safeguarding team."""

from django.conf import settings
from django.db import models

from tandem.records.models import Pregnancy


class ReferralStatus(models.TextChoices):
    AWAITING_REVIEW = "awaiting_review", "Awaiting safeguarding review"
    DECIDED = "decided", "Decided"
    WITHDRAWN = "withdrawn", "Withdrawn"


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

    class Meta:
        ordering = ["referred_at"]

    def __str__(self) -> str:
        return f"Referral of pregnancy {self.pregnancy_id} on {self.referred_at:%d %b %Y}"
