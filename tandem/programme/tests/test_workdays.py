"""Working days for the review target: Monday to Friday."""

from datetime import date

import pytest

from tandem.pathway.rules import (
    add_working_days,
    latest_overdue_start,
    working_days_between,
)

MONDAY = date(2025, 3, 3)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (MONDAY, MONDAY, 0),
        (MONDAY, date(2025, 3, 4), 1),  # Tuesday
        (date(2025, 3, 7), date(2025, 3, 10), 1),  # Friday to Monday
        (date(2025, 3, 8), date(2025, 3, 10), 1),  # Saturday to Monday
        (MONDAY, date(2025, 3, 10), 5),  # a week
        (MONDAY, date(2025, 3, 17), 10),
        (date(2025, 3, 10), MONDAY, 0),  # end before start
    ],
)
def test_working_days_between_counts_weekdays_after_the_start(start, end, expected):
    assert working_days_between(start, end) == expected


def test_add_working_days_skips_the_weekend():
    assert add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 10)
    assert add_working_days(MONDAY, 5) == date(2025, 3, 10)
    assert add_working_days(date(2025, 3, 8), 5) == date(2025, 3, 14)


def test_latest_overdue_start_is_the_last_day_whose_due_date_has_passed():
    # Due 5 working days after a Monday is the next Monday: overdue from the Tuesday.
    assert latest_overdue_start(date(2025, 3, 10), 5) < MONDAY
    assert latest_overdue_start(date(2025, 3, 11), 5) == MONDAY
    # On a Monday, referrals of the Sunday before last and earlier are overdue (due Friday).
    assert latest_overdue_start(date(2025, 3, 17), 5) == date(2025, 3, 9)
