"""Practitioners' calendars for the demo: weekly working hours, a few busy periods, and a
diary that places each visit in a free slot.

Every midwife and health visitor works weekdays (most full time, some part time); each has
a few busy periods (training, leave, meetings) around today. Visits are placed in the first
free slot the diary finds: inside both practitioners' hours, outside their busy periods and
clear of every visit already placed, so no practitioner is ever booked twice in one
15-minute slot (the constraint `SlotReservation` enforces). All invented; see
docs/calibration.md.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from tandem.demo.contacts import LONDON
from tandem.demo.sampling import Categorical

SLOT_MINUTES = 15
# How long the hours on record go back: before the first generated contact.
HOURS_VALID_DAYS_BEFORE_TODAY = 730
# (name, weekdays worked, starts, ends), shares invented.
HOURS_PATTERNS = Categorical(
    {
        ("full time", (0, 1, 2, 3, 4), (9, 0), (17, 0)): 0.55,
        ("full time, early", (0, 1, 2, 3, 4), (8, 30), (16, 30)): 0.15,
        ("four days", (0, 1, 2, 3), (9, 0), (17, 0)): 0.08,
        ("four days, Monday off", (1, 2, 3, 4), (9, 0), (17, 0)): 0.07,
        ("school hours", (0, 1, 2, 3, 4), (9, 30), (15, 0)): 0.08,
        ("three days", (0, 2, 4), (9, 0), (17, 0)): 0.07,
    }
)
# Busy periods in the weeks around today: (local start, local end) on a weekday.
BUSY_KINDS = Categorical(
    {
        "training day": 0.2,
        "morning meeting": 0.3,
        "afternoon clinic": 0.3,
        "annual leave": 0.2,
    }
)
BUSY_PER_PRACTITIONER = (2, 4)
BUSY_FROM_DAYS, BUSY_TO_DAYS = -28, 56


@dataclass(frozen=True)
class Hours:
    weekdays: tuple[int, ...]
    starts: time
    ends: time


@dataclass(frozen=True)
class Busy:
    starts_at: datetime
    ends_at: datetime


@dataclass
class Calendar:
    hours: Hours
    busy: list[Busy] = field(default_factory=list)


def plan_calendars(rng: Random, practitioner_ids: list[int], today: date) -> dict[int, Calendar]:
    """Hours and busy periods for each practitioner, in the order given."""
    calendars = {}
    for practitioner_id in practitioner_ids:
        _, weekdays, (start_h, start_m), (end_h, end_m) = HOURS_PATTERNS.draw(rng)
        hours = Hours(weekdays, time(start_h, start_m), time(end_h, end_m))
        calendar = Calendar(hours)
        low, high = BUSY_PER_PRACTITIONER
        for _ in range(low + int(rng.random() * (high - low + 1))):
            day = today + timedelta(
                days=BUSY_FROM_DAYS + int(rng.random() * (BUSY_TO_DAYS - BUSY_FROM_DAYS))
            )
            if day.weekday() not in weekdays:
                continue
            calendar.busy.append(_busy(BUSY_KINDS.draw(rng), day, hours, rng))
        calendar.busy.sort(key=lambda busy: busy.starts_at)
        calendars[practitioner_id] = calendar
    return calendars


def _busy(kind: str, day: date, hours: Hours, rng: Random) -> Busy:
    def at(clock: time, on: date = day) -> datetime:
        return datetime.combine(on, clock, tzinfo=LONDON)

    if kind == "training day":
        return Busy(at(hours.starts), at(hours.ends))
    if kind == "morning meeting":
        return Busy(at(time(9, 0)), at(time(10, 30)))
    if kind == "afternoon clinic":
        return Busy(at(time(13, 0)), at(time(16, 0)))
    days = 1 + int(rng.random() * 5)  # annual leave: whole days, from the morning
    return Busy(at(time(0, 0)), at(time(0, 0), day + timedelta(days=days)))


def hours_valid_from(today: date) -> date:
    return today - timedelta(days=HOURS_VALID_DAYS_BEFORE_TODAY)


class Diary:
    """Visits placed so far, per practitioner, as taken 15-minute slots (local clock)."""

    def __init__(self, calendars: dict[int, Calendar]) -> None:
        self.calendars = calendars
        self.taken: dict[int, set[tuple[int, int]]] = {pid: set() for pid in calendars}
        self._busy_days: dict[int, dict[date, list[tuple[int, int]]]] = {}
        for pid, calendar in calendars.items():
            days: dict[date, list[tuple[int, int]]] = {}
            for busy in calendar.busy:
                start, end = busy.starts_at, busy.ends_at
                day = start.date()
                while day <= (end - timedelta(microseconds=1)).date():
                    begin = _minute(start) if day == start.date() else 0
                    finish = _minute(end) if day == end.date() else 24 * 60
                    days.setdefault(day, []).append((begin, finish))
                    day += timedelta(days=1)
            self._busy_days[pid] = days

    def place(
        self,
        rng: Random,
        people: tuple[int, ...],
        first_day: date,
        last_day: date,
        minutes: int,
        *,
        avoid: date | None = None,
    ) -> datetime | None:
        """The first free start for all `people` from a random day in [first, last],
        searching forward and then wrapping round, never on `avoid` (today, when a visit
        could be either past or future); None when nobody is free."""
        if last_day < first_day or any(person not in self.calendars for person in people):
            return None
        span = (last_day - first_day).days + 1
        offset = int(rng.random() * span)
        preferred = 9 * 60 + SLOT_MINUTES * int(rng.random() * 20)  # 09:00 to 13:45
        for step in range(span):
            day = first_day + timedelta(days=(offset + step) % span)
            if day == avoid:
                continue
            start = self._free_start(people, day, minutes, preferred)
            if start is not None:
                self.take(people, day, start, minutes)
                return datetime.combine(day, time(start // 60, start % 60), tzinfo=LONDON)
        return None

    def _free_start(self, people, day: date, minutes: int, preferred: int) -> int | None:
        earliest, latest = 0, 24 * 60
        for person in people:
            hours = self.calendars[person].hours
            if day.weekday() not in hours.weekdays:
                return None
            earliest = max(earliest, _minute_of(hours.starts))
            latest = min(latest, _minute_of(hours.ends))
        candidates = list(range(earliest, latest - minutes + 1, SLOT_MINUTES))
        candidates.sort(key=lambda start: (start < preferred, start))
        for start in candidates:
            if all(self._free(person, day, start, minutes) for person in people):
                return start
        return None

    def _free(self, person: int, day: date, start: int, minutes: int) -> bool:
        ordinal = day.toordinal()
        taken = self.taken[person]
        if any((ordinal, slot) in taken for slot in range(start, start + minutes, SLOT_MINUTES)):
            return False
        return not any(
            begin < start + minutes and start < finish
            for begin, finish in self._busy_days[person].get(day, ())
        )

    def take(self, people, day: date, start: int, minutes: int) -> None:
        ordinal = day.toordinal()
        for person in people:
            for slot in range(start, start + minutes, SLOT_MINUTES):
                self.taken[person].add((ordinal, slot))

    def random_time(self, rng: Random, person: int, day: date, minutes: int) -> datetime | None:
        """A plausible time in her hours on `day`, not held (for a visit that was later
        moved or cancelled, so it holds no slot now); None when she does not work then."""
        hours = self.calendars[person].hours
        if day.weekday() not in hours.weekdays:
            return None
        first, last = _minute_of(hours.starts), _minute_of(hours.ends) - minutes
        start = first + SLOT_MINUTES * int(rng.random() * ((last - first) // SLOT_MINUTES + 1))
        return datetime.combine(day, time(start // 60, start % 60), tzinfo=LONDON)


def slots(starts_at: datetime, ends_at: datetime) -> list[datetime]:
    """The 15-minute slots a visit holds."""
    held, moment = [], starts_at
    while moment < ends_at:
        held.append(moment)
        moment += timedelta(minutes=SLOT_MINUTES)
    return held


def _minute(moment: datetime) -> int:
    local = moment.astimezone(LONDON)
    return local.hour * 60 + local.minute


def _minute_of(clock: time) -> int:
    return clock.hour * 60 + clock.minute
