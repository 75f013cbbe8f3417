"""Days waiting for review count working days, Monday to Friday, against the target."""

from datetime import date

import pytest

from tandem.pathway.models import ReviewTarget
from tandem.pathway.rules import (
    REVIEW_TARGET_WORKING_DAYS,
    over_review_target,
    working_days_between,
)
from tandem.pathway.services import review_target_working_days

MONDAY = date(2026, 11, 16)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (MONDAY, MONDAY, 0),
        (MONDAY, date(2026, 11, 17), 1),  # Monday to Tuesday
        (date(2026, 11, 20), date(2026, 11, 23), 1),  # Friday to Monday: the weekend is free
        (date(2026, 11, 21), date(2026, 11, 23), 1),  # Saturday to Monday
        (date(2026, 11, 21), date(2026, 11, 22), 0),  # Saturday to Sunday
        (MONDAY, date(2026, 11, 23), 5),  # a whole week
        (date(2026, 11, 20), date(2026, 12, 4), 10),  # Friday to Friday two weeks on
        (date(2026, 11, 23), MONDAY, 0),  # end before start
    ],
)
def test_working_days_skip_weekends(start, end, expected):
    assert working_days_between(start, end) == expected


def test_working_days_over_target_only_past_the_target():
    assert not over_review_target(4, 5)
    assert not over_review_target(5, 5)  # at the target is within it
    assert over_review_target(6, 5)


def test_review_target_comes_from_the_lmns_setting(db):
    assert review_target_working_days() == REVIEW_TARGET_WORKING_DAYS  # loaded by migration
    target = ReviewTarget.objects.get()
    target.working_days = 3
    target.save()

    assert review_target_working_days() == 3


def test_review_target_falls_back_to_the_default_without_a_setting(db):
    ReviewTarget.objects.all().delete()

    assert review_target_working_days() == REVIEW_TARGET_WORKING_DAYS
