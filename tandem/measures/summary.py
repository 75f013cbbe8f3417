"""The maintained monthly summary of the measures (decision 0010).

For each population it holds, the summary keeps, per measure, month and group of "all" and
of each single breakdown, the numerator and denominator that `counting.grouped_counts`
returns on the records. Reading it costs a few thousand rows, not a scan of the records.

It stays exact because:

- database triggers on every table the measures read (`watched_tables`) record, on every
  insert, update and delete by any write path (forms, the import, the demo's bulk writer,
  raw SQL), the months of every birth, booking, referral and contact of the women whose
  records changed, in `StaleMonth`;
- every read first recounts, with the same query as the plain engine, the stale months of
  the populations it reads; the other populations keep those months to recount
  (`PendingRecount`) when they are next read or at the nightly refresh;
- a population's summary is signed with the SQL and parameters of its queries: a changed
  criterion, measure, breakdown, configured target or day of counting changes the
  signature and the population is recounted in full;
- a population whose queries read a table without triggers is not summarised, and
  nothing is while the triggers are missing: the engine then counts on the records.
"""

import hashlib
import json
import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from django.apps import apps
from django.db import connection, connections, transaction
from django.db.models import Model

from tandem.assessments.models import VisitRecord
from tandem.core.concurrency import Turn, wait_for_turn
from tandem.measures.counting import ALL, grouped_counts, in_months
from tandem.measures.definitions import Measure, all_measures
from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.models import PendingRecount, StaleMonth, SummaryCell, SummaryState
from tandem.measures.populations import POPULATIONS, Population
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.pathway.models import Decision, Referral
from tandem.records.models import Area, CareContact, CarePlanRecord, Pregnancy, Team, Woman
from tandem.scheduling.models import Visit

logger = logging.getLogger(__name__)

FORMAT = "summary-cell v1"  # change when the way counts are stored changes
TRIGGER_PREFIX = "measures_stale_v2_"  # a new version when the triggers' SQL changes
_ANY_VERSION = "measures_stale_v%"


# --- Triggers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Watched:
    """A table the measures read. `women` finds the women whose records a changed row
    (written ROW) belongs to: an expression over the tables in `joined` (none: the row
    itself) where `link` holds. `event_dates` are the row's own columns that put a
    population's rows in a month (timestamps marked with the day either side, so the
    local date's month is covered whatever the time zone)."""

    model: type[Model]
    women: str
    joined: str = ""
    link: str = ""
    event_dates: tuple[str, ...] = ()
    event_timestamps: tuple[str, ...] = ()

    @property
    def table(self) -> str:
        return self.model._meta.db_table


def watched_tables() -> tuple[Watched, ...]:
    """Every table a summarised measure may read. A write to any of them makes stale the
    months of every birth, booking, referral and contact of the women it belongs to, so a
    criterion may look at anything in a woman's records (her other pregnancies too)."""
    pregnancy, labour = Pregnancy._meta.db_table, LabourDelivery._meta.db_table
    referral, visit = Referral._meta.db_table, Visit._meta.db_table
    of_pregnancy = {"women": "p.woman_id", "joined": f"{pregnancy} p"}
    return (
        Watched(Woman, "ROW.id"),
        Watched(Pregnancy, "ROW.woman_id", event_dates=("booking_date",)),
        Watched(LabourDelivery, **of_pregnancy, link="p.id = ROW.pregnancy_id",
                event_dates=("birth_date",)),
        Watched(Baby, "p.woman_id", f"{labour} l JOIN {pregnancy} p ON p.id = l.pregnancy_id",
                "l.id = ROW.labour_delivery_id"),
        Watched(Referral, **of_pregnancy, link="p.id = ROW.pregnancy_id",
                event_timestamps=("referred_at",)),
        Watched(Decision, "p.woman_id", f"{referral} x JOIN {pregnancy} p ON p.id = x.pregnancy_id",
                "x.id = ROW.referral_id"),
        Watched(Visit, **of_pregnancy, link="p.id = ROW.pregnancy_id"),
        Watched(VisitRecord, "p.woman_id", f"{visit} v JOIN {pregnancy} p ON p.id = v.pregnancy_id",
                "v.id = ROW.visit_id"),
        Watched(CarePlanRecord, **of_pregnancy, link="p.id = ROW.pregnancy_id"),
        Watched(CareContact, **of_pregnancy, link="p.id = ROW.pregnancy_id",
                event_timestamps=("starts_at",)),
        Watched(Area, **of_pregnancy, link="p.area_id = ROW.id"),
        Watched(Team, **of_pregnancy, link="p.team_id = ROW.id"),
    )  # fmt: skip


def _event_days(vendor: str, women: str) -> list[str]:
    """SELECTs of the event dates (column d) of every pregnancy of the women `women`."""
    pregnancy = Pregnancy._meta.db_table
    sources = [
        (f"{pregnancy} p", "p.booking_date", False),
        (f"{LabourDelivery._meta.db_table} e JOIN {pregnancy} p ON p.id = e.pregnancy_id",
         "e.birth_date", False),
        (f"{Referral._meta.db_table} e JOIN {pregnancy} p ON p.id = e.pregnancy_id",
         "e.referred_at", True),
        (f"{CareContact._meta.db_table} e JOIN {pregnancy} p ON p.id = e.pregnancy_id",
         "e.starts_at", True),
    ]  # fmt: skip
    # Trigger SQL is built from model metadata and constants only, never from input.
    return [
        f"SELECT {day} AS d FROM {tables} WHERE p.woman_id IN ({women})"  # noqa: S608
        for tables, column, timestamp in sources
        for day in _days_of(vendor, column, timestamp)
    ]


def _days_of(vendor: str, column: str, timestamp: bool) -> list[str]:
    if not timestamp:
        return [column]
    if vendor == "postgresql":
        return [column, f"{column} - interval '1 day'", f"{column} + interval '1 day'"]
    return [column, f"datetime({column}, '-1 day')", f"datetime({column}, '+1 day')"]


def _mark_stale(vendor: str, watched: Watched, rows: str) -> str:
    """The statement that records the stale months of the changed rows `rows` (NEW or OLD
    in a SQLite row trigger, a transition table in a PostgreSQL statement trigger)."""
    if vendor == "postgresql":
        return _mark_stale_postgresql(watched, rows)
    join = f" FROM {watched.joined} WHERE {watched.link}" if watched.joined else ""
    women = f"SELECT {watched.women}{join}".replace("ROW.", f"{rows}.")
    own = [
        f"SELECT {day} AS d".replace("ROW.", f"{rows}.")
        for column in watched.event_dates + watched.event_timestamps
        for day in _days_of(vendor, f"ROW.{column}", column in watched.event_timestamps)
    ]
    days = " UNION ".join(own + _event_days(vendor, women))
    return (
        f"INSERT OR IGNORE INTO {StaleMonth._meta.db_table} (month, writer) "  # noqa: S608
        f"SELECT DISTINCT date(d, 'start of month'), 0 FROM ({days}) AS changed "
        "WHERE d IS NOT NULL;"
    )


def _mark_stale_postgresql(watched: Watched, rows: str) -> str:
    """The women of the changed rows are found once, each by index from her row (a LATERAL
    subquery behind OFFSET 0, which the planner keeps as a per-row look-up): joined to a
    whole transition table, the planner would hash the parent tables, one scan of them per
    statement, so a bulk load of N rows in batches would cost N squared. The SQL is built
    from model metadata and constants only, never from input."""
    if watched.joined:
        found = (
            f"SELECT DISTINCT x.woman_id FROM {rows} r CROSS JOIN LATERAL "  # noqa: S608
            f"(SELECT {watched.women} AS woman_id FROM {watched.joined} "
            f"WHERE {watched.link} OFFSET 0) AS x"
        )
    else:
        found = f"SELECT DISTINCT {watched.women} AS woman_id FROM {rows} r"  # noqa: S608
    own = [
        f"SELECT {day} AS d FROM {rows} r"  # noqa: S608
        for column in watched.event_dates + watched.event_timestamps
        for day in _days_of("postgresql", f"r.{column}", column in watched.event_timestamps)
    ]
    days = " UNION ".join(own + _event_days("postgresql", "SELECT woman_id FROM changed_women"))
    return (
        f"WITH changed_women AS MATERIALIZED ({found.replace('ROW.', 'r.')}) "  # noqa: S608
        f"INSERT INTO {StaleMonth._meta.db_table} (month, writer) "
        f"SELECT DISTINCT date_trunc('month', d)::date, txid_current() FROM ({days}) AS changed "
        "WHERE d IS NOT NULL ON CONFLICT DO NOTHING;"
    )


_OPERATIONS = ("insert", "update", "delete")
_ROWS = {"insert": ("new",), "update": ("old", "new"), "delete": ("old",)}


def trigger_names() -> list[str]:
    return [
        f"{TRIGGER_PREFIX}{watched.table}_{operation}"
        for watched in watched_tables()
        for operation in _OPERATIONS
    ]


def _sqlite_trigger(watched: Watched, operation: str) -> str:
    marks = " ".join(_mark_stale("sqlite", watched, rows.upper()) for rows in _ROWS[operation])
    return (
        f"CREATE TRIGGER {TRIGGER_PREFIX}{watched.table}_{operation} AFTER {operation.upper()} "
        f"ON {watched.table} FOR EACH ROW BEGIN {marks} END"
    )


def _postgresql_function(watched: Watched) -> str:
    old, new = (_mark_stale("postgresql", watched, rows) for rows in ("old_rows", "new_rows"))
    # Statement-level with transition tables: a bulk write costs one insert, not one a row.
    return (
        f"CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}{watched.table}() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {old} END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {new} END IF; "
        f"RETURN NULL; END $$"
    )


def _postgresql_trigger(watched: Watched, operation: str) -> str:
    transition = " ".join(f"{rows.upper()} TABLE AS {rows}_rows" for rows in _ROWS[operation])
    return (
        f"CREATE TRIGGER {TRIGGER_PREFIX}{watched.table}_{operation} AFTER {operation.upper()} "
        f"ON {watched.table} REFERENCING {transition} FOR EACH STATEMENT "
        f"EXECUTE FUNCTION {TRIGGER_PREFIX}{watched.table}()"
    )


def triggers_installed(using: str = "default") -> bool:
    target = connections[using]
    if target.vendor == "postgresql":
        sql = "SELECT tgname FROM pg_trigger WHERE tgenabled <> 'D' AND tgname LIKE %s"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s"
    with target.cursor() as cursor:
        cursor.execute(sql, [f"{TRIGGER_PREFIX}%"])
        present = {name for (name,) in cursor.fetchall()}
    return set(trigger_names()) <= present


def install_triggers(using: str = "default") -> bool:
    """(Re)create the triggers when any is missing (a migration that rebuilds a SQLite
    table drops its triggers) and forget every summary, whose months may then have missed
    changes. Returns whether anything was installed. Runs after every `migrate`."""
    if triggers_installed(using):
        return False
    target = connections[using]
    with transaction.atomic(using=using), target.cursor() as cursor:
        _drop_earlier_versions(target, cursor)
        for watched in watched_tables():
            if target.vendor == "postgresql":
                cursor.execute(_postgresql_function(watched))
            for operation in _OPERATIONS:
                name = f"{TRIGGER_PREFIX}{watched.table}_{operation}"
                if target.vendor == "postgresql":
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {watched.table}")
                    cursor.execute(_postgresql_trigger(watched, operation))
                else:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                    cursor.execute(_sqlite_trigger(watched, operation))
        SummaryState.objects.using(using).all().delete()
        PendingRecount.objects.using(using).all().delete()
    return True


def _drop_earlier_versions(target, cursor) -> None:
    """Triggers (and PostgreSQL functions) of an earlier version of this module, which
    would otherwise go on marking months, the old way, beside the new ones."""
    current = set(trigger_names())
    if target.vendor == "postgresql":
        cursor.execute(
            "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE %s",
            [_ANY_VERSION],
        )
        for name, table in cursor.fetchall():
            if name not in current:
                cursor.execute(f"DROP TRIGGER {name} ON {table}")
        cursor.execute(
            "SELECT proname FROM pg_proc WHERE proname LIKE %s AND proname NOT LIKE %s",
            [_ANY_VERSION, f"{TRIGGER_PREFIX}%"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP FUNCTION {name}()")
    else:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            [_ANY_VERSION],
        )
        for (name,) in cursor.fetchall():
            if name not in current:
                cursor.execute(f"DROP TRIGGER {name}")


def remove_triggers(using: str = "default") -> None:
    """Drop the triggers: from then on every read counts on the records, until
    `install_triggers` (run by the next migrate) puts them back and forgets the summary.
    For bulk loads into an empty database (the benchmark), not for live data."""
    target = connections[using]
    with target.cursor() as cursor:
        for watched in watched_tables():
            for operation in _OPERATIONS:
                name = f"{TRIGGER_PREFIX}{watched.table}_{operation}"
                on_table = f" ON {watched.table}" if target.vendor == "postgresql" else ""
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}{on_table}")


# --- What is summarised -------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    population: Population
    measures: tuple[Measure, ...]
    signature: str
    summarisable: bool


def breakdowns() -> list[tuple[str, ...]]:
    """ "All" and each single dimension: what the summary holds."""
    return [(), *((name,) for name in DIMENSIONS)]


def plans() -> dict[str, Plan]:
    """Each population with registered measures, the signature of its queries as they
    would run now, and whether the summary may hold it (its queries read only watched
    tables). A population's rows may carry values of the day (today's date, a configured
    target): they are in the signature, so a new day or a new target recounts it."""
    return _plans_of(POPULATIONS)


def _measures_of(population_name: str) -> tuple[Measure, ...]:
    return tuple(m for m in all_measures().values() if m.population == population_name)


def _plan(population_name: str) -> Plan:
    population = POPULATIONS[population_name]
    # Criteria, measures and breakdowns are code and files, fixed for the process; only
    # the rows' own query can change with the day or the data (compiling it is cheap).
    rows_sql, rows_params = population.rows().query.sql_with_params()
    counts_read, counts_signature = _counting_queries(population_name)
    digest = hashlib.sha256(repr((counts_signature, rows_sql, rows_params)).encode())
    watched = {watched.table for watched in watched_tables()}
    summarisable = counts_read | _tables_in(rows_sql) <= watched
    return Plan(population, _measures_of(population_name), digest.hexdigest(), summarisable)


@cache
def _counting_queries(population_name: str) -> tuple[frozenset[str], str]:
    """The tables the population's counting queries read, and a digest of their SQL, for
    "all" and each breakdown (once per process)."""
    population = POPULATIONS[population_name]
    measures = _measures_of(population_name)
    tables: set[str] = set()
    digest = hashlib.sha256(FORMAT.encode())
    for by in breakdowns():
        query = grouped_counts(population, measures, by, population.rows()).query
        sql, params = query.sql_with_params()
        tables |= _tables_in(sql)
        digest.update(repr((by, sql, params)).encode())
    return frozenset(tables), digest.hexdigest()


@lru_cache(maxsize=64)
def _tables_in(sql: str) -> frozenset[str]:
    quote = connection.ops.quote_name
    return frozenset(
        model._meta.db_table for model in apps.get_models() if quote(model._meta.db_table) in sql
    )


# --- Keeping it fresh ---------------------------------------------------------------------


def refresh(populations: Collection[str] | None = None) -> dict[str, Plan]:
    """Bring the summary of `populations` (every population when None) up to date: recount
    their stale months and rebuild those whose definitions changed, so each equals a fresh
    count. Months made stale since the last refresh are handed to every population already
    summarised, so the others recount them when they are next read. Returns the plans of
    the asked-for populations it now holds (none when the triggers are missing: then
    everything is counted on the records)."""
    installed, signed, stale, pending = _status()
    if not installed:
        logger.warning("Measure summary triggers are missing: counting on the records")
        return {}
    wanted = plans() if populations is None else _plans_of(populations)
    held = {name: plan for name, plan in wanted.items() if plan.summarisable}
    changed = any(signed.get(name) != plan.signature for name, plan in held.items())
    if stale or changed or pending & held.keys():
        with transaction.atomic():
            wait_for_turn(Turn.MEASURES_SUMMARY_REFRESH)
            signed = dict(SummaryState.objects.values_list("population", "signature"))
            _hand_out_stale_months(signed)
            to_recount: dict[str, set[date]] = {}
            for name, month in PendingRecount.objects.filter(population__in=held).values_list(
                "population", "month"
            ):
                to_recount.setdefault(name, set()).add(month)
            for name, plan in held.items():
                if signed.get(name) != plan.signature:
                    _rebuild(plan)
                elif name in to_recount:
                    _recount(plan, sorted(to_recount[name]))
            PendingRecount.objects.filter(population__in=held).delete()
    return held


def _plans_of(populations: Collection[str]) -> dict[str, Plan]:
    return {name: _plan(name) for name in populations if _measures_of(name)}


def _hand_out_stale_months(signed: dict[str, str]) -> None:
    """Every month the triggers marked stale becomes a month to recount for each population
    already summarised (one not yet summarised is counted in full when first read)."""
    stale_rows = list(StaleMonth.objects.values_list("pk", "month"))
    if not stale_rows:
        return
    months = {month for _, month in stale_rows}
    PendingRecount.objects.bulk_create(
        [
            PendingRecount(population=name, month=month)
            for name in signed
            if name in POPULATIONS
            for month in months
        ],
        ignore_conflicts=True,
    )
    StaleMonth.objects.filter(pk__in=[pk for pk, _ in stale_rows]).delete()


def _status() -> tuple[bool, dict[str, str], bool, set[str]]:
    """In one round trip: whether every trigger is installed, each population's signed
    signature, whether any month is stale, and the populations with months to recount
    (read on every compute)."""
    catalogue = (
        "SELECT 'trigger', tgname, '' FROM pg_trigger WHERE tgenabled <> 'D' AND tgname LIKE %s"
        if connection.vendor == "postgresql"
        else "SELECT 'trigger', name, '' FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s"
    )
    # Table names from model metadata; the one value is a parameter.
    sql = (
        f"{catalogue} UNION ALL SELECT 'signed', population, signature "  # noqa: S608
        f"FROM {SummaryState._meta.db_table} UNION ALL SELECT 'stale', '', '' "
        f"FROM (SELECT 1 FROM {StaleMonth._meta.db_table} LIMIT 1) AS any_stale "
        f"UNION ALL SELECT DISTINCT 'pending', population, '' "
        f"FROM {PendingRecount._meta.db_table}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [f"{TRIGGER_PREFIX}%"])
        rows = cursor.fetchall()
    triggers = {name for kind, name, _ in rows if kind == "trigger"}
    signed = {name: signature for kind, name, signature in rows if kind == "signed"}
    stale = any(kind == "stale" for kind, _, _ in rows)
    pending = {name for kind, name, _ in rows if kind == "pending"}
    return set(trigger_names()) <= triggers, signed, stale, pending


def _rebuild(summary: Plan) -> None:
    name = summary.population.name
    SummaryCell.objects.filter(population=name).delete()
    _count(summary, summary.population.rows())
    SummaryState.objects.update_or_create(
        population=name, defaults={"signature": summary.signature}
    )


def _recount(summary: Plan, months: list[date]) -> None:
    population = summary.population
    SummaryCell.objects.filter(population=population.name, period__in=months).delete()
    _count(summary, population.rows().filter(in_months(population, months)))


def _count(plan: Plan, rows) -> None:
    cells = []
    for by in breakdowns():
        for row in grouped_counts(plan.population, plan.measures, by, rows):
            counts = []
            for measure in plan.measures:
                counts += [row[f"{measure.id}__num"], row[f"{measure.id}__den"]]
            if any(counts[1::2]):
                group = row.get("group_0")
                cells.append(
                    SummaryCell(
                        population=plan.population.name,
                        period=_first_day(row["period"]),
                        dimension=by[0] if by else ALL,
                        group_value=None if group is None else str(group),
                        counts=counts,
                    )
                )
    SummaryCell.objects.bulk_create(cells, batch_size=2000)


def _first_day(period) -> date:
    return date(period.year, period.month, 1)


# --- Reading ------------------------------------------------------------------------------


def read(populations: set[str], dimension: str, first: date, last: date) -> list[tuple]:
    """(population, month, group code, counts) of the months from `first` to `last` (first
    days), the counts as `SummaryCell.counts`; call `refresh()` first. A plain cursor:
    converting each row through the ORM would cost more than the query."""
    query = SummaryCell.objects.filter(
        population__in=populations, dimension=dimension, period__gte=first, period__lte=last
    ).values_list("population", "period", "group_value", "counts")
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            (population, period, group, counts if isinstance(counts, list) else json.loads(counts))
            for population, period, group, counts in cursor.fetchall()
        ]
