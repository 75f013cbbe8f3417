"""A handover cannot be sent before the birth is recorded: the page says so, and a send
is refused with a clear error, saving nothing."""

import pytest
from django.urls import reverse

from tandem.handover.services import NO_BIRTH
from tandem.handover.tests.helpers import send_through_page

pytestmark = pytest.mark.django_db


def test_send_without_a_birth_is_refused(client, personas, hv_team):
    response = send_through_page(client, personas.midwife, personas.pregnancy, hv_team)

    assert response.status_code == 200
    assert NO_BIRTH in response.content.decode()
    assert not personas.pregnancy.handovers.exists()


def test_page_without_a_birth_offers_to_record_it(client, personas):
    client.force_login(personas.midwife)
    response = client.get(reverse("web:handover-pregnancy", args=[personas.pregnancy.pk]))

    page = response.content.decode()
    assert "No birth recorded" in page
    assert reverse("web:birth-new", args=[personas.pregnancy.pk]) in page
    assert "Send the handover" not in page


def test_record_page_links_to_the_handover_once_the_birth_is_recorded(client, personas, birth):
    client.force_login(personas.midwife)
    page = client.get(reverse("web:woman", args=[personas.woman.pk])).content.decode()

    assert reverse("web:handover-pregnancy", args=[personas.pregnancy.pk]) in page
    assert "Hand over to health visiting" in page
