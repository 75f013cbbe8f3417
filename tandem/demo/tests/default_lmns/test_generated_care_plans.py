"""The generated LMNS has care plan records: each of the three kinds, for booked pregnancies,
on days that have come while she was pregnant, marked continuity of carer exactly when her
team is a continuity team, so the personalised care plan and continuity of carer measures
have something to count."""

from datetime import timedelta

import pytest
from django.db.models import F, Q
from django.utils import timezone

from tandem.measures.definitions import measure
from tandem.measures.services import Month, compute
from tandem.records.models import CarePlanRecord, CarePlanType, Pregnancy, TeamKind

pytestmark = pytest.mark.django_db


def test_generated_lmns_has_care_plans_the_measure_can_count(demo_lmns):
    today = timezone.localdate()

    plans = CarePlanRecord.objects.all()
    assert set(plans.values_list("care_plan_type", flat=True)) == set(CarePlanType.values)
    assert not plans.filter(pregnancy__booking_date__isnull=True).exists()
    assert not plans.filter(care_plan_date__gt=today).exists()
    assert not plans.filter(care_plan_date__lt=F("pregnancy__booking_date")).exists()
    assert not plans.filter(care_plan_date__gt=F("pregnancy__ended_on")).exists()
    on_continuity_team = Q(pregnancy__team__kind=TeamKind.CONTINUITY)
    assert not plans.filter(on_continuity_team, continuity_pathway=False).exists()
    assert not plans.filter(~on_continuity_team, continuity_pathway=True).exists()
    assert plans.filter(personalised=True).exists() and plans.filter(personalised=False).exists()

    first = Month.of(today - timedelta(days=365))
    last = first.next().next()
    plans_rates = compute([measure("pcsp_by_msds_timings")], first=first, last=last)
    assert sum(rate.denominator for rate in plans_rates) > 0
    assert 0 < sum(r.numerator for r in plans_rates) < sum(r.denominator for r in plans_rates)

    # Continuity of carer counts the flagged antenatal plans: at most the women in teams.
    continuity = compute([measure("continuity_pathway")], first=first, last=last)
    in_team = Pregnancy.objects.filter(
        team__kind=TeamKind.CONTINUITY,
        booking_date__gte=first.first_day,
        booking_date__lt=last.next().first_day,
    )
    assert sum(rate.denominator for rate in continuity) > 0
    assert 0 < sum(rate.numerator for rate in continuity) <= in_team.count()
