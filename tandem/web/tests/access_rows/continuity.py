"""Access rows for the continuity of carer pages
(see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin, woman. Teams and carers are for team leaders and midwives:
the midwife persona is in the continuity team; the outsider, a midwife outside it and
outside the woman's areas, gets 404. Setting up a team and changing its midwives is for
team leaders. Coverage is aggregates only, for team leaders and analysts.
"""

from tandem.continuity import services
from tandem.continuity.tests.factories import continuity_team
from tandem.core.audit import system_actor
from tandem.web.tests.access_rows.personas import SIGN_IN

TEAMS = (SIGN_IN, 200, 403, 200, 403, 403, 200, 403, 403, 403)
IN_THE_TEAM = (SIGN_IN, 200, 403, 200, 403, 403, 404, 403, 403, 403)
FIGURES = (SIGN_IN, 403, 403, 200, 403, 403, 403, 200, 403, 403)
LEADERS = (SIGN_IN, 403, 403, 200, 403, 403, 403, 403, 403, 403)

ROWS: dict = {
    "web:continuity-teams": (None, "get", TEAMS),
    "web:continuity-team": ("continuity_team", "get", IN_THE_TEAM),
    "web:continuity-coverage": (None, "get", FIGURES),
    "web:carers-assign": ("continuity_pregnancy", "get", IN_THE_TEAM),
    "web:continuity-team-new": (None, "get", LEADERS),
    "web:continuity-member-new": ("continuity_team", "get", LEADERS),
    "web:continuity-member-leaves": ("continuity_membership", "get", LEADERS),
}


def _team(context):
    personas = context.personas
    return continuity_team(
        personas.provider,
        midwives=[personas.midwife.practitioner],
        areas=[personas.adswood],
    )


def _pregnancy(context):
    team = _team(context)
    pregnancy = context.personas.pregnancy
    buddy = next(
        m for m in services.active_members(team) if m != context.personas.midwife.practitioner
    )
    services.assign_carers(
        by=system_actor(),
        pregnancy=pregnancy,
        continuity_team=team,
        named_midwife=context.personas.midwife.practitioner,
        buddy=buddy,
        reason="Booked into the team",
        expected_version=pregnancy.version,
    )
    return pregnancy


OBJECTS: dict = {
    "continuity_team": _team,
    "continuity_pregnancy": _pregnancy,
    "continuity_membership": lambda context: _team(context).memberships.first(),
}
