"""Loads an MSDS-aligned delivery extract, one row per baby, into women, pregnancies, labours
and babies. docs/msds-import.md describes the format and the rules.

One transaction, in three steps, so a file of any size streams through in one pass:
1. The CSV is read once (and hashed as it is read) into a temporary staging table: raw text,
   its file line and the mother's NHS number (COPY on PostgreSQL, executemany on SQLite).
2. Two grouping queries find identifiers the file uses inconsistently (one UniqPregID for
   two mothers, one LabourDeliveryID for two pregnancies).
3. The staged rows are read back ordered by mother, so every row of a woman, her pregnancies
   and their babies arrive together however far apart they were in the file. Each row is
   validated, compared with the other rows of its woman, pregnancy and labour and with what
   Tandem holds; labour fields are derived by tandem.outcomes.derivation; new records are
   written in batches with their history rows and changed ones with bulk_update_with_history.

Any error rolls everything back, unless `skip_invalid`: then every row of a pregnancy with an
error is rejected (importing part of a labour would give it the wrong births count and
Robson group) and the rest is imported.
"""

import csv
import getpass
import hashlib
import json
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import groupby
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from tandem.core import nhs_number
from tandem.core.audit import record_event
from tandem.core.concurrency import Turn, wait_for_turn
from tandem.core.dbvalues import DbValues
from tandem.core.models import AuditAction
from tandem.outcomes.derivation import BabyFacts, derived_values, uk_date
from tandem.outcomes.models import (
    Baby,
    DeliveryMethod,
    FeedingAt6To8Weeks,
    FetusPresentation,
    FirstFeed,
    GenitalTractTrauma,
    LabourDelivery,
    LabourOnsetMethod,
    PlaceOfBirth,
    PregnancyOutcome,
)
from tandem.records.codes import EthnicCategory, SmokingStatus
from tandem.records.models import (
    AreaLsoa,
    EddMethod,
    Lsoa,
    Organisation,
    OrganisationKind,
    Postcode,
    Pregnancy,
    PregnancyStatus,
    Woman,
)
from tandem.records.reference import normalise_postcode
from tandem.records.services import Deprivation
from tandem.records.validation import (
    MAX_AGE,
    MIN_AGE,
    UK_POSTCODE,
    Errors,
    check_pregnancy_dates,
    check_previous_births,
)

# The mother's columns, then those of her pregnancy (which has one labour), its labour and
# the baby. Rows of one woman, pregnancy or labour must agree on that level's columns.
WOMAN_COLUMNS = ("PersonBirthDateMother", "Postcode", "EthnicCategoryMother")
PREGNANCY_COLUMNS = (
    "OrgCodeProvider",
    "AntenatalAppDate",
    "EDDAgreed",
    "PreviousLiveBirths",
    "PreviousStillBirths",
    "PreviousCaesareanSections",
    "SmokingStatusBooking",
    "LabourDeliveryID",
)
LABOUR_COLUMNS = (
    "LabourOnsetMethod",
    "LabourOnsetDate",
    "CaesareanDate",
    "GenitalTractTraumaticLesion",
    "BloodLossMl",
    "SmokingStatusDelivery",
)
BABY_COLUMNS = (
    "PersonBirthDateBaby",
    "PregOutcome",
    "DeliveryMethodCode",
    "FetusPresentation",
    "GestationLengthBirth",
    "SettingPlaceBirth",
    "ApgarScore",
    "BirthWeight",
    "BabyFirstFeedIndCode",
    "NeonatalCriticalCareAdmission",
    "ReadmittedWithin30Days",
    "FeedingAt6To8Weeks",
)
COLUMNS = (
    "UniqPregID",
    "NHSNumberMother",
    "PersonBirthDateMother",
    "EthnicCategoryMother",
    "Postcode",
    "OrgCodeProvider",
    "AntenatalAppDate",
    "EDDAgreed",
    "PreviousLiveBirths",
    "PreviousStillBirths",
    "PreviousCaesareanSections",
    "SmokingStatusBooking",
    "SmokingStatusDelivery",
    "LabourDeliveryID",
    "LabourOnsetMethod",
    "LabourOnsetDate",
    "CaesareanDate",
    "GenitalTractTraumaticLesion",
    "BloodLossMl",
    "PersonBirthDateBaby",
    "PregOutcome",
    "DeliveryMethodCode",
    "FetusPresentation",
    "GestationLengthBirth",
    "SettingPlaceBirth",
    "ApgarScore",
    "BirthWeight",
    "BabyFirstFeedIndCode",
    "NeonatalCriticalCareAdmission",
    "ReadmittedWithin30Days",
    "FeedingAt6To8Weeks",
)
REJECT_COLUMNS = (*COLUMNS, "row", "column", "reason")

BIRTH_WEIGHT_NOT_KNOWN = "9999"
MSDS_MAX_GESTATION = 999  # GestationLengthBirth is at most three digits
MAX_ID_LENGTH = 40  # Pregnancy.msds_pregnancy_id and LabourDelivery.msds_labour_id
CHUNK_ROWS = 5_000  # staged rows validated and looked up together
WRITE_BATCH = 20_000
# A table whose planner statistics count fewer than half the rows this import has written
# to it (and at least this many) is analysed again: see _refresh_misleading_statistics.
ANALYZE_FROM_ROWS = WRITE_BATCH
FIRST_ERRORS_KEPT = 50  # the errors the result lists; every one goes to the rejects file

# The model fields the import sets, in the order of the values it compares and writes.
WOMAN_FIELDS = ("date_of_birth", "postcode", "lsoa_code", "imd_decile", "ethnic_category")
PREGNANCY_FIELDS = (
    "provider_id",
    "area_id",
    "edd",
    "edd_scan",
    "edd_method",
    "booking_date",
    "previous_live_births",
    "previous_stillbirths",
    "previous_caesareans",
    "smoking_status_booking",
    "status",
    "ended_on",
)
LABOUR_FIELDS = (
    "onset_method",
    "labour_onset_at",
    "caesarean_at",
    "genital_tract_trauma",
    "episiotomy",
    "blood_loss_ml",
    "smoking_status_delivery",
    "births_count",
    "birth_date",
    "robson_group",
)
_EPISIOTOMY_AT = LABOUR_FIELDS.index("episiotomy")
_BIRTH_DATE_AT = LABOUR_FIELDS.index("birth_date")
BABY_FIELDS = (
    "born_at",
    "outcome",
    "delivery_method",
    "presentation",
    "gestation_days",
    "place_of_birth",
    "apgar_5",
    "birth_weight_g",
    "first_feed",
    "neonatal_admission",
    "readmitted_within_30_days",
    "feeding_at_6_8_weeks",
)


class ImportFileError(Exception):
    """The file cannot be read as an extract at all (missing, or the wrong header)."""


@dataclass(frozen=True)
class RowError:
    row: int  # the file line
    column: str
    reason: str

    def __str__(self) -> str:
        return f"Row {self.row}, {self.column}: {self.reason}"


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportResult:
    import_id: str
    file_name: str
    sha256: str = ""
    rows_read: int = 0
    rejected_rows: int = 0
    imported: bool = False
    women: Tally = field(default_factory=Tally)
    pregnancies: Tally = field(default_factory=Tally)
    labours: Tally = field(default_factory=Tally)
    babies: Tally = field(default_factory=Tally)
    error_count: int = 0
    first_errors: list[RowError] = field(default_factory=list)  # in file order
    rejects_file: Path | None = None  # where the rejected rows were written, if asked

    def counts(self) -> dict:
        return {
            "rows_read": self.rows_read,
            "rejected_rows": self.rejected_rows,
            **{
                kind: vars(getattr(self, kind))
                for kind in ("women", "pregnancies", "labours", "babies")
            },
        }


class _Rejects:
    """The rejected rows as they were in the file, with their errors, spilled to a temporary
    SQLite file as they are found (a file whose million rows are all wrong must not be held
    in memory) and read back in file order. A row rejected again replaces its first entry."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="tandem-import-rejects-")
        self._spill = sqlite3.connect(Path(self._folder.name) / "rejects.sqlite3")
        self._spill.execute(
            "CREATE TABLE rejects (line INTEGER PRIMARY KEY, raw TEXT, errors TEXT, n INTEGER)"
        )
        self.any = False

    def add(self, line: int, raw: tuple[str, ...], errors: list[RowError]) -> None:
        reasons = [[error.column, error.reason] for error in errors]
        self._spill.execute(
            "INSERT OR REPLACE INTO rejects VALUES (?, ?, ?, ?)",
            (line, json.dumps(raw), json.dumps(reasons), len(reasons)),
        )
        self.any = True

    def counts(self) -> tuple[int, int]:
        """(rows rejected, errors among them)."""
        rows, errors = self._spill.execute("SELECT COUNT(*), SUM(n) FROM rejects").fetchone()
        return rows, errors or 0

    def in_file_order(self) -> Iterator[tuple[tuple[str, ...], list[RowError]]]:
        for line, raw, reasons in self._spill.execute(
            "SELECT line, raw, errors FROM rejects ORDER BY line"
        ):
            yield (
                tuple(json.loads(raw)),
                [RowError(line, *reason) for reason in json.loads(reasons)],
            )

    def first_errors(self, most: int) -> list[RowError]:
        kept: list[RowError] = []
        for _, errors in self.in_file_order():
            kept += errors[: most - len(kept)]
            if len(kept) >= most:
                break
        return kept

    def close(self) -> None:
        self._spill.close()
        self._folder.cleanup()


# --- Reading one value ------------------------------------------------------------------


class _Invalid(ValueError):
    pass


Parser = Callable[[str], object]


def _required(what: str, parse: Parser) -> Parser:
    def parse_required(value: str):
        if value == "":
            raise _Invalid(f"Enter the {what}")
        return parse(value)

    return parse_required


def _coded(what: str, codes: dict[str, str | bool], *, required: bool = False, empty="") -> Parser:
    listed = ", ".join(codes)

    def parse(value: str):
        if value == "":
            if required:
                raise _Invalid(f"Enter the {what}")
            return empty
        try:
            return codes[value]
        except KeyError:
            raise _Invalid(f"'{value}' is not a {what} code (one of {listed})") from None

    return parse


def _choices(choices: type[models.TextChoices]) -> dict[str, str]:
    # Plain str values: database drivers must not see the enum type.
    return {str(value): str(value) for value in choices.values if value != ""}


def _whole_number(what: str, low: int, high: int) -> Parser:
    def parse(value: str) -> int | None:
        if value == "":
            return None
        if not value.isdigit():
            raise _Invalid(f"Enter the {what} as a whole number")
        number = int(value)
        if not low <= number <= high:
            raise _Invalid(f"The {what} must be between {low} and {high}")
        return number

    return parse


def _count(value: str) -> int | None:
    """Previous births: ranges and their sum are checked with the forms' own rule."""
    if value == "":
        return None
    if not value.isdigit():
        raise _Invalid("Enter a whole number, 0 if none")
    return int(value)


def _birth_weight(value: str) -> int | None:
    if value == BIRTH_WEIGHT_NOT_KNOWN:
        return None
    return _BIRTH_WEIGHT(value)


_BIRTH_WEIGHT = _whole_number("birth weight in grams", 100, 7000)


def _date(value: str) -> date | None:
    if value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise _Invalid(f"'{value}' is not a date as YYYY-MM-DD") from None


def _moment(value: str) -> datetime | None:
    """YYYY-MM-DD or YYYY-MM-DDTHH:MM, UK local time; a date alone is read as 00:00."""
    if value == "":
        return None
    try:
        if len(value) == 10:
            moment = datetime.combine(date.fromisoformat(value), time())
        elif len(value) == 16 and value[10] == "T":
            moment = datetime.fromisoformat(value)
        else:
            raise ValueError
    except ValueError:
        raise _Invalid(
            f"'{value}' is not a date as YYYY-MM-DD or a date and time as YYYY-MM-DDTHH:MM"
        ) from None
    # What timezone.make_aware does in the settings' zone, which is always the active one
    return moment.replace(tzinfo=timezone.get_default_timezone())


def _identifier(what: str) -> Parser:
    def parse(value: str) -> str:
        if value == "":
            raise _Invalid(f"Enter the {what}")
        if len(value) > MAX_ID_LENGTH:
            raise _Invalid(f"The {what} must be {MAX_ID_LENGTH} characters or fewer")
        return value

    return parse


def _nhs_number(value: str) -> str:
    digits = nhs_number.normalise(value)
    try:
        nhs_number.validate_nhs_number(digits)
    except ValidationError as error:
        raise _Invalid(error.messages[0]) from None
    return digits


def _postcode(value: str) -> str:
    postcode = normalise_postcode(value)
    if postcode and not UK_POSTCODE.match(postcode):
        raise _Invalid("Enter a full UK postcode, like SK1 3XE")
    return postcode


# MSDS records an episiotomy as a GenitalTractTraumaticLesion procedure code; NHS Digital's
# maternity statistics group these as "Episiotomy", and its BWOI leaves out the anterior
# incision (63407004) with them, so Tandem records all of them as an episiotomy.
EPISIOTOMY_CODES = frozenset(
    ("85548006", "236992007", "40219000", "26313002", "15413009", "17860005", "25828002",
     "288194000", "63407004")
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Lesion:
    """What one GenitalTractTraumaticLesion value says: a tear, or that an episiotomy was
    done (None: the value says nothing about an episiotomy)."""

    trauma: str = ""
    episiotomy: bool | None = None


_TEAR_CODES = tuple(code for code in GenitalTractTrauma.values if code)  # read once, not per row


def _lesion(value: str) -> _Lesion:
    if value == "":
        return _Lesion()
    if value in EPISIOTOMY_CODES:
        return _Lesion(episiotomy=True)
    if value in _TEAR_CODES:
        return _Lesion(trauma=value)
    raise _Invalid(
        f"'{value}' is not a genital tract trauma code: a tear ("
        + ", ".join(_TEAR_CODES)
        + ") or an episiotomy ("
        + ", ".join(sorted(EPISIOTOMY_CODES))
        + ")"
    )


# MSDS onset codes 8 (not applicable) and 9 (not known) say no onset method is recorded.
_ONSET_METHODS = _choices(LabourOnsetMethod) | {"8": "", "9": ""}

_SMOKING = {
    "Smoker": SmokingStatus.SMOKER.value,
    "Non-smoker": SmokingStatus.NON_SMOKER.value,
    "Ex-smoker": SmokingStatus.EX_SMOKER.value,
}
_YES_NO = {"Y": True, "N": False}
_FEEDING = {
    "Breast": FeedingAt6To8Weeks.BREAST.value,
    "Mixed": FeedingAt6To8Weeks.MIXED.value,
    "Formula": FeedingAt6To8Weeks.FORMULA.value,
}


def _parsers(providers: dict[str, int]) -> dict[str, Parser]:
    def provider(value: str) -> int:
        try:
            return providers[value]
        except KeyError:
            raise _Invalid(
                f"'{value}' is not the ODS code of a maternity provider in Tandem"
            ) from None

    return {
        "UniqPregID": _identifier("pregnancy ID"),
        "NHSNumberMother": _required("mother's NHS number", _nhs_number),
        "PersonBirthDateMother": _required("mother's date of birth", _date),
        "EthnicCategoryMother": _coded("ethnic category", _choices(EthnicCategory)),
        "Postcode": _postcode,
        "OrgCodeProvider": _required("provider's ODS code", provider),
        "AntenatalAppDate": _date,
        "EDDAgreed": _required("agreed estimated date of delivery", _date),
        "PreviousLiveBirths": _count,
        "PreviousStillBirths": _count,
        "PreviousCaesareanSections": _count,
        "SmokingStatusBooking": _coded("smoking status", _SMOKING),
        "SmokingStatusDelivery": _coded("smoking status", _SMOKING),
        "LabourDeliveryID": _identifier("labour and delivery ID"),
        "LabourOnsetMethod": _coded("labour onset method", _ONSET_METHODS),
        "LabourOnsetDate": _moment,
        "CaesareanDate": _moment,
        "GenitalTractTraumaticLesion": _lesion,
        "BloodLossMl": _whole_number("blood loss in ml", 0, 20_000),
        "PersonBirthDateBaby": _required("baby's date and time of birth", _moment),
        "PregOutcome": _coded("pregnancy outcome", _choices(PregnancyOutcome), required=True),
        "DeliveryMethodCode": _coded("delivery method", _choices(DeliveryMethod)),
        "FetusPresentation": _coded("fetal presentation", _choices(FetusPresentation)),
        # Any three-digit value MSDS carries is kept: a value no birth can have is stored
        # as sent, so the data-quality checks (DQ15/22/31) see it, and counts as not valid.
        "GestationLengthBirth": _whole_number("gestation at birth in days", 0, MSDS_MAX_GESTATION),
        "SettingPlaceBirth": _coded("place of birth", _choices(PlaceOfBirth)),
        "ApgarScore": _whole_number("Apgar score", 0, 10),
        "BirthWeight": _birth_weight,
        "BabyFirstFeedIndCode": _coded("first feed", _choices(FirstFeed)),
        "NeonatalCriticalCareAdmission": _coded("yes or no", _YES_NO, empty=None),
        "ReadmittedWithin30Days": _coded("yes or no", _YES_NO, empty=None),
        "FeedingAt6To8Weeks": _coded("feeding at 6 to 8 weeks", _FEEDING),
    }


# --- One row -------------------------------------------------------------------------------

_POSITION = {column: index for index, column in enumerate(COLUMNS)}
_WOMAN_AT = tuple(_POSITION[column] for column in WOMAN_COLUMNS)
_PREGNANCY_AT = tuple(_POSITION[column] for column in PREGNANCY_COLUMNS)
_LABOUR_AT = tuple(_POSITION[column] for column in LABOUR_COLUMNS)
_BABY_AT = tuple(_POSITION[column] for column in BABY_COLUMNS)
# Where the forms' field names point in the extract
_FORM_FIELD_COLUMNS = {
    "lmp": "EDDAgreed",
    "edd_scan": "EDDAgreed",
    "booking_date": "AntenatalAppDate",
    "ended_on": "PersonBirthDateBaby",
    "previous_live_births": "PreviousLiveBirths",
    "previous_stillbirths": "PreviousStillBirths",
    "previous_caesareans": "PreviousCaesareanSections",
}


@dataclass(slots=True)
class _Row:
    line: int
    woman_key: str  # the NHS number as digits, valid or not
    raw: tuple[str, ...]
    errors: list[RowError]
    pregnancy_id: str = ""
    labour_id: str = ""
    nhs_number: str = ""
    woman: tuple = ()
    pregnancy: tuple = ()
    labour: tuple = ()
    baby: tuple = ()

    def reject(self, column: str, reason: str) -> None:
        self.errors.append(RowError(self.line, column, reason))


class _RowReader:
    """Turns staged raw text into typed values, checking each value and each row."""

    def __init__(self, providers: dict[str, int]) -> None:
        parsers = _parsers(providers)
        self.parsers = [(index, column, parsers[column]) for index, column in enumerate(COLUMNS)]
        self.today = timezone.localdate()
        self.now = timezone.now()

    def read(self, staged: tuple, preset: list[RowError]) -> _Row:
        line, woman_key, *raw = staged
        row = _Row(line=line, woman_key=woman_key, raw=tuple(raw), errors=list(preset))
        values: list = [None] * len(COLUMNS)
        for index, column, parse in self.parsers:
            try:
                values[index] = parse(raw[index])
            except _Invalid as error:
                row.reject(column, str(error))
        if row.errors:
            return row
        row.pregnancy_id = values[0]
        row.nhs_number = values[1]
        row.woman = tuple(values[index] for index in _WOMAN_AT)
        row.pregnancy = tuple(values[index] for index in _PREGNANCY_AT)
        row.labour_id = row.pregnancy[-1]
        row.labour = tuple(values[index] for index in _LABOUR_AT)
        row.baby = tuple(values[index] for index in _BABY_AT)
        self._check_row(row)
        return row

    def _check_row(self, row: _Row) -> None:
        date_of_birth = row.woman[0]
        _, booking_date, edd, live, still, caesareans, _, _ = row.pregnancy
        labour_onset_at, caesarean_at = row.labour[1], row.labour[2]
        born_at = row.baby[0]
        born_on = uk_date(born_at)
        errors = Errors()
        check_pregnancy_dates(
            errors,
            lmp=None,
            edd_scan=edd,
            booking_date=booking_date,
            status=PregnancyStatus.DELIVERED,
            ended_on=born_on,
            today=self.today,
        )
        counts = {
            "previous_live_births": live,
            "previous_stillbirths": still,
            "previous_caesareans": caesareans,
        }
        check_previous_births(errors, live=live, still=still, caesareans=caesareans)
        for form_field, messages in errors.by_field.items():
            if form_field in counts and counts[form_field] is None:
                continue  # empty means not recorded, which the extract allows
            column = _FORM_FIELD_COLUMNS[form_field]
            for message in messages:
                row.reject(column, message)
        age = born_on.year - date_of_birth.year
        age -= (born_on.month, born_on.day) < (date_of_birth.month, date_of_birth.day)
        if not MIN_AGE <= age <= MAX_AGE:
            row.reject(
                "PersonBirthDateMother",
                f"The mother must be between {MIN_AGE} and {MAX_AGE} years old at the birth",
            )
        if booking_date is not None and booking_date > born_on:
            row.reject("AntenatalAppDate", "The booking date is after the baby's birth")
        if born_at > self.now:
            row.reject("PersonBirthDateBaby", "The birth must be in the past")
        if labour_onset_at is not None and labour_onset_at > born_at:
            row.reject("LabourOnsetDate", "Labour cannot start after the baby's birth")
        if caesarean_at is not None and caesarean_at > self.now:
            row.reject("CaesareanDate", "The caesarean section must be in the past")


def _first_difference(columns: tuple[str, ...], one: tuple, other: tuple) -> str:
    return next(column for column, a, b in zip(columns, one, other, strict=True) if a != b)


# --- Writing --------------------------------------------------------------------------------


class _NewRecords:
    """Buffers new rows of one model and writes them in batches (COPY on PostgreSQL,
    executemany on SQLite), then their '+' history rows with one INSERT ... SELECT from the
    rows just written, so the values cross the wire once. Keys are taken before writing so
    rows can refer to each other: from the table's sequence on PostgreSQL (safe beside
    other writers); on SQLite the import's write lock makes one past the maximum safe, and
    a batch's keys consecutive."""

    def __init__(self, model: type[models.Model], fields: tuple[str, ...], history: dict):
        self.model = model
        named = [model._meta.get_field(name) for name in fields]
        others = [
            model_field
            for model_field in model._meta.concrete_fields
            if not model_field.primary_key and model_field.attname not in fields
        ]
        self.defaults = tuple(_default(model_field) for model_field in others)
        columns = ["id", *(model_field.column for model_field in named + others)]
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        names = ", ".join(quote(column) for column in columns)
        marks = ", ".join(["%s"] * len(columns))
        # Names come from model metadata, quoted; every value is a parameter or COPY data.
        self.copy_sql = f"COPY {table} ({names}) FROM STDIN"
        self.insert_sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
        history_names = ", ".join(quote(column) for column in history)
        history_marks = ", ".join(["%s"] * len(history))
        history_table = quote(model.history.model._meta.db_table)
        self.history_sql = (
            f"INSERT INTO {history_table} ({names}, {history_names}) "  # noqa: S608
            f"SELECT {names}, {history_marks} FROM {table}"
        )
        # Only SQLite needs dates and datetimes turned into Django's text form here.
        self.adapt_at: list[tuple[int, Callable]] = []
        if connection.vendor == "sqlite":
            db_values = DbValues()
            self.adapt_at = _adapters(db_values, model, columns)
            history = {**history, "history_date": db_values.datetime(history["history_date"])}
        self.history_values = list(history.values())
        self.rows: list[tuple] = []
        self.flushed = 0  # rows written to the table so far
        self.spare_ids: list[int] = []
        self.next_sqlite_id: int | None = None

    def add(self, *values) -> int:
        record_id = self._next_id()
        self.rows.append((record_id, *values, *self.defaults))
        if len(self.rows) >= WRITE_BATCH:
            self.flush()
        return record_id

    def _next_id(self) -> int:
        if connection.vendor == "postgresql":
            if not self.spare_ids:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                        "FROM generate_series(1, %s)",
                        [self.model._meta.db_table, WRITE_BATCH],
                    )
                    self.spare_ids = [row[0] for row in cursor.fetchall()][::-1]
            return self.spare_ids.pop()
        if self.next_sqlite_id is None:
            top = self.model._default_manager.aggregate(top=models.Max("pk"))["top"]
            self.next_sqlite_id = (top or 0) + 1
        self.next_sqlite_id += 1
        return self.next_sqlite_id - 1

    def flush(self) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.copy(self.copy_sql) as copy:
                    for row in self.rows:
                        copy.write_row(row)
                cursor.execute(
                    f"{self.history_sql} WHERE id = ANY(%s)",
                    [*self.history_values, [row[0] for row in self.rows]],
                )
            else:
                cursor.executemany(
                    self.insert_sql, [_adapted(row, self.adapt_at) for row in self.rows]
                )
                cursor.execute(
                    f"{self.history_sql} WHERE id BETWEEN %s AND %s",
                    [*self.history_values, self.rows[0][0], self.rows[-1][0]],
                )
        self.flushed += len(self.rows)
        self.rows = []


def _adapted(row: tuple, adapt_at: list[tuple[int, Callable]]) -> list:
    values = list(row)
    for index, adapt in adapt_at:
        values[index] = adapt(values[index])
    return values


def _adapters(db_values: DbValues, model, columns: list[str]) -> list[tuple[int, Callable]]:
    """Where the dates and datetimes are among the columns, and how to store each."""
    adapt = {models.DateTimeField: db_values.datetime, models.DateField: db_values.date}
    fields = {model_field.column: model_field for model_field in model._meta.concrete_fields}
    return [
        (index, adapt[type(fields[column])])
        for index, column in enumerate(columns)
        if type(fields[column]) in adapt
    ]


def _default(model_field):
    if model_field.has_default():
        return model_field.get_default()
    if getattr(model_field, "auto_now_add", False):
        return timezone.now()
    if model_field.null:
        return None
    return ""


class _ChangedRecords:
    """Saves changed records in batches, moving each to its next version with a '~' history
    row; records the file does not change are never written."""

    def __init__(self, model: type[models.Model], fields: tuple[str, ...], by, reason: str):
        self.model, self.fields, self.by, self.reason = model, fields, by, reason
        self.pending: dict[int, tuple] = {}

    def add(self, record_id: int, values: tuple) -> None:
        self.pending[record_id] = values
        if len(self.pending) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        records = self.model._default_manager.in_bulk(list(self.pending))
        for record_id, values in self.pending.items():
            record = records[record_id]
            for name, value in zip(self.fields, values, strict=True):
                setattr(record, name, value)
            record.version += 1
        bulk_update_with_history(
            list(records.values()),
            self.model,
            [*self.fields, "version"],
            batch_size=1_000,
            default_user=self.by,
            default_change_reason=self.reason,
        )
        self.pending = {}


class _Writers:
    def __init__(self, by, reason: str) -> None:
        history = {
            "history_date": timezone.now(),
            "history_type": "+",
            "history_user_id": by.pk,
            "history_change_reason": reason,
        }
        self.new_women = _NewRecords(
            Woman, ("nhs_number", "given_name", "family_name", *WOMAN_FIELDS), history
        )
        self.new_pregnancies = _NewRecords(
            Pregnancy, ("woman_id", "msds_pregnancy_id", *PREGNANCY_FIELDS), history
        )
        self.new_labours = _NewRecords(
            LabourDelivery, ("pregnancy_id", "msds_labour_id", *LABOUR_FIELDS), history
        )
        self.new_babies = _NewRecords(
            Baby, ("labour_delivery_id", "birth_order", *BABY_FIELDS), history
        )
        self.changed_women = _ChangedRecords(Woman, WOMAN_FIELDS, by, reason)
        self.changed_pregnancies = _ChangedRecords(Pregnancy, PREGNANCY_FIELDS, by, reason)
        self.changed_labours = _ChangedRecords(LabourDelivery, LABOUR_FIELDS, by, reason)
        self.changed_babies = _ChangedRecords(Baby, BABY_FIELDS, by, reason)

    def flush(self) -> None:
        for writer in vars(self).values():
            writer.flush()

    def refresh_misleading_statistics(self) -> None:
        """PostgreSQL plans the look-ups of what Tandem holds from each table's statistics.
        Statistics taken while this import is uncommitted (autovacuum after a TRUNCATE, a
        scheduled ANALYZE) count its rows as absent, and a plan made from them can read a
        whole table once per staged row (47 s a chunk, measured). Such a table is analysed
        again inside the import's transaction, where ANALYZE counts the import's own rows;
        as the import grows, this happens each time its rows double."""
        new = (self.new_women, self.new_pregnancies, self.new_labours, self.new_babies)
        written = {
            writer.model._meta.db_table: writer.flushed
            for writer in new
            if writer.flushed >= ANALYZE_FROM_ROWS
        }
        if connection.vendor != "postgresql" or not written:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, reltuples FROM pg_class WHERE oid = ANY(%s::regclass[])",
                [list(written)],
            )
            for table, counted in cursor.fetchall():
                if counted < written[table] / 2:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


# --- What Tandem already holds -------------------------------------------------------------


class _Places:
    """Postcode -> 2011 LSOA -> IMD decile, and the provider's area holding the LSOA: what
    records.services.locate_postcode and the booking form derive, loaded once for a file."""

    def __init__(self) -> None:
        deciles = dict(Lsoa.objects.values_list("code", "imd_decile"))
        self.by_postcode = {
            postcode: Deprivation(lsoa_code=lsoa, imd_decile=deciles.get(lsoa))
            for postcode, lsoa in Postcode.objects.values_list("postcode", "lsoa11_code")
        }
        self.area_of_lsoa = {
            lsoa: (area_id, organisation_id)
            for lsoa, area_id, organisation_id in AreaLsoa.objects.values_list(
                "lsoa_code", "area_id", "area__organisation_id"
            )
        }

    def deprivation(self, postcode: str) -> Deprivation:
        return self.by_postcode.get(postcode) or Deprivation(lsoa_code="", imd_decile=None)

    def area_id(self, lsoa_code: str, provider_id: int) -> int | None:
        area_id, organisation_id = self.area_of_lsoa.get(lsoa_code, (None, None))
        return area_id if organisation_id == provider_id else None


@dataclass
class _Held:
    """The records of one chunk of rows that Tandem already holds, keyed as the file keys them."""

    women: dict[str, tuple]  # NHS number -> (id, *WOMAN_FIELDS)
    pregnancies: dict[str, tuple]  # UniqPregID -> (id, woman_id, *PREGNANCY_FIELDS)
    labours: dict[str, tuple]  # LabourDeliveryID -> (id, pregnancy_id, *LABOUR_FIELDS)
    labour_of_pregnancy: dict[int, str | None]  # pregnancy id -> its labour's MSDS ID
    babies: dict[int, dict[int, tuple]]  # labour id -> birth order -> (id, *BABY_FIELDS)

    @classmethod
    def for_chunk(cls, first_woman_key: str, last_woman_key: str) -> "_Held":
        """What Tandem holds for the staged rows of the women from first to last (one chunk):
        the keys are matched in the database against the staging table rather than sent
        as thousands of parameters. The records the import may change are locked until it
        commits (PostgreSQL; SQLite's write lock already holds them), so an edit saved
        meanwhile cannot be overwritten unseen: it waits, then meets the version the import
        moved on and is refused as a conflict."""

        def staged(column: str) -> RawSQL:
            # The column is one of this module's constants, not input.
            return RawSQL(  # noqa: S611
                f"SELECT {column} FROM {STAGING} WHERE woman_key BETWEEN %s AND %s",  # noqa: S608
                [first_woman_key, last_woman_key],
            )

        women = Woman.objects.filter(nhs_number__in=staged("woman_key"))
        pregnancies = Pregnancy.objects.filter(msds_pregnancy_id__in=staged("uniqpregid"))
        labours = LabourDelivery.objects.filter(msds_labour_id__in=staged("labourdeliveryid"))
        # Locked parent first, the one order of every write that derives a labour
        # (derivation.lock_birth), so an import and an edit of the same birth wait for each
        # other instead of each holding what the other needs.
        held_women = women.select_for_update().values_list("id", "nhs_number", *WOMAN_FIELDS)
        held_pregnancies = pregnancies.select_for_update().values_list(
            "id", "msds_pregnancy_id", "woman_id", *PREGNANCY_FIELDS
        )
        held_labours = labours.select_for_update().values_list(
            "id", "msds_labour_id", "pregnancy_id", *LABOUR_FIELDS
        )
        held = cls(
            women={values[1]: (values[0], *values[2:]) for values in held_women},
            pregnancies={values[1]: (values[0], *values[2:]) for values in held_pregnancies},
            labours={values[1]: (values[0], *values[2:]) for values in held_labours},
            labour_of_pregnancy=dict(
                LabourDelivery.objects.filter(pregnancy__in=pregnancies).values_list(
                    "pregnancy_id", "msds_labour_id"
                )
            ),
            babies={},
        )
        held_babies = Baby.objects.filter(labour_delivery__in=labours).select_for_update()
        for values in held_babies.values_list(
            "labour_delivery_id", "birth_order", "id", *BABY_FIELDS
        ):
            held.babies.setdefault(values[0], {})[values[1]] = values[2:]
        return held


# --- The import ---------------------------------------------------------------------------


class _RolledBack(Exception):
    pass


STAGING = "msds_import_rows"
_STAGED_COLUMNS = ("line", "woman_key", *(column.lower() for column in COLUMNS))


class _Import:
    def __init__(self, path: Path, *, skip_invalid: bool, by, rejects_path: Path | None) -> None:
        self.path = path
        self.skip_invalid = skip_invalid
        self.by = by
        self.rejects_path = rejects_path
        self.result = ImportResult(import_id=str(uuid.uuid4()), file_name=path.name)
        self.reason = f"MSDS import {self.result.import_id}"
        self.places = _Places()
        self.reader = _RowReader(
            dict(
                Organisation.objects.filter(kind=OrganisationKind.MATERNITY_PROVIDER).values_list(
                    "ods_code", "id"
                )
            )
        )
        # A scratch pregnancy, so parity comes from the model's own rule (is_nulliparous)
        # without building an instance per row.
        self.scratch_pregnancy = Pregnancy()

    @property
    def writing(self) -> bool:
        return self.skip_invalid or not self.rejected.any

    def run(self) -> ImportResult:
        self.rejected = _Rejects()
        try:
            with transaction.atomic():
                # One import at a time: two at once would each miss the records the other
                # is creating, create them again, and the second would fail on them.
                wait_for_turn(Turn.MSDS_IMPORT)
                self._stage()
                preset = self._identifier_clashes()
                self.writers = _Writers(self.by, self.reason)
                for chunk in self._staged_chunks():
                    self._import_chunk(chunk, preset)
                self.writers.flush()
                self._drop_staging()
                self.result.imported = self.result.rows_read > 0 and self.writing
                if not self.result.imported:
                    raise _RolledBack
                self._finish()
                self._audit()
        except _RolledBack:
            self._finish()
            self._audit()
        except ImportFileError:
            self._audit()
            raise
        finally:
            self.rejected.close()
        return self.result

    def _finish(self) -> None:
        self.result.rejected_rows, self.result.error_count = self.rejected.counts()
        self.result.first_errors = self.rejected.first_errors(FIRST_ERRORS_KEPT)
        if self.rejects_path is not None and self.result.rejected_rows:
            write_rejects(self.rejected.in_file_order(), self.rejects_path)
            self.result.rejects_file = self.rejects_path

    def _audit(self) -> None:
        record_event(
            by=self.by,
            action=AuditAction.IMPORT,
            object_type="msds_import",
            object_id=self.result.import_id,
            detail={
                "file": self.result.file_name,
                "sha256": self.result.sha256,
                "imported": self.result.imported,
                "run_by": getpass.getuser(),
                "history_change_reason": self.reason,
                **self.result.counts(),
            },
        )

    # Step 1: the file, streamed into the staging table

    def _stage(self) -> None:
        column_types = ", ".join(f"{name} TEXT" for name in _STAGED_COLUMNS[1:])
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
            cursor.execute(f"CREATE TEMPORARY TABLE {STAGING} (line INTEGER, {column_types})")
        names = ", ".join(_STAGED_COLUMNS)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.copy(f"COPY {STAGING} ({names}) FROM STDIN") as copy:
                    for row in self._file_rows():
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(_STAGED_COLUMNS))
                insert = f"INSERT INTO {STAGING} ({names}) VALUES ({marks})"  # noqa: S608
                batch = []
                for row in self._file_rows():
                    batch.append(row)
                    if len(batch) >= WRITE_BATCH:
                        cursor.executemany(insert, batch)
                        batch = []
                cursor.executemany(insert, batch)
            # Chunks are read, and what Tandem holds for them found, by ranges of woman_key.
            cursor.execute(f"CREATE INDEX {STAGING}_by_woman ON {STAGING} (woman_key, line)")

    def _file_rows(self) -> Iterator[tuple]:
        """(line, woman key, *values in COLUMNS order) for each row of the file."""
        digest = hashlib.sha256()
        bad_lines: set[int] = set()
        try:
            handle = self.path.open("rb")
        except OSError as error:
            raise ImportFileError(f"Cannot open {self.path}: {error.strerror}") from None
        with handle:
            reader = csv.reader(_decoded_lines(handle, digest, bad_lines))
            order = _column_order(next(reader, None))
            width = len(COLUMNS)
            for values in reader:
                if not values:
                    continue  # a blank line
                self.result.rows_read += 1
                line = reader.line_num
                if len(values) != len(order):
                    self._reject_unstaged(
                        line, values, f"Expected {width} columns, found {len(values)}"
                    )
                    continue
                if line in bad_lines:
                    self._reject_unstaged(line, values, "The row is not UTF-8 text")
                    continue
                row = tuple(values[index].strip() for index in order)
                yield (line, nhs_number.normalise(row[1]), *row)
        self.result.sha256 = digest.hexdigest()

    def _reject_unstaged(self, line: int, values: list[str], reason: str) -> None:
        padded = (*values, *[""] * len(COLUMNS))[: len(COLUMNS)]
        self.rejected.add(line, tuple(padded), [RowError(line, "(row)", reason)])

    def _drop_staging(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {STAGING}")

    # Step 2: identifiers the file uses for two different things

    def _identifier_clashes(self) -> dict[int, list[RowError]]:
        preset: dict[int, list[RowError]] = {}
        for key, owner, what, owner_what in (
            ("uniqpregid", "woman_key", "UniqPregID", "mother"),
            ("labourdeliveryid", "uniqpregid", "LabourDeliveryID", "pregnancy"),
        ):
            # Names are this module's constants, not input.
            sql = (
                f"SELECT line, {key}, {owner} FROM {STAGING} WHERE {key} IN ("  # noqa: S608
                f"SELECT {key} FROM {STAGING} WHERE {key} <> '' "
                f"GROUP BY {key} HAVING COUNT(DISTINCT {owner}) > 1) ORDER BY {key}, line"
            )
            with connection.cursor() as cursor:
                cursor.execute(sql)
                clashing = cursor.fetchall()
            for identifier, rows in groupby(clashing, key=lambda row: row[1]):
                rows = list(rows)
                first_line, _, first_owner = rows[0]
                other_line = next(line for line, _, owner in rows if owner != first_owner)
                for line, _, row_owner in rows:
                    named = other_line if row_owner == first_owner else first_line
                    preset.setdefault(line, []).append(
                        RowError(
                            line,
                            what,
                            f"{what} {identifier} is given for a different {owner_what} "
                            f"in row {named}",
                        )
                    )
        return preset

    # Step 3: the rows again, a woman at a time

    def _staged_chunks(self) -> Iterator[list[tuple]]:
        """Staged rows ordered by mother, in chunks that never split a woman's rows."""
        names = ", ".join(_STAGED_COLUMNS)
        sql = f"SELECT {names} FROM {STAGING} ORDER BY woman_key, line"  # noqa: S608
        cursor = connection.chunked_cursor()
        try:
            cursor.execute(sql)
            chunk: list[tuple] = []
            while batch := cursor.fetchmany(CHUNK_ROWS):
                for staged in batch:
                    if len(chunk) >= CHUNK_ROWS and chunk[-1][1] != staged[1]:
                        yield chunk
                        chunk = []
                    chunk.append(staged)
            if chunk:
                yield chunk
        finally:
            cursor.close()

    def _import_chunk(self, chunk: list[tuple], preset: dict[int, list[RowError]]) -> None:
        rows = [self.reader.read(staged, preset.get(staged[0], ())) for staged in chunk]
        self.writers.refresh_misleading_statistics()
        held = _Held.for_chunk(chunk[0][1], chunk[-1][1])
        for _, woman_rows in groupby(rows, key=lambda row: row.woman_key):
            self._import_woman(list(woman_rows), held)

    def _import_woman(self, rows: list[_Row], held: _Held) -> None:
        valid = [row for row in rows if not row.errors]
        if valid and not self._woman_agrees(valid, held):
            # Her rows disagree about who she is: none of them can be trusted.
            self._reject_group(rows, "NHSNumberMother", "the same mother")
            return
        pregnancies: dict[str, list[_Row]] = {}
        for row in rows:
            pregnancies.setdefault(row.raw[0], []).append(row)
        woman_id = None
        for pregnancy_rows in pregnancies.values():
            self._check_pregnancy(pregnancy_rows, held)
            if any(row.errors for row in pregnancy_rows):
                self._reject_group(pregnancy_rows, "UniqPregID", "the same pregnancy")
            elif self.writing:
                if woman_id is None:
                    woman_id = self._write_woman(valid[0], held)
                self._write_pregnancy(pregnancy_rows, woman_id, held)

    def _reject_group(self, rows: list[_Row], column: str, what: str) -> None:
        bad_line = next(row.line for row in rows if row.errors)
        for row in rows:
            if not row.errors:
                row.reject(column, f"Not imported: row {bad_line} of {what} has an error")
            self.rejected.add(row.line, row.raw, row.errors)

    def _woman_agrees(self, valid: list[_Row], held: _Held) -> bool:
        first = valid[0]
        agrees = True
        for row in valid[1:]:
            if row.woman != first.woman:
                column = _first_difference(WOMAN_COLUMNS, row.woman, first.woman)
                row.reject(column, f"Differs from row {first.line} for the same mother")
                agrees = False
        existing = held.women.get(first.nhs_number)
        if existing is not None and existing[1] != first.woman[0]:
            first.reject(
                "PersonBirthDateMother",
                "Does not match the date of birth Tandem holds for this NHS number",
            )
            agrees = False
        return agrees

    def _check_pregnancy(self, rows: list[_Row], held: _Held) -> None:
        valid = [row for row in rows if not row.errors]
        if len(valid) < len(rows):
            return
        first = rows[0]
        for row in rows[1:]:
            if row.pregnancy != first.pregnancy:
                column = _first_difference(PREGNANCY_COLUMNS, row.pregnancy, first.pregnancy)
                row.reject(column, f"Differs from row {first.line} of the same pregnancy")
            elif row.labour != first.labour:
                column = _first_difference(LABOUR_COLUMNS, row.labour, first.labour)
                row.reject(column, f"Differs from row {first.line} of the same labour")
        woman = held.women.get(first.nhs_number)
        pregnancy = held.pregnancies.get(first.pregnancy_id)
        labour = held.labours.get(first.labour_id)
        if pregnancy is not None and (woman is None or pregnancy[1] != woman[0]):
            first.reject("UniqPregID", "Tandem holds this pregnancy for a different mother")
        if labour is not None and (pregnancy is None or labour[1] != pregnancy[0]):
            first.reject("LabourDeliveryID", "Tandem holds this labour for a different pregnancy")
        if pregnancy is not None and labour is None and pregnancy[0] in held.labour_of_pregnancy:
            first.reject(
                "LabourDeliveryID",
                "Tandem already holds a different labour for this pregnancy",
            )
        held_babies = len(held.babies.get(labour[0], {})) if labour else 0
        if held_babies > len(rows):
            first.reject(
                "LabourDeliveryID",
                f"Tandem holds {held_babies} babies of this labour but the file has "
                f"{len(rows)} rows for it",
            )

    def _write_woman(self, first: _Row, held: _Held) -> int:
        date_of_birth, postcode, ethnic_category = first.woman
        existing = held.women.get(first.nhs_number)
        if existing is not None:
            # She may have been registered through the forms: an empty value in the file
            # means not recorded, so it never erases what Tandem holds.
            postcode = postcode or existing[2]
            ethnic_category = ethnic_category or existing[5]
        place = self.places.deprivation(postcode)
        values = (date_of_birth, postcode, place.lsoa_code, place.imd_decile, ethnic_category)
        if existing is None:
            woman_id = self.writers.new_women.add(first.nhs_number, "", "", *values)
            self.result.women.created += 1
        else:
            woman_id = existing[0]
            if existing[1:] != values:
                self.writers.changed_women.add(woman_id, values)
                self.result.women.updated += 1
            else:
                self.result.women.unchanged += 1
        held.women[first.nhs_number] = (woman_id, *values)
        return woman_id

    def _write_pregnancy(self, rows: list[_Row], woman_id: int, held: _Held) -> None:
        first = rows[0]
        lsoa_code = held.women[first.nhs_number][3]
        provider_id, booking_date, edd, live, still, caesareans, smoking, _ = first.pregnancy
        self.scratch_pregnancy.previous_live_births = live
        self.scratch_pregnancy.previous_stillbirths = still
        self.scratch_pregnancy.previous_caesareans = caesareans
        held_labour = held.labours.get(first.labour_id)
        held_episiotomy = None if held_labour is None else held_labour[2 + _EPISIOTOMY_AT]
        labour_values = self._derived_labour(first.labour, rows, held_episiotomy)
        birth_date = labour_values[_BIRTH_DATE_AT]
        values = (
            provider_id,
            self.places.area_id(lsoa_code, provider_id),
            edd,
            edd,  # the agreed EDD is kept as the scan EDD: see docs/msds-import.md
            EddMethod.SCAN.value,
            booking_date,
            live,
            still,
            caesareans,
            smoking,
            PregnancyStatus.DELIVERED.value,
            birth_date,
        )
        pregnancy_id = self._write(
            held.pregnancies.get(first.pregnancy_id),
            values,
            self.writers.new_pregnancies,
            self.writers.changed_pregnancies,
            self.result.pregnancies,
            woman_id,
            first.pregnancy_id,
        )
        labour_id = self._write(
            held_labour,
            labour_values,
            self.writers.new_labours,
            self.writers.changed_labours,
            self.result.labours,
            pregnancy_id,
            first.labour_id,
        )
        held_babies = held.babies.get(labour_id, {})
        for birth_order, row in enumerate(rows, start=1):
            existing = held_babies.get(birth_order)
            self._write(
                None if existing is None else (existing[0], None, *existing[1:]),
                row.baby,
                self.writers.new_babies,
                self.writers.changed_babies,
                self.result.babies,
                labour_id,
                birth_order,
            )

    def _derived_labour(
        self, labour: tuple, rows: list[_Row], held_episiotomy: bool | None
    ) -> tuple:
        derived = derived_values(
            onset_method=labour[0],
            labour_onset_at=labour[1],
            caesarean_at=labour[2],
            nulliparous=self.scratch_pregnancy.is_nulliparous,
            previous_caesareans=self.scratch_pregnancy.previous_caesareans,
            babies=[
                BabyFacts(birth_order, row.baby[0], row.baby[3], row.baby[4])
                for birth_order, row in enumerate(rows, start=1)
            ],
        )
        onset_method, onset_at, caesarean_at, lesion, *rest = labour
        return (
            onset_method,
            onset_at,
            caesarean_at,
            lesion.trauma,
            # A tear says nothing of an episiotomy: what a midwife recorded stays.
            held_episiotomy if lesion.episiotomy is None else lesion.episiotomy,
            *rest,
            derived.births_count,
            derived.birth_date,
            str(derived.robson_group),
        )

    @staticmethod
    def _write(
        existing: tuple | None,
        values: tuple,
        new: _NewRecords,
        changed: _ChangedRecords,
        tally: Tally,
        *keys,
    ) -> int:
        """Create the record, or update it if the file changes it; returns its id."""
        if existing is None:
            tally.created += 1
            return new.add(*keys, *values)
        if existing[2:] != values:
            changed.add(existing[0], values)
            tally.updated += 1
        else:
            tally.unchanged += 1
        return existing[0]


def _decoded_lines(handle, digest, bad_lines: set[int]) -> Iterator[str]:
    """The file's lines as text, hashing the bytes on the way; lines that are not UTF-8 are
    noted (by line number) and passed on with the bad bytes replaced."""
    for number, raw in enumerate(handle, start=1):
        digest.update(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad_lines.add(number)
            text = raw.decode("utf-8", errors="replace")
        yield text.removeprefix("\ufeff") if number == 1 else text


def _column_order(header: list[str] | None) -> list[int]:
    """Where each of COLUMNS is in the file; the header must name exactly those columns."""
    if header is None:
        raise ImportFileError("The file is empty: expected a header row naming the columns")
    names = [name.strip() for name in header]
    missing = [column for column in COLUMNS if column not in names]
    unknown = [name for name in names if name not in _POSITION]
    repeated = sorted({name for name in names if names.count(name) > 1})
    problems = []
    if missing:
        problems.append(f"missing {', '.join(missing)}")
    if unknown:
        problems.append(f"not part of the format: {', '.join(unknown)}")
    if repeated:
        problems.append(f"given twice: {', '.join(repeated)}")
    if problems:
        raise ImportFileError(f"Row 1 (the header): columns {'; '.join(problems)}")
    return [names.index(column) for column in COLUMNS]


def import_deliveries(
    path: Path, *, by, skip_invalid: bool = False, rejects_path: Path | None = None
) -> ImportResult:
    """Import one extract as `by` (the system actor for the command). Raises ImportFileError
    when the file cannot be read as an extract; the first row errors are in the result, and
    every rejected row goes to `rejects_path` when it is given."""
    return _Import(Path(path), skip_invalid=skip_invalid, by=by, rejects_path=rejects_path).run()


def write_rejects(result_rows: Iterable[tuple[tuple[str, ...], list[RowError]]], path: Path):
    """The rejected rows as they were in the file, with their row, column(s) and reason(s)."""
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(REJECT_COLUMNS)
        for raw, errors in result_rows:
            writer.writerow(
                (
                    *raw,
                    errors[0].row,
                    "; ".join(error.column for error in errors),
                    "; ".join(error.reason for error in errors),
                )
            )
