"""On PostgreSQL the import re-analyses a table whose planner statistics count far fewer
rows than it has written there (statistics taken while the import was uncommitted say the
table is empty, and a plan made from them reads the whole table once per staged row).

Batches and the threshold are made tiny so a few rows show it."""

import pytest
from django.db import connection

from tandem.outcomes import msds_import
from tandem.outcomes.models import Baby
from tandem.outcomes.tests.test_import_support import (
    import_file,
    maternity_provider,
    women_rows,
    write_extract,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="planner statistics are PostgreSQL's"
    ),
]

WOMEN = 12


def _counted_babies() -> float:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Baby._meta.db_table]
        )
        return cursor.fetchone()[0]


def test_statistics_that_count_the_imported_rows_as_absent_are_taken_again(tmp_path, monkeypatch):
    maternity_provider()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Baby._meta.db_table}")  # an empty table, as autovacuum saw it
    assert _counted_babies() <= 0
    monkeypatch.setattr(msds_import, "CHUNK_ROWS", 2)
    monkeypatch.setattr(msds_import, "WRITE_BATCH", 2)
    monkeypatch.setattr(msds_import, "ANALYZE_FROM_ROWS", 2)

    import_file(write_extract(tmp_path / "extract.csv", women_rows(WOMEN)))

    assert Baby.objects.count() == WOMEN
    # Analysed inside the import, counting its own rows as they were written.
    assert _counted_babies() >= 2
