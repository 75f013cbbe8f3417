"""Booking a new pregnancy for a registered woman, and changing a pregnancy."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.records.models import PregnancyStatus
from tandem.web.tests.conftest import (
    assert_field_error,
    date_fields,
    page_text,
    pregnancy_form_data,
)


def _edit_data(personas, **changes) -> dict:
    pregnancy = personas.pregnancy
    data = pregnancy_form_data(
        personas,
        **date_fields("lmp", pregnancy.lmp),
        **date_fields("booking_date", pregnancy.booking_date),
        previous_live_births="0",
        area=str(personas.adswood.pk),
    )
    del data["provider"]
    data.update({"status": PregnancyStatus.ACTIVE, **date_fields("ended_on", None), "version": "1"})
    return {**data, **changes}


def _edit_url(personas) -> str:
    return reverse("web:pregnancy-edit", args=[personas.pregnancy.pk])


def test_book_pregnancy_for_woman_whose_last_pregnancy_ended(client, personas):
    today = timezone.localdate()
    personas.pregnancy.status = PregnancyStatus.DELIVERED
    personas.pregnancy.ended_on = today - timedelta(days=30)
    personas.pregnancy.save()
    client.force_login(personas.midwife)
    response = client.post(
        reverse("web:pregnancy-new", args=[personas.woman.pk]), pregnancy_form_data(personas)
    )
    assert response.status_code == 302
    assert personas.woman.pregnancies.filter(status=PregnancyStatus.ACTIVE).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="pregnancy").exists()


def test_book_pregnancy_while_one_is_active_shows_the_error(client, personas):
    client.force_login(personas.midwife)
    response = client.post(
        reverse("web:pregnancy-new", args=[personas.woman.pk]), pregnancy_form_data(personas)
    )
    assert_field_error(response, "lmp_day", "She already has an active pregnancy")
    assert personas.woman.pregnancies.count() == 1


def test_edit_pregnancy_form_shows_current_values(client, personas):
    client.force_login(personas.midwife)
    page = page_text(client.get(_edit_url(personas)))
    assert "<h1>Change the pregnancy due" in page
    assert f'value="{personas.pregnancy.lmp.year}"' in page
    assert '<input type="hidden" name="version" value="1"' in page


def test_edit_pregnancy_saves_with_audit_and_history(client, personas):
    client.force_login(personas.health_visitor)
    response = client.post(
        _edit_url(personas), _edit_data(personas, previous_caesareans="0", previous_live_births="2")
    )
    assert response.status_code == 302
    personas.pregnancy.refresh_from_db()
    assert (personas.pregnancy.previous_live_births, personas.pregnancy.version) == (2, 2)
    event = AuditEvent.objects.get(action=AuditAction.CHANGE, object_type="pregnancy")
    assert event.detail["changes"]["previous_live_births"] == [0, 2]
    assert personas.pregnancy.history.count() == 2


def test_edit_pregnancy_ending_needs_an_end_date(client, personas):
    client.force_login(personas.midwife)
    response = client.post(_edit_url(personas), _edit_data(personas, status="delivered"))
    assert_field_error(
        response,
        "ended_on_day",
        "Enter the date the pregnancy was delivered, ended or transferred out",
    )
    personas.pregnancy.refresh_from_db()
    assert personas.pregnancy.status == PregnancyStatus.ACTIVE


def test_edit_pregnancy_with_gestation_beyond_45_weeks_is_refused(client, personas):
    lmp = timezone.localdate() - timedelta(weeks=46)
    client.force_login(personas.midwife)
    response = client.post(
        _edit_url(personas),
        _edit_data(personas, **date_fields("lmp", lmp), **date_fields("booking_date", None)),
    )
    assert_field_error(response, "lmp_day", "beyond 45 weeks")
    personas.pregnancy.refresh_from_db()
    assert personas.pregnancy.version == 1


def test_edit_pregnancy_with_stale_version_answers_409(client, personas):
    client.force_login(personas.midwife)
    assert client.post(_edit_url(personas), _edit_data(personas, previous_live_births="1"))
    response = client.post(_edit_url(personas), _edit_data(personas, previous_live_births="3"))
    assert response.status_code == 409
    assert "Someone else changed this record" in page_text(response)
    personas.pregnancy.refresh_from_db()
    assert personas.pregnancy.previous_live_births == 1


def test_edit_pregnancy_by_outsider_is_not_found(client, personas):
    client.force_login(personas.outsider)
    assert client.post(_edit_url(personas), _edit_data(personas)).status_code == 404
