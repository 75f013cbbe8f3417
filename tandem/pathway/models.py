"""The Enhanced Maternity Pathway's front door: eligibility criteria, the screen a midwife
completes at booking, referrals, and the safeguarding team's review of them.

Screens, their answers, decisions, questions, answers and referral events are immutable
rows: a later screen or a revised decision is a new row, so the record of who knew what,
and decided what, when, is never rewritten.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from tandem.records.models import Pregnancy


class ReferralStatus(models.TextChoices):
    AWAITING_REVIEW = "awaiting_review", "Awaiting safeguarding review"
    MORE_INFORMATION_NEEDED = "more_information", "More information needed from the referrer"
    DECIDED = "decided", "Decided"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ReviewOutcome(models.TextChoices):
    """What the safeguarding review decides for a referred family."""

    JOINT_VISIT = "joint_visit", "Joint visit at 20 to 25 weeks"
    HEALTH_VISITOR_28_WEEK = "hv_28_week", "Health visitor antenatal contact at 28 weeks"
    NOT_ELIGIBLE = "not_eligible", "Not eligible for the enhanced pathway"
    MORE_INFORMATION = "more_information", "More information needed"


OPEN_STATUSES = (ReferralStatus.AWAITING_REVIEW, ReferralStatus.MORE_INFORMATION_NEEDED)
FINAL_OUTCOMES = (
    ReviewOutcome.JOINT_VISIT,
    ReviewOutcome.HEALTH_VISITOR_28_WEEK,
    ReviewOutcome.NOT_ELIGIBLE,
)


class Referral(models.Model):
    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="referrals")
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField()
    reason = models.TextField()
    status = models.CharField(
        max_length=24, choices=ReferralStatus.choices, default=ReferralStatus.AWAITING_REVIEW
    )
    # The latest review decision, kept here for queues and worklists; every decision and
    # revision is also kept as its own immutable row by the pathway services.
    current_outcome = models.CharField(max_length=24, choices=ReviewOutcome.choices, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["referred_at"]
        indexes = [models.Index(fields=["status", "referred_at"])]
        constraints = [
            # A pregnancy has at most one referral open (awaiting review or waiting on the
            # referrer's answer), even when two screens are saved at the same moment.
            models.UniqueConstraint(
                fields=["pregnancy"],
                condition=Q(status__in=OPEN_STATUSES),
                name="one_open_referral_per_pregnancy",
            )
        ]

    def __str__(self) -> str:
        return f"Referral of pregnancy {self.pregnancy_id} on {self.referred_at:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ImmutableModel(models.Model):
    """A row written once: saving it again or deleting it is refused."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError(f"{type(self).__name__} rows cannot be changed once saved")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} rows cannot be deleted")


# --- Reference data ---------------------------------------------------------------------


class EligibilityCriterion(models.Model):
    """One reason a family may need the enhanced pathway, asked at every screen while
    active. A retired criterion is no longer asked; answers already given keep it."""

    code = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=120)
    hint = models.CharField(max_length=300, blank=True)
    display_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(
        "asked at screens",
        default=True,
        help_text="Untick to retire the criterion: it is no longer asked, and the answers "
        "already given keep it",
    )

    class Meta:
        verbose_name_plural = "eligibility criteria"
        ordering = ["display_order", "label"]

    def __str__(self) -> str:
        return self.label


class ReviewTarget(models.Model):
    """The LMNS's target for the safeguarding review, in working days. One row: a Tandem
    installation serves one LMNS. Without a row, the default in pathway.rules applies."""

    working_days = models.PositiveSmallIntegerField(
        "review target (working days)",
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="Referrals waiting longer than this many working days (Monday to Friday) "
        "are flagged in the review queue",
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "safeguarding review target"

    def __str__(self) -> str:
        return f"Review within {self.working_days} working days"


# --- The screen at booking ----------------------------------------------------------------


class ScreenOutcome(models.TextChoices):
    REFERRED = "referred", "Referred to the safeguarding team for review"
    NOT_REFERRED = "not_referred", "Not referred: no criterion met"


class Screen(ImmutableModel):
    """The enhanced-pathway screen, completed by the midwife at booking or later."""

    pregnancy = models.ForeignKey(
        Pregnancy, on_delete=models.PROTECT, related_name="pathway_screens"
    )
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    screened_at = models.DateTimeField()
    outcome = models.CharField(max_length=16, choices=ScreenOutcome.choices)
    referral = models.OneToOneField(
        Referral, null=True, blank=True, on_delete=models.PROTECT, related_name="screen"
    )

    class Meta:
        ordering = ["-screened_at", "-pk"]
        indexes = [models.Index(fields=["pregnancy", "screened_at"])]

    def __str__(self) -> str:
        return f"Enhanced pathway screen of pregnancy {self.pregnancy_id}"


class ScreenAnswer(ImmutableModel):
    screen = models.ForeignKey(Screen, on_delete=models.PROTECT, related_name="answers")
    criterion = models.ForeignKey(EligibilityCriterion, on_delete=models.PROTECT, related_name="+")
    met = models.BooleanField()
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__display_order", "criterion__label"]
        constraints = [
            models.UniqueConstraint(fields=["screen", "criterion"], name="one_answer_each"),
            models.CheckConstraint(
                condition=Q(met=False) | ~Q(detail=""), name="met_criterion_has_detail"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {'met' if self.met else 'not met'}"


# --- The review ---------------------------------------------------------------------------


class Decision(ImmutableModel):
    """A safeguarding reviewer's decision on a referral. A revision is a new row naming the
    decision it revises; a decision can be revised once (the revision is then the one to
    revise), so two reviewers revising the same decision at once cannot both win. "More
    information needed" carries the question for the referrer."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=24, choices=ReviewOutcome.choices)
    rationale = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    revises = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="revised_by"
    )
    # With "more information needed": what the referrer is asked (answered by an Answer).
    question = models.TextField(blank=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(rationale=""), name="decision_has_rationale"),
            models.CheckConstraint(
                condition=(Q(outcome=ReviewOutcome.MORE_INFORMATION) & ~Q(question=""))
                | (~Q(outcome=ReviewOutcome.MORE_INFORMATION) & Q(question="")),
                name="question_with_more_information_only",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.decided_at:%d %b %Y})"


class Answer(ImmutableModel):
    """The referrer's (or her team's) answer to a reviewer's question."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="answer")
    text = models.TextField()
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="answer_has_text")]

    def __str__(self) -> str:
        return f"Answer to the question of decision {self.decision_id}"


class ReferralEventKind(models.TextChoices):
    REFERRED = "referred", "Referred"
    QUESTION_ASKED = "question_asked", "Question asked of the referrer"
    ANSWERED = "answered", "Question answered"
    DECIDED = "decided", "Decided"
    REVISED = "revised", "Decision revised"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ReferralEvent(ImmutableModel):
    """One transition of a referral's state: who moved it, when, and where it went."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=16, choices=ReferralEventKind.choices)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status_after = models.CharField(max_length=24, choices=ReferralStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.at:%d %b %Y}"
