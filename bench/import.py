"""Benchmark `import_deliveries` against the database's own bulk load of the same file.

    python bench/import.py [--rows 1000000] [--seed 1] [--database PATH]

Generates a valid synthetic MSDS extract (seeded; reused when it already exists), then times
`manage.py import_deliveries` of it into an empty database, and the database's bulk load of
the same file into a bare table of text columns: COPY ... FROM STDIN WITH CSV HEADER on
PostgreSQL, one executemany in one transaction on SQLite. Prints both as rows per second and
their ratio (target on PostgreSQL: at least 1/3). On PostgreSQL it also times the bulk load of
exactly the rows the import stored into empty copies of Tandem's tables: the least time any
import that stores these records could take, so the best ratio one could reach. On
PostgreSQL, DATABASE_URL must name a
database used only for this benchmark: its women, pregnancies, labours and babies are
emptied before the import. On SQLite the database file is made afresh.
"""

import argparse
import csv
import io
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.support import median_seconds, prepare_database  # noqa: E402

PROVIDERS = ("RWJ", "R0A", "RM3")
ETHNIC_CATEGORIES = (*"AAAAAAABCDEFGHJKLMNPRS", "Z", "99", "")
TWIN_SHARE = 0.015
SECOND_PREGNANCY_SHARE = 0.1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database", default=str(ROOT / "bench" / "results" / "bench-import.sqlite3")
    )
    return parser.parse_args()


def nhs_numbers(count: int):
    """Valid NHS numbers from the 999 test range, never a real person's."""
    from tandem.core.nhs_number import check_digit

    serial = 0
    while count:
        serial += 1
        first_nine = f"999{serial:06d}"
        check = check_digit(first_nine)
        if check is not None:
            count -= 1
            yield f"{first_nine}{check}"


def generate_extract(path: Path, rows: int, seed: int, postcodes: list[str]) -> None:
    """One row per baby: mostly singletons, some twins (their rows far apart), some women
    with a second pregnancy; every value valid."""
    from tandem.outcomes.msds_import import COLUMNS

    rng = random.Random(seed)
    today = date.today()
    first_birth_day = today - timedelta(days=730)
    numbers = nhs_numbers(rows)
    mothers: list[tuple[str, str, str, str]] = []
    held_back: list[list[str]] = []  # second twins, written later in the file
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        written = 0
        pregnancy = 0
        while written < rows:
            pregnancy += 1
            if mothers and rng.random() < SECOND_PREGNANCY_SHARE:
                mother = mothers[rng.randrange(len(mothers))]
            else:
                born = first_birth_day - timedelta(days=rng.randint(18 * 365, 42 * 365))
                mother = (
                    next(numbers),
                    born.isoformat(),
                    rng.choice(ETHNIC_CATEGORIES),
                    rng.choice(postcodes),
                )
                mothers.append(mother)
            gestation = min(294, max(170, round(rng.gauss(276, 12))))
            birth_day = first_birth_day + timedelta(days=rng.randrange(720))
            edd = birth_day + timedelta(days=280 - gestation)
            booking = edd - timedelta(days=280 - rng.randint(56, 120))
            live = rng.choice((0, 0, 0, 1, 1, 2, 3))
            caesareans = rng.choice((0, 0, 0, 1)) if live else 0
            onset = rng.choice("1111334452")
            caesarean = onset == "2" or rng.random() < 0.15
            hour = rng.randrange(24)
            born_at = f"{birth_day.isoformat()}T{hour:02d}:{rng.randrange(60):02d}"
            onset_at = "" if onset == "2" else f"{birth_day.isoformat()}T00:00"
            shared = [
                f"PREG{pregnancy:08d}",
                mother[0],
                mother[1],
                mother[2],
                mother[3],
                rng.choice(PROVIDERS),
                booking.isoformat(),
                edd.isoformat(),
                str(live),
                "0",
                str(caesareans),
                rng.choice(("Smoker", "Non-smoker", "Non-smoker", "Ex-smoker", "")),
                rng.choice(("Smoker", "Non-smoker", "Non-smoker", "")),
                f"LAB{pregnancy:08d}",
                onset,
                onset_at,
                born_at if caesarean else "",
                rng.choice(("", "", "57759005", "6234006", "10217006")),
                str(rng.randint(100, 2500)),
            ]
            babies = 2 if rng.random() < TWIN_SHARE and written + 1 < rows else 1
            for _ in range(babies):
                baby = [
                    born_at,
                    "01" if rng.random() < 0.996 else "02",
                    rng.choice("7" if onset == "2" else ("8", "0", "0", "0", "4", "2")),
                    rng.choice(("01", "01", "01", "02", "")),
                    str(gestation),
                    rng.choice(("01", "01", "02", "03", "04")),
                    str(rng.choice((9, 9, 10, 8, 7, 5))),
                    str(rng.randint(1500, 4800)) if rng.random() < 0.98 else "9999",
                    rng.choice(("01", "01", "02", "03", "")),
                    rng.choice("NNNNNNY"),
                    rng.choice("NNNNNNNNNY"),
                    rng.choice(("Breast", "Mixed", "Formula", "")),
                ]
                if babies == 2 and held_back is not None and _ == 1:
                    held_back.append(shared + baby)
                else:
                    writer.writerow(shared + baby)
                written += 1
            if len(held_back) >= 200:
                writer.writerows(held_back)
                held_back = []
        writer.writerows(held_back)


def empty_import_tables() -> None:
    from django.db import connection

    from tandem.core.audit import audit_purge_permitted
    from tandem.outcomes.models import Baby, LabourDelivery
    from tandem.records.models import Pregnancy, Woman

    if connection.vendor != "postgresql":
        return  # a fresh SQLite file
    tables = []
    for model in (Baby, LabourDelivery, Pregnancy, Woman):
        tables += [model._meta.db_table, model.history.model._meta.db_table]
    # The cascade reaches the append-only care plan versions: a benchmark database only.
    with audit_purge_permitted(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")


def ensure_providers() -> None:
    from tandem.records.models import Organisation, OrganisationKind

    for code in PROVIDERS:
        Organisation.objects.get_or_create(
            ods_code=code,
            defaults={"name": f"Provider {code}", "kind": OrganisationKind.MATERNITY_PROVIDER},
        )


def bulk_load(path: Path) -> None:
    """The database's own fastest load of the file into a bare table of text columns."""
    from django.db import connection, transaction

    from tandem.outcomes.msds_import import COLUMNS

    columns = ", ".join(f"{name.lower()} TEXT" for name in COLUMNS)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_bulk_load")
        cursor.execute(f"CREATE TABLE bench_bulk_load ({columns})")
        with path.open(encoding="utf-8", newline="") as handle:
            if connection.vendor == "postgresql":
                with cursor.copy("COPY bench_bulk_load FROM STDIN WITH CSV HEADER") as copy:
                    while chunk := handle.read(1 << 20):
                        copy.write(chunk)
            else:
                reader = csv.reader(handle)
                next(reader)
                marks = ", ".join(["?"] * len(COLUMNS))
                connection.connection.executemany(
                    f"INSERT INTO bench_bulk_load VALUES ({marks})",  # noqa: S608
                    reader,
                )
        cursor.execute("DROP TABLE bench_bulk_load")


def stored_rows_load_seconds() -> float | None:
    """The database's bulk load of exactly the rows the import stored, into empty copies of
    the eight tables it writes (the four record tables and their histories) with the same
    columns, checks and indexes but no foreign keys or triggers: what any import that stores
    these records must spend at least, before it reads or checks a single row of the file.
    None on SQLite."""
    from django.db import connection, transaction

    from tandem.outcomes.models import Baby, LabourDelivery
    from tandem.records.models import Pregnancy, Woman

    if connection.vendor != "postgresql":
        return None
    quote = connection.ops.quote_name
    seconds = 0.0
    for model in (Woman, Pregnancy, LabourDelivery, Baby):
        for table in (quote(model._meta.db_table), quote(model.history.model._meta.db_table)):
            rows = io.BytesIO()
            with connection.cursor() as cursor:
                with cursor.copy(f"COPY {table} TO STDOUT") as copy:
                    for data in copy:
                        rows.write(data)
                cursor.execute("DROP TABLE IF EXISTS bench_stored_rows")
                cursor.execute(f"CREATE TABLE bench_stored_rows (LIKE {table} INCLUDING ALL)")
                started = time.perf_counter()
                with (
                    transaction.atomic(),
                    cursor.copy("COPY bench_stored_rows FROM STDIN") as copy,
                ):
                    copy.write(rows.getbuffer())
                seconds += time.perf_counter() - started
                cursor.execute("DROP TABLE bench_stored_rows")
    return seconds


def server_cpu_seconds() -> float | None:
    """CPU time so far of this connection's PostgreSQL backend, when the server runs on this
    machine (read from /proc): with other work on the machine, CPU time is steadier than
    elapsed time. None on SQLite or when it cannot be read."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def main() -> None:
    args = parse_args()
    if not os.environ.get("DATABASE_URL"):
        Path(args.database).unlink(missing_ok=True)
    prepare_database(database=args.database, pregnancies=0, seed=args.seed)

    from django.core.management import call_command
    from django.db import connection

    from tandem.records.models import Postcode

    extract = ROOT / "bench" / "results" / f"import-{args.rows}-seed{args.seed}.csv"
    if not extract.exists():
        extract.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        postcodes = sorted(Postcode.objects.values_list("postcode", flat=True))
        generate_extract(extract, args.rows, args.seed, postcodes)
        print(f"generated {args.rows:,} rows in {time.perf_counter() - started:.1f} s")

    ensure_providers()
    empty_import_tables()
    output = io.StringIO()
    server_started = server_cpu_seconds()
    started, cpu_started = time.perf_counter(), time.process_time()
    call_command("import_deliveries", str(extract), stdout=output)
    import_seconds = time.perf_counter() - started
    # Python's share; the rest is the database server's work, or waiting for a busy CPU
    import_cpu_seconds = time.process_time() - cpu_started
    server_ended = server_cpu_seconds()
    print(output.getvalue().strip())

    load_seconds = median_seconds(lambda: bulk_load(extract), repeat=3)
    stored_seconds = stored_rows_load_seconds()

    import_rate = args.rows / import_seconds
    load_rate = args.rows / load_seconds
    print(f"\n{args.rows:,} rows on {connection.vendor} ({datetime.now():%Y-%m-%d %H:%M})\n")
    print(f"{'':<24}{'seconds':>10}{'rows/s':>12}")
    print(f"{'import_deliveries':<24}{import_seconds:>10.1f}{import_rate:>12,.0f}")
    print(f"{'bulk load (median of 3)':<24}{load_seconds:>10.1f}{load_rate:>12,.0f}")
    if stored_seconds is not None:
        stored_rate = args.rows / stored_seconds
        print(f"{'bulk load of the rows':<24}{stored_seconds:>10.1f}{stored_rate:>12,.0f}")
        print("  the import stored, into empty copies of its 8 tables with their indexes")
    print(f"\nimport: {import_cpu_seconds:.1f} s of CPU time in this Python process", end="")
    if server_started is not None and server_ended is not None:
        print(f", {server_ended - server_started:.1f} s in the database server", end="")
    print()
    print(f"\nimport / bulk load = {import_rate / load_rate:.3f} (target >= 0.333 on PostgreSQL)")
    if stored_seconds is not None:
        print(
            f"no import storing these rows can pass {stored_rate / load_rate:.3f}: "
            "loading them, already checked and shaped, takes that"
        )


if __name__ == "__main__":
    main()
