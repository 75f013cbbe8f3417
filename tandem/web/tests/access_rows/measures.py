"""Access rows for the measures dashboards (see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin, woman.
"""

from types import SimpleNamespace

from tandem.web.tests.access_rows.personas import SIGN_IN

# url name: (the object kind its id names or None, the method, the answer per persona)
#                                       anon     mw   hv   tl   adm  rev  out  ana  sys  wom
_AGGREGATES = (SIGN_IN, 403, 403, 200, 403, 403, 403, 200, 403, 403)

ROWS: dict = {
    "web:measures": (None, "get", _AGGREGATES),
    "web:measure": ("measure", "get", _AGGREGATES),
    "web:measures-equity": (None, "get", _AGGREGATES),
    "web:measures-robson": (None, "get", _AGGREGATES),
    "web:measures-quality": (None, "get", _AGGREGATES),
}

# A measure is named by its id, not a database key.
OBJECTS: dict = {
    "measure": lambda context: SimpleNamespace(pk="pph_1500"),
}
