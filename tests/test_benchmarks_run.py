"""Every benchmark in bench/ runs to its comparison at a tiny size, on a fresh SQLite file.

The benchmarks are run by hand, not by the suite, and `bench/measures.py` once stopped
working unnoticed when the labour record gained columns. This proves each still runs; the
figures at this size mean nothing, so none is checked.
"""

import os
import subprocess
import sys
from pathlib import Path

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


# The scripts run on a SQLite file of their own whatever database the suite uses, so the
# PostgreSQL run of the suite would only repeat them.
@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the benchmarks' smoke runs use SQLite files; the SQLite run of the suite runs them",
)
@pytest.mark.parametrize("script", BENCHMARKS)
def test_benchmark_runs_to_its_comparison(script, tmp_path):
    arguments, last_comparison = BENCHMARKS[script]
    # Never the suite's database, nor coverage of the script's own process.
    environment = {
        name: value
        for name, value in os.environ.items()
        if name != "DATABASE_URL" and not name.startswith("COV_CORE")
    }

    finished = subprocess.run(  # noqa: S603 (this interpreter, this repository's script)
        [
            sys.executable,
            str(ROOT / "bench" / script),
            *arguments,
            "--database",
            str(tmp_path / "bench.sqlite3"),
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
