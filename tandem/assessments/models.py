"""Visit records: My World Triangle, Risk and Resilience Matrix, joint family plan."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from tandem.assessments.my_world import MatrixQuadrant, TriangleDomain
from tandem.core.concurrency import VersionedModel
from tandem.scheduling.models import Visit


class VisitRecordStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    COMPLETE = "complete", "Complete"


class VisitRecord(VersionedModel):
    """What a joint visit found and agreed. Drafts save; completing locks it; a later change
    is an amendment that makes a new version (history keeps each one).

    Every change to the record or its entries claims this row's version, so two
    practitioners editing the same draft never overwrite each other silently."""

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
    parents_priorities = models.TextField(
        "the parents' priorities", blank=True, help_text="What matters most to them, in their words"
    )
    baby_voice = models.TextField(
        "the voice of the unborn baby",
        blank=True,
        help_text="What the baby would ask of the people who will look after them",
    )
    matrix_summary = models.TextField(
        "overall summary of the Risk and Resilience Matrix", blank=True
    )

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Record of {self.visit}"


class TriangleEntry(models.Model):
    """Strengths and concerns recorded for one domain of the My World Triangle."""

    record = models.ForeignKey(VisitRecord, on_delete=models.CASCADE, related_name="triangle")
    domain = models.CharField(max_length=24, choices=TriangleDomain.choices)
    strengths = models.TextField(blank=True)
    concerns = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "domain"], name="one_entry_per_domain")
        ]

    def __str__(self) -> str:
        return self.get_domain_display()


class MatrixFactor(models.Model):
    """One factor placed in a quadrant of the Risk and Resilience Matrix."""

    record = models.ForeignKey(VisitRecord, on_delete=models.CASCADE, related_name="factors")
    quadrant = models.CharField(max_length=24, choices=MatrixQuadrant.choices)
    factor = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["record", "quadrant", "position", "pk"]

    def __str__(self) -> str:
        return self.factor[:60]


class VersionKind(models.TextChoices):
    COMPLETED = "completed", "Completed"
    AMENDED = "amended", "Amended"


class VisitRecordVersion(models.Model):
    """A completed or amended version of a visit record, as it read then. Immutable: the
    services only ever add rows, so every version a practitioner signed off stays readable."""

    record = models.ForeignKey(VisitRecord, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=VersionKind.choices)
    reason = models.TextField(blank=True)
    content = models.JSONField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField()

    class Meta:
        ordering = ["record", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["record", "number"], name="one_row_per_record_version")
        ]

    def __str__(self) -> str:
        return f"Version {self.number} of {self.record}"


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


class AttendanceOutcome(models.TextChoices):
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"


class AttendanceRecord(models.Model):
    """Whether the family attended a visit, as recorded by whom and when. Immutable: a
    correction is a new row; the visit's status follows the latest."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="attendance")
    outcome = models.CharField(max_length=16, choices=AttendanceOutcome.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["visit", "-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.visit})"


class Respondent(models.TextChoices):
    PARENT = "parent", "Parent"
    PRACTITIONER = "practitioner", "Practitioner"


class Rating(models.IntegerChoices):
    VERY_POOR = 1, "1 – Very poor"
    POOR = 2, "2 – Poor"
    NEITHER = 3, "3 – Neither good nor poor"
    GOOD = 4, "4 – Good"
    VERY_GOOD = 5, "5 – Very good"


class VisitFeedback(models.Model):
    """Feedback on a joint visit: from a parent (entered on the family's behalf by a
    practitioner or administrator) or from a practitioner who was there (her own)."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="feedback")
    respondent = models.CharField(max_length=12, choices=Respondent.choices)
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    comments = models.TextField(blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField()

    class Meta:
        ordering = ["visit", "entered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "entered_by"],
                condition=models.Q(respondent="practitioner"),
                name="one_practitioner_feedback_per_visit",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="rating_from_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_respondent_display()} feedback on {self.visit}"
