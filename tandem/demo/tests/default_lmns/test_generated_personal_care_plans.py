"""The generated LMNS has personalised care plans with versions that agree with its MSDS care
plan records: her place of birth with its risks discussion on the day the antenatal plan was
agreed, version numbers that run 1, 2, 3 per section, and valid content throughout."""

import pytest
from django.utils import timezone

from tandem.careplans.models import Author, CarePlan, PlanSection, SectionVersion
from tandem.careplans.validation import validated_content
from tandem.records.models import CarePlanRecord, CarePlanType

pytestmark = pytest.mark.django_db


def test_generated_plans_agree_with_the_msds_records(demo_lmns):
    plans = CarePlan.objects.all()
    assert plans.count() > 5
    versions = SectionVersion.objects.select_related("plan")
    for version in versions:
        assert validated_content(PlanSection(version.section), version.content) == version.content
    for plan in plans.prefetch_related("versions"):
        numbers: dict[str, list[int]] = {}
        for version in sorted(plan.versions.all(), key=lambda v: (v.section, v.number)):
            numbers.setdefault(version.section, []).append(version.number)
        assert all(found == list(range(1, len(found) + 1)) for found in numbers.values())
        places = [v for v in plan.versions.all() if v.section == PlanSection.PLACE_OF_BIRTH]
        if not places:  # the demo woman's own plan, begun in her portal (tandem.demo.portal)
            assert {v.written_by for v in plan.versions.all()} == {Author.WOMAN}
            continue
        place = min(places, key=lambda v: v.number)
        antenatal = CarePlanRecord.objects.get(
            pregnancy=plan.pregnancy_id, care_plan_type=CarePlanType.ANTENATAL, personalised=True
        )
        assert timezone.localtime(place.created_at).date() == antenatal.care_plan_date
    assert versions.filter(number__gt=1).exists()
