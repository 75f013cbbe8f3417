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
