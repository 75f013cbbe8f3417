"""Visit records: My World Triangle, Risk and Resilience Matrix, joint family plan."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from tandem.core.concurrency import VersionedModel
from tandem.scheduling.models import Visit


class VisitRecordStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    COMPLETE = "complete", "Complete"


class VisitRecord(VersionedModel):
    """What a joint visit found and agreed. Drafts save; completing locks it; a later change
    is an amendment that makes a new version (history keeps each one)."""

    visit = models.OneToOneField(Visit, on_delete=models.PROTECT, related_name="record")
    status = models.CharField(
        max_length=8, choices=VisitRecordStatus.choices, default=VisitRecordStatus.DRAFT
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Record of {self.visit}"


class PlanOwner(models.TextChoices):
    PARENT = "parent", "Parent"
    MIDWIFE = "midwife", "Midwife"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    SERVICE = "service", "A named service"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    NO_LONGER_NEEDED = "no_longer_needed", "No longer needed"


class FamilyPlanGoal(VersionedModel):
    record = models.ForeignKey(VisitRecord, on_delete=models.CASCADE, related_name="goals")
    goal = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["record", "position", "pk"]

    def __str__(self) -> str:
        return self.goal[:60]


class FamilyPlanAction(VersionedModel):
    goal = models.ForeignKey(FamilyPlanGoal, on_delete=models.CASCADE, related_name="actions")
    action = models.TextField()
    owner = models.CharField(max_length=16, choices=PlanOwner.choices)
    owner_service = models.CharField(
        "named service",
        max_length=200,
        blank=True,
        help_text="The service responsible, when the owner is a named service",
    )
    due_date = models.DateField()
    status = models.CharField(
        max_length=16, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "due_date", "pk"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return self.action[:60]
