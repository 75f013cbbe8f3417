"""Every field of a person's record has a privacy class, and analysts never get identifiers."""

import pytest
from django.apps import apps
from simple_history.models import HistoricalChanges

from tandem.core.privacy import FieldClass, all_field_classes, analyst_safe_fields, field_classes
from tandem.records.models import Woman

PERSON_LEVEL = [apps.get_model(label) for label in all_field_classes()]


def fields_of(model) -> list[str]:
    meta = model._meta
    return [field.name for field in [*meta.concrete_fields, *meta.many_to_many]]


@pytest.mark.parametrize("model", PERSON_LEVEL, ids=lambda model: model._meta.label)
def test_privacy_classification_covers_every_field(model):
    unclassified = set(fields_of(model)) - set(field_classes(model))

    assert not unclassified, f"Classify {sorted(unclassified)} in tandem/core/privacy.py"


@pytest.mark.parametrize("model", PERSON_LEVEL, ids=lambda model: model._meta.label)
def test_privacy_classification_names_no_field_that_is_gone(model):
    gone = set(field_classes(model)) - set(fields_of(model))

    assert not gone, f"Remove {sorted(gone)} from tandem/core/privacy.py"


def test_privacy_classification_covers_every_model_that_points_at_a_person():
    person_level = set(all_field_classes())
    unclassified = {
        model._meta.label
        for model in apps.get_models()
        if not issubclass(model, HistoricalChanges)
        and model._meta.label not in person_level
        and any(
            field.is_relation and field.related_model._meta.label in person_level
            for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        )
    }

    assert not unclassified, f"Classify the person-level models {sorted(unclassified)}"


@pytest.mark.parametrize("model", PERSON_LEVEL, ids=lambda model: model._meta.label)
def test_analyst_safe_fields_carry_no_direct_identifier(model):
    safe = analyst_safe_fields(model)

    assert safe
    assert not [name for name in safe if field_classes(model)[name] == FieldClass.DIRECT_IDENTIFIER]


def test_analyst_safe_fields_of_a_woman():
    safe = analyst_safe_fields(Woman)

    assert not {"id", "nhs_number", "given_name", "family_name", "postcode"} & set(safe)
    assert not {"accessibility_needs"} & set(safe)  # free text may hold anything
    assert {"date_of_birth", "lsoa_code", "imd_decile", "ethnic_category", "version"} <= set(safe)


def test_analyst_safe_fields_refuses_a_model_that_is_not_classified():
    with pytest.raises(LookupError):
        analyst_safe_fields(apps.get_model("records", "Lsoa"))
