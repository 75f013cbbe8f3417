"""Access rows for the continuity of carer pages
(see tandem/web/tests/test_access_matrix.py)."""

ROWS: dict = {}

OBJECTS: dict = {}
