"""Bad content is refused with an error naming the field, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.careplans import services
from tandem.careplans.models import PlanSection, SectionVersion
from tandem.careplans.tests.factories import PLACE_DECIDED
from tandem.careplans.validation import RISKS_DISCUSSION_FIELDS

pytestmark = pytest.mark.django_db


def _record(personas, section, content):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    return services.record_section(plan, section, content, by=personas.midwife, based_on=None)


def test_required_field_left_empty_names_the_field(personas):
    with pytest.raises(ValidationError) as error:
        _record(personas, PlanSection.PAIN_RELIEF, {"preferences": "   "})
    assert set(error.value.message_dict) == {"preferences"}
    assert not SectionVersion.objects.exists()


def test_unknown_choice_names_the_field(personas):
    with pytest.raises(ValidationError) as error:
        _record(personas, PlanSection.INFANT_FEEDING, {"intention": "sometimes"})
    assert set(error.value.message_dict) == {"intention"}


def test_future_or_unreal_discussion_date_names_the_field(personas):
    tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
    for day in (tomorrow, "2026-02-30"):
        with pytest.raises(ValidationError) as error:
            _record(
                personas, PlanSection.PLACE_OF_BIRTH, PLACE_DECIDED | {"risks_discussed_on": day}
            )
        assert set(error.value.message_dict) == {"risks_discussed_on"}
    assert not SectionVersion.objects.exists()


def test_text_over_the_limit_names_the_field(personas):
    with pytest.raises(ValidationError) as error:
        _record(personas, PlanSection.WHAT_MATTERS, {"text": "x" * 4001})
    assert set(error.value.message_dict) == {"text"}


def test_unknown_field_is_refused(personas):
    with pytest.raises(ValidationError):
        _record(personas, PlanSection.WHAT_MATTERS, {"text": "ok", "secret": "no"})
    assert not SectionVersion.objects.exists()


def test_place_of_birth_needs_the_risks_discussion(personas):
    with pytest.raises(ValidationError) as error:
        _record(personas, PlanSection.PLACE_OF_BIRTH, {"place": "home"})
    assert set(error.value.message_dict) == set(RISKS_DISCUSSION_FIELDS)
    assert not SectionVersion.objects.exists()


def test_place_of_birth_with_its_discussion_is_saved(personas):
    version = _record(personas, PlanSection.PLACE_OF_BIRTH, PLACE_DECIDED)
    assert version.content == PLACE_DECIDED


def test_a_discussion_without_a_place_yet_is_saved(personas):
    content = {"risks_discussion": "Talked through all four; she will decide at 36 weeks."}
    version = _record(personas, PlanSection.PLACE_OF_BIRTH, content)
    assert version.content["place"] == ""
