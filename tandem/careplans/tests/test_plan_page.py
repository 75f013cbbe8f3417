"""Her clinicians read the plan on its page, reached from her record."""

import pytest
from django.urls import reverse

from tandem.careplans import services
from tandem.careplans.models import PlanSection
from tandem.careplans.tests.factories import HER_WORDS
from tandem.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def _plan_with_words(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    services.record_section(
        plan, PlanSection.WHAT_MATTERS, {"text": HER_WORDS}, by=personas.midwife, based_on=None
    )
    services.record_section(
        plan,
        PlanSection.CLINICIAN_NOTE,
        {"note": "Note for us"},
        by=personas.midwife,
        based_on=None,
    )
    return plan


def test_plan_page_shows_her_words_and_the_clinician_note(client, personas):
    _plan_with_words(personas)
    client.force_login(personas.team_leader)
    response = client.get(reverse("web:care-plan", args=[personas.pregnancy.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Być razem z moją mamą." in page
    assert "Note for us" in page
    assert "Not written yet." in page
    assert "section=pain_relief" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="care_plan", actor_id=personas.team_leader.pk
    ).exists()


def test_woman_record_links_to_her_plan(client, personas):
    client.force_login(personas.midwife)
    page = client.get(reverse("web:woman", args=[personas.woman.pk])).content.decode()
    assert reverse("web:care-plan", args=[personas.pregnancy.pk]) in page


def test_outsider_cannot_open_the_plan(client, personas):
    _plan_with_words(personas)
    client.force_login(personas.outsider)
    response = client.get(reverse("web:care-plan", args=[personas.pregnancy.pk]))
    assert response.status_code == 404


def test_print_form_offers_her_main_language_first(client, personas):
    personas.woman.main_language = "ur"
    personas.woman.save(update_fields=["main_language"])
    client.force_login(personas.midwife)
    page = client.get(reverse("web:care-plan", args=[personas.pregnancy.pk])).content.decode()
    assert reverse("web:care-plan-pdf", args=[personas.pregnancy.pk]) in page
    assert '<option value="ur" selected' in page
    assert 'value="large"' in page
