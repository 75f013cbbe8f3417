"""A new booking registers a woman and books her pregnancy together, or saves nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.records.models import Pregnancy, Team, Woman
from tandem.records.tests.factories import AreaLsoaFactory
from tandem.web.tests.conftest import (
    assert_field_error,
    date_fields,
    page_text,
    pregnancy_form_data,
    woman_form_data,
)


def _post(client, user, data):
    client.force_login(user)
    return client.post(reverse("web:booking-new"), data)


def test_new_booking_form_offers_only_her_organisation_and_areas(client, personas):
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:booking-new")))
    assert "<h1>Register a woman and book her pregnancy</h1>" in page
    assert "Stockport NHS Foundation Trust" in page
    assert "Adswood midwives" in page
    assert "Brinnington midwives" not in page
    assert "Outsider Persona" not in page
    assert 'id="date_of_birth_day"' in page


def test_new_booking_saves_woman_and_pregnancy_then_shows_her_record(client, personas):
    data = {**woman_form_data(), **pregnancy_form_data(personas)}
    response = _post(client, personas.midwife, data)
    woman = Woman.objects.get(nhs_number=data["nhs_number"])
    assert response.status_code == 302
    assert response.url == reverse("web:woman", args=[woman.pk])
    pregnancy = woman.pregnancies.get()
    assert pregnancy.area == personas.adswood  # worked out from her postcode
    assert pregnancy.named_midwife == personas.midwife.practitioner
    assert woman.lsoa_code == "E01005763"
    page = page_text(client.get(response.url))
    assert "Bethan Newbooking is registered and her pregnancy is booked" in page


def test_new_booking_writes_audit_events_and_history(client, personas):
    data = {**woman_form_data(), **pregnancy_form_data(personas)}
    _post(client, personas.midwife, data)
    woman = Woman.objects.get(nhs_number=data["nhs_number"])
    created = AuditEvent.objects.filter(action=AuditAction.CREATE, person_id=woman.pk)
    assert sorted(created.values_list("object_type", flat=True)) == ["pregnancy", "woman"]
    assert woman.history.get().history_user == personas.midwife
    assert woman.pregnancies.get().history.get().history_type == "+"


def _nothing_saved(before_women: int, before_pregnancies: int) -> bool:
    return (
        Woman.objects.count() == before_women
        and Pregnancy.objects.count() == before_pregnancies
        and not AuditEvent.objects.filter(action=AuditAction.CREATE).exists()
    )


@pytest.mark.parametrize(
    ("changes", "anchor", "message"),
    [
        (
            {"nhs_number": "999 000 0019"},
            "nhs_number",
            "Enter a valid NHS number: the check digit does not match",
        ),
        (
            date_fields("date_of_birth", timezone.localdate() + timedelta(days=1)),
            "date_of_birth_day",
            "Date of birth must be in the past",
        ),
        (
            {
                **date_fields("lmp", timezone.localdate() - timedelta(weeks=10)),
                **date_fields("edd_scan", timezone.localdate() - timedelta(weeks=11)),
            },
            "edd_scan_day",
            "The EDD from the dating scan must be after the last menstrual period",
        ),
        (
            {
                **date_fields("lmp", timezone.localdate() - timedelta(weeks=50)),
                **date_fields("booking_date", None),
            },
            "lmp_day",
            "beyond 45 weeks",
        ),
        (
            {"ethnic_category": "XX"},
            "ethnic_category",
            "Choose her ethnic category from the list",
        ),
        (
            {"date_of_birth_day": "31", "date_of_birth_month": "2", "date_of_birth_year": "1995"},
            "date_of_birth_day",
            "Date of birth must be a real date",
        ),
    ],
    ids=[
        "invalid-nhs-number",
        "future-date-of-birth",
        "edd-before-lmp",
        "gestation-beyond-45-weeks",
        "unknown-ethnic-code",
        "impossible-date",
    ],
)
def test_new_booking_with_bad_input_shows_field_error_and_saves_nothing(
    client, personas, changes, anchor, message
):
    women, pregnancies = Woman.objects.count(), Pregnancy.objects.count()
    data = {**woman_form_data(), **pregnancy_form_data(personas), **changes}
    response = _post(client, personas.midwife, data)
    assert response.status_code == 200
    assert_field_error(response, anchor, message)
    assert "<title>Error: New booking" in page_text(response)
    assert _nothing_saved(women, pregnancies)


def test_new_booking_with_bad_input_keeps_what_she_typed(client, personas):
    data = {**woman_form_data(given_name="Keepme"), **pregnancy_form_data(personas)}
    data["nhs_number"] = "12345"
    page = page_text(_post(client, personas.midwife, data))
    assert 'value="Keepme"' in page
    assert 'value="12345"' in page


def test_new_booking_refuses_a_team_outside_her_scope(client, personas):
    brinnington_team = Team.objects.get(name="Brinnington midwives")
    women = Woman.objects.count()
    data = {
        **woman_form_data(),
        **pregnancy_form_data(personas, team=str(brinnington_team.pk)),
    }
    response = _post(client, personas.midwife, data)
    assert_field_error(response, "team", "Choose the team caring for her from the list")
    assert Woman.objects.count() == women


def test_new_booking_outside_her_scope_is_saved_and_she_is_told(client, personas):
    # Her postcode places her in Brinnington, which the administrator does not cover.
    AreaLsoaFactory(area=personas.brinnington, lsoa_code="E01005868")
    data = {
        **woman_form_data(postcode="M19 1GD"),
        **pregnancy_form_data(personas, named_midwife="", team=""),
    }
    response = _post(client, personas.administrator, data)
    assert response.url == reverse("web:home")
    pregnancy = Pregnancy.objects.get(woman__nhs_number=data["nhs_number"])
    assert pregnancy.area == personas.brinnington
    page = page_text(client.get(response.url))
    assert "her record is not shown to you" in page
