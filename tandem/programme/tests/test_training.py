"""Training records: team leaders record them for their teams; the programme counts trained
practitioners by profession and area against staff in post."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.programme import figures, training
from tandem.programme.models import TrainingRecord
from tandem.programme.tests.factories import TrainingCourseFactory, TrainingRecordFactory
from tandem.records.models import Profession
from tandem.records.tests.factories import PractitionerFactory


def test_record_training_for_a_team_member_is_saved_and_audited(personas):
    course = TrainingCourseFactory()
    midwife = personas.midwife.practitioner
    completed_on = timezone.localdate() - timedelta(days=3)
    record = training.record_training(
        by=personas.team_leader, practitioner=midwife, course=course, completed_on=completed_on
    )
    assert record.recorded_by == personas.team_leader
    event = AuditEvent.objects.get(object_type="training_record", object_id=str(record.pk))
    assert event.actor_username == "team_leader"
    assert record.history.count() == 1


def test_record_training_refuses_a_practitioner_outside_her_teams(personas):
    with pytest.raises(ValidationError) as error:
        training.record_training(
            by=personas.team_leader,
            practitioner=personas.outsider.practitioner,
            course=TrainingCourseFactory(),
            completed_on=timezone.localdate(),
        )
    assert "practitioner" in error.value.message_dict
    assert not TrainingRecord.objects.exists()


def test_record_training_names_each_missing_or_wrong_field(personas):
    old = TrainingCourseFactory(name="Old course", is_active=False)
    with pytest.raises(ValidationError) as error:
        training.record_training(
            by=personas.team_leader,
            practitioner=personas.midwife.practitioner,
            course=old,
            completed_on=timezone.localdate() + timedelta(days=1),
        )
    assert set(error.value.message_dict) == {"course", "completed_on"}


def test_record_training_refuses_the_same_completion_twice(personas):
    values = {
        "by": personas.team_leader,
        "practitioner": personas.midwife.practitioner,
        "course": TrainingCourseFactory(),
        "completed_on": timezone.localdate(),
    }
    training.record_training(**values)
    with pytest.raises(ValidationError) as error:
        training.record_training(**values)
    assert "already has this course" in error.value.message_dict["completed_on"][0]
    assert TrainingRecord.objects.count() == 1


def test_only_team_leaders_may_record_training(personas):
    assert not training.trainable_practitioners(personas.midwife).exists()
    assert list(training.trainable_practitioners(personas.team_leader)) == [
        personas.midwife.practitioner,
        personas.team_leader.practitioner,
    ]


def test_training_counts_by_area_and_profession(personas):
    course = TrainingCourseFactory()
    reflective = TrainingCourseFactory(
        name="Reflective networking session", counts_as_trained=False
    )
    TrainingRecordFactory(practitioner=personas.midwife.practitioner, course=course)
    TrainingRecordFactory(practitioner=personas.midwife.practitioner, course=reflective)
    TrainingRecordFactory(practitioner=personas.health_visitor.practitioner, course=reflective)
    TrainingRecordFactory(practitioner=personas.outsider.practitioner, course=course)
    PractitionerFactory(profession=Profession.MIDWIFE, is_active=False).areas.set(
        [personas.adswood]
    )

    scope = figures.scope_for(personas.analyst)
    by_area = {area.name: area for area in training.training_by_area(scope)}
    adswood = by_area["Adswood"]
    # The midwife and team leader work in Adswood through their team; the health
    # visitor by her own area and team (counted once).
    assert (adswood.midwife_in_post, adswood.midwife_trained) == (2, 1)
    assert (adswood.health_visitor_in_post, adswood.health_visitor_trained) == (1, 0)
    assert (by_area["Brinnington"].midwife_in_post, by_area["Brinnington"].midwife_trained) == (
        1,
        1,
    )
    totals = training.training_totals(scope)
    assert totals[Profession.MIDWIFE] == {"in_post": 3, "trained": 2}
    mine = training.training_totals(figures.scope_for(personas.team_leader))
    assert mine[Profession.MIDWIFE] == {"in_post": 2, "trained": 1}
