"""Process changes are recorded in the admin by a system administrator: a known measure,
the first day of a month, and the person who recorded it."""

from datetime import date

import pytest
from django.urls import reverse

from tandem.measures.models import ProcessChange

pytestmark = pytest.mark.django_db

ADD = "admin:measures_processchange_add"


def test_a_system_admin_records_a_change_and_is_named_on_it(client, personas):
    client.force_login(personas.system_admin)
    response = client.post(
        reverse(ADD),
        {"measure_id": "pph_1500", "changed_on": "2025-03-01", "description": "New PPH bundle"},
    )
    assert response.status_code == 302
    change = ProcessChange.objects.get()
    assert (change.measure_id, change.changed_on) == ("pph_1500", date(2025, 3, 1))
    assert change.recorded_by == personas.system_admin


def test_a_change_must_start_on_the_first_of_a_month(client, personas):
    client.force_login(personas.system_admin)
    response = client.post(
        reverse(ADD),
        {"measure_id": "pph_1500", "changed_on": "2025-03-15", "description": "Mid-month"},
    )
    assert response.status_code == 200
    assert "Enter the first day of the month" in response.content.decode()
    assert not ProcessChange.objects.exists()


def test_a_change_must_name_a_measure_that_exists(client, personas):
    client.force_login(personas.system_admin)
    response = client.post(
        reverse(ADD),
        {"measure_id": "no_such", "changed_on": "2025-03-01", "description": "Typo"},
    )
    assert response.status_code == 200
    assert not ProcessChange.objects.exists()


def test_expected_deliveries_are_in_the_admin(client, personas):
    client.force_login(personas.system_admin)
    url = reverse("admin:measures_expecteddeliveries_changelist")
    assert client.get(url).status_code == 200
