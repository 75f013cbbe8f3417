"""Recording a labour and its babies, changing them, and the health visitor's 6–8 week
details. Every write takes an explicit actor, validates everything before saving anything,
runs in one transaction with its audit events, keeps history, and re-derives the labour's
births count, birth date and Robson group (tandem.outcomes.derivation).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tandem.core.audit import conflicts_audited, record_event
from tandem.core.gestation import Gestation, date_at_gestation
from tandem.core.history import save_with_history
from tandem.core.models import AuditAction
from tandem.outcomes.derivation import DERIVED_FIELDS, derive_labour_fields, lock_birth
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.outcomes.validation import (
    check_babies_together,
    check_baby,
    check_health_visitor_details,
    check_labour,
)
from tandem.records.models import Pregnancy, PregnancyStatus
from tandem.records.services import _apply_edit, _reject_unknown
from tandem.records.validation import Errors

LABOUR_FIELDS = (
    "onset_method",
    "labour_onset_at",
    "caesarean_at",
    "genital_tract_trauma",
    "blood_loss_ml",
    "episiotomy",
    "anaesthesia",
    "oxytocin_augmentation",
    "smoking_status_delivery",
)
BABY_FIELDS = (
    "birth_order",
    "born_at",
    "outcome",
    "delivery_method",
    "presentation",
    "gestation_days",
    "place_of_birth",
    "apgar_5",
    "birth_weight_g",
    "first_feed",
    "neonatal_admission",
)
HEALTH_VISITOR_FIELDS = ("feeding_at_6_8_weeks", "readmitted_within_30_days")
_TEXT_FIELDS = {
    "onset_method",
    "genital_tract_trauma",
    "anaesthesia",
    "smoking_status_delivery",
    "outcome",
    "delivery_method",
    "presentation",
    "place_of_birth",
    "first_feed",
}
_ALREADY_RECORDED = "A birth is already recorded for this pregnancy: change that record instead"


@dataclass(frozen=True)
class BabyEdit:
    """Changes to one baby, with the version of it the editor loaded."""

    baby: Baby
    expected_version: int
    changes: dict = field(default_factory=dict)


def _with_defaults(values: dict, names: tuple[str, ...]) -> dict:
    """Every field present; a choice never recorded is "" whether left out or sent None."""
    complete = {name: values.get(name) for name in names}
    for name in _TEXT_FIELDS & set(names):
        complete[name] = complete[name] or ""
    return complete


def _validate(pregnancy: Pregnancy, labour: dict, babies: Sequence[dict]) -> None:
    errors = Errors()
    now = timezone.now()
    check_labour(errors, labour, now=now)
    began = date_at_gestation(pregnancy.edd, Gestation(0))
    for position, baby in enumerate(babies, start=1):
        check_baby(
            errors,
            position,
            baby,
            labour_onset_at=labour.get("labour_onset_at"),
            pregnancy_began=began,
            now=now,
        )
    check_babies_together(
        errors,
        babies,
        caesarean_at=labour.get("caesarean_at"),
        episiotomy=labour.get("episiotomy"),
    )
    errors.raise_if_any()


def _derived_values(pregnancy: Pregnancy, labour: dict, babies: Sequence[dict]) -> dict:
    """The derived fields for these (validated, perhaps unsaved) values."""
    probe = LabourDelivery(**labour)
    derive_labour_fields(probe, pregnancy, [Baby(**baby) for baby in babies])
    return {name: getattr(probe, name) for name in DERIVED_FIELDS}


def _mark_delivered(*, by, pregnancy: Pregnancy, birth_date) -> None:
    """The pregnancy ends on the first baby's birth date, with history and audit; its other
    details are not re-checked (an extract may have left its previous births unrecorded)."""
    if pregnancy.status == PregnancyStatus.DELIVERED and pregnancy.ended_on == birth_date:
        return
    _apply_edit(
        pregnancy,
        {"status": PregnancyStatus.DELIVERED, "ended_on": birth_date},
        by=by,
        expected_version=pregnancy.version,
        object_type="pregnancy",
        person_id=pregnancy.woman_id,
    )


def record_birth(
    *, by, pregnancy: Pregnancy, labour: dict, babies: Sequence[dict]
) -> LabourDelivery:
    """Record a labour and delivery with its babies, and mark the pregnancy delivered."""
    with conflicts_audited(
        by=by,
        object_type="pregnancy",
        object_id=pregnancy.pk,
        person_id=pregnancy.woman_id,
        expected_version=pregnancy.version,
    ):
        return _record_birth(by=by, pregnancy=pregnancy, labour=labour, babies=babies)


@transaction.atomic
def _record_birth(*, by, pregnancy: Pregnancy, labour: dict, babies: Sequence[dict]):
    _reject_unknown(labour, LABOUR_FIELDS)
    for baby in babies:
        _reject_unknown(baby, BABY_FIELDS)
    labour_values = _with_defaults(labour, LABOUR_FIELDS)
    baby_values = [_with_defaults(baby, BABY_FIELDS) for baby in babies]
    _, recorded, _ = lock_birth(pregnancy.pk)
    if recorded is not None:
        raise ValidationError(_ALREADY_RECORDED)
    _validate(pregnancy, labour_values, baby_values)
    record = LabourDelivery(
        pregnancy=pregnancy,
        **labour_values,
        **_derived_values(pregnancy, labour_values, baby_values),
    )
    try:
        with transaction.atomic():
            save_with_history(record, by=by)
    except IntegrityError:
        # Someone recorded this birth between our check and our save.
        raise ValidationError(_ALREADY_RECORDED) from None
    for values in baby_values:
        save_with_history(Baby(labour_delivery=record, **values), by=by)
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="labour_delivery",
        object_id=record.pk,
        person_id=pregnancy.woman_id,
        detail={"babies": len(baby_values)},
    )
    _mark_delivered(by=by, pregnancy=pregnancy, birth_date=record.birth_date)
    return record


def update_birth(
    *,
    by,
    labour: LabourDelivery,
    expected_version: int,
    changes: dict,
    baby_edits: Sequence[BabyEdit] = (),
) -> LabourDelivery:
    """Change a labour and any of its babies: each names the version the editor loaded,
    and if any is stale nothing is saved."""
    with conflicts_audited(
        by=by,
        object_type="labour_delivery",
        object_id=labour.pk,
        person_id=labour.pregnancy.woman_id,
        expected_version=expected_version,
    ):
        return _update_birth(
            by=by,
            labour=labour,
            expected_version=expected_version,
            changes=changes,
            baby_edits=baby_edits,
        )


@transaction.atomic
def _update_birth(
    *,
    by,
    labour: LabourDelivery,
    expected_version: int,
    changes: dict,
    baby_edits: Sequence[BabyEdit],
) -> LabourDelivery:
    _reject_unknown(changes, LABOUR_FIELDS)
    # Read afresh under lock: the Robson group is derived from the pregnancy's previous
    # births as they are now, which someone may have changed since this edit began.
    pregnancy, _, babies = lock_birth(labour.pregnancy_id)  # babies in birth order
    edits = {edit.baby.pk: edit for edit in baby_edits}
    if set(edits) - {baby.pk for baby in babies}:
        raise ValueError("A baby edited is not a baby of this labour")
    labour_values = _with_defaults(
        {name: getattr(labour, name) for name in LABOUR_FIELDS} | changes, LABOUR_FIELDS
    )
    baby_values = []
    for baby in babies:
        edit_changes = edits[baby.pk].changes if baby.pk in edits else {}
        _reject_unknown(edit_changes, BABY_FIELDS)
        current = {name: getattr(baby, name) for name in BABY_FIELDS}
        baby_values.append(_with_defaults(current | edit_changes, BABY_FIELDS))
    _validate(pregnancy, labour_values, baby_values)
    for baby, values in zip(babies, baby_values, strict=True):
        if baby.pk in edits:
            _apply_edit(
                baby,
                values,
                by=by,
                expected_version=edits[baby.pk].expected_version,
                object_type="baby",
                person_id=pregnancy.woman_id,
            )
    _apply_edit(
        labour,
        labour_values | _derived_values(pregnancy, labour_values, baby_values),
        by=by,
        expected_version=expected_version,
        object_type="labour_delivery",
        person_id=pregnancy.woman_id,
    )
    _mark_delivered(by=by, pregnancy=pregnancy, birth_date=labour.birth_date)
    return labour


def record_health_visitor_details(*, by, baby: Baby, expected_version: int, **details) -> Baby:
    """The health visitor's 6–8 week contact: feeding, and readmission within 30 days."""
    woman_id = baby.labour_delivery.pregnancy.woman_id
    with conflicts_audited(
        by=by,
        object_type="baby",
        object_id=baby.pk,
        person_id=woman_id,
        expected_version=expected_version,
    ):
        return _record_health_visitor_details(
            by=by, baby=baby, expected_version=expected_version, woman_id=woman_id, **details
        )


@transaction.atomic
def _record_health_visitor_details(
    *, by, baby: Baby, expected_version: int, woman_id: int, **details
) -> Baby:
    _reject_unknown(details, HEALTH_VISITOR_FIELDS)
    values = {name: getattr(baby, name) for name in HEALTH_VISITOR_FIELDS} | details
    values["feeding_at_6_8_weeks"] = values["feeding_at_6_8_weeks"] or ""
    errors = Errors()
    check_health_visitor_details(
        errors, baby_outcome=baby.outcome, feeding_at_6_8_weeks=values["feeding_at_6_8_weeks"]
    )
    errors.raise_if_any()
    _apply_edit(
        baby,
        values,
        by=by,
        expected_version=expected_version,
        object_type="baby",
        person_id=woman_id,
    )
    return baby
