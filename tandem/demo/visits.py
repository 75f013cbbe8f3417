"""Pathway visits for decided referrals: the joint visit at 20+0-25+6 weeks and the health
visitor's contact from 28+0, booked on the practitioners' calendars.

An administrator (or the midwife) books the visit a few working days after the decision, in
a free slot inside the window (calendars.Diary). A few are booked outside the window with a
reason, a few are not booked yet, a few are moved or cancelled and rebooked. Visits before
today were attended, missed, or (recently) not yet recorded; the rest are booked. Rates and
texts are invented (docs/calibration.md).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from tandem.assessments.models import AttendanceOutcome
from tandem.demo.calendars import Diary
from tandem.demo.contacts import LONDON
from tandem.demo.pregnancies import PregnancyStory
from tandem.demo.referrals import ReferralPlan, working_day_time
from tandem.demo.sampling import chance, pick
from tandem.demo.visit_records import FeedbackPlan, RecordPlan, plan_feedback, plan_record
from tandem.pathway.models import ReferralStatus, ReviewOutcome
from tandem.scheduling.models import VisitChangeKind, VisitKind, VisitRole, VisitStatus

WINDOW_DAYS = {VisitKind.JOINT_VISIT: (140, 181), VisitKind.HEALTH_VISITOR_28_WEEK: (196, 223)}
MINUTES = {VisitKind.JOINT_VISIT: 90, VisitKind.HEALTH_VISITOR_28_WEEK: 60}
KIND_OF_OUTCOME = {
    ReviewOutcome.JOINT_VISIT: VisitKind.JOINT_VISIT,
    ReviewOutcome.HEALTH_VISITOR_28_WEEK: VisitKind.HEALTH_VISITOR_28_WEEK,
}
BOOKED_WORKING_DAYS_AFTER_DECISION = (1, 5)
NOT_BOOKED = 0.05
OUTSIDE_WINDOW = 0.04
LATE_DECISION_BOOKED_ANYWAY = 0.5
DID_NOT_ATTEND = 0.08
NOT_RECORDED_WITHIN_DAYS = 30
NOT_RECORDED = 0.08
RESCHEDULED = 0.06
CANCELLED_AND_REBOOKED = 0.03
ADMINISTRATOR_BOOKS = 0.6

AFTER_WINDOW_REASONS = (
    "Family away for most of the window; this was the earliest date they could manage.",
    "Health visitor for the area on leave during the window; agreed with the family.",
)
BEFORE_WINDOW_REASONS = (
    "Family moving house at 21 weeks; visit brought forward at their request.",
)
LATE_DECISION_REASON = "Referral decided after the window had passed; earliest date offered."
RESCHEDULE_REASONS = (
    "The family asked for a later time.",
    "Health visitor off sick; moved to the next day both were free.",
    "Midwife called to cover the birth centre.",
)
CANCEL_REASONS = (
    "Family unwell on the day; they asked to rebook.",
    "Booked in error at the wrong address; rebooked.",
)


@dataclass(frozen=True)
class ChangePlan:
    kind: str
    by: int
    at: datetime
    starts_at: datetime
    reason: str = ""
    previous_starts_at: datetime | None = None
    outside_window_reason: str = ""


@dataclass(frozen=True)
class VisitPlan:
    kind: str
    starts_at: datetime
    ends_at: datetime
    status: str
    booked_by: int
    booked_at: datetime
    outside_window_reason: str
    attendees: tuple[tuple[int, str], ...]  # practitioner id, role
    changes: tuple[ChangePlan, ...]
    attendance: tuple[tuple[str, int, datetime], ...] = ()  # outcome, recorded by, at
    record: RecordPlan | None = None
    feedback: tuple[FeedbackPlan, ...] = ()

    @property
    def holds_slots(self) -> bool:
        return self.status != VisitStatus.CANCELLED


@dataclass(frozen=True)
class VisitTeam:
    midwife: int  # practitioner ids
    health_visitor: int
    midwife_user: int
    health_visitor_user: int
    administrators: tuple[int, ...]  # user ids


def plan_visits(
    rng: Random,
    referral: ReferralPlan,
    story: PregnancyStory,
    team: VisitTeam,
    diary: Diary,
    *,
    today: date,
    force: str | None = None,
) -> list[VisitPlan]:
    """The visits of one decided referral. `force` (the demo midwife's showcase families):
    "not_booked", "out_of_window" (booked, in the future), "not_recorded" (past, still
    booked), "draft_record" or "action_overdue" (attended)."""
    kind = KIND_OF_OUTCOME.get(referral.current_outcome)
    if referral.status != ReferralStatus.DECIDED or kind is None or force == "not_booked":
        return []
    joint = kind == VisitKind.JOINT_VISIT
    low, high = BOOKED_WORKING_DAYS_AFTER_DECISION
    booked_at = working_day_time(rng, referral.decided_at.date(), low + int(rng.random() * high))
    start_of_today = datetime.combine(today, time(0), tzinfo=LONDON)
    if booked_at >= start_of_today or (force is None and chance(rng, NOT_BOOKED)):
        return []
    span = _days(rng, kind, story, booked_at, today, force)
    if span is None:
        return []
    first, last, outside_reason = span
    people = (team.midwife, team.health_visitor) if joint else (team.health_visitor,)
    starts_at = diary.place(rng, people, first, last, MINUTES[kind], avoid=today)
    if starts_at is None:
        return []
    ends_at = starts_at + timedelta(minutes=MINUTES[kind])
    booker = (
        pick(rng, team.administrators)
        if team.administrators and chance(rng, ADMINISTRATOR_BOOKS)
        else team.midwife_user
        if joint
        else team.health_visitor_user
    )
    recorder = team.midwife_user if joint else team.health_visitor_user
    attendees = ((team.midwife, VisitRole.MIDWIFE),) if joint else ()
    attendees += ((team.health_visitor, VisitRole.HEALTH_VISITOR),)
    status = _status(rng, starts_at, today, force)
    visits, changes = [], []
    moved_from = _earlier_time(
        rng, diary, team.health_visitor, max(first, booked_at.date()), starts_at
    )
    if moved_from is not None and booked_at + (moved_from - booked_at) / 2 >= start_of_today:
        moved_from = None  # it would have been moved after today
    if moved_from is not None and force is None and chance(rng, RESCHEDULED):
        moved_at = booked_at + (moved_from - booked_at) / 2
        changes = [
            ChangePlan(
                VisitChangeKind.BOOKED,
                booker,
                booked_at,
                moved_from,
                outside_window_reason=outside_reason,
            ),
            ChangePlan(
                VisitChangeKind.RESCHEDULED,
                booker,
                moved_at,
                starts_at,
                reason=pick(rng, RESCHEDULE_REASONS),
                previous_starts_at=moved_from,
                outside_window_reason=outside_reason,
            ),
        ]
    elif moved_from is not None and force is None and chance(rng, CANCELLED_AND_REBOOKED):
        cancelled_at = booked_at + (moved_from - booked_at) / 2
        visits.append(
            VisitPlan(
                kind,
                moved_from,
                moved_from + timedelta(minutes=MINUTES[kind]),
                VisitStatus.CANCELLED,
                booker,
                booked_at,
                outside_reason,
                attendees,
                (
                    ChangePlan(
                        VisitChangeKind.BOOKED,
                        booker,
                        booked_at,
                        moved_from,
                        outside_window_reason=outside_reason,
                    ),
                    ChangePlan(
                        VisitChangeKind.CANCELLED,
                        booker,
                        cancelled_at,
                        moved_from,
                        reason=pick(rng, CANCEL_REASONS),
                        previous_starts_at=moved_from,
                    ),
                ),
            )
        )
        booked_at = cancelled_at
    if not changes:
        changes = [
            ChangePlan(
                VisitChangeKind.BOOKED,
                booker,
                booked_at,
                starts_at,
                outside_window_reason=outside_reason,
            )
        ]
    attendance, record, feedback = (), None, ()
    if status in (VisitStatus.ATTENDED, VisitStatus.DID_NOT_ATTEND):
        recorded_at = ends_at + timedelta(minutes=15 + 15 * int(rng.random() * 12))
        outcome = (
            AttendanceOutcome.ATTENDED
            if status == VisitStatus.ATTENDED
            else AttendanceOutcome.DID_NOT_ATTEND
        )
        attendance = ((outcome, recorder, recorded_at),)
    if status == VisitStatus.ATTENDED and joint:
        writers = (team.midwife_user, team.health_visitor_user)
        record = plan_record(rng, ends_at, today, writers, force=force)
        feedback = plan_feedback(rng, ends_at, today, writers, record)
    visits.append(
        VisitPlan(
            kind,
            starts_at,
            ends_at,
            status,
            booker,
            booked_at,
            outside_reason,
            attendees,
            tuple(changes),
            attendance,
            record,
            feedback,
        )
    )
    return visits


def _days(rng, kind, story, booked_at, today, force) -> tuple[date, date, str] | None:
    """The days to look for a slot in, and the reason when they are outside the window."""
    low, high = WINDOW_DAYS[kind]
    window_first, window_last = story.date_at(low), story.date_at(high)
    earliest = booked_at.date() + timedelta(days=2)
    first, last, reason = max(window_first, earliest), window_last, ""
    if force == "out_of_window":
        if window_last + timedelta(days=1) > today:
            first = max(window_last + timedelta(days=1), today + timedelta(days=1), earliest)
            last, reason = first + timedelta(days=10), pick(rng, AFTER_WINDOW_REASONS)
        else:
            return None
    elif force is None and chance(rng, OUTSIDE_WINDOW):
        if chance(rng, 0.25) and window_first - timedelta(days=6) >= earliest:
            first, last = window_first - timedelta(days=6), window_first - timedelta(days=1)
            reason = pick(rng, BEFORE_WINDOW_REASONS)
        else:
            first = max(window_last + timedelta(days=1), earliest)
            last, reason = first + timedelta(days=10), pick(rng, AFTER_WINDOW_REASONS)
    elif first > last:  # decided too late for the window
        if force is not None or not chance(rng, LATE_DECISION_BOOKED_ANYWAY):
            return None
        last, reason = first + timedelta(days=7), LATE_DECISION_REASON
    if force in ("not_recorded", "draft_record"):
        last = min(last, today - timedelta(days=3))
    elif force == "action_overdue":
        last = min(last, today - timedelta(days=21))
    last = min(last, story.event_date - timedelta(days=1))
    return (first, last, reason) if first <= last else None


def _status(rng: Random, starts_at: datetime, today: date, force: str | None) -> str:
    day = starts_at.date()
    if day > today:
        return VisitStatus.BOOKED
    if force == "not_recorded":
        return VisitStatus.BOOKED
    if force is not None:
        return VisitStatus.ATTENDED
    draw = rng.random()
    if draw < DID_NOT_ATTEND:
        return VisitStatus.DID_NOT_ATTEND
    if (today - day).days <= NOT_RECORDED_WITHIN_DAYS and draw < DID_NOT_ATTEND + NOT_RECORDED:
        return VisitStatus.BOOKED
    return VisitStatus.ATTENDED


def _earlier_time(rng, diary: Diary, person: int, first: date, starts_at: datetime):
    """A time the visit was first booked for before it was moved or cancelled: one to six
    days earlier, more than a day after `first` (the booking, or the first day the visit
    could be on); None when there is no room for one or she does not work that day."""
    day = starts_at.date() - timedelta(days=1 + int(rng.random() * 6))
    if day <= first + timedelta(days=1):
        return None
    return diary.random_time(rng, person, day, 60)
