"""Visits booked on practitioners' shared calendars: the joint visit at 20-25 weeks and the
health visitor's antenatal contact from 28 weeks."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from tandem.core.concurrency import VersionedModel
from tandem.pathway.models import Referral
from tandem.records.models import Pregnancy


class VisitKind(models.TextChoices):
    JOINT_VISIT = "joint_visit", "Joint midwife and health visitor visit (20 to 25 weeks)"
    HEALTH_VISITOR_28_WEEK = "hv_28_week", "Health visitor antenatal contact (from 28 weeks)"


class VisitStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"
    CANCELLED = "cancelled", "Cancelled"


class Visit(VersionedModel):
    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="visits")
    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.PROTECT, related_name="visits"
    )
    kind = models.CharField(max_length=16, choices=VisitKind.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    status = models.CharField(
        max_length=16, choices=VisitStatus.choices, default=VisitStatus.BOOKED
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    booked_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.starts_at:%d %b %Y %H:%M}"
