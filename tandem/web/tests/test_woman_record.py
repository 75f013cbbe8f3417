"""Her record: details, pregnancies and contacts, for those who may see it; audited."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.records import services
from tandem.records.models import PregnancyStatus
from tandem.records.tests.factories import PregnancyFactory, WomanFactory
from tandem.web.tests.conftest import page_text


def _record(client, user, woman):
    client.force_login(user)
    return client.get(reverse("web:woman", args=[woman.pk]))


def test_record_shows_details_pregnancy_and_contacts_to_owner(client, personas, contact):
    page = page_text(_record(client, personas.midwife, personas.woman))
    assert "<h1>Amina Testwoman</h1>" in page
    assert personas.woman.nhs_number_display in page
    assert "SK3 8LG" in page
    assert "E01005763" in page
    assert "White: British" in page
    assert "20+0 weeks" in page  # gestation today, computed
    assert "Gestation at booking" in page and "9+0 weeks" in page
    assert "Midwife Persona" in page
    assert "Adswood midwives" in page
    assert "Antenatal appointment" in page and "Attended" in page
    assert "Change her details" in page and "Record a contact" in page


def test_record_is_shown_to_team_member(client, personas, colleague):
    assert _record(client, colleague, personas.woman).status_code == 200


def test_record_is_not_found_for_outsider(client, personas):
    response = _record(client, personas.outsider, personas.woman)
    assert response.status_code == 404
    assert "Amina" not in page_text(response)


def test_record_view_writes_an_audit_event(client, personas):
    _record(client, personas.health_visitor, personas.woman)
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.actor_id, event.object_type, event.person_id) == (
        personas.health_visitor.pk,
        "woman",
        personas.woman.pk,
    )


def test_record_warns_when_postcode_not_found(client, personas):
    woman = WomanFactory(postcode="ZZ9 9ZZ", lsoa_code="")
    PregnancyFactory(
        woman=woman, provider=personas.provider, named_midwife=personas.midwife.practitioner
    )
    page = page_text(_record(client, personas.midwife, woman))
    assert "Postcode not found" in page
    assert "was not found in the postcode lookup" in page


def test_record_without_active_pregnancy_offers_to_book_one(client, personas):
    personas.pregnancy.status = PregnancyStatus.DELIVERED
    personas.pregnancy.ended_on = timezone.localdate() - timedelta(days=1)
    personas.pregnancy.save()
    page = page_text(_record(client, personas.midwife, personas.woman))
    assert "Book a new pregnancy" in page
    assert "Not applicable (the pregnancy has ended)" in page


def test_history_lists_earlier_versions_with_who_and_when(client, personas):
    services.update_woman(
        by=personas.midwife,
        woman=personas.woman,
        expected_version=1,
        postcode="SK1 3XE",
    )
    client.force_login(personas.team_leader)
    response = client.get(reverse("web:woman-history", args=[personas.woman.pk]))
    page = page_text(response)
    assert "<h1>Earlier versions of her record</h1>" in page
    assert "Postcode: SK3 8LG → SK1 3XE" in page
    assert "Midwife Persona" in page  # who made the change
    assert "Version 2" in page and "Version 1: Created" in page
    assert "Pregnancy due" in page
    event = AuditEvent.objects.filter(action=AuditAction.VIEW).get()
    assert event.object_type == "woman_history"


def test_history_is_not_found_for_outsider(client, personas):
    client.force_login(personas.outsider)
    assert client.get(reverse("web:woman-history", args=[personas.woman.pk])).status_code == 404
