"""Continuity of carer: teams of four to six midwives with a named obstetrician, who belongs
to each team and when, and each woman's named and buddy midwife over time.

The records app keeps the current summary other features read (`Pregnancy.named_midwife`
and `Pregnancy.team`); this app keeps how it came to be. Every write goes through
tandem.continuity.services.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from tandem.core.concurrency import VersionedModel
from tandem.records.models import Practitioner, Pregnancy, Team

TEAM_SIZE_MIN = 4
TEAM_SIZE_MAX = 6


class ContinuityTeam(VersionedModel):
    """A records Team of kind "continuity of carer", with what continuity needs on top."""

    team = models.OneToOneField(Team, on_delete=models.PROTECT, related_name="continuity")
    obstetrician = models.ForeignKey(
        Practitioner,
        on_delete=models.PROTECT,
        related_name="continuity_teams_advised",
        help_text="The team's identified obstetrician (Better Births, chapter 9)",
    )
    caseload_limit = models.PositiveSmallIntegerField(
        "caseload limit per midwife",
        null=True,
        blank=True,
        help_text="Women a year one midwife may be named midwife for; empty means the "
        "LMNS default (TANDEM_CONTINUITY_CASELOAD_LIMIT)",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["team__name"]

    def __str__(self) -> str:
        return self.team.name

    @property
    def effective_caseload_limit(self) -> int:
        return self.caseload_limit or settings.TANDEM_CONTINUITY_CASELOAD_LIMIT


class TeamMembership(models.Model):
    """A midwife's time in a continuity team; `left_on` empty while she is in it."""

    continuity_team = models.ForeignKey(
        ContinuityTeam, on_delete=models.PROTECT, related_name="memberships"
    )
    midwife = models.ForeignKey(
        Practitioner, on_delete=models.PROTECT, related_name="continuity_memberships"
    )
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["joined_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["continuity_team", "midwife"],
                condition=Q(left_on__isnull=True),
                name="one_current_membership_per_midwife_and_team",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.midwife} in {self.continuity_team}"


class CarerAssignment(models.Model):
    """A woman's named and buddy midwife in one continuity team, from one date to another.

    A transfer ends the current row and starts a new one, so the history stays; at most one
    row of a pregnancy is current (`ends_on` empty)."""

    pregnancy = models.ForeignKey(
        Pregnancy, on_delete=models.PROTECT, related_name="carer_assignments"
    )
    continuity_team = models.ForeignKey(
        ContinuityTeam, on_delete=models.PROTECT, related_name="assignments"
    )
    named_midwife = models.ForeignKey(
        Practitioner, on_delete=models.PROTECT, related_name="named_assignments"
    )
    buddy = models.ForeignKey(
        Practitioner, on_delete=models.PROTECT, related_name="buddy_assignments"
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    reason = models.CharField("why", max_length=500)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    over_limit_confirmed = models.BooleanField(
        default=False,
        help_text="The assigner confirmed the named midwife's caseload would go over the limit",
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    end_reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pregnancy"],
                condition=Q(ends_on__isnull=True),
                name="one_current_carer_assignment_per_pregnancy",
            ),
            models.CheckConstraint(
                condition=~Q(buddy=F("named_midwife")), name="buddy_is_not_the_named_midwife"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="assignment_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["named_midwife", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.named_midwife} (buddy {self.buddy}) from {self.starts_on:%d %b %Y}"

    @property
    def is_current(self) -> bool:
        return self.ends_on is None
