"""Access rows for the postnatal handover to health visiting pages
(see tandem/web/tests/test_access_matrix.py).

The handover is the personas' woman's, sent by her midwife (Adswood midwives) to Adswood
health visitors. Only the sending and receiving teams see it: the administrator and the
reviewer are in neither (404), the outsider's team is another (404), and the woman, the
analyst and the system administrator never see it (403). Only a health visitor may open
the acknowledge page; only a role that sends handovers may send or withdraw one.
"""

from tandem.handover.services import send_handover
from tandem.outcomes.tests.factories import BabyFactory
from tandem.records.models import Team, TeamKind
from tandem.web.tests.access_rows.personas import SIGN_IN

#                        anon     mw   hv   tl   adm  rev  out  ana  sys  wom
SENDING = (SIGN_IN, 200, 403, 200, 403, 403, 404, 403, 403, 403)
TEAM_MEMBERS = (SIGN_IN, 200, 200, 200, 404, 404, 404, 403, 403, 403)

ROWS: dict = {
    "web:handover-pregnancy": ("pregnancy", "get", SENDING),
    "web:handovers": (None, "get", (SIGN_IN, 200, 200, 200, 200, 200, 200, 403, 403, 403)),
    "web:handover": ("handover", "get", TEAM_MEMBERS),
    "web:handover-acknowledge": (
        "handover",
        "get",
        (SIGN_IN, 403, 200, 403, 403, 403, 403, 403, 403, 403),
    ),
    "web:handover-withdraw": ("handover", "get", SENDING),
    "web:handover-team": (
        "midwifery_team",
        "get",
        (SIGN_IN, 200, 404, 200, 404, 404, 404, 403, 403, 403),
    ),
}


def _handover(context):
    personas = context.personas
    BabyFactory(labour_delivery__pregnancy=personas.pregnancy)
    return send_handover(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        receiving_team=Team.objects.get(kind=TeamKind.HEALTH_VISITING),
        current_feeding="breast",
        safeguarding_concerns=False,
    )


OBJECTS: dict = {
    "handover": _handover,
    "midwifery_team": lambda context: context.personas.adswood_team,
}
