"""Proposing visit slots for referrals the safeguarding review decided on.

For a joint visit: times inside the 20+0 to 25+6 week window (never in the past) when a
midwife and a health visitor who both cover the family's area are free together (inside
working hours, outside busy periods and other visits). For the 28-week contact: times a
covering health visitor is free from 28+0 weeks. Her named midwife and the area's own health
visitors are preferred: preferred pairs are ranked first, then by time. At most one slot
per day is proposed, so the family is offered a choice of days.

Any number of referrals is handled in a fixed number of queries: their practitioners'
calendars are loaded once for the whole span and the slots are found in Python with
interval arithmetic (see intervals.py).
"""

import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from tandem.pathway.models import Referral, ReferralStatus
from tandem.records.models import PregnancyStatus
from tandem.scheduling.models import ENDED_WITHOUT_VISIT, Visit
from tandem.scheduling.services.calendars import Calendars, Coverage, coverage_of, load_calendars
from tandem.scheduling.services.intervals import (
    Interval,
    ceil_to_slot,
    from_minutes,
    intersect,
    local_date,
    local_midnight,
    merge,
    to_minutes,
)
from tandem.scheduling.services.windows import (
    KIND_OF_OUTCOME,
    WINDOWS,
    needs_midwife,
    visit_minutes,
)

DEFAULT_PROPOSALS = 5


@dataclass(frozen=True)
class Proposal:
    starts_at: datetime
    ends_at: datetime
    midwife_id: int | None
    health_visitor_id: int
    # 0: her named midwife and the area's health visitor; higher: fewer preferences met
    preference: int

    @property
    def key(self) -> str:
        """How a chosen proposal is posted back: start minute, midwife, health visitor."""
        return f"{to_minutes(self.starts_at)}-{self.midwife_id or 0}-{self.health_visitor_id}"


def parse_key(key: str) -> tuple[datetime, int | None, int] | None:
    parts = key.split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return None
    minute, midwife, health_visitor = (int(part) for part in parts)
    return from_minutes(minute), midwife or None, health_visitor


def pending_referrals(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    """Referrals decided for a visit, of active pregnancies, with no visit booked or held."""
    held = Visit.objects.filter(referral=OuterRef("pk")).exclude(status__in=ENDED_WITHOUT_VISIT)
    return referrals.filter(
        status=ReferralStatus.DECIDED,
        current_outcome__in=list(KIND_OF_OUTCOME),
        pregnancy__status=PregnancyStatus.ACTIVE,
    ).filter(~Exists(held))


@dataclass(frozen=True)
class _Need:
    referral_id: int
    kind: str
    area_id: int
    named_midwife_id: int | None
    start: int
    end: int
    length: int


def _need_of(referral: Referral, now_minute: int) -> _Need | None:
    kind = KIND_OF_OUTCOME.get(referral.current_outcome)
    pregnancy = referral.pregnancy
    if kind is None or pregnancy.area_id is None:
        return None
    window = WINDOWS[kind]
    start = max(local_midnight(window.first_day(pregnancy.edd)), ceil_to_slot(now_minute))
    end = local_midnight(window.last_day(pregnancy.edd) + timedelta(days=1))
    if end <= start:
        return None
    return _Need(
        referral_id=referral.pk,
        kind=kind,
        area_id=pregnancy.area_id,
        named_midwife_id=pregnancy.named_midwife_id,
        start=start,
        end=end,
        length=visit_minutes(kind),
    )


def _feasible_starts(free: list[Interval], length: int) -> list[Interval]:
    """The half-open ranges of start minutes at which a visit of `length` minutes fits
    wholly inside one free interval."""
    return [(start, end - length + 1) for start, end in free if end - start >= length]


def _earliest_per_day(starts: list[Interval], need: _Need, limit: int) -> list[int]:
    """The earliest start on the 15-minute grid on each day, for up to `limit` days, within
    the window (the visit must also end inside it)."""
    found: list[int] = []
    last_start = need.end - need.length  # inclusive
    index = bisect.bisect_right(starts, need.start, key=lambda interval: interval[1])
    cursor = need.start
    while index < len(starts) and len(found) < limit:
        begin, finish = starts[index]
        start = ceil_to_slot(max(begin, cursor))
        if start > last_start:
            break
        if start < finish:
            found.append(start)
            cursor = local_midnight(local_date(start) + timedelta(days=1))
            if cursor >= finish:
                index += 1
        else:
            index += 1
    return found


def _contains(starts: list[Interval], minute: int) -> bool:
    index = bisect.bisect_right(starts, minute, key=lambda interval: interval[0]) - 1
    return index >= 0 and starts[index][0] <= minute < starts[index][1]


class _Proposer:
    """Finds slots for many needs against one set of calendars.

    A visit can start at minute s with some midwife of a group and some health visitor of
    another exactly when s is in the union of the group's feasible starts and in the
    union of the other's. So each preference tier is one intersection of two merged
    unions, cached per area and named midwife and shared by every family they could visit;
    the practitioners are picked only for the few slots finally proposed.
    """

    def __init__(self, calendars: Calendars, coverage: Coverage, count: int):
        self.calendars = calendars
        self.coverage = coverage
        self.count = count
        self._starts: dict[tuple[int, int], list[Interval]] = {}
        self._cache: dict[tuple, list[Interval]] = {}

    def _starts_of(self, practitioner_id: int, length: int) -> list[Interval]:
        key = (practitioner_id, length)
        if key not in self._starts:
            self._starts[key] = _feasible_starts(self.calendars.free_of(practitioner_id), length)
        return self._starts[key]

    def _cached(self, key: tuple, compute) -> list[Interval]:
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def _union(self, ids, length: int) -> list[Interval]:
        return merge(interval for pid in ids for interval in self._starts_of(pid, length))

    def _groups(self, need: _Need):
        """People in each role: (preferred, everyone) midwives and health visitors."""
        area = need.area_id
        midwives = sorted(self.coverage.midwives.get(area, ()))
        named = [need.named_midwife_id] if need.named_midwife_id in midwives else []
        health_visitors = sorted(self.coverage.health_visitors.get(area, ()))
        area_hvs = sorted(self.coverage.area_health_visitors.get(area, ()))
        return named, midwives, area_hvs, health_visitors

    def _tiers(self, need: _Need) -> list[tuple[int, list[Interval]]]:
        """(preference, start ranges): 0 with her named midwife and an area health visitor,
        1 with one of them, 2 with anyone covering the area."""
        named, midwives, area_hvs, health_visitors = self._groups(need)
        area, length = need.area_id, need.length
        every_hv = self._cached(("hv", area, length), lambda: self._union(health_visitors, length))
        area_hv = self._cached(("area-hv", area, length), lambda: self._union(area_hvs, length))
        if not needs_midwife(need.kind):
            return [(0, area_hv), (1, every_hv)]
        every_mw = self._cached(("mw", area, length), lambda: self._union(midwives, length))
        mine = self._cached(("named", tuple(named), length), lambda: self._union(named, length))
        key = (area, tuple(named), length)
        return [
            (0, self._cached(("t0", *key), lambda: intersect(mine, area_hv))),
            (
                1,
                self._cached(
                    ("t1", *key),
                    lambda: merge(intersect(mine, every_hv) + intersect(every_mw, area_hv)),
                ),
            ),
            (2, self._cached(("t2", area, length), lambda: intersect(every_mw, every_hv))),
        ]

    def _first_free(self, ids, start: int, length: int) -> int | None:
        return next((pid for pid in ids if _contains(self._starts_of(pid, length), start)), None)

    def _proposal(self, need: _Need, preference: int, start: int) -> Proposal:
        named, midwives, area_hvs, health_visitors = self._groups(need)
        length = need.length
        midwife = None
        if needs_midwife(need.kind):
            midwife = self._first_free(named, start, length) or self._first_free(
                midwives, start, length
            )
        health_visitor = self._first_free(area_hvs, start, length) or self._first_free(
            health_visitors, start, length
        )
        return Proposal(
            starts_at=from_minutes(start),
            ends_at=from_minutes(start + length),
            midwife_id=midwife,
            health_visitor_id=health_visitor,
            preference=preference,
        )

    def propose(self, need: _Need) -> list[Proposal]:
        # Enough days from each tier to fill the list once days taken by better tiers are
        # skipped: fewer than `count` days can already be taken.
        candidates = sorted(
            (preference, start)
            for preference, starts in self._tiers(need)
            for start in _earliest_per_day(starts, need, 2 * self.count)
        )
        chosen: list[Proposal] = []
        days_used = set()
        for preference, start in candidates:
            day = local_date(start)
            if day in days_used:
                continue
            days_used.add(day)
            chosen.append(self._proposal(need, preference, start))
            if len(chosen) == self.count:
                break
        return chosen


def propose_slots(
    referrals: list[Referral], *, now: datetime | None = None, count: int = DEFAULT_PROPOSALS
) -> dict[int, list[Proposal]]:
    """Referral id -> up to `count` proposals, best first. The referrals must come with
    their pregnancies (select_related). Runs five queries however many referrals."""
    now_minute = to_minutes(now or timezone.now())
    needs = [need for referral in referrals if (need := _need_of(referral, now_minute))]
    proposals: dict[int, list[Proposal]] = {referral.pk: [] for referral in referrals}
    if not needs:
        return proposals
    coverage = coverage_of({need.area_id for need in needs})
    calendars = load_calendars(
        coverage.practitioner_ids(),
        from_minutes(min(need.start for need in needs)),
        from_minutes(max(need.end for need in needs)),
    )
    proposer = _Proposer(calendars, coverage, count)
    for need in needs:
        proposals[need.referral_id] = proposer.propose(need)
    return proposals
