"""The timings the Enhanced Maternity Pathway works to (Stockport pathway; Healthy Child
Programme). Windows are inclusive gestations: 20+0 to 25+6 means from day 140 to day 181."""

from datetime import date, timedelta

from tandem.core.gestation import Gestation

JOINT_VISIT_FROM = Gestation.of(20, 0)
JOINT_VISIT_TO = Gestation.of(25, 6)
HEALTH_VISITOR_CONTACT_FROM = Gestation.of(28, 0)
# A family decided for a joint visit with nothing booked by this gestation is flagged.
JOINT_VISIT_BOOK_BY = Gestation.of(19, 0)
# A visit not recorded this many days after it was due is flagged.
VISIT_RECORD_DUE_DAYS = 2
# Default target for the safeguarding review, in working days (configurable per LMNS).
REVIEW_TARGET_WORKING_DAYS = 5


def in_joint_visit_window(gestation: Gestation) -> bool:
    return JOINT_VISIT_FROM <= gestation <= JOINT_VISIT_TO


SATURDAY = 5


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY


def working_days_between(start: date, end: date) -> int:
    """Working days (Monday to Friday) after `start` up to and including `end`, 0 when `end`
    is not later: a referral made on a Friday has waited 1 working day on the Monday. Bank
    holidays are not yet left out (see docs/pathway-referrals.md), so a wait over one reads
    a day longer."""
    if end <= start:
        return 0
    whole_weeks, extra = divmod((end - start).days, 7)
    count = whole_weeks * 5
    for offset in range(1, extra + 1):
        if is_working_day(start + timedelta(days=offset)):
            count += 1
    return count


def add_working_days(start: date, working_days: int) -> date:
    """The day `working_days` working days after `start` (a review's due date)."""
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


def over_review_target(working_days_waiting: int, target_working_days: int) -> bool:
    """A referral is over target once it has waited more working days than the target."""
    return working_days_waiting > target_working_days
