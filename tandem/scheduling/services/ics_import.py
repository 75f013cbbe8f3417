"""Importing busy time from a practitioner's .ics calendar file.

- Each VEVENT becomes a busy period holding only its times and UID: no summary, location or
  description is stored, so nothing about patients comes in with it.
- Re-importing is idempotent on UID: the periods of every UID in the file are replaced.
- An all-day event blocks whole days (local time) from its start date to its end date.
- A recurring event (RRULE, with EXDATE, RDATE and changed occurrences) is expanded from
  today to six months ahead (`HORIZON_DAYS`); import the file again to extend it.
- Events marked free (TRANSP:TRANSPARENT) or cancelled are not busy and are skipped.
- A file that cannot be read is rejected whole, with a message naming the line or the event.
"""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from dateutil.rrule import rruleset, rrulestr
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from icalendar import Calendar

from tandem.core.audit import record_event
from tandem.core.models import AuditAction
from tandem.records.models import Practitioner
from tandem.scheduling.models import BusyPeriod, BusySource
from tandem.scheduling.services.intervals import local_zone

HORIZON_DAYS = 183
MAX_FILE_BYTES = 1_000_000
MAX_OCCURRENCES = 2_000
FIELD = "ics_file"
_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")


@dataclass(frozen=True)
class ImportResult:
    events: int
    busy_periods: int


def _reject(message: str) -> ValidationError:
    return ValidationError({FIELD: message})


def _check_lines(text: str) -> list[int]:
    """Every content line is `NAME[;params]:value`; returns the line of each BEGIN:VEVENT."""
    event_lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line[0] in " \t":  # blank, or a folded continuation
            continue
        if not _CONTENT_LINE.match(line):
            raise _reject(
                f"The file is not a valid calendar: line {number} is not a calendar line "
                f"('{line[:40]}')"
            )
        if line.strip().upper() == "BEGIN:VEVENT":
            event_lines.append(number)
    return event_lines


def _as_datetime(value, *, zone) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    return datetime.combine(value, time(0), tzinfo=zone)


def _occurrences(event, start, *, horizon_from: datetime, horizon_to: datetime) -> list:
    """The event's start values: itself, or its recurrences within the horizon."""
    rule = event.get("RRULE")
    if rule is None and event.get("RDATE") is None:
        return [start]
    all_day = not isinstance(start, datetime)
    zone = local_zone()
    anchor = _as_datetime(start, zone=zone)
    if all_day:
        anchor = anchor.replace(tzinfo=None)
    recurrences = rruleset()
    if rule is not None:
        recurrences.rrule(rrulestr(rule.to_ical().decode(), dtstart=anchor, forceset=False))
    for prop, add in (("RDATE", recurrences.rdate), ("EXDATE", recurrences.exdate)):
        values = event.get(prop)
        for group in values if isinstance(values, list) else [values] if values else []:
            for item in group.dts:
                moment = _as_datetime(item.dt, zone=zone)
                add(moment.replace(tzinfo=None) if all_day else moment)
    lower, upper = horizon_from, horizon_to
    if all_day:
        lower, upper = lower.replace(tzinfo=None), upper.replace(tzinfo=None)
    found = []
    for moment in recurrences.between(lower, upper, inc=True):
        found.append(moment.date() if all_day else moment)
        if len(found) > MAX_OCCURRENCES:
            raise ValueError(f"it repeats more than {MAX_OCCURRENCES} times in six months")
    return found


def _event_label(event, line: int | None) -> str:
    uid = str(event.get("UID", "")).strip()
    where = f"at line {line}" if line else ""
    return " ".join(part for part in ("The event", f"'{uid}'" if uid else "", where) if part)


def _periods_of(event, line, *, horizon_from, horizon_to) -> list[tuple[datetime, datetime]]:
    label = _event_label(event, line)
    if event.errors:
        prop, problem = event.errors[0]
        raise _reject(f"{label} has a {prop} that cannot be read: {problem}")
    if "DTSTART" not in event:
        raise _reject(f"{label} has no start (DTSTART)")
    start = event.decoded("DTSTART")
    all_day = not isinstance(start, datetime)
    if "DTEND" in event:
        length = event.decoded("DTEND") - start
    elif "DURATION" in event:
        length = event.decoded("DURATION")
    else:
        length = timedelta(days=1) if all_day else timedelta(0)
    if all_day and isinstance(event.decoded("DTEND", start), datetime):
        raise _reject(f"{label} mixes a date-only start with a date-and-time end")
    if length <= timedelta(0):
        raise _reject(f"{label} ends before or when it starts")
    try:
        starts = _occurrences(event, start, horizon_from=horizon_from, horizon_to=horizon_to)
    except ValueError as error:
        raise _reject(f"{label} has a repeat rule (RRULE) that cannot be used: {error}") from None
    zone = local_zone()
    periods = [(_as_datetime(s, zone=zone), _as_datetime(s + length, zone=zone)) for s in starts]
    return [(s, e) for s, e in periods if e > horizon_from]


def _is_busy(event) -> bool:
    transparent = str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT"
    cancelled = str(event.get("STATUS", "")).upper() == "CANCELLED"
    return not (transparent or cancelled)


def read_ics(content: bytes, *, now: datetime | None = None) -> dict[str, list]:
    """UID -> the busy (start, end) pairs in the file; raises ValidationError on a bad file."""
    if len(content) > MAX_FILE_BYTES:
        raise _reject("The file is bigger than 1 MB: export a shorter period of your calendar")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _reject("The file is not a calendar (.ics) file: it is not text") from None
    if "BEGIN:VCALENDAR" not in text.upper():
        raise _reject("The file is not a calendar (.ics) file: it has no BEGIN:VCALENDAR")
    event_lines = _check_lines(text)
    try:
        calendar = Calendar.from_ical(text)
    except ValueError as error:
        raise _reject(f"The file is not a valid calendar: {error}") from None
    now = now or timezone.now()
    horizon_from = now - timedelta(days=1)
    horizon_to = now + timedelta(days=HORIZON_DAYS)
    events = calendar.walk("VEVENT")
    masters: dict[str, list] = {}
    changed: dict[str, list] = {}
    for index, event in enumerate(events):
        line = event_lines[index] if index < len(event_lines) else None
        uid = str(event.get("UID", "")).strip()
        if not uid:
            raise _reject(
                f"{_event_label(event, line)} has no UID, so it cannot be imported safely"
            )
        if len(uid) > 255:
            raise _reject(f"{_event_label(event, line)} has a UID longer than 255 characters")
        periods = (
            _periods_of(event, line, horizon_from=horizon_from, horizon_to=horizon_to)
            if _is_busy(event)
            else []
        )
        if "RECURRENCE-ID" in event:
            replaced = _as_datetime(event.decoded("RECURRENCE-ID"), zone=local_zone())
            changed.setdefault(uid, []).append((replaced, periods))
        else:
            masters[uid] = periods
    for uid, changes in changed.items():
        periods = masters.get(uid, [])
        for replaced, new in changes:
            periods = [p for p in periods if p[0] != replaced] + new
        masters[uid] = periods
    return masters


@transaction.atomic
def import_ics(*, by, practitioner: Practitioner, content: bytes) -> ImportResult:
    by_uid = read_ics(content)
    BusyPeriod.objects.filter(
        practitioner=practitioner, source=BusySource.ICS, ics_uid__in=list(by_uid)
    ).delete()
    rows = [
        BusyPeriod(
            practitioner=practitioner,
            starts_at=starts_at,
            ends_at=ends_at,
            source=BusySource.ICS,
            ics_uid=uid,
        )
        for uid, periods in by_uid.items()
        for starts_at, ends_at in sorted(set(periods))
    ]
    BusyPeriod.objects.bulk_create(rows)
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="busy_period_import",
        object_id=practitioner.pk,
        detail={"events": len(by_uid), "busy_periods": len(rows)},
    )
    return ImportResult(events=len(by_uid), busy_periods=len(rows))
