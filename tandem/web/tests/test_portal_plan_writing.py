"""She writes her own sections of her plan from her portal, never a clinician's, and a
version saved while she was writing is never overwritten."""

import pytest
from django.urls import reverse

from tandem.careplans import services as careplans
from tandem.careplans.models import Author, PlanSection
from tandem.core.models import AuditAction, AuditEvent
from tandem.web.tests.conftest import page_text

pytestmark = pytest.mark.django_db


def _write_url(personas, section: str) -> str:
    return f"{reverse('web:portal-section', args=[personas.pregnancy.pk])}?section={section}"


def test_she_writes_what_matters_to_her_in_her_own_words(client, personas):
    client.force_login(personas.woman_user)
    words = "Chcę rodzić w wodzie.\nMój partner będzie ze mną."

    response = client.post(_write_url(personas, "what_matters"), {"text": words, "based_on": ""})

    assert response.status_code == 302
    assert response.url == reverse("web:portal-plan", args=[personas.pregnancy.pk])
    form_page = page_text(client.get(_write_url(personas, "what_matters")))
    assert "What is important to you about your pregnancy" in form_page  # the question
    plan = careplans.plan_for(personas.pregnancy, by=personas.midwife)
    version = careplans.current_sections(plan, for_woman=True)[PlanSection.WHAT_MATTERS]
    assert version.content == {"text": words}
    assert version.written_by == Author.WOMAN
    assert version.author == personas.woman_user
    assert AuditEvent.objects.filter(
        actor_id=personas.woman_user.pk, action=AuditAction.CHANGE, object_type="care_plan"
    ).exists()
    page = page_text(client.get(response.url))
    assert "Chcę rodzić w wodzie." in page


@pytest.mark.parametrize("section", ["health_needs", "place_of_birth", "clinician_note", "nope"])
def test_she_cannot_write_a_clinicians_section(client, personas, section):
    client.force_login(personas.woman_user)
    url = _write_url(personas, section)

    assert client.get(url).status_code == 404
    assert client.post(url, {"needs": "x", "text": "x", "based_on": ""}).status_code == 404
    plan = careplans.plan_for(personas.pregnancy, by=personas.midwife)
    assert not plan.versions.exists()


def test_her_plan_page_offers_to_write_only_her_sections(client, personas):
    client.force_login(personas.woman_user)
    page = page_text(client.get(reverse("web:portal-plan", args=[personas.pregnancy.pk])))

    assert "section=what_matters" in page
    assert "section=fears" in page
    assert "section=health_needs" not in page
    assert "section=place_of_birth" not in page


def test_a_version_saved_while_she_was_writing_is_kept_and_shown(client, personas):
    plan = careplans.plan_for(personas.pregnancy, by=personas.midwife)
    careplans.record_section(
        plan, PlanSection.FEARS, {"text": "First words"}, by=personas.woman_user, based_on=None
    )
    # Her midwife writes it with her on another device meanwhile.
    careplans.record_section(
        plan, PlanSection.FEARS, {"text": "Written at the clinic"}, by=personas.midwife, based_on=1
    )
    client.force_login(personas.woman_user)

    response = client.post(_write_url(personas, "fears"), {"text": "My late edit", "based_on": "1"})

    assert response.status_code == 409
    page = page_text(response)
    assert "Written at the clinic" in page  # the version saved meanwhile
    assert "My late edit" in page  # what she typed is kept in the form
    assert 'name="based_on" value="2"' in page  # saving again builds on the newer version
    current = careplans.current_sections(plan, for_woman=True)[PlanSection.FEARS]
    assert (current.number, current.content["text"]) == (2, "Written at the clinic")


def test_an_empty_section_is_refused_naming_the_field(client, personas):
    client.force_login(personas.woman_user)

    response = client.post(_write_url(personas, "what_matters"), {"text": "", "based_on": ""})

    assert response.status_code == 200
    page = page_text(response)
    assert "There is a problem" in page
    assert 'href="#text"' in page
    plan = careplans.plan_for(personas.pregnancy, by=personas.midwife)
    assert not plan.versions.exists()
