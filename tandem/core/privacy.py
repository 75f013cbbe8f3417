"""How identifying each field of a person's record is, and what an analyst export may carry.

Every field of every person-level model is classified here, and
tandem/core/tests/test_privacy_classification.py fails when a field or a person-level model is
added without a class, or a classified field disappears. Analyst views and exports take their
columns from `analyst_safe_fields`, never from the model.

- DIRECT_IDENTIFIER: names her or leads straight to her identified record: NHS number, name,
  postcode, free text (which can hold anything, names included), and the record keys, which
  open her record in Tandem. An export that needs to join tables carries a pseudonym made
  for that export, never the key itself.
- QUASI_IDENTIFIER: does not name her but, combined with others, can single her out: dates
  of birth and of events in her care, small-area geography, deprivation, ethnicity,
  language, multiple births. Analysts may see these only in aggregates or coarsened.
- CLINICAL: facts about her care and its outcomes.
- OPERATIONAL: how the service and the software run: staff, teams, versions, timestamps.
"""

import functools
import importlib
import importlib.util
from enum import StrEnum

from django.apps import apps


class FieldClass(StrEnum):
    DIRECT_IDENTIFIER = "direct_identifier"
    QUASI_IDENTIFIER = "quasi_identifier"
    CLINICAL = "clinical"
    OPERATIONAL = "operational"


DIRECT = FieldClass.DIRECT_IDENTIFIER
QUASI = FieldClass.QUASI_IDENTIFIER
CLINICAL = FieldClass.CLINICAL
OPERATIONAL = FieldClass.OPERATIONAL

# Model label -> field name -> class, in the order of the model's fields. Apps above records
# classify their own person-level models in a `privacy.py` module of their own with a dict of
# the same name; `all_field_classes()` gathers them.
_CORE_FIELD_CLASSES: dict[str, dict[str, FieldClass]] = {
    "records.Woman": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "nhs_number": DIRECT,
        "given_name": DIRECT,
        "family_name": DIRECT,
        "date_of_birth": QUASI,
        "postcode": DIRECT,
        "lsoa_code": QUASI,
        "imd_decile": QUASI,
        "ethnic_category": QUASI,
        "main_language": QUASI,
        "interpreter_needed": QUASI,
        "accessibility_needs": DIRECT,
        "created_at": OPERATIONAL,
    },
    "records.Pregnancy": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "woman": DIRECT,
        "msds_pregnancy_id": DIRECT,
        "provider": OPERATIONAL,
        "area": QUASI,
        "lmp": QUASI,
        "edd_scan": QUASI,
        "edd": QUASI,
        "edd_method": CLINICAL,
        "booking_date": QUASI,
        "previous_live_births": CLINICAL,
        "previous_stillbirths": CLINICAL,
        "previous_caesareans": CLINICAL,
        "smoking_status_booking": CLINICAL,
        "named_midwife": OPERATIONAL,
        "team": OPERATIONAL,
        "status": CLINICAL,
        "ended_on": QUASI,
        "created_at": OPERATIONAL,
    },
    "records.CareContact": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "pregnancy": DIRECT,
        "starts_at": QUASI,
        "contact_type": CLINICAL,
        "practitioners": OPERATIONAL,
        "outcome": CLINICAL,
        "wellbeing_asked": CLINICAL,
        "notes": DIRECT,
        "created_at": OPERATIONAL,
    },
    "records.CarePlanRecord": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "pregnancy": DIRECT,
        "care_plan_type": CLINICAL,
        "care_plan_date": QUASI,
        "personalised": CLINICAL,
        "continuity_pathway": CLINICAL,
        "recorded_by": OPERATIONAL,
        "created_at": OPERATIONAL,
    },
    "outcomes.LabourDelivery": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "pregnancy": DIRECT,
        "msds_labour_id": DIRECT,
        "onset_method": CLINICAL,
        "labour_onset_at": QUASI,
        "caesarean_at": QUASI,
        "genital_tract_trauma": CLINICAL,
        "blood_loss_ml": CLINICAL,
        "episiotomy": CLINICAL,
        "anaesthesia": CLINICAL,
        "oxytocin_augmentation": CLINICAL,
        "smoking_status_delivery": CLINICAL,
        "births_count": CLINICAL,
        "birth_date": QUASI,
        "robson_group": CLINICAL,
    },
    "outcomes.Baby": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "labour_delivery": DIRECT,
        "birth_order": QUASI,  # twins and triplets are rare enough to single a family out
        "born_at": QUASI,
        "outcome": CLINICAL,
        "delivery_method": CLINICAL,
        "presentation": CLINICAL,
        "gestation_days": CLINICAL,
        "place_of_birth": CLINICAL,
        "apgar_5": CLINICAL,
        "birth_weight_g": CLINICAL,
        "first_feed": CLINICAL,
        "neonatal_admission": CLINICAL,
        "readmitted_within_30_days": CLINICAL,
        "feeding_at_6_8_weeks": CLINICAL,
    },
    "pathway.Referral": {
        "id": DIRECT,
        "pregnancy": DIRECT,
        "referred_by": OPERATIONAL,
        "referred_at": QUASI,
        "reason": DIRECT,
        "status": CLINICAL,
        "current_outcome": CLINICAL,
        "decided_at": QUASI,
    },
}


@functools.cache
def all_field_classes() -> dict[str, dict[str, FieldClass]]:
    merged = dict(_CORE_FIELD_CLASSES)
    for config in apps.get_app_configs():
        module_name = f"{config.name}.privacy"
        if config.name == __package__ or importlib.util.find_spec(module_name) is None:
            continue
        merged.update(importlib.import_module(module_name).FIELD_CLASSES)
    return merged


def field_classes(model) -> dict[str, FieldClass]:
    """The classification of a person-level model's fields (a model class or instance)."""
    label = model._meta.label
    try:
        return all_field_classes()[label]
    except KeyError:
        raise LookupError(f"{label} is not a classified person-level model") from None


def analyst_safe_fields(model) -> list[str]:
    """The fields an analyst view or export of this model may carry: no direct identifiers."""
    return [name for name, kind in field_classes(model).items() if kind != DIRECT]
