"""Training records and visit targets for the pathway programme.

The programme app reads the pathway, scheduling and assessments records and never writes
them; these are the only tables it owns.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from tandem.records.models import Area, Practitioner

MANDATORY_COURSE = "Enhanced Maternity Pathway mandatory training"
REFLECTIVE_SESSION = "Reflective networking session"


class TrainingCourse(models.Model):
    """Reference data: a course practitioners complete for the pathway (managed in the admin
    by system administrators)."""

    name = models.CharField(max_length=200, unique=True)
    counts_as_trained = models.BooleanField(
        "counts as trained on the pathway",
        default=False,
        help_text="Whether completing this course means the practitioner is trained to work "
        "on the Enhanced Maternity Pathway",
    )
    is_active = models.BooleanField(
        default=True, help_text="Courses no longer offered cannot be chosen for new records"
    )

    class Meta:
        ordering = ["-counts_as_trained", "name"]

    def __str__(self) -> str:
        return self.name


class TrainingRecord(models.Model):
    """That a practitioner completed a course on a date, and who recorded it."""

    practitioner = models.ForeignKey(
        Practitioner, on_delete=models.PROTECT, related_name="training_records"
    )
    course = models.ForeignKey(TrainingCourse, on_delete=models.PROTECT, related_name="records")
    completed_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["practitioner", "course", "completed_on"],
                name="unique_training_completion",
            )
        ]
        indexes = [models.Index(fields=["course", "practitioner"])]

    def __str__(self) -> str:
        return f"{self.practitioner} completed {self.course} on {self.completed_on:%d %b %Y}"


class VisitTarget(models.Model):
    """Reference data: how many joint visits an area, or the whole LMNS, aims to complete in
    a period (the pilot set 45 visits in two months)."""

    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visit_targets",
        help_text="Leave empty for a target for the whole LMNS",
    )
    period_start = models.DateField()
    period_end = models.DateField()
    target_visits = models.PositiveIntegerField()

    class Meta:
        ordering = ["-period_start", "area__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="visit_target_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(target_visits__gt=0), name="visit_target_positive"
            ),
        ]

    def __str__(self) -> str:
        where = self.area.name if self.area_id else "Whole LMNS"
        return f"{where}: {self.target_visits} visits, {self.period_start} to {self.period_end}"

    def clean(self) -> None:
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "The end of the period must be on or after its start"
        if self.target_visits is not None and self.target_visits < 1:
            errors["target_visits"] = "The target must be at least 1 visit"
        if errors:
            raise ValidationError(errors)
