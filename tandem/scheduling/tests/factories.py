"""Factories and helpers for the scheduling tests. Synthetic data only."""

from datetime import date, datetime, time, timedelta

import factory
from django.utils import timezone

from tandem.pathway.models import Referral, ReferralStatus, ReviewOutcome
from tandem.scheduling.models import (
    BusyPeriod,
    Visit,
    VisitKind,
    VisitPractitioner,
    VisitRole,
    WorkingHours,
)
from tandem.scheduling.services.intervals import local_zone


class WorkingHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingHours

    weekday = 0
    starts = time(9, 0)
    ends = time(17, 0)
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))
    valid_to = None


class BusyPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusyPeriod


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A UK local time on a day, as an aware datetime."""
    return datetime.combine(day, time(hour, minute), tzinfo=local_zone())


def works_every_day(practitioner, *, starts=time(9), ends=time(17), valid_from=None, valid_to=None):
    """Working hours on all seven days, so tests can predict the first free day."""
    valid_from = valid_from or timezone.localdate() - timedelta(days=365)
    for weekday in range(7):
        WorkingHoursFactory(
            practitioner=practitioner,
            weekday=weekday,
            starts=starts,
            ends=ends,
            valid_from=valid_from,
            valid_to=valid_to,
        )


def decided_referral(pregnancy, *, by, outcome=ReviewOutcome.JOINT_VISIT) -> Referral:
    """A referral of the pregnancy that the safeguarding review has decided on."""
    return Referral.objects.create(
        pregnancy=pregnancy,
        referred_by=by,
        referred_at=timezone.now() - timedelta(days=10),
        reason="Synthetic reason for referral",
        status=ReferralStatus.DECIDED,
        current_outcome=outcome,
        decided_at=timezone.now() - timedelta(days=5),
    )


def edd_for(day: date, weeks: int, days: int = 0) -> date:
    """The EDD that puts a pregnancy at weeks+days on `day`."""
    return day + timedelta(days=280 - (weeks * 7 + days))


def booked_visit(pregnancy, *, by, midwife, health_visitor, starts_at=None, referral=None):
    """A joint visit booked straight into the tables (the booking rules are tested through
    book_visit; this is for pages that only need a visit to exist)."""
    starts_at = starts_at or timezone.now() + timedelta(days=7)
    visit = Visit.objects.create(
        pregnancy=pregnancy,
        referral=referral,
        kind=VisitKind.JOINT_VISIT,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=90),
        booked_by=by,
    )
    VisitPractitioner.objects.create(visit=visit, practitioner=midwife, role=VisitRole.MIDWIFE)
    VisitPractitioner.objects.create(
        visit=visit, practitioner=health_visitor, role=VisitRole.HEALTH_VISITOR
    )
    return visit
