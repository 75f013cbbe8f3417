"""factory_boy factories for visit records, family plans and feedback. Synthetic data only.

Visits are the scheduling app's; this factory uses only the Visit fields that app exposes,
so these tests do not depend on how the booking pages make them.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from tandem.assessments.models import (
    ActionStatus,
    FamilyPlanAction,
    FamilyPlanGoal,
    PlanOwner,
    Respondent,
    VisitFeedback,
    VisitRecord,
)
from tandem.records.tests.factories import PregnancyFactory, UserFactory
from tandem.scheduling.models import Visit, VisitKind, VisitStatus


class VisitFactory(factory.django.DjangoModelFactory):
    """A joint visit that took place yesterday and is still marked booked."""

    class Meta:
        model = Visit

    pregnancy = factory.SubFactory(PregnancyFactory)
    kind = VisitKind.JOINT_VISIT
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    status = VisitStatus.BOOKED
    booked_by = factory.SubFactory(UserFactory)


class AttendedVisitFactory(VisitFactory):
    status = VisitStatus.ATTENDED


class VisitRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitRecord

    visit = factory.SubFactory(AttendedVisitFactory)
    parents_priorities = "Synthetic: to feel ready for the baby and to find a bigger flat"


class FamilyPlanGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyPlanGoal

    record = factory.SubFactory(VisitRecordFactory)
    goal = factory.Sequence(lambda n: f"Synthetic goal {n}")


class FamilyPlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyPlanAction

    goal = factory.SubFactory(FamilyPlanGoalFactory)
    action = factory.Sequence(lambda n: f"Synthetic action {n}")
    owner = PlanOwner.HEALTH_VISITOR
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    status = ActionStatus.NOT_STARTED


class VisitFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitFeedback

    visit = factory.SubFactory(AttendedVisitFactory)
    respondent = Respondent.PARENT
    rating = 4
    entered_by = factory.SubFactory(UserFactory)
    entered_at = factory.LazyFunction(timezone.now)
