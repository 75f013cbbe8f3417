"""What NHS Digital derives for each labour (BirthsPerLabandDel, RobsonGroup) and the
event date of birth measures, kept on the labour so measures read it without recomputing.

Every write of a labour, a baby's birth details or the pregnancy's previous births derives
them (forms, the MSDS import, the demo generator), so the stored values cannot drift (the
health visitor's 6-8 week details are none of their inputs). The rule itself is
`derived_values`, on plain values: `derive_labour_fields` feeds it model
instances, the MSDS import feeds it the values it has parsed (building instances for a
million rows would be most of its time).
"""

from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from tandem.outcomes import robson
from tandem.outcomes.models import Baby, LabourDelivery, RobsonGroup
from tandem.records.models import Pregnancy

DERIVED_FIELDS = ("births_count", "birth_date", "robson_group")  # what derive_labour sets


class BabyFacts(NamedTuple):
    """What the derivation reads of one baby."""

    birth_order: int
    born_at: datetime | None
    presentation: str
    gestation_days: int | None


class DerivedValues(NamedTuple):
    births_count: int | None
    birth_date: date | None
    robson_group: RobsonGroup


def uk_date(moment: datetime) -> date:
    """The local date (Europe/London, the settings' zone) of an aware datetime: what
    timezone.localdate gives, without its per-call look-up of the active zone (Tandem never
    activates another)."""
    return moment.astimezone(timezone.get_default_timezone()).date()


def derived_values(
    *,
    onset_method: str,
    labour_onset_at: datetime | None,
    caesarean_at: datetime | None,
    nulliparous: bool | None,
    previous_caesareans: int | None,
    babies: Sequence[BabyFacts],
) -> DerivedValues:
    """The one rule: births count, the local date of the first birth and the Robson group."""
    first = min(babies, key=lambda baby: baby.birth_order, default=None)
    first_born_at = min((baby.born_at for baby in babies), default=None)
    inputs = robson.RobsonInputs(
        nulliparous=nulliparous,
        previous_caesareans=previous_caesareans,
        onset=robson.onset_of(
            onset_method,
            labour_onset_known=labour_onset_at is not None,
            caesarean_known=caesarean_at is not None,
        ),
        fetuses=len(babies) or None,
        term=robson.term_of(first.gestation_days) if first else None,
        lie=robson.lie_of(first.presentation) if first else None,
    )
    return DerivedValues(
        births_count=len(babies) or None,
        birth_date=uk_date(first_born_at) if first_born_at else None,
        robson_group=robson.classify(inputs),
    )


def _derived_from_records(
    labour: LabourDelivery, pregnancy: Pregnancy, babies: Sequence[Baby]
) -> DerivedValues:
    return derived_values(
        onset_method=labour.onset_method,
        labour_onset_at=labour.labour_onset_at,
        caesarean_at=labour.caesarean_at,
        nulliparous=pregnancy.is_nulliparous,
        previous_caesareans=pregnancy.previous_caesareans,
        babies=[
            BabyFacts(baby.birth_order, baby.born_at, baby.presentation, baby.gestation_days)
            for baby in babies
        ],
    )


def derive_labour_fields(
    labour: LabourDelivery, pregnancy: Pregnancy, babies: Sequence[Baby]
) -> None:
    """Set the derived fields in memory; the caller saves (one row or in bulk)."""
    derived = _derived_from_records(labour, pregnancy, babies)
    labour.births_count = derived.births_count
    labour.birth_date = derived.birth_date
    labour.robson_group = derived.robson_group


def lock_birth(pregnancy_id: int) -> tuple[Pregnancy, LabourDelivery | None, list[Baby]]:
    """Lock a pregnancy, then its labour, then the babies, until the transaction ends, and
    read them afresh. Call inside a transaction. Every write that derives a labour's fields
    locks them first, in this one order (the MSDS import too), so two writers of one birth
    wait for each other instead of deadlocking, and the derivation reads what the other
    committed. SQLite's write lock already lets one writer in at a time."""
    pregnancy = Pregnancy.objects.select_for_update().get(pk=pregnancy_id)
    labour = LabourDelivery.objects.select_for_update().filter(pregnancy_id=pregnancy_id).first()
    babies = list(Baby.objects.select_for_update().filter(labour_delivery=labour)) if labour else []
    return pregnancy, labour, babies


@transaction.atomic
def derive_labour(labour: LabourDelivery) -> None:
    """Re-derive one saved labour from its records as they now are (locked) and save the
    derived fields, on the labour given too."""
    pregnancy, current, babies = lock_birth(labour.pregnancy_id)
    derive_labour_fields(current, pregnancy, babies)
    derived = {name: getattr(current, name) for name in DERIVED_FIELDS}
    LabourDelivery.objects.filter(pk=labour.pk).update(**derived)
    for name, value in derived.items():
        setattr(labour, name, value)
