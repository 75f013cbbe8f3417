"""Her decisions keep the MSDS care plan record (MSD102) in step, once per plan type."""

import pytest
from django.utils import timezone

from tandem.careplans import services
from tandem.careplans.models import PlanSection
from tandem.careplans.tests.factories import PLACE_DECIDED
from tandem.records.models import CarePlanRecord, CarePlanType

pytestmark = pytest.mark.django_db


def _record(personas, plan, section, content, based_on=None):
    return services.record_section(plan, section, content, by=personas.midwife, based_on=based_on)


def test_place_of_birth_agrees_the_personalised_antenatal_plan(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    _record(personas, plan, PlanSection.WHAT_MATTERS, {"text": "Calm"})
    assert not CarePlanRecord.objects.exists()
    _record(personas, plan, PlanSection.PLACE_OF_BIRTH, PLACE_DECIDED)
    record = CarePlanRecord.objects.get()
    assert record.pregnancy == personas.pregnancy
    assert record.care_plan_type == CarePlanType.ANTENATAL
    assert record.personalised is True
    assert record.care_plan_date == timezone.localdate()
    assert record.recorded_by == personas.midwife.practitioner


def test_a_changed_decision_does_not_add_a_second_record(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    _record(personas, plan, PlanSection.PLACE_OF_BIRTH, PLACE_DECIDED)
    _record(personas, plan, PlanSection.PLACE_OF_BIRTH, PLACE_DECIDED | {"place": "home"}, 1)
    assert CarePlanRecord.objects.count() == 1


def test_birth_and_postnatal_decisions_agree_their_plans(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    _record(personas, plan, PlanSection.PLAN_B, {"plan": "Transfer to the labour ward"})
    _record(personas, plan, PlanSection.CONTRACEPTION, {"plan": "Implant at 6 weeks"})
    types = set(CarePlanRecord.objects.values_list("care_plan_type", flat=True))
    assert types == {CarePlanType.BIRTH, CarePlanType.POSTNATAL}


def test_a_discussion_without_a_place_agrees_no_plan_yet(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    _record(personas, plan, PlanSection.PLACE_OF_BIRTH, {"risks_discussion": "All four places"})
    assert not CarePlanRecord.objects.exists()
    _record(personas, plan, PlanSection.PLACE_OF_BIRTH, PLACE_DECIDED, 1)
    assert CarePlanRecord.objects.get().care_plan_type == CarePlanType.ANTENATAL
