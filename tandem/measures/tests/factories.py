"""Births for measure tests: a pregnancy, its labour and babies, with the derived labour
fields (births_count, birth_date, robson_group) set as every write path sets them.

`give_birth()` alone is a woman in group 1 with one healthy baby at 40 weeks: a
spontaneous vertex birth on the 10th of March 2025. Each test changes only what it tests.
"""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import factory
from django.utils import timezone

from tandem.measures.definitions import measure
from tandem.measures.services import Month, Rate, compute
from tandem.outcomes.derivation import derive_labour
from tandem.outcomes.models import Baby, LabourAnaesthesia, LabourDelivery
from tandem.records.models import Pregnancy
from tandem.records.tests.factories import PregnancyFactory

MARCH_2025 = date(2025, 3, 10)
MARCH = Month(2025, 3)


class LabourDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabourDelivery

    pregnancy = factory.SubFactory(PregnancyFactory)
    onset_method = "1"
    # Recorded as no intervention, so a test of birth without intervention says what differs.
    episiotomy = False
    anaesthesia = LabourAnaesthesia.NONE
    oxytocin_augmentation = False


class BabyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Baby

    labour_delivery = factory.SubFactory(LabourDeliveryFactory)
    birth_order = 1
    born_at = factory.LazyFunction(lambda: _noon(MARCH_2025))
    outcome = "01"
    delivery_method = "0"
    presentation = "01"
    gestation_days = 280
    place_of_birth = "01"
    apgar_5 = 9
    birth_weight_g = 3400
    first_feed = "01"
    neonatal_admission = False
    readmitted_within_30_days = False
    feeding_at_6_8_weeks = "breast"


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


# How labour began, as the labour's MSDS fields (onset code, onset and caesarean times).
SPONTANEOUS = "spontaneous"
INDUCED = "induced"
PRE_LABOUR_CAESAREAN = "pre_labour_caesarean"
ONSET_NOT_RECORDED = "not_recorded"


def _onset_fields(onset: str, born_at: datetime, caesarean: bool) -> dict[str, Any]:
    labour_began = born_at - timedelta(hours=8)
    caesarean_at = born_at - timedelta(minutes=30) if caesarean else None
    return {
        SPONTANEOUS: {
            "onset_method": "1",
            "labour_onset_at": labour_began,
            "caesarean_at": caesarean_at,
        },
        INDUCED: {
            "onset_method": "4",
            "labour_onset_at": labour_began,
            "caesarean_at": caesarean_at,
        },
        PRE_LABOUR_CAESAREAN: {
            "onset_method": "2",
            "labour_onset_at": None,
            "caesarean_at": born_at - timedelta(minutes=30),
        },
        ONSET_NOT_RECORDED: {"onset_method": "", "labour_onset_at": None, "caesarean_at": None},
    }[onset]


def give_birth(
    on: date = MARCH_2025,
    *,
    babies: Sequence[dict[str, Any]] = ({},),
    pregnancy: Pregnancy | None = None,
    onset: str = SPONTANEOUS,
    caesarean: bool = False,
    **labour_fields: Any,
) -> LabourDelivery:
    """One labour with a baby per entry of `babies` (each the fields that differ), born at
    noon on `on`. `caesarean` makes every baby an emergency caesarean (delivery method 8)
    unless the entry says otherwise; a pre-labour caesarean is elective (7)."""
    born_at = _noon(on)
    fields = _onset_fields(onset, born_at, caesarean) | labour_fields
    labour = LabourDeliveryFactory(pregnancy=pregnancy or PregnancyFactory(), **fields)
    method = "7" if onset == PRE_LABOUR_CAESAREAN else "8" if caesarean else "0"
    for order, baby in enumerate(babies, start=1):
        defaults = {"born_at": born_at + timedelta(minutes=order - 1), "delivery_method": method}
        BabyFactory(labour_delivery=labour, birth_order=order, **(defaults | baby))
    derive_labour(labour)
    labour.refresh_from_db()
    return labour


def twins(**baby: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return (dict(baby), dict(baby))


def measured(measure_id: str, month: Month = MARCH, **options: Any) -> Rate | None:
    """The measure's one rate for the month (all groups), or None when nobody is counted."""
    rates = compute([measure(measure_id)], first=month, last=month, **options)
    assert len(rates) <= 1, "measured() is for the whole population; use compute for groups"
    return rates[0] if rates else None
