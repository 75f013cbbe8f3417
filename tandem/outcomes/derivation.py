"""What NHS Digital derives for each labour (BirthsPerLabandDel, RobsonGroup) and the
event date of birth measures, kept on the labour so measures read it without recomputing.

Every write of a labour, a baby or the pregnancy's previous births calls `derive_labour`
(forms, the MSDS import, the demo generator), so the stored values cannot drift.
"""

from collections.abc import Sequence

from django.utils import timezone

from tandem.outcomes import robson
from tandem.outcomes.models import Baby, LabourDelivery, RobsonGroup
from tandem.records.models import Pregnancy


def robson_group_of(
    labour: LabourDelivery, pregnancy: Pregnancy, babies: Sequence[Baby]
) -> RobsonGroup:
    first = min(babies, key=lambda baby: baby.birth_order, default=None)
    inputs = robson.RobsonInputs(
        nulliparous=pregnancy.is_nulliparous,
        previous_caesareans=pregnancy.previous_caesareans,
        onset=robson.onset_of(
            labour.onset_method,
            labour_onset_known=labour.labour_onset_at is not None,
            caesarean_known=labour.caesarean_at is not None,
        ),
        fetuses=len(babies) or None,
        term=robson.term_of(first.gestation_days) if first else None,
        lie=robson.lie_of(first.presentation) if first else None,
    )
    return robson.classify(inputs)


def derive_labour_fields(
    labour: LabourDelivery, pregnancy: Pregnancy, babies: Sequence[Baby]
) -> None:
    """Set the derived fields in memory; the caller saves (one row or in bulk)."""
    labour.births_count = len(babies) or None
    first_born_at = min((baby.born_at for baby in babies), default=None)
    labour.birth_date = timezone.localdate(first_born_at) if first_born_at else None
    labour.robson_group = robson_group_of(labour, pregnancy, babies)


def derive_labour(labour: LabourDelivery) -> None:
    """Re-derive one saved labour from the database and save the derived fields."""
    babies = list(labour.babies.all())
    derive_labour_fields(labour, labour.pregnancy, babies)
    LabourDelivery.objects.filter(pk=labour.pk).update(
        births_count=labour.births_count,
        birth_date=labour.birth_date,
        robson_group=labour.robson_group,
    )
