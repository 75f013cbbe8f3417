"""Access rows for the programme pages (see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin, woman.
"""

from tandem.web.tests.access_rows.personas import SIGN_IN

# url name: (the object kind its id names or None, the method, the answer per persona)
#                                       anon     mw   hv   tl   adm  rev  out  ana  sys  wom
_FIGURES = (SIGN_IN, 403, 403, 200, 403, 403, 403, 200, 403, 403)
_TRAINING = (SIGN_IN, 403, 403, 200, 403, 403, 403, 403, 403, 403)
# Every role that cares for families sees her worklists (the outsider her own, empty);
# reviewers see overdue reviews only, administrators the booking ones only.
_CARE = (SIGN_IN, 200, 200, 200, 403, 403, 200, 403, 403, 403)
_BOOKING = (SIGN_IN, 200, 200, 200, 200, 403, 200, 403, 403, 403)
_REVIEW = (SIGN_IN, 200, 200, 200, 403, 200, 200, 403, 403, 403)

ROWS: dict = {
    "web:programme": (None, "get", _FIGURES),
    "web:programme-area": ("adswood", "get", _FIGURES),
    "web:training": (None, "get", _TRAINING),
    "web:training-new": (None, "get", _TRAINING),
    "web:worklist-overdue-reviews": (None, "get", _REVIEW),
    "web:worklist-joint-visit-not-booked": (None, "get", _BOOKING),
    "web:worklist-visits-out-of-window": (None, "get", _CARE),
    "web:worklist-visits-not-recorded": (None, "get", _CARE),
    "web:worklist-plan-actions-overdue": (None, "get", _CARE),
    "web:worklist-28-week-contact-due": (None, "get", _BOOKING),
}

# object kind: a function of the test context (personas, contact, referral) returning it
OBJECTS: dict = {
    "adswood": lambda context: context.personas.adswood,
}
