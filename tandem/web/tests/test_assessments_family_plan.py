"""The family plan's pages: goals, actions and status updates."""

from django.urls import reverse

from tandem.assessments.models import FamilyPlanAction, FamilyPlanGoal
from tandem.assessments.tests.factories import AttendedVisitFactory
from tandem.assessments.tests.helpers import completed_record
from tandem.web.tests.conftest import assert_field_error, date_fields, page_text


def _visit(personas):
    return AttendedVisitFactory(pregnancy=personas.pregnancy, booked_by=personas.administrator)


def test_plan_page_named_service_needs_its_name(client, personas):
    visit = _visit(personas)
    client.force_login(personas.midwife)

    response = client.post(
        reverse("web:visit-record-goal-new", args=[visit.pk]),
        {
            "version": "0",
            "goal": "Synthetic goal",
            "action": "Synthetic action",
            "owner": "service",
            "owner_service": "",
            **date_fields("due_date", visit.starts_at.date().replace(year=2099)),
        },
    )

    assert response.status_code == 200
    assert_field_error(response, "owner_service", "Enter the name of the service that will do this")
    assert not FamilyPlanGoal.objects.exists()


def test_plan_page_bad_due_date_names_the_field(client, personas):
    visit = _visit(personas)
    client.force_login(personas.midwife)

    response = client.post(
        reverse("web:visit-record-goal-new", args=[visit.pk]),
        {
            "version": "0",
            "goal": "Synthetic goal",
            "action": "Synthetic action",
            "owner": "parent",
            "due_date_day": "31",
            "due_date_month": "2",
            "due_date_year": "2099",
        },
    )

    assert_field_error(response, "due_date_day", "Date this is due by must be a real date")


def test_plan_page_status_update_after_completion(client, personas):
    visit = _visit(personas)
    completed_record(visit, by=personas.midwife)
    action = FamilyPlanAction.objects.get()
    client.force_login(personas.health_visitor)

    response = client.post(
        reverse("web:plan-action-status", args=[action.pk]), {"version": "1", "status": "done"}
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    versions = page_text(client.get(reverse("web:visit-record-versions", args=[visit.pk])))
    assert "not started → done" in versions


def test_plan_page_stale_status_update_answers_409(client, personas):
    visit = _visit(personas)
    completed_record(visit, by=personas.midwife)
    action = FamilyPlanAction.objects.get()
    client.force_login(personas.health_visitor)
    url = reverse("web:plan-action-status", args=[action.pk])
    client.post(url, {"version": "1", "status": "in_progress"})

    response = client.post(url, {"version": "1", "status": "no_longer_needed"})

    assert response.status_code == 409
    action.refresh_from_db()
    assert action.status == "in_progress"


def test_plan_page_outsider_cannot_open_an_action(client, personas):
    visit = _visit(personas)
    completed_record(visit, by=personas.midwife)
    action = FamilyPlanAction.objects.get()
    client.force_login(personas.outsider)

    response = client.post(
        reverse("web:plan-action-status", args=[action.pk]), {"version": "1", "status": "done"}
    )

    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == "not_started"
