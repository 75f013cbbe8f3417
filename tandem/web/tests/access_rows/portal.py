"""Access rows for the the woman's own portal pages
(see tandem/web/tests/test_access_matrix.py)."""

ROWS: dict = {}

OBJECTS: dict = {}
