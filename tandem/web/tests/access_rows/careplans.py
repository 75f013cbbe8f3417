"""Access rows for the personalised care and support plans pages
(see tandem/web/tests/test_access_matrix.py)."""

ROWS: dict = {}

OBJECTS: dict = {}
