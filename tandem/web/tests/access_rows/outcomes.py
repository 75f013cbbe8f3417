"""Access rows for the birth pages (see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin, woman. The safeguarding reviewer may see the family but not
record or change a birth (403); the outsider may record births, but not this family's (404).
"""

from tandem.outcomes.tests.factories import BabyFactory
from tandem.web.tests.access_rows.personas import SIGN_IN

RECORDING = (SIGN_IN, 200, 200, 200, 200, 403, 404, 403, 403, 403)

ROWS: dict = {
    "web:birth-new": ("pregnancy", "get", RECORDING),
    "web:birth-edit": ("labour", "get", RECORDING),
    "web:baby-six-to-eight-weeks": ("baby", "get", RECORDING),
}


def _baby(context):
    return BabyFactory(labour_delivery__pregnancy=context.personas.pregnancy)


OBJECTS: dict = {
    "labour": lambda context: _baby(context).labour_delivery,
    "baby": _baby,
}
