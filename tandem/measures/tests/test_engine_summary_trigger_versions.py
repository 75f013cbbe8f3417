"""When the triggers' SQL changes, their names carry a new version: installing the current
ones drops an earlier version's, which would otherwise go on marking months beside them."""

import pytest
from django.db import connection

from tandem.measures import summary
from tandem.records.models import Woman

pytestmark = pytest.mark.django_db

EARLIER = "measures_stale_v1_records_woman_update"


def _install_earlier_version() -> None:
    table = Woman._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION measures_stale_v1_records_woman() RETURNS trigger "
                "LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$"
            )
            cursor.execute(
                f"CREATE TRIGGER {EARLIER} AFTER UPDATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION measures_stale_v1_records_woman()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER {EARLIER} AFTER UPDATE ON {table} FOR EACH ROW BEGIN SELECT 1; END"
            )


def _installed(name_like: str) -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", [name_like])
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [name_like],
            )
        return {name for (name,) in cursor.fetchall()}


def _functions(name_like: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT proname FROM pg_proc WHERE proname LIKE %s", [name_like])
        return {name for (name,) in cursor.fetchall()}


def test_installing_the_current_triggers_drops_an_earlier_versions():
    _install_earlier_version()
    summary.remove_triggers()

    assert summary.install_triggers() is True

    assert EARLIER not in _installed("measures_stale_%")
    assert _installed(f"{summary.TRIGGER_PREFIX}%") == set(summary.trigger_names())
    if connection.vendor == "postgresql":
        assert _functions("measures_stale_v1_%") == set()
        assert _functions(f"{summary.TRIGGER_PREFIX}%")
