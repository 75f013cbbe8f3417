"""Changing her details: saved with audit and history, or refused field by field; an edit
from a stale page is refused with 409 and loses neither writer's work."""

from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.records.services import WOMAN_FIELDS
from tandem.web.tests.conftest import assert_field_error, date_fields, page_text


def _form_data(woman, **changes) -> dict:
    data = {name: getattr(woman, name) for name in WOMAN_FIELDS if name != "date_of_birth"}
    answers = {True: "yes", False: "no", None: "unknown"}
    data["interpreter_needed"] = answers[woman.interpreter_needed]
    data.update(date_fields("date_of_birth", woman.date_of_birth))
    data["version"] = woman.version
    return {**data, **changes}


def _url(woman) -> str:
    return reverse("web:woman-edit", args=[woman.pk])


def test_edit_woman_form_shows_her_details_and_version(client, personas):
    client.force_login(personas.midwife)
    page = page_text(client.get(_url(personas.woman)))
    assert "<h1>Change her details</h1>" in page
    assert 'value="Amina"' in page
    assert '<input type="hidden" name="version" value="1"' in page
    assert AuditEvent.objects.filter(action=AuditAction.VIEW).count() == 1


def test_edit_woman_saves_with_audit_history_and_banner(client, personas):
    woman = personas.woman
    client.force_login(personas.midwife)
    response = client.post(_url(woman), _form_data(woman, postcode="sk1 3xe"))
    assert response.status_code == 302
    woman.refresh_from_db()
    assert (woman.postcode, woman.version) == ("SK1 3XE", 2)
    event = AuditEvent.objects.get(action=AuditAction.CHANGE)
    assert event.detail["changes"]["postcode"] == ["SK3 8LG", "SK1 3XE"]
    assert woman.history.count() == 2
    assert woman.history.first().history_user == personas.midwife
    page = page_text(client.get(response.url))
    assert "Amina Testwoman's details have been saved" in page


def test_edit_woman_by_team_member_is_allowed(client, personas, colleague):
    client.force_login(colleague)
    response = client.post(_url(personas.woman), _form_data(personas.woman, given_name="Amira"))
    assert response.status_code == 302


def test_edit_woman_by_outsider_is_not_found_and_changes_nothing(client, personas):
    client.force_login(personas.outsider)
    response = client.post(_url(personas.woman), _form_data(personas.woman, given_name="X"))
    assert response.status_code == 404
    personas.woman.refresh_from_db()
    assert personas.woman.given_name == "Amina"


def test_edit_woman_with_invalid_nhs_number_shows_error_and_saves_nothing(client, personas):
    client.force_login(personas.midwife)
    response = client.post(_url(personas.woman), _form_data(personas.woman, nhs_number="123"))
    assert_field_error(response, "nhs_number", "Enter an NHS number of 10 digits")
    personas.woman.refresh_from_db()
    assert personas.woman.version == 1
    assert not AuditEvent.objects.filter(action=AuditAction.CHANGE).exists()


def test_failed_save_that_shows_her_details_again_is_audited_as_a_read(client, personas):
    client.force_login(personas.midwife)
    client.post(_url(personas.woman), _form_data(personas.woman, nhs_number="123"))
    viewed = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (viewed.person_id, viewed.actor_id) == (personas.woman.pk, personas.midwife.pk)


def test_edit_woman_with_stale_version_answers_409_and_keeps_first_change(client, personas):
    woman = personas.woman
    stale = _form_data(woman, family_name="Secondwriter")
    client.force_login(personas.health_visitor)
    assert client.post(_url(woman), _form_data(woman, given_name="Firstwriter")).status_code == 302

    client.force_login(personas.midwife)
    response = client.post(_url(woman), stale)

    assert response.status_code == 409
    page = page_text(response)
    assert "Someone else changed this record while you were editing it" in page
    assert 'class="nhsuk-error-summary"' in page
    assert 'value="Secondwriter"' in page  # what she typed is still there
    woman.refresh_from_db()
    assert (woman.given_name, woman.family_name, woman.version) == ("Firstwriter", "Testwoman", 2)
