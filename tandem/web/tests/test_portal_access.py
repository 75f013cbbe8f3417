"""The woman sees her own record only: anyone else's pregnancy, plan and PDF answer 404, she
never sees a clinician-only note, staff pages refuse her, and she lands on her portal."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tandem.careplans import services as careplans
from tandem.careplans.models import PlanSection
from tandem.core.models import AuditAction, AuditEvent
from tandem.demo.accounts import DEMO_PASSWORD
from tandem.portal.tests.factories import woman_user
from tandem.records.tests.factories import PregnancyFactory
from tandem.web.tests.conftest import page_text

pytestmark = pytest.mark.django_db

NOTE = "Synthetic clinician-only note: discuss safeguarding with the team"


@pytest.fixture
def other_pregnancy(personas):
    """Another woman's pregnancy, in the same team, with her own portal sign-in."""
    pregnancy = PregnancyFactory(team=personas.adswood_team, area=personas.adswood)
    woman_user(pregnancy.woman)
    return pregnancy


@pytest.mark.parametrize("url_name", ["portal-plan", "portal-section", "portal-plan-pdf"])
def test_another_womans_pregnancy_answers_404(client, personas, other_pregnancy, url_name):
    client.force_login(personas.woman_user)
    url = reverse(f"web:{url_name}", args=[other_pregnancy.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "Not mine"}).status_code == 404
    assert not careplans.plan_for(other_pregnancy, by=personas.midwife).versions.exists()


def test_an_unknown_pregnancy_answers_404(client, personas):
    client.force_login(personas.woman_user)
    assert client.get(reverse("web:portal-plan", args=[999999])).status_code == 404


def test_she_never_sees_a_clinician_only_note(client, personas):
    plan = careplans.plan_for(personas.pregnancy, by=personas.midwife)
    careplans.record_section(
        plan, PlanSection.CLINICIAN_NOTE, {"note": NOTE}, by=personas.midwife, based_on=None
    )
    client.force_login(personas.woman_user)

    page = page_text(client.get(reverse("web:portal-plan", args=[personas.pregnancy.pk])))
    pdf = client.get(reverse("web:portal-plan-pdf", args=[personas.pregnancy.pk]))
    printed = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)

    assert "What matters to me" in page
    assert NOTE not in page and "Clinician-only note" not in page
    assert "What matters to me" in printed
    assert "Printed on" in printed  # a printed plan says when it was true
    assert NOTE not in printed
    section = reverse("web:portal-section", args=[personas.pregnancy.pk])
    assert client.get(f"{section}?section=clinician_note").status_code == 404


def test_staff_cannot_open_her_portal_even_for_a_woman_they_care_for(client, personas):
    client.force_login(personas.midwife)
    assert client.get(reverse("web:portal-plan", args=[personas.pregnancy.pk])).status_code == 403
    assert client.get(reverse("web:portal-home")).status_code == 403


def test_she_signs_in_and_lands_on_her_portal_never_a_staff_page(client, personas):
    user = personas.woman_user
    user.set_password(DEMO_PASSWORD)
    user.save()

    response = client.post(
        reverse("web:sign-in"), {"username": "woman", "password": DEMO_PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("web:portal-home")
    page = page_text(response)
    assert "Your maternity care" in page
    assert "Find a woman" not in page
    assert client.get(reverse("web:search")).status_code == 403
    assert client.get(reverse("web:woman", args=[personas.woman.pk])).status_code == 403


def test_every_portal_page_she_opens_is_audited(client, personas):
    client.force_login(personas.woman_user)
    pregnancy = personas.pregnancy
    for url in (
        reverse("web:portal-home"),
        reverse("web:portal-appointments"),
        reverse("web:portal-plan", args=[pregnancy.pk]),
        reverse("web:portal-plan-pdf", args=[pregnancy.pk]),
    ):
        assert client.get(url).status_code == 200

    events = AuditEvent.objects.filter(actor_id=personas.woman_user.pk)
    assert {(e.action, e.object_type) for e in events} >= {
        (AuditAction.VIEW, "portal_home"),
        (AuditAction.VIEW, "portal_appointments"),
        (AuditAction.CREATE, "care_plan"),
        (AuditAction.EXPORT, "care_plan"),
    }
    assert {e.person_id for e in events} == {personas.woman.pk}
