"""Continuity of carer for the demo: each continuity team the organisations built (five
midwives and a named obstetrician, in the providers' most deprived areas) is set up as a
continuity team, and every pregnancy the generator gave to one gets her named midwife and a
buddy from it. The generator already offers continuity to women of Black, Asian or Mixed
ethnicity and women in IMD deciles 1 and 2 first, as LMNS plans do (generate.py), so the
women here are weighted the same way, and the care plans marked "continuity pathway"
(care_plans.py) are exactly these women's.

Some women's carers changed during the pregnancy, kept as history: a transfer to the
provider's other continuity team after a move, or a new named midwife in the same team.
The shares are illustrative, not calibrated. Rows are inserted in bulk, without history
rows, like the rest of the generated data.
"""

from datetime import date, timedelta
from random import Random

from tandem.continuity.models import CarerAssignment, ContinuityTeam, TeamMembership
from tandem.demo.sampling import chance, pick
from tandem.records.models import Pregnancy, Profession, Team, TeamKind

TEAMS_STARTED_DAYS_AGO = 3 * 365  # before the demo's earliest booking
TRANSFERRED = 0.05  # moved to the provider's other continuity team
MIDWIFE_CHANGED = 0.08  # a new named midwife in the same team
CHANGE_AFTER_DAYS = (21, 120)
BOOKED = "Booked into the continuity team"
TRANSFER_REASONS = (
    "Moved house into the other team's area",
    "Asked to move to the team nearer her family",
)
CHANGE_REASONS = (
    "Her named midwife went on maternity leave",
    "Her named midwife moved to part-time hours",
    "She asked for a different midwife",
)


def add_continuity(rng: Random, today: date, by_id: int) -> dict[str, int]:
    teams = _continuity_teams(today)
    by_team = {team.team_id: team for team in teams}
    midwives = {team.pk: _midwives(team.team) for team in teams}
    siblings = {
        team.pk: [
            other
            for other in teams
            if other.team.organisation_id == team.team.organisation_id and other.pk != team.pk
        ]
        for team in teams
    }
    assignments = []
    transfers = 0
    pregnancies = (
        Pregnancy.objects.filter(team_id__in=by_team, named_midwife__isnull=False)
        .order_by("pk")
        .values_list("pk", "team_id", "named_midwife_id", "booking_date", "created_at", "ended_on")
    )
    for pk, team_id, named, booked, created, ended in pregnancies:
        team = by_team[team_id]
        if named not in midwives[team.pk]:
            continue
        starts = booked or created.date()
        last_day = min(today, ended or today)
        changed_on = starts + timedelta(days=rng.randint(*CHANGE_AFTER_DAYS))
        earlier = None
        if changed_on < last_day and siblings[team.pk] and chance(rng, TRANSFERRED):
            other = pick(rng, siblings[team.pk])
            earlier = (other, pick(rng, midwives[other.pk]), pick(rng, TRANSFER_REASONS))
        elif changed_on < last_day and chance(rng, MIDWIFE_CHANGED):
            before = pick(rng, [midwife for midwife in midwives[team.pk] if midwife != named])
            earlier = (team, before, pick(rng, CHANGE_REASONS))
        if earlier is not None:
            old_team, old_named, why = earlier
            assignments.append(
                _assignment(rng, pk, old_team, old_named, midwives, starts, BOOKED, by_id)
            )
            assignments[-1].ends_on, assignments[-1].end_reason = changed_on, why
            assignments[-1].ended_by_id = by_id
            transfers += 1
            starts, reason = changed_on, why
        else:
            reason = BOOKED
        assignments.append(_assignment(rng, pk, team, named, midwives, starts, reason, by_id))
    CarerAssignment.objects.bulk_create(assignments, batch_size=5000)
    return {
        "continuity_teams": len(teams),
        "carer_assignments": len(assignments),
        "carer_changes": transfers,
    }


def _midwives(team: Team) -> list[int]:
    return sorted(team.members.filter(profession=Profession.MIDWIFE).values_list("pk", flat=True))


def _continuity_teams(today: date) -> list[ContinuityTeam]:
    joined = today - timedelta(days=TEAMS_STARTED_DAYS_AGO)
    teams = []
    memberships = []
    for team in Team.objects.filter(kind=TeamKind.CONTINUITY).order_by("pk"):
        obstetrician = team.members.filter(profession=Profession.OBSTETRICIAN).first()
        if obstetrician is None:
            continue
        teams.append(ContinuityTeam(team=team, obstetrician=obstetrician))
    ContinuityTeam.objects.bulk_create(teams)
    for team in teams:
        memberships += [
            TeamMembership(continuity_team=team, midwife_id=midwife, joined_on=joined)
            for midwife in _midwives(team.team)
        ]
    TeamMembership.objects.bulk_create(memberships)
    return teams


def _assignment(rng, pregnancy_id, team, named, midwives, starts, reason, by_id):
    buddy = pick(rng, [midwife for midwife in midwives[team.pk] if midwife != named])
    return CarerAssignment(
        pregnancy_id=pregnancy_id,
        continuity_team=team,
        named_midwife_id=named,
        buddy_id=buddy,
        starts_on=starts,
        reason=reason,
        assigned_by_id=by_id,
    )
