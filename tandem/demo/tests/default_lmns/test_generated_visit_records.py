"""Visit records, family plans, feedback, training and targets: complete records meet the
assessments services' completion rules and carry their first version; plans have owned,
dated actions, some overdue; feedback only where the services would take it."""

from collections import Counter

import pytest
from django.utils import timezone

from tandem.assessments.models import (
    ActionStatus,
    FamilyPlanAction,
    PlanOwner,
    Respondent,
    VisitFeedback,
    VisitRecord,
    VisitRecordStatus,
)
from tandem.assessments.services.records import completion_problems, snapshot
from tandem.programme.models import TrainingRecord, VisitTarget
from tandem.programme.training import EARLIEST_COMPLETION
from tandem.records.models import Profession
from tandem.scheduling.models import VisitKind, VisitStatus

pytestmark = pytest.mark.django_db


def test_generated_visit_records_meet_the_completion_rules(demo_lmns):
    today = timezone.localdate()
    records = VisitRecord.objects.select_related("visit").prefetch_related("versions")
    statuses = Counter()
    for record in records:
        statuses[record.status] += 1
        assert record.visit.status == VisitStatus.ATTENDED
        assert record.visit.kind == VisitKind.JOINT_VISIT
        record.full_clean()
        if record.status == VisitRecordStatus.COMPLETE:
            assert completion_problems(record) == {}
            (version,) = record.versions.all()
            assert version.content == snapshot(record)
            assert version.made_by_id == record.completed_by_id
            assert record.visit.ends_at < record.completed_at
            assert timezone.localdate(record.completed_at) < today
        else:
            assert not record.versions.exists() and record.completed_at is None
    assert statuses[VisitRecordStatus.COMPLETE] > 3 * statuses[VisitRecordStatus.DRAFT] > 0


def test_generated_plan_actions_are_owned_dated_and_some_overdue(demo_lmns):
    today = timezone.localdate()
    actions = FamilyPlanAction.objects.select_related("goal__record__visit")
    overdue = 0
    for action in actions:
        action.full_clean()
        assert action.due_date >= timezone.localdate(action.goal.record.visit.starts_at)
        assert (action.owner == PlanOwner.SERVICE) == bool(action.owner_service)
        overdue += action.due_date < today and action.status in (
            ActionStatus.NOT_STARTED,
            ActionStatus.IN_PROGRESS,
        )
    assert overdue and overdue < 0.5 * actions.count()
    assert {action.owner for action in actions} == set(PlanOwner.values)


def test_generated_feedback_only_on_attended_joint_visits(demo_lmns):
    feedback = VisitFeedback.objects.select_related("visit", "entered_by__practitioner")
    assert {item.respondent for item in feedback} == set(Respondent.values)
    for item in feedback:
        item.full_clean()
        assert item.visit.kind == VisitKind.JOINT_VISIT
        assert item.visit.status == VisitStatus.ATTENDED
        assert item.entered_at > item.visit.ends_at
        attendees = set(item.visit.attendees.values_list("practitioner_id", flat=True))
        assert item.entered_by.practitioner.pk in attendees


def test_generated_training_matches_the_stockport_implementation(demo_lmns):
    today = timezone.localdate()
    trained = TrainingRecord.objects.filter(course__counts_as_trained=True)
    by_profession = Counter(trained.values_list("practitioner__profession", flat=True))
    assert by_profession == {Profession.MIDWIFE: 57, Profession.HEALTH_VISITOR: 89}
    assert set(trained.values_list("practitioner__organisation__lad_code", flat=True)) == {
        "E08000007"
    }
    for record in TrainingRecord.objects.all():
        record.full_clean()
        assert EARLIEST_COMPLETION <= record.completed_on <= today
    targets = VisitTarget.objects.select_related("area")
    assert {target.area.name for target in targets} == {"Adswood", "Brinnington", "Offerton"}
    for target in targets:
        target.full_clean()
        assert target.period_start <= today <= target.period_end
