"""The attendance page of a visit."""

import pytest
from django.urls import reverse

from tandem.assessments.tests.factories import VisitFactory
from tandem.core.models import AuditAction, AuditEvent
from tandem.scheduling.models import VisitStatus
from tandem.web.tests.conftest import page_text


@pytest.fixture
def booked_visit(personas):
    return VisitFactory(pregnancy=personas.pregnancy, booked_by=personas.administrator)


def test_attendance_page_records_attended(client, personas, booked_visit):
    client.force_login(personas.health_visitor)
    url = reverse("web:visit-attendance", args=[booked_visit.pk])

    response = client.post(url, {"version": "1", "outcome": "attended"})

    assert response.status_code == 302
    assert response.url == reverse("web:visit-record", args=[booked_visit.pk])
    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.ATTENDED


def test_attendance_page_did_not_attend_says_it_waits_for_rebooking(client, personas, booked_visit):
    client.force_login(personas.midwife)
    url = reverse("web:visit-attendance", args=[booked_visit.pk])

    response = client.post(url, {"version": "1", "outcome": "did_not_attend"}, follow=True)

    body = page_text(response)
    assert "The family did not attend this visit" in body
    assert "worklist" in body
    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.DID_NOT_ATTEND


def test_attendance_page_without_an_answer_names_the_field(client, personas, booked_visit):
    client.force_login(personas.midwife)

    response = client.post(
        reverse("web:visit-attendance", args=[booked_visit.pk]), {"version": "1"}
    )

    assert response.status_code == 200
    assert "Select whether the family attended the visit" in page_text(response)
    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.BOOKED


def test_attendance_page_stale_version_answers_409(client, personas, booked_visit):
    client.force_login(personas.midwife)
    url = reverse("web:visit-attendance", args=[booked_visit.pk])
    client.post(url, {"version": "1", "outcome": "attended"})

    response = client.post(url, {"version": "1", "outcome": "did_not_attend"})

    assert response.status_code == 409
    assert "Someone else changed this record" in page_text(response)
    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.ATTENDED


def test_attendance_page_outsider_gets_404_and_nothing_changes(client, personas, booked_visit):
    client.force_login(personas.outsider)

    response = client.post(
        reverse("web:visit-attendance", args=[booked_visit.pk]),
        {"version": "1", "outcome": "did_not_attend"},
    )

    assert response.status_code == 404
    booked_visit.refresh_from_db()
    assert booked_visit.status == VisitStatus.BOOKED


def test_attendance_page_read_is_audited(client, personas, booked_visit):
    client.force_login(personas.midwife)

    client.get(reverse("web:visit-attendance", args=[booked_visit.pk]))

    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.object_type, event.person_id) == ("visit", personas.woman.pk)


def test_attendance_did_not_attend_offers_to_rebook(client, personas, referral):
    missed = VisitFactory(
        pregnancy=personas.pregnancy,
        referral=referral,
        status=VisitStatus.DID_NOT_ATTEND,
        booked_by=personas.administrator,
    )
    client.force_login(personas.midwife)

    response = client.get(reverse("web:visit-record", args=[missed.pk]))

    assert f'href="{reverse("web:visit-book", args=[referral.pk])}"' in page_text(response)
    assert "Rebook the visit" in page_text(response)
