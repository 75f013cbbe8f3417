"""Benchmark the measures engine: every measure, every month, every single breakdown,
against one full scan of the births table in the same run.

    python bench/measures.py [--births 1000000] [--seed 1] [--repeat 5] [--database PATH]

Writes `--births` synthetic babies born over 24 months (2024-01 to 2025-12) straight into
the tables in bulk (executemany on SQLite, COPY on PostgreSQL), with every code of every
field present and the labour's derived fields (births count, birth date, Robson group) set
by the same derivation every write path uses. The data goes into its own SQLite file, or
into DATABASE_URL when it is set (PostgreSQL); a database that already holds the same
number of births is reused. Then it times, as medians of --repeat runs:

- one full scan of the births table (a count with a predicate no index serves);
- `compute()` for every measure, every month and each of the 7 breakdowns plus "all"
  (8 calls), as a dashboard or an export reads them, from the maintained summary;
and once each:
- rebuilding the summary from nothing, which is every measure, month and breakdown
  counted by the plain queries on the records (what `compute_from_records` runs);
- the recount the next read of every measure makes after one write;
- one measure's page after another write, which recounts only its own population;
- every measure's data-quality gates for every provider and month (what
  `export_measures --publish` judges), counted on the records.

Times are printed with their ratio to the full scan. Target: `compute()` at most 3 times
the full scan on PostgreSQL.
"""

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.support import median_seconds, migrated_database  # noqa: E402

FIRST_MONTH, LAST_MONTH, MONTHS = (2024, 1), (2025, 12), 24
PROVIDERS, AREAS_PER_PROVIDER = 5, 6
TWIN_SHARE = 0.015


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--births", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database", default=str(ROOT / "bench" / "results" / "measures.sqlite3"))
    return parser.parse_args()


# --- Synthetic births ---------------------------------------------------------------------


def bulk_writer(model, fields):
    """The demo generator's writer; on PostgreSQL its batches go through COPY."""
    from django.db import connection

    from tandem.demo.writer import TableWriter

    class CopyWriter(TableWriter):
        def flush(self) -> None:
            if connection.vendor != "postgresql" or not self.rows:
                return super().flush()
            # "INSERT INTO t (columns) VALUES (...)" -> "COPY t (columns) FROM STDIN"
            target = self.sql.removeprefix("INSERT INTO ").split(" VALUES ")[0]
            with (
                connection.cursor() as cursor,
                cursor.cursor.copy(f"COPY {target} FROM STDIN") as copy,
            ):
                for row in self.rows:
                    copy.write_row(row)
            self.written += len(self.rows)
            self.rows = []

    return CopyWriter(model, fields)


def weighted(rng: random.Random, options: dict):
    """A sampler over `options` (value -> weight) that is cheap to call a million times."""
    values, weights = list(options), list(options.values())
    table = rng.choices(values, weights, k=4096)
    return lambda: table[rng.getrandbits(12)]


@cache
def robson_group(
    previous: tuple, onset_method: str, onset_known: bool, caesarean_known: bool, babies: tuple
) -> str:
    """The Robson group by the derivation every write path calls (cached: few input sets)."""
    from tandem.outcomes.derivation import derive_labour_fields
    from tandem.outcomes.models import Baby, LabourDelivery
    from tandem.records.models import Pregnancy

    when = datetime(2024, 1, 1, tzinfo=UTC)
    labour = LabourDelivery(
        onset_method=onset_method,
        labour_onset_at=when if onset_known else None,
        caesarean_at=when if caesarean_known else None,
    )
    pregnancy = Pregnancy(
        previous_live_births=previous[0],
        previous_stillbirths=previous[1],
        previous_caesareans=previous[2],
    )
    born = [
        Baby(birth_order=order, born_at=when, gestation_days=gestation, presentation=lie)
        for order, (gestation, lie) in enumerate(babies, start=1)
    ]
    derive_labour_fields(labour, pregnancy, born)
    return labour.robson_group


def generate(births: int, seed: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from tandem.demo.tables import (
        BABY_COLUMNS,
        LABOUR_COLUMNS,
        PREGNANCY_COLUMNS,
        WOMAN_COLUMNS,
    )
    from tandem.demo.writer import DbValues, reset_sequences
    from tandem.outcomes.models import (
        Baby,
        DeliveryMethod,
        FeedingAt6To8Weeks,
        FetusPresentation,
        FirstFeed,
        GenitalTractTrauma,
        LabourAnaesthesia,
        LabourDelivery,
        LabourOnsetMethod,
        PlaceOfBirth,
        PregnancyOutcome,
    )
    from tandem.records.codes import EthnicCategory, SmokingStatus
    from tandem.records.models import Area, Organisation, OrganisationKind, Pregnancy, Woman

    rng = random.Random(seed)
    zone = timezone.get_default_timezone()
    values = DbValues()
    with transaction.atomic():
        areas = []
        for number in range(1, PROVIDERS + 1):
            provider = Organisation.objects.create(
                ods_code=f"BENCH{number}",
                name=f"Bench provider {number}",
                kind=OrganisationKind.MATERNITY_PROVIDER,
            )
            areas += [
                (provider.pk, Area.objects.create(organisation=provider, name=f"Area {a}").pk)
                for a in range(1, AREAS_PER_PROVIDER + 1)
            ]
        women = bulk_writer(Woman, WOMAN_COLUMNS)
        pregnancies = bulk_writer(
            Pregnancy, ("woman", "provider", "area", "named_midwife", "team", *PREGNANCY_COLUMNS)
        )
        labours = bulk_writer(LabourDelivery, ("pregnancy", *LABOUR_COLUMNS))
        babies = bulk_writer(Baby, ("labour_delivery", *BABY_COLUMNS))

        ethnic = weighted(rng, {**dict.fromkeys(EthnicCategory.values, 4), "A": 60, "": 3})
        decile = weighted(rng, {**dict.fromkeys(range(1, 11), 10), None: 2})
        previous = weighted(
            rng,
            {(0, 0, 0): 40, (1, 0, 0): 25, (1, 0, 1): 8, (2, 0, 2): 3, (2, 1, 0): 6,
             (0, 1, 0): 2, (3, 0, 1): 6, (None, None, None): 3, (1, None, None): 2,
             (0, 0, None): 2, (4, 0, 3): 1},
        )  # fmt: skip
        smoking = weighted(rng, {**dict.fromkeys(SmokingStatus.values, 10), "": 3})
        onset = weighted(rng, {**dict.fromkeys(LabourOnsetMethod.values, 10), "1": 45, "": 2})
        method = weighted(rng, {**dict.fromkeys(DeliveryMethod.values, 3), "0": 55, "8": 12,
                                "7": 10, "2": 6, "4": 6, "": 2})  # fmt: skip
        lie = weighted(rng, {"01": 940, "02": 40, "03": 10, "04": 1, "XX": 1, "": 8})
        outcome = weighted(rng, {"01": 995, "02": 2, "03": 2, "04": 1})
        trauma = weighted(rng, {**dict.fromkeys(GenitalTractTrauma.values, 5), "": 60})
        anaesthesia = weighted(rng, {**dict.fromkeys(LabourAnaesthesia.values, 8), "none": 50,
                                     "": 10})  # fmt: skip
        place = weighted(rng, {**dict.fromkeys(PlaceOfBirth.values, 1), "01": 80, "": 1})
        first_feed = weighted(rng, {**dict.fromkeys(FirstFeed.values, 30), "": 5})
        yes_no = weighted(rng, {True: 8, False: 88, None: 4})
        feeding = weighted(rng, {**dict.fromkeys(FeedingAt6To8Weeks.values, 30), "": 10})
        apgar = weighted(rng, {**dict.fromkeys(range(7), 1), 8: 10, 9: 70, 10: 10,
                               None: 2})  # fmt: skip
        assert set(PregnancyOutcome.values) <= {"01", "02", "03", "04"}
        assert set(FetusPresentation.values) <= {"01", "02", "03", "04", "XX"}

        first_day = date(*FIRST_MONTH, 1)
        days = (date(FIRST_MONTH[0] + MONTHS // 12, FIRST_MONTH[1], 1) - first_day).days
        created = values.datetime(timezone.now())
        day = values.date
        written = 0
        while written < births:
            born_on = first_day + timedelta(days=rng.randrange(days))
            gestation = rng.choice((None, 150, 320)) if rng.random() < 0.01 else (
                int(rng.gauss(276, 12)) if rng.random() < 0.92 else rng.randrange(154, 259)
            )  # fmt: skip
            edd = born_on + timedelta(days=280 - (gestation or 280))
            booked = edd - timedelta(days=280 - rng.randrange(50, 140))
            woman = women.add(
                f"{9_000_000_000 + written:010d}", "", "", day(booked - timedelta(
                    days=rng.randrange(16 * 365, 48 * 365))),
                "ZZ99 9ZZ", "", decile(), ethnic(), "en", False, "", created,
            )  # fmt: skip
            provider_id, area_id = areas[rng.randrange(len(areas))]
            prior = previous()
            pregnancy = pregnancies.add(
                woman, provider_id, area_id, None, None, None, day(edd), day(edd), "scan",
                day(booked if rng.random() < 0.98 else None), *prior, smoking(),
                "delivered", day(born_on), created,
            )  # fmt: skip
            count = 2 if rng.random() < TWIN_SHARE and written + 1 < births else 1
            first_born = datetime.combine(born_on, clock(rng.randrange(24), rng.randrange(60)),
                                          tzinfo=zone)  # fmt: skip
            onset_method, delivery = onset(), method()
            caesarean = delivery in ("7", "8")
            onset_at = None if onset_method in ("2", "") else first_born - timedelta(hours=6)
            caesarean_at = first_born - timedelta(minutes=8) if caesarean else None
            lies = tuple(lie() for _ in range(count))
            labour = labours.add(
                pregnancy, onset_method, values.datetime(onset_at),
                values.datetime(caesarean_at), trauma(),
                rng.choice((None, rng.randrange(100, 3000))) if rng.random() < 0.1
                else int(rng.lognormvariate(5.9, 0.5)),
                yes_no(), anaesthesia(), yes_no(), smoking(), count,
                day(timezone.localdate(first_born)),
                robson_group(prior, onset_method, onset_at is not None,
                             caesarean_at is not None, tuple((gestation, x) for x in lies)),
            )  # fmt: skip
            for order in range(1, count + 1):
                born_at = first_born + timedelta(minutes=12 * (order - 1))
                babies.add(
                    labour, order, values.datetime(born_at), outcome(), delivery,
                    lies[order - 1], gestation, place(), apgar(),
                    int(rng.gauss(3400, 500)) if gestation else None, first_feed(), yes_no(),
                    yes_no(), feeding(),
                )  # fmt: skip
            written += count
        for writer in (women, pregnancies, labours, babies):
            writer.flush()
        reset_sequences([Woman, Pregnancy, LabourDelivery, Baby])
    # Fresh planner statistics (and, on PostgreSQL, the visibility map), as autovacuum would.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


# --- Measurement --------------------------------------------------------------------------


def main() -> None:
    args = parse_args()
    migrated_database(args.database)

    from django.db import connection
    from django.db.models import F

    from tandem.measures import quality, summary
    from tandem.measures.definitions import all_measures, measure
    from tandem.measures.models import StaleMonth, SummaryState
    from tandem.measures.services import Month, compute
    from tandem.outcomes.models import Baby

    present = Baby.objects.count()
    if present == 0:
        started = time.perf_counter()
        # Into an empty database without the summary's triggers; putting them back forgets
        # the summary, which is rebuilt below (and timed) as after any migration.
        summary.remove_triggers()
        generate(args.births, args.seed)
        summary.install_triggers()
        print(f"generated {args.births:,} births in {time.perf_counter() - started:.1f} s")
    elif present != args.births:
        raise SystemExit(
            f"The database holds {present:,} births, not {args.births:,}: use another "
            "--database (or DATABASE_URL) or the same --births"
        )

    def full_scan() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM outcomes_baby WHERE gestation_days > 0")
            cursor.fetchone()

    first, last = Month(*FIRST_MONTH), Month(*LAST_MONTH)

    def every_breakdown() -> int:
        return sum(len(compute(first=first, last=last, by=by)) for by in summary.breakdowns())

    scan = median_seconds(full_scan, args.repeat)
    # Forget the summary, as a migration or a changed definition does: the next read
    # recounts every measure on the records, the plain engine's whole work.
    SummaryState.objects.all().delete()
    started = time.perf_counter()
    summary.refresh()
    rebuild = time.perf_counter() - started
    rates = every_breakdown()
    computing = median_seconds(every_breakdown, args.repeat)
    # One write (a baby saved unchanged) makes its months stale; the next read recounts them.
    baby = Baby.objects.order_by("pk").first()
    Baby.objects.filter(pk=baby.pk).update(apgar_5=F("apgar_5"))
    stale = StaleMonth.objects.values("month").distinct().count()
    started = time.perf_counter()
    summary.refresh()
    recount = time.perf_counter() - started
    # Another write, then one measure's page: only that measure's population recounts.
    Baby.objects.filter(pk=baby.pk).update(apgar_5=F("apgar_5"))
    started = time.perf_counter()
    compute([measure("pph_1500")], first=first, last=last)
    page_recount = time.perf_counter() - started
    started = time.perf_counter()
    quality.monthly_gates(all_measures().values(), first=first, last=last)
    gates = time.perf_counter() - started

    measures = len(all_measures())
    print(
        f"\n{connection.vendor}: {present or args.births:,} births over {MONTHS} months; "
        f"{measures} measures x {MONTHS} months x {len(summary.breakdowns())} breakdowns "
        f"= {rates:,} rates; median of {args.repeat} runs\n"
    )
    print(f"{'':<58}{'seconds':>9}{'x scan':>9}")
    rows = [
        ("full scan of the births table (count, no index)", scan),
        ("every measure, month and breakdown: compute()", computing),
        ("rebuilding the summary (all on the records), once", rebuild),
        (f"recounting after one write ({stale} stale months), once", recount),
        ("one measure's page after one write, once", page_recount),
        ("every measure's gates, every provider and month, once", gates),
    ]
    for label, seconds in rows:
        print(f"{label:<58}{seconds:>9.3f}{seconds / scan:>9.1f}")
    verdict = "meets" if computing <= 3 * scan else "misses"
    print(f"\ncompute() is {computing / scan:.1f} x the full scan: {verdict} the target of 3")


if __name__ == "__main__":
    main()
