"""Access rows for the pathway pages (see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin, woman. The referral of the test context awaits review, so the
pages for changing a decision and answering a question send those allowed back to it (302).
"""

from tandem.pathway.services import record_screen
from tandem.pathway.tests.factories import answers
from tandem.web.tests.access_rows.personas import SIGN_IN

# url name: (the object kind its id names or None, the method, the answer per persona)
#                                       anon     mw   hv   tl   adm  rev  out  ana  sys  wom
ROWS: dict = {
    "web:pathway-screen": (
        "pregnancy",
        "get",
        (SIGN_IN, 200, 403, 200, 200, 403, 404, 403, 403, 403),
    ),
    "web:pathway-screen-result": (
        "screen",
        "get",
        (SIGN_IN, 200, 200, 200, 200, 200, 404, 403, 403, 403),
    ),
    "web:pathway-queue": (None, "get", (SIGN_IN, 403, 403, 403, 403, 200, 403, 403, 403, 403)),
    "web:pathway-referral": (
        "referral",
        "get",
        (SIGN_IN, 200, 200, 200, 200, 200, 404, 403, 403, 403),
    ),
    "web:pathway-decide": (
        "referral",
        "get",
        (SIGN_IN, 403, 403, 403, 403, 200, 403, 403, 403, 403),
    ),
    "web:pathway-revise": (
        "referral",
        "get",
        (SIGN_IN, 403, 403, 403, 403, 302, 403, 403, 403, 403),
    ),
    "web:pathway-answer": (
        "referral",
        "get",
        (SIGN_IN, 302, 403, 302, 302, 403, 404, 403, 403, 403),
    ),
    "web:pathway-withdraw": (
        "referral",
        "get",
        (SIGN_IN, 200, 403, 200, 200, 403, 404, 403, 403, 403),
    ),
    "web:pathway-questions": (None, "get", (SIGN_IN, 200, 403, 200, 200, 403, 200, 403, 403, 403)),
}


def _screen(context):
    """A screen of the personas' pregnancy with no criterion met (her referral is open)."""
    return record_screen(
        by=context.personas.midwife, pregnancy=context.personas.pregnancy, answers=answers()
    )


# object kind: a function of the test context (personas, contact, referral) returning it
OBJECTS: dict = {"screen": _screen, "referral": lambda context: context.referral}
