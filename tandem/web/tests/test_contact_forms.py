"""Recording and changing a care contact."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.records.models import CareContact, ContactOutcome, ContactType
from tandem.web.tests.conftest import assert_field_error, date_fields, page_text


def _contact_data(personas, when, **changes) -> dict:
    local = timezone.localtime(when)
    data = {
        **date_fields("contact_date", local.date()),
        "contact_time": local.strftime("%H:%M"),
        "contact_type": ContactType.JOINT_VISIT,
        "practitioners": [
            str(personas.midwife.practitioner.pk),
            str(personas.health_visitor.practitioner.pk),
        ],
        "outcome": ContactOutcome.ATTENDED,
        "wellbeing_asked": "yes",
        # Asked, so her answers to the Whooley and GAD-2 questions are recorded too.
        "feeling_down": "no",
        "little_interest": "no",
        "nervous": "0",
        "worrying": "0",
        "notes": "",
    }
    return {**data, **changes}


def test_record_contact_form_offers_practitioners_of_her_teams_and_areas(client, personas):
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:contact-new", args=[personas.pregnancy.pk])))
    assert "<h1>Record a contact</h1>" in page
    assert "Health Visitor Persona" in page  # covers Adswood, for a joint visit
    assert "Outsider Persona" not in page


def test_record_contact_saves_with_practitioners_audit_and_history(client, personas):
    when = timezone.now() - timedelta(days=1)
    client.force_login(personas.midwife)
    response = client.post(
        reverse("web:contact-new", args=[personas.pregnancy.pk]), _contact_data(personas, when)
    )
    assert response.status_code == 302
    contact = CareContact.objects.get()
    assert contact.contact_type == ContactType.JOINT_VISIT
    assert contact.wellbeing_asked is True
    assert set(contact.practitioners.all()) == {
        personas.midwife.practitioner,
        personas.health_visitor.practitioner,
    }
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="care_contact")
    created = contact.history.earliest("history_date")
    assert (created.history_type, created.history_user) == ("+", personas.midwife)
    assert "The contact has been recorded" in page_text(client.get(response.url))


def test_record_contact_attended_in_the_future_is_refused(client, personas):
    when = timezone.now() + timedelta(days=3)
    client.force_login(personas.midwife)
    response = client.post(
        reverse("web:contact-new", args=[personas.pregnancy.pk]), _contact_data(personas, when)
    )
    assert_field_error(response, "outcome", "A contact in the future cannot be attended")
    assert not CareContact.objects.exists()


def test_record_contact_with_bad_time_shows_field_error(client, personas):
    when = timezone.now() - timedelta(days=1)
    client.force_login(personas.midwife)
    response = client.post(
        reverse("web:contact-new", args=[personas.pregnancy.pk]),
        _contact_data(personas, when, contact_time="25:99"),
    )
    assert_field_error(response, "contact_time", "Enter the time of the contact as hours")
    assert not CareContact.objects.exists()


def test_edit_contact_saves_a_new_version(client, personas, contact):
    client.force_login(personas.health_visitor)
    url = reverse("web:contact-edit", args=[contact.pk])
    page = page_text(client.get(url))
    assert '<input type="hidden" name="version" value="1"' in page
    data = _contact_data(personas, contact.starts_at, notes="Synthetic note", version="1")
    assert client.post(url, data).status_code == 302
    contact.refresh_from_db()
    assert (contact.notes, contact.version) == ("Synthetic note", 2)
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE, object_type="care_contact")


def test_edit_contact_with_stale_version_answers_409(client, personas, contact):
    client.force_login(personas.midwife)
    url = reverse("web:contact-edit", args=[contact.pk])
    client.post(url, _contact_data(personas, contact.starts_at, notes="First", version="1"))
    response = client.post(
        url, _contact_data(personas, contact.starts_at, notes="Second", version="1")
    )
    assert response.status_code == 409
    assert "Second" in page_text(response)
    contact.refresh_from_db()
    assert contact.notes == "First"


def test_edit_contact_by_outsider_is_not_found(client, personas, contact):
    client.force_login(personas.outsider)
    assert client.get(reverse("web:contact-edit", args=[contact.pk])).status_code == 404
