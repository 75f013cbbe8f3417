"""Every benchmark in bench/ runs to its comparison at a tiny size, on a fresh SQLite file,
and those with PostgreSQL code of their own on a fresh PostgreSQL database too.

The benchmarks are run by hand, not by the suite, and `bench/measures.py` once stopped
working unnoticed when the labour record gained columns. This proves each still runs; the
figures at this size mean nothing, so none is checked.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent

# script -> (arguments for a run of seconds, words of its last comparison)
BENCHMARKS = {
    "records.py": (["--pregnancies", "100", "--repeat", "1"], "woman's record"),
    "pathway.py": (
        ["--pregnancies", "600", "--referrals", "5", "--practitioners", "1000", "--repeat", "1"],
        "propose slots, 5 referrals",
    ),
    "careplans.py": (["--versions", "2", "--repeat", "1"], "PDF, Urdu, large print"),
    "import.py": (["--rows", "100"], "import / bulk load = "),
    "measures.py": (["--births", "300", "--repeat", "1"], "compute() is "),
}


# The benchmarks with code of their own for PostgreSQL (COPY, the stored rows' bulk load)
# also run there, each in a database made for it and dropped after: script -> what only
# PostgreSQL prints.
POSTGRESQL_BENCHMARKS = {
    "import.py": "no import storing these rows can pass",
    "measures.py": "postgresql: 300 births",
}
SUITE_DATABASE = os.environ.get("DATABASE_URL", "")
ON_POSTGRESQL = SUITE_DATABASE.startswith("postgres")


@pytest.fixture
def bench_database(tmp_path):
    """Where a benchmark writes: a SQLite file, or a fresh PostgreSQL database on the
    suite's server (never the suite's own: the import benchmark empties its tables)."""
    if not ON_POSTGRESQL:
        yield ["--database", str(tmp_path / "bench.sqlite3")], None
        return
    server = SUITE_DATABASE.rsplit("/", 1)[0]
    name = f"bench_smoke_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield [], f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.mark.parametrize(
    "script", [name for name in BENCHMARKS if not ON_POSTGRESQL or name in POSTGRESQL_BENCHMARKS]
)
def test_benchmark_runs_to_its_comparison(script, tmp_path, bench_database):
    arguments, last_comparison = BENCHMARKS[script]
    database_arguments, database_url = bench_database
    # Coverage of the script's own process is not wanted.
    environment = {
        name: value
        for name, value in os.environ.items()
        if name != "DATABASE_URL" and not name.startswith("COV_CORE")
    }
    if database_url:
        environment["DATABASE_URL"] = database_url

    finished = subprocess.run(  # noqa: S603 (this interpreter, this repository's script)
        [
            sys.executable,
            str(ROOT / "bench" / script),
            *arguments,
            *database_arguments,
        ],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr[-3000:]
    assert last_comparison in finished.stdout
    if ON_POSTGRESQL:
        assert POSTGRESQL_BENCHMARKS[script] in finished.stdout
