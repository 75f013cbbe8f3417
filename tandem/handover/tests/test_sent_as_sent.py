"""What was sent stays as sent: a later change to the birth record changes the live record
and a new preview, never the handover the health visitor was given; the handover page then
says the record has changed and links to it."""

import pytest
from django.urls import reverse

from tandem.handover.services import build_handover
from tandem.handover.tests.helpers import send_through_page, sent_handover, value_of
from tandem.outcomes.services import BabyEdit, update_birth

pytestmark = pytest.mark.django_db


def test_unchanged_birth_gives_no_warning(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    client.force_login(personas.health_visitor)

    url = reverse("web:handover", args=[sent_handover(personas.pregnancy).pk])
    page = client.get(url).content.decode()

    assert "The birth record has changed" not in page


def test_handover_keeps_the_birth_weight_it_was_sent_with(client, personas, hv_team, birth):
    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)
    handover = sent_handover(personas.pregnancy)
    baby = birth.babies.get()

    # The weight was mis-typed; the midwife corrects the birth record after sending.
    update_birth(
        by=personas.midwife,
        labour=birth,
        expected_version=birth.version,
        changes={},
        baby_edits=[BabyEdit(baby, baby.version, {"birth_weight_g": 3210})],
    )

    handover.refresh_from_db()
    assert value_of(handover.snapshot, "baby-1", "Birth weight") == "3,120 g"
    assert value_of(build_handover(personas.pregnancy), "baby-1", "Birth weight") == "3,210 g"
    client.force_login(personas.health_visitor)
    page = client.get(reverse("web:handover", args=[handover.pk])).content.decode()
    assert "3,120 g" in page
    assert "3,210 g" not in page
    assert "The birth record has been changed since this handover was sent" in page
    assert reverse("web:woman", args=[personas.woman.pk]) in page  # the live record
