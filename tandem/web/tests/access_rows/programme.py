"""Access rows for the programme pages (see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin.
"""

from tandem.web.tests.access_rows.personas import SIGN_IN  # noqa: F401

# url name: (the object kind its id names or None, the method, the answer per persona)
ROWS: dict = {}

# object kind: a function of the test context (personas, contact, referral) returning it
OBJECTS: dict = {}
