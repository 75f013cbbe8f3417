"""Access rows for the woman's own portal pages (see tandem/web/tests/test_access_matrix.py).

Only the woman's role carries VIEW_OWN_RECORD: every member of staff gets 403, whatever the
pregnancy. The pregnancy rows name the personas' pregnancy, which is hers; another woman's
pregnancy answers her 404 (tandem/web/tests/test_portal_access.py).
"""

from tandem.web.tests.access_rows.personas import SIGN_IN

#          anon     mw   hv   tl   adm  rev  out  ana  sys  wom
HERS = (SIGN_IN, 403, 403, 403, 403, 403, 403, 403, 403, 200)

ROWS: dict = {
    "web:portal-home": (None, "get", HERS),
    "web:portal-appointments": (None, "get", HERS),
    "web:portal-language": (None, "get", HERS),
    "web:portal-plan": ("pregnancy", "get", HERS),
    "web:portal-section": ("pregnancy", "get", HERS),
    "web:portal-plan-pdf": ("pregnancy", "get", HERS),
}

OBJECTS: dict = {}
