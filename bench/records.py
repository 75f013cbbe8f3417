"""Benchmark the pages a midwife uses most, against a plain count(*) in the same run.

    python bench/records.py [--pregnancies 100000] [--seed 1] [--repeat 25] [--database PATH]

Generates the synthetic LMNS into its own SQLite file (reused when it already holds the
requested data), then, in-process through Django's test client, times the caseload (the
midwife's home page), a search and a woman's record, and counts their SQL queries. Times
are printed as medians and as ratios to one `SELECT count(*)` of the pregnancy table, so
the figures compare across machines; query counts must not grow with the data.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pregnancies", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--database", default=str(ROOT / "bench" / "results" / "bench.sqlite3"))
    return parser.parse_args()


def median_seconds(action, repeat: int) -> float:
    action()  # warm caches and connections
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def count_queries(connection, action) -> int:
    """SQL statements one request runs (the debug query log is reset per request)."""
    statements = []

    def counting(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        action()
    return len(statements)


def main() -> None:
    args = parse_args()
    database = Path(args.database)
    database.parent.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings")

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tandem.core.models import User
    from tandem.core.roles import Role
    from tandem.records.models import Pregnancy

    call_command("migrate", verbosity=0)
    if Pregnancy.objects.count() < args.pregnancies:
        started = time.perf_counter()
        call_command("generate_demo", pregnancies=args.pregnancies, seed=args.seed, verbosity=0)
        print(
            f"generated {args.pregnancies:,} pregnancies in {time.perf_counter() - started:.1f} s"
        )
    total = Pregnancy.objects.count()

    def count_pregnancies() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM records_pregnancy")
            cursor.fetchone()

    baseline = median_seconds(count_pregnancies, args.repeat)

    midwife = User.objects.filter(role=Role.MIDWIFE, practitioner__isnull=False).first()
    client = Client()
    client.force_login(midwife)
    woman = (
        Pregnancy.objects.filter(named_midwife=midwife.practitioner)
        .select_related("woman")
        .first()
        .woman
    )
    pages = {
        "caseload (home)": reverse("web:home"),
        "search by name": reverse("web:search") + f"?q={woman.family_name}",
        "woman's record": reverse("web:woman", args=[woman.pk]),
    }

    print(f"\n{total:,} pregnancies; median of {args.repeat} runs each\n")
    print(f"{'measure':<22}{'median ms':>11}{'x count(*)':>12}{'queries':>9}")
    print(f"{'SELECT count(*)':<22}{baseline * 1000:>11.2f}{1:>12.1f}{1:>9}")
    for name, url in pages.items():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{name}: {url} answered {response.status_code}")
        queries = count_queries(connection, lambda url=url: client.get(url))
        seconds = median_seconds(lambda url=url: client.get(url), args.repeat)
        print(f"{name:<22}{seconds * 1000:>11.2f}{seconds / baseline:>12.1f}{queries:>9}")


if __name__ == "__main__":
    main()
