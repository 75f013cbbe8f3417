"""The woman writes her own sections of her own plan, and nothing else."""

import pytest
from django.core.exceptions import PermissionDenied

from tandem.careplans import services
from tandem.careplans.models import Author, PlanSection
from tandem.portal.services import open_account
from tandem.records.tests.factories import PregnancyFactory

pytestmark = pytest.mark.django_db


def _her_account(personas, woman=None):
    woman = woman or personas.woman
    return open_account(woman, username=f"w{woman.pk}", password=None, by=personas.midwife).user


def test_woman_writes_her_own_section_as_herself(personas):
    her = _her_account(personas)
    plan = services.plan_for(personas.pregnancy, by=her)
    version = services.record_section(
        plan, PlanSection.WHAT_MATTERS, {"text": "Moje słowa"}, by=her, based_on=None
    )
    assert version.written_by == Author.WOMAN
    assert version.author == her


def test_woman_cannot_write_a_clinicians_section(personas):
    her = _her_account(personas)
    plan = services.plan_for(personas.pregnancy, by=her)
    for section in (PlanSection.HEALTH_NEEDS, PlanSection.CLINICIAN_NOTE):
        with pytest.raises(PermissionDenied):
            services.record_section(plan, section, {"needs": "x"}, by=her, based_on=None)
    assert not plan.versions.exists()


def test_woman_cannot_write_another_womans_plan(personas):
    her = _her_account(personas)
    other_plan = services.plan_for(PregnancyFactory(), by=personas.midwife)
    with pytest.raises(PermissionDenied):
        services.record_section(
            other_plan, PlanSection.WHAT_MATTERS, {"text": "Not mine"}, by=her, based_on=None
        )
    assert not other_plan.versions.exists()
