"""What the engine tests share: the summary must give what the records give."""

from datetime import timedelta

from django.utils import timezone

from tandem.measures.models import StaleMonth, SummaryCell
from tandem.measures.services import Month, compute, compute_from_records
from tandem.measures.summary import breakdowns


def span() -> tuple[Month, Month]:
    """Two years either side of today: every month the tests' records fall in."""
    today = timezone.localdate()
    return Month.of(today - timedelta(days=730)), Month.of(today + timedelta(days=730))


def assert_summary_matches_records() -> None:
    """Every measure, month and single breakdown read from the summary equals the plain
    count on the records, and the summary (not a fallback) answered."""
    first, last = span()
    for by in breakdowns():
        from_summary = compute(first=first, last=last, by=by)
        assert not StaleMonth.objects.exists()
        assert from_summary == compute_from_records(first=first, last=last, by=by), by
    assert SummaryCell.objects.exists()
