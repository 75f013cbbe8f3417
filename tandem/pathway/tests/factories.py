"""Factories and helpers for the pathway's tests. Synthetic data only."""

import importlib
from datetime import timedelta

import factory
from django.utils import timezone

from tandem.pathway.models import EligibilityCriterion, Referral, ReferralStatus
from tandem.pathway.services import CriterionAnswer, active_criteria

_DEFAULTS = importlib.import_module(
    "tandem.pathway.migrations.0004_default_criteria_and_review_target"
)


def default_criteria() -> list[EligibilityCriterion]:
    """The default criteria, as the data migration loads them. Tests that commit for real
    (transaction=True) flush the tables afterwards, so tests call this rather than rely on
    the migration's rows being there."""
    for order, (code, label, hint) in enumerate(_DEFAULTS.DEFAULT_CRITERIA, start=1):
        EligibilityCriterion.objects.get_or_create(
            code=code, defaults={"label": label, "hint": hint, "display_order": order * 10}
        )
    return active_criteria()


def answers(**met: str) -> dict[str, CriterionAnswer]:
    """Every active criterion answered: those named (code with underscores for hyphens)
    met with the given detail, the rest not met."""
    met = {code.replace("_", "-"): detail for code, detail in met.items()}
    return {
        criterion.code: CriterionAnswer(
            met=criterion.code in met, detail=met.get(criterion.code, "")
        )
        for criterion in default_criteria()
    }


class ReferralFactory(factory.django.DjangoModelFactory):
    """A referral made directly (as the demo generator or an import would), without a
    screen: tests of the review use it where the screen does not matter."""

    class Meta:
        model = Referral

    referred_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    reason = "Synthetic reason for referral"
    status = ReferralStatus.AWAITING_REVIEW
