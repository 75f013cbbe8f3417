"""Worklists and alerts: what needs doing on the Enhanced Maternity Pathway, per role.

Each list is a queryset scoped through `tandem.access` to the families the user may see,
narrowed to the ones her role looks after (`alert_pregnancies`), with its related rows
selected so a page of it costs a fixed number of queries. Nothing here writes.

| role | sees |
| --- | --- |
| midwife | every alert, for the families she is named midwife of |
| health visitor | every alert, for families in her areas |
| safeguarding reviewer | overdue reviews in her areas |
| team leader | every alert, for her teams and areas |
| administrator | the booking ones (joint visit not booked, 28-week contact due) in her areas |
"""

from datetime import date, datetime, time, timedelta
from enum import StrEnum

from django.db.models import (
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from tandem import access
from tandem.assessments.models import (
    ActionStatus,
    FamilyPlanAction,
    VisitRecord,
    VisitRecordStatus,
)
from tandem.core.gestation import PREGNANCY_DAYS, Gestation
from tandem.core.roles import Role
from tandem.pathway.models import Referral, ReferralStatus, ReviewOutcome
from tandem.pathway.rules import (
    HEALTH_VISITOR_CONTACT_FROM,
    JOINT_VISIT_BOOK_BY,
    JOINT_VISIT_FROM,
    JOINT_VISIT_TO,
    VISIT_RECORD_DUE_DAYS,
    latest_overdue_start,
)
from tandem.pathway.services import review_target_working_days
from tandem.records.models import Pregnancy, PregnancyStatus
from tandem.scheduling.models import Visit, VisitKind, VisitStatus

# A family decided for the 28-week contact is flagged from 26+0 when none is booked: two
# weeks to book it before it falls due.
CONTACT_28_WEEK_FLAG_FROM = Gestation.of(26, 0)
# A visit counts as booked for these alerts when it is booked or has taken place.
BOOKED_OR_ATTENDED = (VisitStatus.BOOKED, VisitStatus.ATTENDED)
# The kinds of visit whose attendance needs a completed visit record (the joint visit's My
# World Assessment, Matrix and family plan).
KINDS_NEEDING_A_RECORD = (VisitKind.JOINT_VISIT,)
FINISHED_ACTIONS = (ActionStatus.DONE, ActionStatus.NO_LONGER_NEEDED)


class Alert(StrEnum):
    OVERDUE_REVIEW = "overdue-reviews"
    JOINT_VISIT_NOT_BOOKED = "joint-visit-not-booked"
    VISIT_OUT_OF_WINDOW = "visits-out-of-window"
    VISIT_NOT_RECORDED = "visits-not-recorded"
    ACTION_OVERDUE = "plan-actions-overdue"
    CONTACT_28_WEEK_DUE = "28-week-contact-due"


ALL_ALERTS = tuple(Alert)
ROLE_ALERTS: dict[str, tuple[Alert, ...]] = {
    Role.MIDWIFE: ALL_ALERTS,
    Role.HEALTH_VISITOR: ALL_ALERTS,
    Role.SAFEGUARDING_REVIEWER: (Alert.OVERDUE_REVIEW,),
    Role.TEAM_LEADER: ALL_ALERTS,
    Role.ADMINISTRATOR: (Alert.JOINT_VISIT_NOT_BOOKED, Alert.CONTACT_28_WEEK_DUE),
}


def alerts_for(user) -> tuple[Alert, ...]:
    """The alerts her role looks after (none without a practitioner or person access)."""
    if access.practitioner_of(user) is None or not access.can_see_identifiers(user):
        return ()
    return ROLE_ALERTS.get(user.role, ())


def alert_pregnancies(user) -> QuerySet[Pregnancy]:
    """The pregnancies her alerts are about: within what she may see, narrowed to her
    families (midwife), her areas (health visitor, reviewer, administrator) or her teams
    and areas (team leader, which is all she may see)."""
    visible = access.visible_pregnancies(user)
    practitioner = access.practitioner_of(user)
    if practitioner is None or user.role not in ROLE_ALERTS:
        return visible.none()
    if user.role == Role.MIDWIFE:
        return visible.filter(named_midwife=practitioner)
    if user.role == Role.TEAM_LEADER:
        return visible
    return visible.filter(area_id__in=practitioner.areas.values("pk"))


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def before_edd(gestation: Gestation) -> timedelta:
    """How long before the EDD a pregnancy reaches `gestation`."""
    return timedelta(days=PREGNANCY_DAYS - gestation.days)


def _edd_at_gestation_today(today: date, gestation: Gestation) -> date:
    """A pregnancy is at or past `gestation` today when its EDD is on or before this."""
    return today + before_edd(gestation)


def _family_referrals(user, alert: Alert) -> QuerySet[Referral]:
    if alert not in alerts_for(user):
        return Referral.objects.none()
    return Referral.objects.filter(pregnancy__in=alert_pregnancies(user)).select_related(
        "pregnancy__woman", "pregnancy__area", "pregnancy__named_midwife"
    )


def _family_visits(user, alert: Alert) -> QuerySet[Visit]:
    if alert not in alerts_for(user):
        return Visit.objects.none()
    return Visit.objects.filter(pregnancy__in=alert_pregnancies(user)).select_related(
        "pregnancy__woman", "pregnancy__area", "pregnancy__named_midwife"
    )


def _visit_booked(kind: VisitKind) -> Exists:
    return Exists(
        Visit.objects.filter(
            pregnancy=OuterRef("pregnancy"), kind=kind, status__in=BOOKED_OR_ATTENDED
        )
    )


def overdue_reviews(user, *, now: datetime | None = None) -> QuerySet[Referral]:
    """Referrals still awaiting review after the review target: referred on a day whose
    due date (the LMNS's review target in working days later, Monday to Friday) has passed.
    Referrals sent back for more information are with the referrer, so not counted."""
    today = timezone.localdate(_now(now))
    overdue_from = latest_overdue_start(today, review_target_working_days())
    return (
        _family_referrals(user, Alert.OVERDUE_REVIEW)
        .filter(
            status=ReferralStatus.AWAITING_REVIEW,
            referred_at__lt=_start_of(overdue_from + timedelta(days=1)),
        )
        .order_by("referred_at", "pk")
    )


def joint_visits_not_booked(user, *, now: datetime | None = None) -> QuerySet[Referral]:
    """Families decided for a joint visit, 19+0 weeks or more today, with no joint visit
    booked or attended."""
    today = timezone.localdate(_now(now))
    return (
        _family_referrals(user, Alert.JOINT_VISIT_NOT_BOOKED)
        .filter(
            status=ReferralStatus.DECIDED,
            current_outcome=ReviewOutcome.JOINT_VISIT,
            pregnancy__status=PregnancyStatus.ACTIVE,
            pregnancy__edd__lte=_edd_at_gestation_today(today, JOINT_VISIT_BOOK_BY),
        )
        .exclude(_visit_booked(VisitKind.JOINT_VISIT))
        .order_by("pregnancy__edd", "pk")
    )


def contacts_28_week_due(user, *, now: datetime | None = None) -> QuerySet[Referral]:
    """Families decided for the health visitor's 28-week contact, 26+0 weeks or more today
    (CONTACT_28_WEEK_FLAG_FROM), with no 28-week contact booked or attended."""
    today = timezone.localdate(_now(now))
    return (
        _family_referrals(user, Alert.CONTACT_28_WEEK_DUE)
        .filter(
            status=ReferralStatus.DECIDED,
            current_outcome=ReviewOutcome.HEALTH_VISITOR_28_WEEK,
            pregnancy__status=PregnancyStatus.ACTIVE,
            pregnancy__edd__lte=_edd_at_gestation_today(today, CONTACT_28_WEEK_FLAG_FROM),
        )
        .exclude(_visit_booked(VisitKind.HEALTH_VISITOR_28_WEEK))
        .order_by("pregnancy__edd", "pk")
    )


def days_before_edd() -> ExpressionWrapper:
    """How long before the EDD a visit's (local) date is: the gestation at the visit is
    PREGNANCY_DAYS minus this."""
    return ExpressionWrapper(
        F("pregnancy__edd") - TruncDate("starts_at"), output_field=DurationField()
    )


def outside_window() -> Q:
    """A joint visit outside 20+0 to 25+6 at its date, or a 28-week contact before 28+0
    (on a queryset annotated with `before_edd`)."""
    joint = Q(kind=VisitKind.JOINT_VISIT) & (
        Q(before_edd__gt=before_edd(JOINT_VISIT_FROM))
        | Q(before_edd__lt=before_edd(JOINT_VISIT_TO))
    )
    contact = Q(kind=VisitKind.HEALTH_VISITOR_28_WEEK) & Q(
        before_edd__gt=before_edd(HEALTH_VISITOR_CONTACT_FROM)
    )
    return joint | contact


def visits_out_of_window(user, *, now: datetime | None = None) -> QuerySet[Visit]:
    """Booked visits whose date falls outside their window, for active pregnancies. (The
    window depends on the visit's date alone, so `now` is taken only for a common
    signature.)"""
    return (
        _family_visits(user, Alert.VISIT_OUT_OF_WINDOW)
        .filter(status=VisitStatus.BOOKED, pregnancy__status=PregnancyStatus.ACTIVE)
        .annotate(before_edd=days_before_edd())
        .filter(outside_window())
        .order_by("starts_at", "pk")
    )


def visits_not_recorded(user, *, now: datetime | None = None) -> QuerySet[Visit]:
    """Visits VISIT_RECORD_DUE_DAYS days (48 hours) or more after they ended that are still
    marked booked, or were attended (a joint visit) with no completed visit record."""
    ended_by = _now(now) - timedelta(days=VISIT_RECORD_DUE_DAYS)
    completed = VisitRecord.objects.filter(visit=OuterRef("pk"), status=VisitRecordStatus.COMPLETE)
    return (
        _family_visits(user, Alert.VISIT_NOT_RECORDED)
        .filter(ends_at__lte=ended_by)
        .filter(
            Q(status=VisitStatus.BOOKED)
            | (
                Q(status=VisitStatus.ATTENDED, kind__in=KINDS_NEEDING_A_RECORD)
                & ~Q(Exists(completed))
            )
        )
        .order_by("ends_at", "pk")
    )


def plan_actions_overdue(user, *, now: datetime | None = None) -> QuerySet[FamilyPlanAction]:
    """Actions of completed family plans whose due date has passed and that are neither
    done nor no longer needed."""
    if Alert.ACTION_OVERDUE not in alerts_for(user):
        return FamilyPlanAction.objects.none()
    today = timezone.localdate(_now(now))
    return (
        FamilyPlanAction.objects.filter(
            goal__record__visit__pregnancy__in=alert_pregnancies(user),
            goal__record__status=VisitRecordStatus.COMPLETE,
            due_date__lt=today,
        )
        .exclude(status__in=FINISHED_ACTIONS)
        .select_related(
            "goal__record__visit__pregnancy__woman",
            "goal__record__visit__pregnancy__area",
        )
        .order_by("due_date", "pk")
    )


WORKLISTS = {
    Alert.OVERDUE_REVIEW: overdue_reviews,
    Alert.JOINT_VISIT_NOT_BOOKED: joint_visits_not_booked,
    Alert.VISIT_OUT_OF_WINDOW: visits_out_of_window,
    Alert.VISIT_NOT_RECORDED: visits_not_recorded,
    Alert.ACTION_OVERDUE: plan_actions_overdue,
    Alert.CONTACT_28_WEEK_DUE: contacts_28_week_due,
}


def worklist(user, alert: Alert, *, now: datetime | None = None) -> QuerySet:
    return WORKLISTS[alert](user, now=now)


def alert_counts(user, *, now: datetime | None = None) -> dict[Alert, int]:
    """How many of each of her alerts there are: one count query per alert."""
    return {alert: worklist(user, alert, now=now).count() for alert in alerts_for(user)}
