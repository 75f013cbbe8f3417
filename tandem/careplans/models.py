"""The personalised care and support plan: one per pregnancy, written section by section
over the pregnancy, each change an append-only version.

A section's content is a JSON object of named fields (see tandem.careplans.sections). Nothing
is overwritten: a change is a new SectionVersion, so the plan as it read at any moment, and who
changed what and when, stay readable. Versions refuse to be saved again or deleted, one by one
or in bulk, and database triggers (migration 0002) refuse it even against raw SQL.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tandem.pathway.models import ImmutableModel
from tandem.records.models import Pregnancy


class PlanStage(models.TextChoices):
    ANTENATAL = "antenatal", _("During pregnancy")
    INTRAPARTUM = "intrapartum", _("Labour and birth")
    POSTNATAL = "postnatal", _("After the birth")


class PlanSection(models.TextChoices):
    # Her own words, written by the woman.
    WHAT_MATTERS = "what_matters", _("What matters to me")
    VALUES = "values", _("My values and expectations")
    HOME_AND_SUPPORT = "home_and_support", _("My home and support network")
    PREVIOUS_BIRTHS = "previous_births", _("My previous pregnancies and births")
    FEARS = "fears", _("My fears and concerns")
    # Recorded by her clinicians.
    HEALTH_NEEDS = "health_needs", _("My health needs")
    # Her decisions, recorded with her clinicians.
    PLACE_OF_BIRTH = "place_of_birth", _("Where I plan to give birth")
    PAIN_RELIEF = "pain_relief", _("Pain relief")
    BIRTH_COMPANIONS = "birth_companions", _("Who will be with me")
    PLAN_B = "plan_b", _("Plan B if complications arise")
    INFANT_FEEDING = "infant_feeding", _("Feeding my baby")
    POSTNATAL_SUPPORT = "postnatal_support", _("Support after the birth")
    CONTRACEPTION = "contraception", _("Contraception")
    # Never shown to the woman.
    CLINICIAN_NOTE = "clinician_note", _("Clinician-only note")


class Author(models.TextChoices):
    WOMAN = "woman", _("the woman herself")
    CLINICIAN = "clinician", _("a clinician")


class CarePlan(models.Model):
    pregnancy = models.OneToOneField(
        Pregnancy, on_delete=models.PROTECT, related_name="personal_care_plan"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "personalised care and support plan"

    def __str__(self) -> str:
        return f"Care plan of pregnancy {self.pregnancy_id}"


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk changes would bypass the model's refusal; refuse them here too."""

    def update(self, **kwargs):
        raise TypeError(f"{self.model.__name__} rows cannot be changed once saved")

    def delete(self):
        raise TypeError(f"{self.model.__name__} rows cannot be deleted")

    update.queryset_only = True
    delete.queryset_only = True


class SectionVersion(ImmutableModel):
    plan = models.ForeignKey(CarePlan, on_delete=models.PROTECT, related_name="versions")
    section = models.CharField(max_length=32, choices=PlanSection.choices)
    number = models.PositiveIntegerField(help_text="1 for the section's first version")
    content = models.JSONField(help_text="The section's named fields, as written")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_by = models.CharField(max_length=10, choices=Author.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "section", "number"], name="one_row_per_plan_section_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_section_display()} version {self.number}"
