"""The generated LMNS has continuity teams of four to six midwives with an obstetrician,
and a named midwife and buddy for exactly the women its care plans mark as on a continuity
pathway, weighted towards the women LMNS plans prioritise, with some changes kept as
history."""

import pytest
from django.db.models import Count, Exists, F, OuterRef, Q

from tandem.continuity.models import CarerAssignment, ContinuityTeam
from tandem.continuity.services import active_members, current_carers
from tandem.records.codes import EthnicGroup, ethnic_group_codes
from tandem.records.models import CarePlanRecord, Pregnancy, TeamKind

pytestmark = pytest.mark.django_db


def test_generated_continuity_agrees_with_care_plans_and_teams(demo_lmns):

    teams = list(ContinuityTeam.objects.select_related("team"))
    assert teams
    for team in teams:
        assert 4 <= active_members(team).count() <= 6
        assert team.obstetrician.profession == "obstetrician"

    current = CarerAssignment.objects.filter(ends_on__isnull=True)
    assert not current.filter(buddy=F("named_midwife")).exists()
    assert not current.exclude(pregnancy__named_midwife=F("named_midwife")).exists()
    assert not current.exclude(pregnancy__team=F("continuity_team__team")).exists()
    on_pathway = Exists(current.filter(pregnancy=OuterRef("pregnancy")))
    plans = CarePlanRecord.objects.annotate(on_pathway=on_pathway)
    assert plans.filter(continuity_pathway=True).exists()
    assert not plans.filter(continuity_pathway=True, on_pathway=False).exists()
    assert not plans.filter(continuity_pathway=False, on_pathway=True).exists()
    in_team = Pregnancy.objects.filter(team__kind=TeamKind.CONTINUITY)
    assert in_team.count() == current.count()

    changed = CarerAssignment.objects.filter(ends_on__isnull=False)
    assert changed.exists()
    assert not changed.filter(ends_on__lt=F("starts_on")).exists()
    assert not changed.exclude(pregnancy__carer_assignments__ends_on__isnull=True).exists()

    codes = ethnic_group_codes()
    priority = Q(
        woman__ethnic_category__in=[
            *codes[EthnicGroup.BLACK],
            *codes[EthnicGroup.ASIAN],
            *codes[EthnicGroup.MIXED],
        ]
    ) | Q(woman__imd_decile__lte=2)
    shares = in_team.aggregate(total=Count("pk"), priority=Count("pk", filter=priority))
    assert shares["priority"] == shares["total"]  # only prioritised women in the demo

    pregnancy = current.first().pregnancy
    carers = current_carers(pregnancy)
    assert carers.named_midwife == pregnancy.named_midwife
    assert carers.buddy != carers.named_midwife
