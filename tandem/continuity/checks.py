"""What a team leader should look at in a continuity team: its size outside four to six,
and women whose record and continuity assignment disagree."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from tandem.continuity.models import (
    TEAM_SIZE_MAX,
    TEAM_SIZE_MIN,
    CarerAssignment,
    ContinuityTeam,
)
from tandem.records.models import Practitioner, Pregnancy, PregnancyStatus

OPEN_TO_CONTINUITY = (PregnancyStatus.ACTIVE, PregnancyStatus.DELIVERED)


def active_members(continuity_team: ContinuityTeam) -> QuerySet[Practitioner]:
    return Practitioner.objects.filter(
        is_active=True,
        continuity_memberships__continuity_team=continuity_team,
        continuity_memberships__left_on__isnull=True,
    ).order_by("family_name", "given_name")


def team_size_problem(continuity_team: ContinuityTeam) -> str:
    """What is wrong with the team's size now (members may have left their post), or ''."""
    size = active_members(continuity_team).count()
    if size < TEAM_SIZE_MIN:
        return (
            f"{continuity_team} has {size} midwives: a continuity team needs "
            f"{TEAM_SIZE_MIN} to {TEAM_SIZE_MAX}. Add a midwife to the team."
        )
    if size > TEAM_SIZE_MAX:
        return (
            f"{continuity_team} has {size} midwives: a continuity team needs "
            f"{TEAM_SIZE_MIN} to {TEAM_SIZE_MAX}. Split the team."
        )
    return ""


def carers_out_of_step(continuity_team: ContinuityTeam) -> QuerySet[Pregnancy]:
    """Women whose record and continuity assignment disagree about this team: the record
    names the team but she has no current named midwife here (or another one), or she has
    carers here but the record names another team. It happens when the team or named
    midwife is changed on the pregnancy form instead of here."""
    current_here = CarerAssignment.objects.filter(
        pregnancy=OuterRef("pk"), ends_on__isnull=True, continuity_team=continuity_team
    )
    names_team = Q(team=continuity_team.team)
    in_step = names_team & Q(Exists(current_here.filter(named_midwife=OuterRef("named_midwife"))))
    return (
        Pregnancy.objects.filter(status__in=OPEN_TO_CONTINUITY)
        .filter((names_team | Q(Exists(current_here))) & ~in_step)
        .select_related("woman")
        .order_by("edd", "pk")
    )
