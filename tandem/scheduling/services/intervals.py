"""Interval arithmetic on whole minutes since the Unix epoch (UTC).

Calendars are turned into sorted lists of disjoint half-open intervals `(start, end)`;
free time is working time minus busy time, and two practitioners are free together in the
intersection of their free times. Integers keep this fast for hundreds of calendars.
"""

import functools
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

Interval = tuple[int, int]
SLOT_MINUTES = 15  # the grid visits start on and reservations are held in


@functools.cache
def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def to_minutes(moment: datetime) -> int:
    return int(moment.timestamp()) // 60


def from_minutes(minutes: int) -> datetime:
    return datetime.fromtimestamp(minutes * 60, tz=UTC)


@functools.lru_cache(maxsize=4096)
def local_midnight(day: date) -> int:
    """The minute local (UK) midnight begins `day`."""
    return to_minutes(datetime.combine(day, time(0), tzinfo=local_zone()))


@functools.lru_cache(maxsize=65536)
def local_moment(day: date, at: time) -> int:
    return to_minutes(datetime.combine(day, at, tzinfo=local_zone()))


def local_date(minutes: int) -> date:
    # UK clocks change on the hour, so every minute of a UTC hour has the same local date.
    return _local_date_of_hour(minutes // 60)


@functools.lru_cache(maxsize=65536)
def _local_date_of_hour(hour: int) -> date:
    return from_minutes(hour * 60).astimezone(local_zone()).date()


def ceil_to_slot(minutes: int) -> int:
    return -(-minutes // SLOT_MINUTES) * SLOT_MINUTES


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, disjoint intervals covering the same time (touching ones joined)."""
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def subtract(base: list[Interval], cuts: list[Interval]) -> list[Interval]:
    """`base` minus `cuts`; both sorted and disjoint."""
    result: list[Interval] = []
    index = 0
    for start, end in base:
        while index < len(cuts) and cuts[index][1] <= start:
            index += 1
        probe = index
        current = start
        while probe < len(cuts) and cuts[probe][0] < end:
            cut_start, cut_end = cuts[probe]
            if cut_start > current:
                result.append((current, cut_start))
            current = max(current, cut_end)
            probe += 1
        if current < end:
            result.append((current, end))
    return result


def intersect(first: list[Interval], second: list[Interval]) -> list[Interval]:
    """The time in both; both sorted and disjoint."""
    result: list[Interval] = []
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if start < end:
            result.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return result


def covers(free: list[Interval], start: int, end: int) -> bool:
    """Whether [start, end) lies wholly inside one free interval."""
    return any(s <= start and end <= e for s, e in free)


def days_between(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)
