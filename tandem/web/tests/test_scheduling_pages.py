"""The calendar, booking and visit pages through the Django test client."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.scheduling.models import BusyPeriod, Visit, VisitStatus, WorkingHours
from tandem.scheduling.tests.factories import (
    at,
    booked_visit,
    decided_referral,
    edd_for,
    works_every_day,
)
from tandem.web.tests.conftest import assert_field_error, date_fields, page_text

TODAY = date(2026, 3, 2)
FIRST_DAY = TODAY + timedelta(days=10)


@pytest.fixture
def clock():
    with time_machine.travel(at(TODAY, 8), tick=False):
        yield


@pytest.fixture
def referral(personas, clock):
    works_every_day(personas.midwife.practitioner)
    works_every_day(personas.health_visitor.practitioner)
    personas.pregnancy.edd = edd_for(FIRST_DAY, 20, 0)
    personas.pregnancy.save()
    return decided_referral(personas.pregnancy, by=personas.reviewer)


def test_book_page_lists_proposals_and_books_the_chosen_one(client, personas, referral):
    client.force_login(personas.administrator)
    url = reverse("web:visit-book", args=[referral.pk])
    body = page_text(client.get(url))
    assert f"{FIRST_DAY:%A} {FIRST_DAY.day} March 2026, 9am to 10:30am" in body
    assert "Midwife Persona and Health Visitor Persona (20+0 weeks)" in body
    key = body.split('name="slot" type="radio" value="', 1)[1].split('"', 1)[0]
    response = client.post(url, {"slot": key})
    visit = Visit.objects.get(referral=referral)
    assert response.status_code == 302
    assert response.url == reverse("web:visit", args=[visit.pk])
    assert visit.starts_at == at(FIRST_DAY, 9)


def test_book_page_another_time_outside_the_window_needs_a_reason(client, personas, referral):
    client.force_login(personas.midwife)
    url = reverse("web:visit-book", args=[referral.pk])
    data = {
        "slot": "other",
        **date_fields("date", FIRST_DAY - timedelta(days=1)),
        "time": "14:00",
        "midwife": str(personas.midwife.practitioner.pk),
        "health_visitor": str(personas.health_visitor.practitioner.pk),
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert_field_error(
        response,
        "outside_window_reason",
        "She will be 19+6 weeks pregnant on that day; this visit should be between 20+0 and "
        "25+6 weeks. Choose a time inside the window, or give a reason for booking outside it",
    )
    assert not Visit.objects.exists()
    client.post(url, {**data, "outside_window_reason": "Only day the interpreter can come"})
    assert Visit.objects.get().is_outside_window


def test_book_page_another_time_without_a_date_names_the_field(client, personas, referral):
    client.force_login(personas.midwife)
    response = client.post(
        reverse("web:visit-book", args=[referral.pk]), {"slot": "other", "time": "10:00"}
    )
    assert_field_error(response, "date_day", "Enter the date of the visit")


def test_book_page_for_an_outsider_is_404(client, personas, referral):
    client.force_login(personas.outsider)
    assert client.get(reverse("web:visit-book", args=[referral.pk])).status_code == 404


def test_visit_page_shows_who_and_when_and_is_audited(client, personas, referral):
    visit = booked_visit(
        personas.pregnancy,
        by=personas.administrator,
        midwife=personas.midwife.practitioner,
        health_visitor=personas.health_visitor.practitioner,
        starts_at=at(FIRST_DAY, 9),
        referral=referral,
    )
    client.force_login(personas.health_visitor)
    body = page_text(client.get(reverse("web:visit", args=[visit.pk])))
    assert "Midwife Persona (Midwife), Health Visitor Persona (Health visitor)" in body
    assert "20+0 weeks" in body and personas.woman.nhs_number_display in body
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="visit", person_id=personas.woman.pk
    ).exists()


def test_visit_page_outsider_404_analyst_403(client, personas, referral):
    visit = booked_visit(
        personas.pregnancy,
        by=personas.administrator,
        midwife=personas.midwife.practitioner,
        health_visitor=personas.health_visitor.practitioner,
    )
    url = reverse("web:visit", args=[visit.pk])
    client.force_login(personas.outsider)
    assert client.get(url).status_code == 404
    client.force_login(personas.analyst)
    assert client.get(url).status_code == 403


def test_cancel_page_needs_a_reason_and_a_current_version(client, personas, referral):
    visit = booked_visit(
        personas.pregnancy,
        by=personas.administrator,
        midwife=personas.midwife.practitioner,
        health_visitor=personas.health_visitor.practitioner,
        starts_at=at(FIRST_DAY, 9),
        referral=referral,
    )
    client.force_login(personas.midwife)
    url = reverse("web:visit-cancel", args=[visit.pk])
    assert_field_error(
        client.post(url, {"version": "1", "reason": ""}),
        "reason",
        "Enter why the visit is being cancelled",
    )
    assert client.post(url, {"version": "2", "reason": "Moved"}).status_code == 409
    assert client.post(url, {"version": "1", "reason": "Moved away"}).status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED


def test_reschedule_page_moves_the_visit(client, personas, referral):
    visit = booked_visit(
        personas.pregnancy,
        by=personas.administrator,
        midwife=personas.midwife.practitioner,
        health_visitor=personas.health_visitor.practitioner,
        starts_at=at(FIRST_DAY, 9),
        referral=referral,
    )
    client.force_login(personas.administrator)
    response = client.post(
        reverse("web:visit-reschedule", args=[visit.pk]),
        {
            "version": "1",
            **date_fields("date", FIRST_DAY + timedelta(days=1)),
            "time": "1:30pm",
            "reason": "Health visitor on a course",
        },
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.starts_at == at(FIRST_DAY + timedelta(days=1), 13, 30)


def test_calendar_add_hours_and_busy_period_then_remove(client, personas, clock):
    client.force_login(personas.midwife)
    response = client.post(
        reverse("web:working-hours-new"),
        {"weekday": "1", "starts": "9am", "ends": "8:00", **date_fields("valid_from", TODAY)},
    )
    assert_field_error(response, "ends", "The finishing time must be after the starting time")
    client.post(
        reverse("web:working-hours-new"),
        {"weekday": "1", "starts": "9am", "ends": "5pm", **date_fields("valid_from", TODAY)},
    )
    hours = WorkingHours.objects.get(practitioner=personas.midwife.practitioner)
    client.post(
        reverse("web:busy-period-new"),
        {**date_fields("starts_on", FIRST_DAY), "starts": "10:00", "ends": "12:00"},
    )
    period = BusyPeriod.objects.get()
    assert period.ends_at == at(FIRST_DAY, 12)
    body = page_text(client.get(reverse("web:my-calendar")))
    assert "Tuesday" in body and "9am to 5pm" in body
    client.post(reverse("web:working-hours-remove", args=[hours.pk]))
    client.post(reverse("web:busy-period-remove", args=[period.pk]))
    assert not WorkingHours.objects.exists() and not BusyPeriod.objects.exists()


def test_calendar_remove_of_someone_elses_hours_is_404(client, personas, clock):
    works_every_day(personas.midwife.practitioner)
    hours = WorkingHours.objects.first()
    client.force_login(personas.health_visitor)
    assert client.post(reverse("web:working-hours-remove", args=[hours.pk])).status_code == 404
    assert WorkingHours.objects.filter(pk=hours.pk).exists()


def test_calendar_import_upload_shows_a_bad_file_on_its_field(client, personas, clock):
    client.force_login(personas.midwife)
    upload = SimpleUploadedFile("diary.ics", b"BEGIN:VCALENDAR\r\nrubbish\r\nEND:VCALENDAR\r\n")
    response = client.post(reverse("web:calendar-import"), {"ics_file": upload})
    assert_field_error(
        response,
        "ics_file",
        "The file is not a valid calendar: line 2 is not a calendar line ('rubbish')",
    )
    good = SimpleUploadedFile(
        "diary.ics",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        b"DTSTART:20260310T100000Z\r\nDTEND:20260310T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    response = client.post(reverse("web:calendar-import"), {"ics_file": good}, follow=True)
    assert "Imported 1 event as 1 busy period" in page_text(response)
