"""Access rows for the postnatal handover to health visiting pages
(see tandem/web/tests/test_access_matrix.py)."""

ROWS: dict = {}

OBJECTS: dict = {}
