"""What the benchmarks share: a database of the synthetic LMNS, medians and query counts."""

import os
import statistics
import time
from pathlib import Path


def prepare_database(*, database: str, pregnancies: int, seed: int) -> None:
    """Point Django at DATABASE_URL when set (PostgreSQL), else at the SQLite file
    `database`; migrate; and generate the demo LMNS unless it already holds enough."""
    migrated_database(database)

    from django.core.management import call_command

    from tandem.records.models import Pregnancy

    if Pregnancy.objects.count() < pregnancies:
        started = time.perf_counter()
        call_command("generate_demo", pregnancies=pregnancies, seed=seed, verbosity=0)
        print(f"generated {pregnancies:,} pregnancies in {time.perf_counter() - started:.1f} s")


def migrated_database(database: str) -> None:
    """Point Django at DATABASE_URL when set (PostgreSQL), else at the SQLite file
    `database`, and migrate it."""
    if not os.environ.get("DATABASE_URL"):
        path = Path(database)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings")

    import django

    django.setup()

    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def median_seconds(action, repeat: int) -> float:
    action()  # warm caches and connections
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def count_queries(connection, action) -> int:
    """SQL statements one action runs (Django's debug query log is reset per request)."""
    statements = []

    def counting(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        action()
    return len(statements)
