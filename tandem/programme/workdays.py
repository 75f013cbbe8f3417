"""Working days (Monday to Friday) for the safeguarding review target.

Bank holidays are not taken out: the target is counted in weekdays, as the pathway's review
target is written. A referral made on a weekend starts counting on the Monday.
"""

from datetime import date, timedelta

SATURDAY = 5


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` is not later).

    Referred on a Monday and decided on the Tuesday is 1 working day; referred on a Friday
    and decided on the Monday is 1 too.
    """
    if end <= start:
        return 0
    days = (end - start).days
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if is_working_day(start + timedelta(days=offset)):
            count += 1
    return count


def add_working_days(start: date, working_days: int) -> date:
    """The day `working_days` working days after `start` (the review's due date)."""
    day = start
    remaining = working_days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def latest_overdue_start(today: date, working_days: int) -> date:
    """The latest start date whose due date (`working_days` later) is before `today`: work
    started on or before it is overdue today."""
    day = today - timedelta(days=1)
    while add_working_days(day, working_days) >= today:
        day -= timedelta(days=1)
    return day
