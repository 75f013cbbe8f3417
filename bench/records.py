"""Benchmark the pages a midwife uses most, against a plain count(*) in the same run.

    python bench/records.py [--pregnancies 100000] [--seed 1] [--repeat 25] [--database PATH]

Generates the synthetic LMNS into its own SQLite file (reused when it already holds the
requested data), then, in-process through Django's test client, times the caseload (the
midwife's home page), a search and a woman's record, and counts their SQL queries. Times
are printed as medians and as ratios to one `SELECT count(*)` of the pregnancy table, so
the figures compare across machines; query counts must not grow with the data.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.support import count_queries, median_seconds, prepare_database  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pregnancies", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--database", default=str(ROOT / "bench" / "results" / "bench.sqlite3"))
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    prepare_database(database=args.database, pregnancies=args.pregnancies, seed=args.seed)

    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tandem.core.models import User
    from tandem.core.roles import Role
    from tandem.records.models import Pregnancy

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
