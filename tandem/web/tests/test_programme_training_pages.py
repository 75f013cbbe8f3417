"""Team leaders record the pathway training of their teams through the training pages."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tandem.programme.models import TrainingRecord
from tandem.programme.tests.factories import TrainingCourseFactory, TrainingRecordFactory
from tandem.web.tests.conftest import assert_field_error, date_fields, page_text

NEW = reverse("web:training-new")


def test_training_team_leader_records_a_completion(client, personas):
    course = TrainingCourseFactory()
    completed_on = timezone.localdate() - timedelta(days=2)
    client.force_login(personas.team_leader)
    response = client.post(
        NEW,
        {
            "practitioner": personas.midwife.practitioner.pk,
            "course": course.pk,
            **date_fields("completed_on", completed_on),
        },
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get()
    assert (record.practitioner, record.course, record.completed_on) == (
        personas.midwife.practitioner,
        course,
        completed_on,
    )
    page = page_text(client.get(response.url))
    assert "is recorded" in page
    assert "Midwife Persona" in page


def test_training_form_names_each_missing_field_and_saves_nothing(client, personas):
    TrainingCourseFactory()
    client.force_login(personas.team_leader)
    response = client.post(NEW, {**date_fields("completed_on", None)})
    assert response.status_code == 200
    assert_field_error(response, "practitioner", "Choose the practitioner who completed the course")
    assert_field_error(response, "course", "Choose the course")
    assert_field_error(response, "completed_on_day", "Enter the date the course was completed")
    assert not TrainingRecord.objects.exists()


def test_training_form_refuses_a_practitioner_outside_her_teams(client, personas):
    course = TrainingCourseFactory()
    client.force_login(personas.team_leader)
    response = client.post(
        NEW,
        {
            "practitioner": personas.outsider.practitioner.pk,
            "course": course.pk,
            **date_fields("completed_on", timezone.localdate()),
        },
    )
    assert_field_error(
        response, "practitioner", "Choose a practitioner in your teams from the list"
    )
    assert not TrainingRecord.objects.exists()


def test_training_list_shows_her_teams_only_with_latest_dates(client, personas):
    course = TrainingCourseFactory()
    TrainingRecordFactory(
        practitioner=personas.midwife.practitioner,
        course=course,
        completed_on=timezone.localdate().replace(day=1) - timedelta(days=400),
    )
    latest = TrainingRecordFactory(practitioner=personas.midwife.practitioner, course=course)
    client.force_login(personas.team_leader)
    page = page_text(client.get(reverse("web:training")))
    assert "Midwife Persona" in page
    assert "Outsider Persona" not in page
    assert f"{latest.completed_on.day} {latest.completed_on:%B %Y}" in page
    assert "Not completed" in page  # the team leader herself
