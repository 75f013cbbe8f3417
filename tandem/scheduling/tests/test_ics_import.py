"""Importing busy time from .ics files: valid, idempotent, all-day, recurring, malformed."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.scheduling.models import BusyPeriod, BusySource
from tandem.scheduling.services.ics_import import import_ics
from tandem.scheduling.tests.factories import at

TODAY = date(2026, 3, 2)
pytestmark = pytest.mark.django_db


def ics(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + body + "END:VCALENDAR\r\n"
    ).encode()


MEETING = """UID:meeting-1
DTSTAMP:20260301T000000Z
DTSTART;TZID=Europe/London:20260310T090000
DTEND;TZID=Europe/London:20260310T103000
SUMMARY:Team meeting about Mrs Example
LOCATION:1 Private Road"""


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(at(TODAY, 8), tick=False):
        yield


def _import(personas, content):
    return import_ics(
        by=personas.midwife, practitioner=personas.midwife.practitioner, content=content
    )


def test_import_makes_busy_periods_holding_only_times(personas):
    result = _import(personas, ics(MEETING))
    assert (result.events, result.busy_periods) == (1, 1)
    period = BusyPeriod.objects.get()
    assert (period.starts_at, period.ends_at) == (
        at(date(2026, 3, 10), 9),
        at(date(2026, 3, 10), 10, 30),
    )
    assert (period.source, period.ics_uid) == (BusySource.ICS, "meeting-1")
    stored = " ".join(str(value) for value in BusyPeriod.objects.values().get().values())
    assert "Example" not in stored and "Private Road" not in stored
    assert AuditEvent.objects.filter(object_type="busy_period_import").count() == 1


def test_import_twice_is_idempotent_on_uid_and_takes_changes(personas):
    _import(personas, ics(MEETING))
    _import(personas, ics(MEETING))
    assert BusyPeriod.objects.count() == 1
    _import(personas, ics(MEETING.replace("T103000", "T113000")))
    assert BusyPeriod.objects.get().ends_at == at(date(2026, 3, 10), 11, 30)


def test_import_all_day_event_blocks_the_whole_day(personas):
    _import(personas, ics("UID:leave\r\nDTSTART;VALUE=DATE:20260312\r\nDTEND;VALUE=DATE:20260314"))
    period = BusyPeriod.objects.get()
    assert (period.starts_at, period.ends_at) == (
        at(date(2026, 3, 12), 0),
        at(date(2026, 3, 14), 0),
    )


def test_import_expands_a_weekly_event_for_six_months_keeping_local_time(personas):
    _import(
        personas,
        ics(
            "UID:clinic\r\nDTSTART;TZID=Europe/London:20260303T140000\r\n"
            "DTEND;TZID=Europe/London:20260303T160000\r\nRRULE:FREQ=WEEKLY\r\n"
            "EXDATE;TZID=Europe/London:20260310T140000"
        ),
    )
    periods = list(BusyPeriod.objects.order_by("starts_at"))
    assert periods[0].starts_at == at(date(2026, 3, 3), 14)
    assert at(date(2026, 3, 10), 14) not in {p.starts_at for p in periods}
    # After the clocks go forward (29 March) it is still 2pm in the UK.
    assert at(date(2026, 4, 7), 14) in {p.starts_at for p in periods}
    assert periods[-1].starts_at <= datetime.now().astimezone() + timedelta(days=183)
    assert 24 <= len(periods) <= 27


def test_import_skips_free_and_cancelled_events(personas):
    free = MEETING.replace("meeting-1", "free") + "\r\nTRANSP:TRANSPARENT"
    cancelled = MEETING.replace("meeting-1", "gone") + "\r\nSTATUS:CANCELLED"
    assert _import(personas, ics(free, cancelled)).busy_periods == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00rubbish", "not text"),
        (b"hello", "no BEGIN:VCALENDAR"),
        (ics(MEETING).replace(b"SUMMARY:", b"SUMMARY "), "line 9 is not a calendar line"),
        (ics("UID:x\r\nDTEND:20260310T100000Z"), "The event 'x' at line 4 has no start"),
        (ics("DTSTART:20260310T100000Z"), "at line 4 has no UID"),
        (
            ics(MEETING, "UID:bad\r\nDTSTART:2026zz"),
            "The event 'bad' at line 12 has a DTSTART that cannot be read",
        ),
        (
            ics("UID:back\r\nDTSTART:20260310T100000Z\r\nDTEND:20260310T090000Z"),
            "'back' at line 4 ends before or when it starts",
        ),
        (
            ics("UID:r\r\nDTSTART:20260310T100000Z\r\nDTEND:20260310T110000Z\r\nRRULE:FREQ=NEVER"),
            "'r' at line 4 has a RRULE that cannot be read",
        ),
    ],
)
def test_import_rejects_a_bad_file_naming_the_line_or_event(personas, content, message):
    with pytest.raises(ValidationError) as error:
        _import(personas, content)
    assert message in error.value.message_dict["ics_file"][0]
    assert not BusyPeriod.objects.exists()


def test_import_of_a_bad_file_keeps_earlier_imports(personas):
    _import(personas, ics(MEETING))
    with pytest.raises(ValidationError):
        _import(personas, ics(MEETING, "UID:broken"))
    assert BusyPeriod.objects.count() == 1
