"""The postnatal handover of a mother and her baby or babies from midwifery to health
visiting (Better Births, chapter 14): what the midwife sent, kept exactly as sent, and the
named health visitor's acknowledgement.

A handover moves sent -> acknowledged, or sent -> withdrawn (with a reason, after which a
new one may be sent). Each transition names who and when, and history keeps every version.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from tandem.core.concurrency import VersionedModel
from tandem.outcomes.models import FeedingAt6To8Weeks
from tandem.records.models import Pregnancy, Team


class HandoverStatus(models.TextChoices):
    SENT = "sent", "Sent, awaiting acknowledgement"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Handover(VersionedModel):
    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="handovers")
    sending_team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        related_name="handovers_sent",
        help_text="The sending midwife's team",
    )
    receiving_team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        related_name="handovers_received",
        help_text="The health-visiting team the family is handed over to",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    # What the midwife adds; the rest of the snapshot is gathered from the record.
    current_feeding = models.CharField(
        "how the baby is fed now", max_length=8, choices=FeedingAt6To8Weeks.choices, blank=True
    )
    feeding_notes = models.TextField(blank=True)
    safeguarding_concerns = models.BooleanField("safeguarding concerns")
    concerns = models.TextField("concerns for the health visitor", blank=True)
    # Everything the health visitor was shown, as it read when sent: later changes to the
    # record never change what she was told.
    snapshot = models.JSONField()
    status = models.CharField(
        max_length=16, choices=HandoverStatus.choices, default=HandoverStatus.SENT
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    follow_up_questions = models.TextField(blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        indexes = [
            models.Index(fields=["receiving_team", "status", "sent_at"]),
            models.Index(fields=["sending_team", "status", "sent_at"]),
        ]
        constraints = [
            # One handover in force per pregnancy: a second is sent only after the first is
            # withdrawn. The database refuses a concurrent double send.
            models.UniqueConstraint(
                fields=["pregnancy"],
                condition=~Q(status="withdrawn"),
                name="one_handover_in_force_per_pregnancy",
            ),
            models.CheckConstraint(
                condition=Q(status="acknowledged", acknowledged_at__isnull=False)
                | (~Q(status="acknowledged") & Q(acknowledged_at__isnull=True)),
                name="acknowledged_handover_says_when",
            ),
            models.CheckConstraint(
                condition=Q(status="withdrawn", withdrawn_at__isnull=False)
                | (~Q(status="withdrawn") & Q(withdrawn_at__isnull=True)),
                name="withdrawn_handover_says_when",
            ),
        ]

    def __str__(self) -> str:
        return f"Handover of pregnancy {self.pregnancy_id} to {self.receiving_team}"
