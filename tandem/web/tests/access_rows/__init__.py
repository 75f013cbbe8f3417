"""Every URL's expected answer for every persona, gathered from one module per group of
pages so that each group keeps its own rows."""

from tandem.web.tests.access_rows import (
    assessments,
    careplans,
    continuity,
    handover,
    hubs,
    measures,
    outcomes,
    pathway,
    portal,
    programme,
    records,
    scheduling,
)
from tandem.web.tests.access_rows.personas import PERSONAS, SIGN_IN

_GROUPS = (
    records,
    pathway,
    scheduling,
    assessments,
    programme,
    outcomes,
    measures,
    careplans,
    continuity,
    hubs,
    handover,
    portal,
)

EXPECTED = {name: row for group in _GROUPS for name, row in group.ROWS.items()}
OBJECTS = {kind: find for group in _GROUPS for kind, find in group.OBJECTS.items()}

__all__ = ["EXPECTED", "OBJECTS", "PERSONAS", "SIGN_IN"]
