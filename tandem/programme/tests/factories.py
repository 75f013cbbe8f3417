"""factory_boy factories for the programme's tests, and for the pathway, scheduling and
assessments rows its worklists and figures read (made here, with their stable fields only,
so these tests do not depend on the other slices' services). Synthetic data only."""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from tandem.assessments.models import (
    ActionStatus,
    FamilyPlanAction,
    FamilyPlanGoal,
    PlanOwner,
    VisitRecord,
    VisitRecordStatus,
)
from tandem.core.gestation import Gestation, date_at_gestation
from tandem.pathway.models import Decision, Referral, ReferralStatus, ReviewOutcome
from tandem.programme.models import MANDATORY_COURSE, TrainingCourse, TrainingRecord, VisitTarget
from tandem.records.tests.factories import PractitionerFactory, PregnancyFactory, UserFactory
from tandem.scheduling.models import Visit, VisitKind, VisitStatus


def at_gestation(pregnancy, weeks: int, days: int = 0, hour: int = 10) -> datetime:
    """The local date and time on which the pregnancy is at this gestation."""
    day = date_at_gestation(pregnancy.edd, Gestation.of(weeks, days))
    return timezone.make_aware(datetime.combine(day, time(hour)))


def edd_for_gestation_today(weeks: int, days: int = 0):
    """The EDD of a pregnancy at this gestation today."""
    return timezone.localdate() + timedelta(days=280 - Gestation.of(weeks, days).days)


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    pregnancy = factory.SubFactory(PregnancyFactory)
    referred_by = factory.SubFactory(UserFactory)
    referred_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    reason = "Synthetic reason for referral"
    status = ReferralStatus.AWAITING_REVIEW


class DecisionFactory(factory.django.DjangoModelFactory):
    """A reviewer's decision on a referral (the referral's own status, current_outcome and
    decided_at are set by whoever makes it: see `decided`)."""

    class Meta:
        model = Decision

    referral = factory.SubFactory(ReferralFactory)
    outcome = ReviewOutcome.JOINT_VISIT
    rationale = "Synthetic rationale"
    decided_by = factory.SubFactory(UserFactory)
    decided_at = factory.LazyFunction(timezone.now)
    question = factory.LazyAttribute(
        lambda o: "Synthetic question" if o.outcome == ReviewOutcome.MORE_INFORMATION else ""
    )


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    pregnancy = factory.SubFactory(PregnancyFactory)
    kind = VisitKind.JOINT_VISIT
    starts_at = factory.LazyAttribute(lambda o: at_gestation(o.pregnancy, 22))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    status = VisitStatus.BOOKED
    booked_by = factory.SubFactory(UserFactory)


class VisitRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitRecord

    visit = factory.SubFactory(VisitFactory, status=VisitStatus.ATTENDED)
    status = VisitRecordStatus.COMPLETE
    completed_at = factory.LazyAttribute(lambda o: o.visit.ends_at + timedelta(hours=2))


class FamilyPlanGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyPlanGoal

    record = factory.SubFactory(VisitRecordFactory)
    goal = "Synthetic goal"


class FamilyPlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyPlanAction

    goal = factory.SubFactory(FamilyPlanGoalFactory)
    action = "Synthetic action"
    owner = PlanOwner.HEALTH_VISITOR
    due_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    status = ActionStatus.NOT_STARTED


class TrainingCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingCourse
        django_get_or_create = ("name",)

    name = MANDATORY_COURSE
    counts_as_trained = True


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRecord

    practitioner = factory.SubFactory(PractitionerFactory)
    course = factory.SubFactory(TrainingCourseFactory)
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    recorded_by = factory.SubFactory(UserFactory)


class VisitTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitTarget

    period_start = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    period_end = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    target_visits = 45


def adswood_family(personas, *, weeks: int = 20, days: int = 0, **overrides):
    """A pregnancy in Adswood, in the Adswood team, named to the personas' midwife, at this
    gestation today."""
    values = {
        "provider": personas.provider,
        "area": personas.adswood,
        "team": personas.adswood_team,
        "named_midwife": personas.midwife.practitioner,
        "edd": edd_for_gestation_today(weeks, days),
        **overrides,
    }
    return PregnancyFactory(**values)


def decided(pregnancy, outcome, **overrides) -> Referral:
    """A referral of the pregnancy decided for this outcome, with its decision."""
    values = {
        "pregnancy": pregnancy,
        "status": ReferralStatus.DECIDED,
        "current_outcome": outcome,
        "decided_at": timezone.now() - timedelta(days=7),
        "referred_at": timezone.now() - timedelta(days=10),
        **overrides,
    }
    referral = ReferralFactory(**values)
    DecisionFactory(referral=referral, outcome=outcome, decided_at=referral.decided_at)
    return referral
