"""Programme figures per area and for the whole LMNS: the pathway funnel, review times,
visits against their targets and the areas live. Set-based: each table is one grouped
query (review times group referrals by their referral and decision dates, then the working
days of each group are worked out once).

Figures are counted, never told: the web layer tells them through a
`tandem.core.disclosure.Teller`, which suppresses small numbers for analysts.
"""

import math
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate

from tandem import access
from tandem.assessments.models import VisitRecord, VisitRecordStatus
from tandem.core.disclosure import EXACT, SUPPRESSED_FOR_ANALYSTS, Teller
from tandem.pathway.models import Decision, Referral, Screen
from tandem.pathway.rules import (
    HEALTH_VISITOR_CONTACT_FROM,
    JOINT_VISIT_FROM,
    JOINT_VISIT_TO,
    working_days_between,
)
from tandem.pathway.services import review_target_working_days
from tandem.programme.models import VisitTarget
from tandem.programme.worklists import before_edd, days_before_edd
from tandem.records.models import Area, Pregnancy
from tandem.scheduling.models import Visit, VisitKind, VisitStatus

NO_AREA = "Area not known"


@dataclass(frozen=True)
class Scope:
    """Whose figures: the areas she may see, and whether that is the whole LMNS (which
    also counts pregnancies with no area)."""

    areas: QuerySet[Area]
    whole_lmns: bool
    teller: Teller
    label: str

    def pregnancies(self) -> QuerySet[Pregnancy]:
        in_areas = Q(area__in=self.areas)
        return Pregnancy.objects.filter(
            in_areas | Q(area__isnull=True) if self.whole_lmns else in_areas
        )


def teller_for(user) -> Teller:
    """Exact figures for someone who may see the families anyway; suppressed otherwise."""
    return EXACT if access.can_see_identifiers(user) else SUPPRESSED_FOR_ANALYSTS


def scope_for(user, area: Area | None = None) -> Scope:
    """The programme scope: one area (already checked with access.programme_area_for), or
    every area she may see: the whole LMNS for an analyst, her areas for a team leader."""
    teller = teller_for(user)
    if area is not None:
        return Scope(Area.objects.filter(pk=area.pk), False, teller, area.name)
    areas = access.programme_areas(user)
    whole = teller.suppress and areas.exists()
    return Scope(areas, whole, teller, "Whole LMNS" if whole else "Your areas")


# --- The funnel -------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    key: str
    label: str


FUNNEL = (
    Stage("booked", "Booked"),
    Stage("screened", "Screened for the pathway"),
    Stage("referred", "Referred to the pathway"),
    Stage("reviewed", "Review decision made"),
    Stage("visit_booked", "Visit booked"),
    Stage("visit_in_window", "Visit completed in its window"),
    Stage("plan_recorded", "Family plan recorded"),
)


def in_window() -> Q:
    """A joint visit at 20+0 to 25+6, or a 28-week contact at 28+0 or later, at its date
    (on visits annotated with `before_edd`)."""
    return (
        Q(kind=VisitKind.JOINT_VISIT)
        & Q(before_edd__lte=before_edd(JOINT_VISIT_FROM))
        & Q(before_edd__gte=before_edd(JOINT_VISIT_TO))
    ) | (
        Q(kind=VisitKind.HEALTH_VISITOR_28_WEEK)
        & Q(before_edd__lte=before_edd(HEALTH_VISITOR_CONTACT_FROM))
    )


def first_decided_at_subquery() -> Subquery:
    """When the referral's first decision was made (a question for the referrer counts):
    its Decision rows, not `decided_at`, which a revision or an answer moves."""
    first = Decision.objects.filter(referral=OuterRef("pk")).order_by("decided_at", "pk")
    return Subquery(first.values("decided_at")[:1])


def _stage_counts() -> dict:
    referrals = Referral.objects.filter(pregnancy=OuterRef("pk"))
    visits = Visit.objects.filter(pregnancy=OuterRef("pk"))
    decisions = Decision.objects.filter(referral__pregnancy=OuterRef("pk"))
    return {
        "booked": Count("pk"),
        "screened": Count("pk", filter=Q(Exists(Screen.objects.filter(pregnancy=OuterRef("pk"))))),
        "referred": Count("pk", filter=Q(Exists(referrals))),
        "reviewed": Count("pk", filter=Q(Exists(decisions))),
        "visit_booked": Count("pk", filter=Q(Exists(visits.exclude(status=VisitStatus.CANCELLED)))),
        "visit_in_window": Count(
            "pk",
            filter=Q(
                Exists(
                    visits.filter(status=VisitStatus.ATTENDED)
                    .annotate(before_edd=days_before_edd())
                    .filter(in_window())
                )
            ),
        ),
        "plan_recorded": Count(
            "pk",
            filter=Q(
                Exists(
                    VisitRecord.objects.filter(
                        visit__pregnancy=OuterRef("pk"), status=VisitRecordStatus.COMPLETE
                    )
                )
            ),
        ),
    }


@dataclass
class FunnelRow:
    area: str
    area_id: int | None
    counts: dict[str, int]


def funnel(scope: Scope, start: date, end: date) -> tuple[list[FunnelRow], FunnelRow]:
    """Pregnancies booked from `start` to `end` (inclusive) at each stage, by area and in
    total: two queries."""
    cohort = scope.pregnancies().filter(booking_date__range=(start, end))
    counts = _stage_counts()
    rows = [
        FunnelRow(
            row["area__name"] or NO_AREA,
            row["area_id"],
            {stage.key: row[stage.key] for stage in FUNNEL},
        )
        for row in cohort.values("area_id", "area__name")
        .annotate(**counts)
        .order_by(F("area__name").asc(nulls_last=True), "area_id")
    ]
    total = cohort.aggregate(**counts)
    return rows, FunnelRow(scope.label, None, {stage.key: total[stage.key] for stage in FUNNEL})


# --- Review times ------------------------------------------------------------------------


@dataclass
class ReviewTimes:
    area: str
    decided: int = 0
    within_target: int = 0
    median: float | None = None
    ninetieth: int | None = None
    distribution: dict[int, int] = field(default_factory=dict)


def _value_at_rank(distribution: dict[int, int], rank: int) -> int:
    """The value of the `rank`-th smallest member (from 1) of a distribution {value: n}."""
    seen = 0
    for value in sorted(distribution):
        seen += distribution[value]
        if seen >= rank:
            return value
    raise ValueError(f"Rank {rank} is past the {seen} members")


def percentile(distribution: dict[int, int], fraction: float) -> int | None:
    """Nearest-rank percentile: the smallest value with at least `fraction` of the group
    at or below it."""
    total = sum(distribution.values())
    if total == 0:
        return None
    return _value_at_rank(distribution, max(1, math.ceil(fraction * total)))


def median(distribution: dict[int, int]) -> float | None:
    """The middle value; for an even number, the mean of the two middle values."""
    total = sum(distribution.values())
    if total == 0:
        return None
    if total % 2:
        return _value_at_rank(distribution, total // 2 + 1)
    middle = _value_at_rank(distribution, total // 2), _value_at_rank(distribution, total // 2 + 1)
    return sum(middle) / 2


def _finish(times: ReviewTimes, target: int) -> ReviewTimes:
    times.decided = sum(times.distribution.values())
    times.within_target = sum(n for days, n in times.distribution.items() if days <= target)
    times.median = median(times.distribution)
    times.ninetieth = percentile(times.distribution, 0.9)
    return times


def review_times(
    scope: Scope, start: date, end: date, *, target: int | None = None
) -> tuple[list[ReviewTimes], ReviewTimes]:
    """Working days from referral to first decision for referrals made from `start` to
    `end` and decided, by area and in total: one query grouped by area and the two dates.
    The target is the LMNS's review target unless given."""
    target = review_target_working_days() if target is None else target
    grouped = (
        Referral.objects.filter(
            pregnancy__in=scope.pregnancies(), referred_at__date__range=(start, end)
        )
        .annotate(first_decided_at=first_decided_at_subquery())
        .filter(first_decided_at__isnull=False)
        .values("pregnancy__area__name")
        .annotate(referred_on=TruncDate("referred_at"), decided_on=TruncDate("first_decided_at"))
        .values("pregnancy__area__name", "referred_on", "decided_on")
        .annotate(n=Count("pk"))
        .order_by(F("pregnancy__area__name").asc(nulls_last=True))
    )
    by_area: dict[str, ReviewTimes] = {}
    total = ReviewTimes(scope.label)
    for row in grouped:
        name = row["pregnancy__area__name"] or NO_AREA
        days = working_days_between(row["referred_on"], row["decided_on"])
        for times in (by_area.setdefault(name, ReviewTimes(name)), total):
            times.distribution[days] = times.distribution.get(days, 0) + row["n"]
    return [_finish(times, target) for times in by_area.values()], _finish(total, target)


# --- Visits against their targets ---------------------------------------------------------


def _attended_joint_visits(**where) -> Subquery:
    visits = (
        Visit.objects.filter(
            kind=VisitKind.JOINT_VISIT,
            status=VisitStatus.ATTENDED,
            starts_at__date__gte=OuterRef("period_start"),
            starts_at__date__lte=OuterRef("period_end"),
            **where,
        )
        .order_by()
        .values("kind")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(visits, output_field=IntegerField()), Value(0))


def visit_targets(scope: Scope) -> QuerySet[VisitTarget]:
    """Targets for her areas (and the whole LMNS's when that is her scope), each with
    `completed`: joint visits attended in its period in its area, or anywhere for an LMNS
    target. One query."""
    where = Q(area__in=scope.areas)
    if scope.whole_lmns:
        where |= Q(area__isnull=True)
    return (
        VisitTarget.objects.filter(where)
        .select_related("area")
        .annotate(
            completed=Case(
                When(area__isnull=True, then=_attended_joint_visits()),
                default=_attended_joint_visits(pregnancy__area=OuterRef("area")),
            )
        )
        .order_by("-period_start", "area__name", "pk")
    )


# --- Areas live ----------------------------------------------------------------------------


def areas_live(scope: Scope, on: date) -> tuple[list[Area], int]:
    """Her areas with the date the pathway went live in each, and how many are live."""
    areas = list(scope.areas.select_related("organisation").order_by("name", "pk"))
    return areas, sum(1 for area in areas if area.pathway_live_on(on))
