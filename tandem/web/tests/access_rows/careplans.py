"""Access rows for the personalised care and support plans pages
(see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin, woman. Midwives, team leaders and administrators keep the
plans of the women they may see; the outsider keeps plans, but not this woman's (404). The
woman reads her own plan in her portal, never on these staff pages (403).
"""

from tandem.web.tests.access_rows.personas import SIGN_IN

KEEPING = (SIGN_IN, 200, 403, 200, 200, 403, 404, 403, 403, 403)
# With no section named, the section page sends her back to the plan.
CHOOSING = (SIGN_IN, 302, 403, 302, 302, 403, 404, 403, 403, 403)

ROWS: dict = {
    "web:care-plan": ("pregnancy", "get", KEEPING),
    "web:care-plan-history": ("pregnancy", "get", KEEPING),
    "web:care-plan-section": ("pregnancy", "get", CHOOSING),
    "web:care-plan-pdf": ("pregnancy", "get", CHOOSING),
}

OBJECTS: dict = {}
