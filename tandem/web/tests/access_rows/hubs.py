"""Access rows for the community hubs and onward referrals pages
(see tandem/web/tests/test_access_matrix.py)."""

ROWS: dict = {}

OBJECTS: dict = {}
