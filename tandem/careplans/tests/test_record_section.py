"""Writing a section appends a version; the latest is what the plan shows."""

import pytest

from tandem.careplans import services
from tandem.careplans.models import Author, PlanSection, SectionVersion
from tandem.careplans.tests.factories import HER_WORDS, PLACE_DECIDED

pytestmark = pytest.mark.django_db


def test_record_section_appends_versions_numbered_per_section(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    first = services.record_section(
        plan, PlanSection.WHAT_MATTERS, {"text": "First words"}, by=personas.midwife, based_on=None
    )
    second = services.record_section(
        plan, PlanSection.WHAT_MATTERS, {"text": HER_WORDS}, by=personas.midwife, based_on=1
    )
    other = services.record_section(
        plan, PlanSection.PLACE_OF_BIRTH, PLACE_DECIDED, by=personas.midwife, based_on=None
    )
    assert (first.number, second.number, other.number) == (1, 2, 1)
    first.refresh_from_db()
    assert first.content == {"text": "First words"}
    assert SectionVersion.objects.filter(plan=plan).count() == 3


def test_record_section_keeps_her_text_exactly_as_written(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    words = "  Spacing kept  \n\nمیرے لیے اہم ہے\n"
    services.record_section(
        plan, PlanSection.FEARS, {"text": words}, by=personas.midwife, based_on=None
    )
    current = services.current_sections(plan, for_woman=True)[PlanSection.FEARS]
    assert current.content == {"text": words}


def test_current_sections_shows_latest_version_and_empty_sections(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    services.record_section(
        plan, PlanSection.PAIN_RELIEF, {"preferences": "Gas"}, by=personas.midwife, based_on=None
    )
    services.record_section(
        plan, PlanSection.PAIN_RELIEF, {"preferences": "Water"}, by=personas.midwife, based_on=1
    )
    current = services.current_sections(plan, for_woman=False)
    assert current[PlanSection.PAIN_RELIEF].content == {"preferences": "Water"}
    assert current[PlanSection.CONTRACEPTION] is None
    assert next(iter(current)) == PlanSection.WHAT_MATTERS


def test_section_history_is_newest_first(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    for based_on, words in enumerate(["one", "two", "three"]):
        services.record_section(
            plan,
            PlanSection.VALUES,
            {"text": words},
            by=personas.midwife,
            based_on=based_on or None,
        )
    history = services.section_history(plan, PlanSection.VALUES)
    assert [v.content["text"] for v in history] == ["three", "two", "one"]
    assert all(v.written_by == Author.CLINICIAN for v in history)


def test_plan_for_returns_the_one_plan_of_the_pregnancy(personas):
    first = services.plan_for(personas.pregnancy, by=personas.midwife)
    again = services.plan_for(personas.pregnancy, by=personas.team_leader)
    assert first.pk == again.pk
