"""The visit record page: who may open it, what it shows, and its cost."""

from django.urls import reverse

from tandem.assessments.services import records
from tandem.assessments.tests.factories import (
    AttendedVisitFactory,
    FamilyPlanActionFactory,
    FamilyPlanGoalFactory,
)
from tandem.assessments.tests.helpers import completed_record
from tandem.core.models import AuditAction, AuditEvent
from tandem.web.tests.conftest import page_text


def _visit(personas):
    return AttendedVisitFactory(pregnancy=personas.pregnancy, booked_by=personas.administrator)


def test_record_page_shows_the_record_to_the_team(client, personas):
    visit = _visit(personas)
    records.save_triangle_side(
        by=personas.midwife,
        visit=visit,
        expected_version=0,
        side="my-wider-world",
        entries={"world_housing": {"strengths": "", "concerns": "Synthetic: damp <b>flat</b>"}},
    )
    client.force_login(personas.health_visitor)

    response = client.get(reverse("web:visit-record", args=[visit.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Comfortable and safe housing: concerns" in page_text(response)
    assert "Synthetic: damp &lt;b&gt;flat&lt;/b&gt;" in body  # free text is escaped
    assert "Draft: the midwife and the health visitor can both add to it." in page_text(response)
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.object_type, event.person_id) == ("visit_record", personas.woman.pk)


def test_record_page_outsider_gets_404(client, personas):
    visit = _visit(personas)
    client.force_login(personas.outsider)

    assert client.get(reverse("web:visit-record", args=[visit.pk])).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


def test_record_page_analyst_gets_403(client, personas):
    visit = _visit(personas)
    client.force_login(personas.analyst)

    assert client.get(reverse("web:visit-record", args=[visit.pk])).status_code == 403


def test_record_page_offers_no_changes_to_the_administrator(client, personas):
    visit = _visit(personas)
    completed_record(visit, by=personas.midwife)
    client.force_login(personas.administrator)

    response = client.get(reverse("web:visit-record", args=[visit.pk]))

    body = page_text(response)
    assert "Completed by" in body
    assert "Record or change" not in body
    assert "Update status" not in body
    assert "Enter a parent's feedback" in body


def test_record_page_queries_do_not_grow_with_the_plan(
    client, personas, django_assert_max_num_queries
):
    visit = _visit(personas)
    completed_record(visit, by=personas.midwife)
    for _ in range(5):
        goal = FamilyPlanGoalFactory(record=visit.record)
        FamilyPlanActionFactory.create_batch(3, goal=goal)
    client.force_login(personas.midwife)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("web:visit-record", args=[visit.pk]))

    assert page_text(response).count("Update status") == 16
