"""Visits booked on practitioners' shared calendars: the joint visit at 20-25 weeks and the
health visitor's antenatal contact from 28 weeks."""

from django.conf import settings
from django.db import models
from django.db.models import F
from simple_history.models import HistoricalRecords

from tandem.core.concurrency import VersionedModel
from tandem.pathway.models import Referral
from tandem.records.models import Practitioner, Pregnancy


class VisitKind(models.TextChoices):
    JOINT_VISIT = "joint_visit", "Joint midwife and health visitor visit (20 to 25 weeks)"
    HEALTH_VISITOR_28_WEEK = "hv_28_week", "Health visitor antenatal contact (from 28 weeks)"


class VisitStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"
    CANCELLED = "cancelled", "Cancelled"


# A visit that no longer holds its referral: the family may be booked again.
ENDED_WITHOUT_VISIT = (VisitStatus.CANCELLED, VisitStatus.DID_NOT_ATTEND)


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
    # Why it was booked outside its pathway window; empty when inside it.
    outside_window_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            # A referral has at most one visit still on or attended, even when two people
            # book it at the same moment; after a cancellation or a missed visit it can be
            # booked again.
            models.UniqueConstraint(
                fields=["referral"],
                condition=models.Q(referral__isnull=False)
                & ~models.Q(status__in=["cancelled", "did_not_attend"]),
                name="one_live_visit_per_referral",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.starts_at:%d %b %Y %H:%M}"

    @property
    def is_outside_window(self) -> bool:
        """Booked outside its pathway window with a recorded reason (flagged for review)."""
        return bool(self.outside_window_reason)


class VisitRole(models.TextChoices):
    MIDWIFE = "midwife", "Midwife"
    HEALTH_VISITOR = "health_visitor", "Health visitor"


class VisitPractitioner(models.Model):
    """Who a visit is booked with: a midwife and a health visitor, or a health visitor."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="attendees")
    practitioner = models.ForeignKey(Practitioner, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=16, choices=VisitRole.choices)

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "role"], name="one_practitioner_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} for visit {self.visit_id}"


class SlotReservation(models.Model):
    """One practitioner held for one 15-minute slot by a booked visit.

    The unique constraint is what stops two bookings taking the same practitioner at the
    same time, even when they are submitted at the same moment: the second transaction's
    insert fails on it, whatever the database. Cancelling or moving a visit deletes its rows.
    """

    practitioner = models.ForeignKey(Practitioner, on_delete=models.PROTECT, related_name="+")
    slot_start = models.DateTimeField()
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="reservations")

    class Meta:
        ordering = ["slot_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["practitioner", "slot_start"], name="one_booking_per_practitioner_slot"
            ),
        ]

    def __str__(self) -> str:
        return f"Practitioner {self.practitioner_id} at {self.slot_start:%Y-%m-%d %H:%M}"


class VisitChangeKind(models.TextChoices):
    BOOKED = "booked", "Booked"
    RESCHEDULED = "rescheduled", "Rescheduled"
    CANCELLED = "cancelled", "Cancelled"


class VisitChange(models.Model):
    """An immutable row for each booking, move and cancellation of a visit: who, when, why."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(max_length=16, choices=VisitChangeKind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)
    starts_at = models.DateTimeField(help_text="When the visit starts after this change")
    previous_starts_at = models.DateTimeField(null=True, blank=True)
    outside_window_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} visit {self.visit_id} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Visit changes are a record of what happened and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Visit changes are a record of what happened and cannot be deleted.")


# --- Practitioners' calendars (no patient data) ------------------------------------------


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class WorkingHours(models.Model):
    """A practitioner's recurring weekly working window, in local (UK) time."""

    practitioner = models.ForeignKey(
        Practitioner, on_delete=models.CASCADE, related_name="working_hours"
    )
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    starts = models.TimeField()
    ends = models.TimeField()
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True, help_text="Empty means until further notice")

    class Meta:
        verbose_name_plural = "working hours"
        ordering = ["practitioner", "weekday", "starts"]
        indexes = [models.Index(fields=["practitioner", "weekday"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gt=F("starts")), name="hours_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}-{self.ends:%H:%M}"


class BusySource(models.TextChoices):
    TANDEM = "tandem", "Entered in Tandem"
    ICS = "ics", "Imported from a calendar file"


class BusyPeriod(models.Model):
    """A one-off block when a practitioner cannot visit. It holds no patient data: no title,
    no description, only when (an imported event's UID is kept to make re-imports safe)."""

    practitioner = models.ForeignKey(
        Practitioner, on_delete=models.CASCADE, related_name="busy_periods"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    source = models.CharField(max_length=8, choices=BusySource.choices, default=BusySource.TANDEM)
    ics_uid = models.CharField("calendar event UID", max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["practitioner", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=F("starts_at")), name="busy_end_after_start"
            ),
            models.UniqueConstraint(
                fields=["practitioner", "ics_uid", "starts_at"],
                condition=~models.Q(ics_uid=""),
                name="one_busy_period_per_imported_occurrence",
            ),
        ]

    def __str__(self) -> str:
        return f"Busy {self.starts_at:%Y-%m-%d %H:%M} to {self.ends_at:%Y-%m-%d %H:%M}"


class CalendarFeed(models.Model):
    """A practitioner's private iCalendar feed. The secret is random and unguessable; the
    feed URL carries `<id>-<secret>` and the secret is compared in constant time."""

    practitioner = models.OneToOneField(
        Practitioner, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Calendar feed of practitioner {self.practitioner_id}"
