"""What the measures need besides the records: recorded change dates (SPC rebasing) and
each provider's expected annual deliveries (the HES baseline of the data-quality gates)."""

from django.conf import settings
from django.db import models

from tandem.records.models import Organisation


class ProcessChange(models.Model):
    """A known change to the process behind a measure (a new guideline, a new service):
    the SPC chart recalculates its mean and limits from this month on."""

    measure_id = models.CharField("measure", max_length=60, db_index=True)
    changed_on = models.DateField(help_text="The first day of the month the change took effect")
    description = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure_id", "changed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure_id", "changed_on"], name="unique_process_change_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure_id} from {self.changed_on:%B %Y}: {self.description}"


class ExpectedDeliveries(models.Model):
    """A provider's deliveries in a year per Hospital Episode Statistics: the baseline the
    coverage gates (women giving birth in the data as a share of HES deliveries) use."""

    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="expected_deliveries"
    )
    year = models.PositiveSmallIntegerField(help_text="Financial year starting April of this year")
    deliveries = models.PositiveIntegerField()

    class Meta:
        verbose_name_plural = "expected deliveries"
        ordering = ["provider__name", "year"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "year"], name="unique_expected_deliveries")
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.deliveries:,} deliveries in {self.year}/{self.year + 1}"


class SummaryCell(models.Model):
    """The maintained monthly summary: for one population, month and group of one
    breakdown ("all" or a single dimension), each measure's numerator and denominator,
    exactly as the query on the records counts them. Written only by
    `tandem.measures.summary`."""

    population = models.CharField(max_length=40)
    period = models.DateField(help_text="The first day of the month")
    dimension = models.CharField(max_length=40)
    # The group's code as the query returns it, as text; NULL is a group too (not known).
    group_value = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001
    # [numerator, denominator, numerator, denominator, ...] of the population's measures in
    # the order of its signed plan (`summary.Plan.measures`): one row a cell, not one a
    # measure, so reading a breakdown fetches and decodes few rows.
    counts = models.JSONField()

    class Meta:
        indexes = [
            models.Index(fields=["dimension", "period"]),
            models.Index(fields=["population", "period"]),
        ]

    def __str__(self) -> str:
        return f"{self.population} {self.period:%Y-%m} {self.dimension}={self.group_value}"


class StaleMonth(models.Model):
    """A month whose records changed since the summary counted it, written by database
    triggers on every write path (`summary.TRIGGER_TABLES`). `writer` is the writing
    transaction on PostgreSQL, so concurrent writers of one month never wait for each
    other; the summary deletes the rows it has counted."""

    month = models.DateField()
    writer = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "writer"], name="unique_stale_month_writer")
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} changed"


class PendingRecount(models.Model):
    """A month one population's summary must still recount. A refresh hands every stale
    month to each population already summarised and recounts only the populations it is
    asked for, so reading one measure never waits for the others."""

    population = models.CharField(max_length=40)
    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["population", "month"], name="unique_pending_recount_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.population} {self.month:%Y-%m} to recount"


class SummaryState(models.Model):
    """Which definitions a population's summary was counted with: a changed definition
    (criteria, measures, breakdowns) changes the signature and the summary is rebuilt."""

    population = models.CharField(max_length=40, unique=True)
    signature = models.CharField(max_length=64)
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.population} summary ({self.signature[:8]})"
