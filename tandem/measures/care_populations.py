"""Populations of antenatal care: bookings, pathway referrals and care contacts.

Same form as the birth populations in `birth_populations.py`. The definitions in plain
English, their sources and their approximations are in docs/measures-care.md.

Some criteria ask whether a pregnancy has reached a gestation (26, 29 or 37 weeks): that
depends on the day the measure is counted, so each population's rows carry that day as
`counted_on`, set when the rows are fetched.
"""

from datetime import date, timedelta

from django.db.models import (
    Case,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractIsoWeekDay, TruncDate
from django.utils import timezone

from tandem.assessments.models import VisitRecord, VisitRecordStatus
from tandem.core.gestation import Gestation
from tandem.measures.dimensions import Paths
from tandem.measures.population import KNOWN_SMOKING, Population
from tandem.pathway.models import Referral, ReferralStatus, ReviewOutcome
from tandem.pathway.rules import JOINT_VISIT_TO, add_working_days
from tandem.pathway.services import review_target_working_days
from tandem.programme.figures import first_decided_at_subquery, in_window
from tandem.programme.worklists import before_edd, days_before_edd
from tandem.records.codes import Language, SmokingStatus
from tandem.records.models import (
    CareContact,
    CarePlanRecord,
    CarePlanType,
    ContactOutcome,
    Pregnancy,
)
from tandem.scheduling.models import Visit, VisitKind, VisitStatus

BOOKED_BY = Gestation.of(10, 0)  # 70 days: the MSMS band "booked by 10+0 weeks"
# The MSDS personalised care and support plan timings (domain reference, section 2.2).
PLAN_DUE_BY = {
    CarePlanType.ANTENATAL: Gestation(119),
    CarePlanType.BIRTH: Gestation(245),
    CarePlanType.POSTNATAL: Gestation(259),
}
CONTINUITY_BY = Gestation(203)  # 29+0 weeks, the MSDS continuity-of-carer timing
JOINT_VISIT_WINDOW_CLOSED = Gestation(JOINT_VISIT_TO.days + 1)  # 26+0

COUNTED_ON = "counted_on"


def _counted_today() -> Value:
    return Value(timezone.localdate(), output_field=DateField())


def on_or_before(date_field: str, gestation: Gestation) -> Q:
    """The date is on or before the day the pregnancy reaches `gestation`."""
    return Q(**{f"{date_field}__lte": F("edd") - before_edd(gestation)})


def reached(gestation: Gestation) -> Q:
    """The pregnancy reached `gestation` by the day of counting, still pregnant: active
    pregnancies past it today, ended ones that ended on or after it."""
    return Q(edd__lte=F(COUNTED_ON) + before_edd(gestation)) & (
        Q(ended_on__isnull=True) | Q(ended_on__gte=F("edd") - before_edd(gestation))
    )


def _has(rows: QuerySet, link: str = "pregnancy") -> Q:
    return Q(Exists(rows.filter(**{link: OuterRef("pk")})))


def _joint_visits_attended() -> QuerySet:
    return Visit.objects.filter(kind=VisitKind.JOINT_VISIT, status=VisitStatus.ATTENDED)


def _plan_by(plan_type: CarePlanType, gestation: Gestation, **fields) -> Q:
    """She has a care plan of `plan_type` with these `fields`, dated (MSDS CarePlanDate) on
    or before the day her pregnancy reached `gestation` by the agreed EDD. Any one such plan
    is enough: a later plan without them does not undo it."""
    plans = CarePlanRecord.objects.filter(
        care_plan_type=plan_type,
        care_plan_date__lte=OuterRef("edd") - before_edd(gestation),
        **fields,
    )
    return _has(plans)


def _all_personalised_plans_in_time() -> Q:
    combined = Q()
    for plan_type, due_by in PLAN_DUE_BY.items():
        combined &= _plan_by(plan_type, due_by, personalised=True)
    return combined


def _continuity_plan_in_time() -> Q:
    """MSDS continuity of carer: an antenatal (05) plan with ContCarePathInd = Y by 203 days,
    naming the care professional (CareProfLID, `recorded_by`). The plan does not hold the
    team (TeamLocalID), so that part of the MSDS rule cannot be checked (docs/measures-care.md)."""
    return _plan_by(
        CarePlanType.ANTENATAL,
        CONTINUITY_BY,
        continuity_pathway=True,
        recorded_by__isnull=False,
    )


BOOKING_CRITERIA: dict[str, Q] = {
    "booked": Q(booking_date__isnull=False),
    "smoking_booking_known": Q(smoking_status_booking__in=KNOWN_SMOKING),
    "smoker_at_booking": Q(smoking_status_booking=SmokingStatus.SMOKER),
    "booked_by_10_weeks": on_or_before("booking_date", BOOKED_BY),
    # The Enhanced Maternity Pathway
    "pathway_live_at_booking": Q(area__pathway_live_from__lte=F("booking_date")),
    "referred_to_pathway": _has(Referral.objects.all()),
    "accepted_for_joint_visit": _has(
        Referral.objects.filter(
            status=ReferralStatus.DECIDED, current_outcome=ReviewOutcome.JOINT_VISIT
        )
    ),
    "reached_26_weeks": reached(JOINT_VISIT_WINDOW_CLOSED),
    "joint_visit_in_window": _has(
        _joint_visits_attended().annotate(before_edd=days_before_edd()).filter(in_window())
    ),
    "joint_visit_attended": _has(_joint_visits_attended()),
    "family_plan_recorded": _has(
        VisitRecord.objects.filter(
            status=VisitRecordStatus.COMPLETE, visit__kind=VisitKind.JOINT_VISIT
        ),
        link="visit__pregnancy",
    ),
    # Equity
    "reached_29_weeks": reached(CONTINUITY_BY),
    "continuity_plan_by_29_weeks": _continuity_plan_in_time(),
    "reached_37_weeks": reached(PLAN_DUE_BY[CarePlanType.POSTNATAL]),
    "personalised_plans_by_msds_timings": _all_personalised_plans_in_time(),
    "main_language_not_english": ~Q(woman__main_language=Language.ENGLISH),
    "interpreter_need_recorded": Q(woman__interpreter_needed__isnull=False),
}


def _bookings() -> QuerySet:
    return Pregnancy.objects.filter(booking_date__isnull=False).annotate(
        **{COUNTED_ON: _counted_today()}
    )


# --- Referrals to the pathway ------------------------------------------------------------


def review_allowance_days(referred_on: date, target: int) -> int:
    """The most calendar days after the referral a first decision can come and still be
    within `target` working days: up to the day before the next working day after the
    target's last one (a Friday referral with a 5-day target may be decided by the Sunday
    week)."""
    return (add_working_days(referred_on, target + 1) - referred_on).days - 1


def _review_allowance(target: int) -> Case:
    """The allowance for the weekday of each referral (ISO weekday: Monday 1)."""
    monday = date(2024, 1, 1)
    return Case(
        *(
            When(
                referred_weekday=weekday,
                then=Value(
                    timedelta(
                        days=review_allowance_days(monday + timedelta(days=weekday - 1), target)
                    )
                ),
            )
            for weekday in range(1, 8)
        ),
        output_field=DurationField(),
    )


def _referrals() -> QuerySet:
    """Referrals with their (local) referral date, first decision date (from the Decision
    rows, as the programme figures count it) and the review target's allowance."""
    return Referral.objects.annotate(
        referred_on=TruncDate("referred_at"),
        referred_weekday=ExtractIsoWeekDay("referred_on"),
        first_decided_on=TruncDate(first_decided_at_subquery()),
        review_wait=ExpressionWrapper(
            F("first_decided_on") - F("referred_on"), output_field=DurationField()
        ),
        review_allowance=_review_allowance(review_target_working_days()),
    )


REFERRAL_CRITERIA: dict[str, Q] = {
    "first_decision_made": Q(first_decided_on__isnull=False),
    "first_decision_within_target": Q(review_wait__lte=F("review_allowance")),
}


# --- Care contacts -----------------------------------------------------------------------


def _contacts() -> QuerySet:
    return CareContact.objects.annotate(contact_date=TruncDate("starts_at"))


CONTACT_CRITERIA: dict[str, Q] = {
    "attended_or_did_not_attend": Q(
        outcome__in=(ContactOutcome.ATTENDED, ContactOutcome.DID_NOT_ATTEND)
    ),
    "did_not_attend": Q(outcome=ContactOutcome.DID_NOT_ATTEND),
}

_FROM_PREGNANCY = Paths(pregnancy="pregnancy__", labour="pregnancy__labour_delivery__")

CARE_POPULATIONS = (
    Population(
        "bookings",
        "Pregnancies booked",
        _bookings,
        "booking_date",
        Paths(pregnancy="", labour="labour_delivery__"),
        BOOKING_CRITERIA,
    ),
    Population(
        "pathway_referrals",
        "Referrals to the Enhanced Maternity Pathway",
        _referrals,
        "referred_on",
        _FROM_PREGNANCY,
        REFERRAL_CRITERIA,
    ),
    Population(
        "care_contacts",
        "Care contacts",
        _contacts,
        "contact_date",
        _FROM_PREGNANCY,
        CONTACT_CRITERIA,
    ),
)
