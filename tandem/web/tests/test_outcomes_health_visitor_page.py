"""The health visitor's 6–8 week page for one baby: which baby it is, what she records."""

import re

import pytest
from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.outcomes.models import PregnancyOutcome
from tandem.outcomes.tests.factories import BabyFactory, LabourDeliveryFactory
from tandem.web.tests.conftest import assert_field_error, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_twin(personas):
    labour = LabourDeliveryFactory(pregnancy=personas.pregnancy)
    BabyFactory(labour_delivery=labour, birth_order=1)
    return BabyFactory(labour_delivery=labour, birth_order=2)


def test_page_names_the_baby_and_her_mother(client, personas, second_twin):
    client.force_login(personas.health_visitor)

    response = client.get(reverse("web:baby-six-to-eight-weeks", args=[second_twin.pk]))

    body = page_text(response)
    assert "6 to 8 week details for baby 2" in body
    assert f"Baby 2 of Amina Testwoman, NHS number {personas.woman.nhs_number_display}" in body
    viewed = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (viewed.object_type, viewed.object_id) == ("baby", str(second_twin.pk))


def test_health_visitor_records_feeding_for_the_second_twin_only(client, personas, second_twin):
    client.force_login(personas.health_visitor)

    response = client.post(
        reverse("web:baby-six-to-eight-weeks", args=[second_twin.pk]),
        {"feeding_at_6_8_weeks": "breast", "readmitted_within_30_days": "no", "version": "1"},
    )

    assert response.status_code == 302
    second_twin.refresh_from_db()
    assert (second_twin.feeding_at_6_8_weeks, second_twin.readmitted_within_30_days) == (
        "breast",
        False,
    )
    first = second_twin.labour_delivery.babies.get(birth_order=1)
    assert (first.feeding_at_6_8_weeks, first.version) == ("", 1)


def test_feeding_for_a_stillborn_baby_is_shown_at_the_field(client, personas):
    baby = BabyFactory(
        labour_delivery__pregnancy=personas.pregnancy,
        outcome=PregnancyOutcome.STILLBIRTH_ANTEPARTUM,
    )
    client.force_login(personas.health_visitor)

    response = client.post(
        reverse("web:baby-six-to-eight-weeks", args=[baby.pk]),
        {"feeding_at_6_8_weeks": "formula", "version": "1"},
    )

    assert response.status_code == 200
    assert_field_error(
        response,
        "feeding_at_6_8_weeks",
        "This baby was stillborn: there is no feeding at 6 to 8 weeks to record",
    )


def test_stale_version_answers_409(client, personas, second_twin):
    client.force_login(personas.health_visitor)
    url = reverse("web:baby-six-to-eight-weeks", args=[second_twin.pk])
    client.post(url, {"feeding_at_6_8_weeks": "mixed", "version": "1"})

    response = client.post(url, {"feeding_at_6_8_weeks": "formula", "version": "1"})

    assert response.status_code == 409
    second_twin.refresh_from_db()
    assert second_twin.feeding_at_6_8_weeks == "mixed"
    # What she chose is still chosen, for her to save again after reloading.
    assert re.search(r'value="formula"[^>]*checked', page_text(response))
