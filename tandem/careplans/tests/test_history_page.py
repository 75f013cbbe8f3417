"""The history shows who changed what and when, field by field."""

import pytest
from django.urls import reverse

from tandem.careplans import services
from tandem.careplans.models import PlanSection

pytestmark = pytest.mark.django_db


def test_history_page_shows_each_change_with_its_author(client, personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    services.record_section(
        plan,
        PlanSection.INFANT_FEEDING,
        {"intention": "breast", "notes": "Help with latching"},
        by=personas.midwife,
        based_on=None,
    )
    services.record_section(
        plan,
        PlanSection.INFANT_FEEDING,
        {"intention": "both", "notes": "Help with latching"},
        by=personas.team_leader,
        based_on=1,
    )
    client.force_login(personas.administrator)
    response = client.get(reverse("web:care-plan-history", args=[personas.pregnancy.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    newest, oldest = page.index("version 2"), page.index("version 1")
    assert newest < oldest
    second = page[newest:oldest]
    assert "Team_Leader Persona" in second or "team_leader" in second
    assert "Breastfeeding" in second and "Both breast milk and formula" in second
    assert "Help with latching" not in second  # unchanged fields are not listed
    assert "Help with latching" in page[oldest:]
