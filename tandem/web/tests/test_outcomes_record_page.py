"""The birth on the woman's record page: what is recorded, and links to record or change it
for those whose role may; previous births not recorded say so."""

import re

import pytest
from django.urls import reverse

from tandem.outcomes.models import PregnancyOutcome
from tandem.outcomes.tests.factories import BabyFactory, LabourDeliveryFactory
from tandem.web.tests.conftest import page_text

pytestmark = pytest.mark.django_db


def _record(client, user, personas) -> str:
    client.force_login(user)
    return page_text(client.get(reverse("web:woman", args=[personas.woman.pk])))


def test_record_offers_to_record_the_birth_of_an_active_pregnancy(client, personas):
    body = _record(client, personas.midwife, personas)

    assert "No birth has been recorded yet." in body
    assert reverse("web:birth-new", args=[personas.pregnancy.pk]) in body


def test_record_shows_the_twins_and_their_links(client, personas):
    labour = LabourDeliveryFactory(pregnancy=personas.pregnancy, blood_loss_ml=1600)
    first = BabyFactory(labour_delivery=labour, birth_order=1, gestation_days=254)
    second = BabyFactory(
        labour_delivery=labour, birth_order=2, outcome=PregnancyOutcome.STILLBIRTH_INTRAPARTUM
    )

    body = _record(client, personas.health_visitor, personas)

    assert "<h4>Baby 1</h4>" in body and "<h4>Baby 2</h4>" in body
    assert "36+2 weeks" in body  # 254 days
    assert "1600 ml" in body
    assert "8: Multiple pregnancy" in body
    assert reverse("web:birth-edit", args=[labour.pk]) in body
    assert reverse("web:baby-six-to-eight-weeks", args=[first.pk]) in body
    # No 6–8 week feeding to record for a stillborn baby.
    assert reverse("web:baby-six-to-eight-weeks", args=[second.pk]) not in body


def test_reviewer_sees_the_birth_without_links_to_change_it(client, personas, referral):
    # The reviewer sees the family because it was referred to the pathway.
    baby = BabyFactory(labour_delivery__pregnancy=personas.pregnancy)

    body = _record(client, personas.reviewer, personas)

    assert "<h4>Baby 1</h4>" in body
    assert reverse("web:birth-edit", args=[baby.labour_delivery_id]) not in body
    assert reverse("web:baby-six-to-eight-weeks", args=[baby.pk]) not in body


def test_previous_births_not_recorded_say_so(client, personas):
    pregnancy = personas.pregnancy
    pregnancy.previous_live_births = None
    pregnancy.previous_stillbirths = None
    pregnancy.previous_caesareans = None
    pregnancy.save()

    body = _record(client, personas.midwife, personas)

    for key in ("Previous births", "Previous caesarean sections"):
        assert re.search(rf">\s*{key}\s*</dt>\s*<dd[^>]*>\s*Not recorded\s*</dd>", body), key


def test_an_imported_code_and_impossible_gestation_are_shown_for_what_they_are(client, personas):
    BabyFactory(
        labour_delivery__pregnancy=personas.pregnancy, presentation="XX", gestation_days=320
    )

    body = _record(client, personas.midwife, personas)

    assert "MSDS code XX (meaning not confirmed)" in body
    assert (
        "45+5 weeks (320 days, as imported: outside 20+1 to 45+0 weeks, "
        "so not counted as a valid gestation)"
    ) in body
