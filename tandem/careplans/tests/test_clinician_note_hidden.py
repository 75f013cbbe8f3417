"""The clinician-only note is never part of what the woman sees."""

import pytest

from tandem.careplans import services
from tandem.careplans.models import PlanSection
from tandem.careplans.sections import CLINICIAN_SECTIONS, HIDDEN_FROM_WOMAN, WOMAN_SECTIONS

pytestmark = pytest.mark.django_db


def test_current_sections_for_woman_leaves_out_the_note(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    services.record_section(
        plan,
        PlanSection.CLINICIAN_NOTE,
        {"note": "Partner's behaviour at booking: discuss with safeguarding"},
        by=personas.midwife,
        based_on=None,
    )
    assert PlanSection.CLINICIAN_NOTE not in services.current_sections(plan, for_woman=True)
    clinicians = services.current_sections(plan, for_woman=False)
    assert clinicians[PlanSection.CLINICIAN_NOTE].content["note"].startswith("Partner")


def test_her_sections_are_never_hidden_from_her():
    assert not HIDDEN_FROM_WOMAN & WOMAN_SECTIONS
    assert HIDDEN_FROM_WOMAN <= CLINICIAN_SECTIONS
    assert not WOMAN_SECTIONS & CLINICIAN_SECTIONS
