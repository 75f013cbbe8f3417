"""Rows of the Enhanced Maternity Pathway's tables (pathway, scheduling, assessments,
programme) from the demo's plans, written in bulk like tables.py (explicit keys,
executemany, no per-row queries, no history rows)."""

import json
from datetime import date, datetime, time

from django.db import connection

from tandem.assessments.models import (
    AttendanceRecord,
    FamilyPlanAction,
    FamilyPlanGoal,
    MatrixFactor,
    TriangleEntry,
    VersionKind,
    VisitFeedback,
    VisitRecord,
    VisitRecordVersion,
)
from tandem.demo.calendars import Calendar, hours_valid_from, slots
from tandem.demo.contacts import LONDON
from tandem.demo.programme import TargetPlan, TrainingPlan
from tandem.demo.referrals import ReferralPlan
from tandem.demo.screening import ScreenPlan
from tandem.demo.visit_records import RecordPlan
from tandem.demo.visits import VisitPlan
from tandem.demo.writer import DbValues, TableWriter
from tandem.pathway.models import (
    Answer,
    Decision,
    Referral,
    ReferralEvent,
    Screen,
    ScreenAnswer,
    ScreenOutcome,
)
from tandem.programme.models import TrainingRecord, VisitTarget
from tandem.scheduling.models import (
    BusyPeriod,
    BusySource,
    SlotReservation,
    Visit,
    VisitChange,
    VisitPractitioner,
    WorkingHours,
)


class PathwayTables:
    def __init__(self, values: DbValues) -> None:
        self.values = values
        self.time = connection.ops.adapt_timefield_value
        self.json = VisitRecordVersion._meta.get_field("content")
        self.referrals = TableWriter(
            Referral,
            (
                "pregnancy",
                "referred_by",
                "referred_at",
                "reason",
                "status",
                "current_outcome",
                "decided_at",
            ),
        )
        self.screens = TableWriter(
            Screen, ("pregnancy", "screened_by", "screened_at", "outcome", "referral")
        )
        self.answers = TableWriter(ScreenAnswer, ("screen", "criterion", "met", "detail"))
        self.decisions = TableWriter(
            Decision,
            ("referral", "outcome", "rationale", "decided_by", "decided_at", "revises", "question"),
        )
        self.replies = TableWriter(Answer, ("decision", "text", "answered_by", "answered_at"))
        self.events = TableWriter(
            ReferralEvent, ("referral", "kind", "at", "by", "status_after", "note")
        )
        self.visits = TableWriter(
            Visit,
            (
                "pregnancy",
                "referral",
                "kind",
                "starts_at",
                "ends_at",
                "status",
                "booked_by",
                "booked_at",
                "outside_window_reason",
            ),
        )
        self.attendees = TableWriter(VisitPractitioner, ("visit", "practitioner", "role"))
        self.reservations = TableWriter(SlotReservation, ("practitioner", "slot_start", "visit"))
        self.changes = TableWriter(
            VisitChange,
            (
                "visit",
                "kind",
                "by",
                "at",
                "reason",
                "starts_at",
                "previous_starts_at",
                "outside_window_reason",
            ),
        )
        self.attendance = TableWriter(
            AttendanceRecord, ("visit", "outcome", "recorded_by", "recorded_at")
        )
        self.records = TableWriter(
            VisitRecord,
            (
                "visit",
                "status",
                "completed_at",
                "completed_by",
                "parents_priorities",
                "baby_voice",
                "matrix_summary",
            ),
        )
        self.triangle = TableWriter(TriangleEntry, ("record", "domain", "strengths", "concerns"))
        self.factors = TableWriter(MatrixFactor, ("record", "quadrant", "factor", "position"))
        self.versions = TableWriter(
            VisitRecordVersion,
            ("record", "number", "kind", "reason", "content", "made_by", "made_at"),
        )
        self.goals = TableWriter(FamilyPlanGoal, ("record", "goal", "position"))
        self.actions = TableWriter(
            FamilyPlanAction, ("goal", "action", "owner", "owner_service", "due_date", "status")
        )
        self.feedback = TableWriter(
            VisitFeedback,
            ("visit", "respondent", "rating", "comments", "entered_by", "entered_at"),
        )
        self.hours = TableWriter(
            WorkingHours, ("practitioner", "weekday", "starts", "ends", "valid_from", "valid_to")
        )
        self.busy = TableWriter(
            BusyPeriod, ("practitioner", "starts_at", "ends_at", "source", "ics_uid", "created_at")
        )
        self.training = TableWriter(
            TrainingRecord, ("practitioner", "course", "completed_on", "recorded_by", "recorded_at")
        )
        self.targets = TableWriter(
            VisitTarget, ("area", "period_start", "period_end", "target_visits")
        )
        self.all = (
            self.referrals,
            self.screens,
            self.answers,
            self.decisions,
            self.replies,
            self.events,
            self.visits,
            self.attendees,
            self.reservations,
            self.changes,
            self.attendance,
            self.records,
            self.triangle,
            self.factors,
            self.versions,
            self.goals,
            self.actions,
            self.feedback,
            self.hours,
            self.busy,
            self.training,
            self.targets,
        )

    # --- Screens and referrals ----------------------------------------------------------

    def add_screen(
        self, pregnancy_id: int, screen: ScreenPlan, screened_by: int, referral_id: int | None
    ) -> None:
        outcome = ScreenOutcome.REFERRED if referral_id else ScreenOutcome.NOT_REFERRED
        at = self.values.datetime
        screen_id = self.screens.add(
            pregnancy_id, screened_by, at(screen.screened_at), outcome, referral_id
        )
        for criterion_id, met, detail in screen.answers:
            self.answers.add(screen_id, criterion_id, met, detail)

    def add_referral(self, pregnancy_id: int, referral: ReferralPlan) -> int:
        at = self.values.datetime
        referral_id = self.referrals.add(
            pregnancy_id,
            referral.referred_by,
            at(referral.referred_at),
            referral.reason,
            referral.status,
            referral.current_outcome,
            at(referral.decided_at),
        )
        decision_ids: list[int] = []
        for decision in referral.decisions:
            revises = decision_ids[decision.revises] if decision.revises is not None else None
            decision_id = self.decisions.add(
                referral_id,
                decision.outcome,
                decision.rationale,
                decision.decided_by,
                at(decision.decided_at),
                revises,
                decision.question,
            )
            decision_ids.append(decision_id)
            if decision.answer is not None:
                answer = decision.answer
                self.replies.add(
                    decision_id, answer.text, answer.answered_by, at(answer.answered_at)
                )
        for event in referral.events:
            self.events.add(
                referral_id, event.kind, at(event.at), event.by, event.status_after, event.note
            )
        return referral_id

    # --- Visits and what they record -------------------------------------------------------

    def add_visits(self, pregnancy_id: int, referral_id: int, visits: list[VisitPlan]) -> None:
        at = self.values.datetime
        for visit in visits:
            visit_id = self.visits.add(
                pregnancy_id,
                referral_id,
                visit.kind,
                at(visit.starts_at),
                at(visit.ends_at),
                visit.status,
                visit.booked_by,
                at(visit.booked_at),
                visit.outside_window_reason,
            )
            for practitioner_id, role in visit.attendees:
                self.attendees.add(visit_id, practitioner_id, role)
                if visit.holds_slots:
                    for slot in slots(visit.starts_at, visit.ends_at):
                        self.reservations.add(practitioner_id, at(slot), visit_id)
            for change in visit.changes:
                self.changes.add(
                    visit_id,
                    change.kind,
                    change.by,
                    at(change.at),
                    change.reason,
                    at(change.starts_at),
                    at(change.previous_starts_at),
                    change.outside_window_reason,
                )
            for outcome, recorded_by, recorded_at in visit.attendance:
                self.attendance.add(visit_id, outcome, recorded_by, at(recorded_at))
            if visit.record is not None:
                self._add_record(visit_id, visit.record)
            for item in visit.feedback:
                self.feedback.add(
                    visit_id,
                    item.respondent,
                    item.rating,
                    item.comments,
                    item.entered_by,
                    at(item.entered_at),
                )

    def _add_record(self, visit_id: int, record: RecordPlan) -> None:
        at, day = self.values.datetime, self.values.date
        record_id = self.records.add(
            visit_id,
            record.status,
            at(record.completed_at),
            record.completed_by,
            record.parents_priorities,
            record.baby_voice,
            record.matrix_summary,
        )
        for domain, strengths, concerns in record.triangle:
            self.triangle.add(record_id, domain, strengths, concerns)
        for quadrant, factor, position in record.factors:
            self.factors.add(record_id, quadrant, factor, position)
        for position, goal in enumerate(record.goals):
            goal_id = self.goals.add(record_id, goal.goal, position)
            for action in goal.actions:
                self.actions.add(
                    goal_id,
                    action.action,
                    action.owner,
                    action.owner_service,
                    day(action.due_date),
                    action.status,
                )
        if record.completed_at is not None:
            self.versions.add(
                record_id,
                1,
                VersionKind.COMPLETED,
                "",
                self.json.get_db_prep_save(json.loads(json.dumps(record.snapshot())), connection),
                record.completed_by,
                at(record.completed_at),
            )

    # --- Calendars, training and targets ------------------------------------------------

    def add_calendars(self, calendars: dict[int, Calendar], today: date) -> None:
        at, day = self.values.datetime, self.values.date
        valid_from = day(hours_valid_from(today))
        start_of_today = datetime.combine(today, time(0), tzinfo=LONDON)
        for practitioner_id, calendar in calendars.items():
            hours = calendar.hours
            for weekday in hours.weekdays:
                self.hours.add(
                    practitioner_id,
                    weekday,
                    self.time(hours.starts),
                    self.time(hours.ends),
                    valid_from,
                    None,
                )
            for busy in calendar.busy:
                self.busy.add(
                    practitioner_id,
                    at(busy.starts_at),
                    at(busy.ends_at),
                    BusySource.TANDEM,
                    "",
                    at(min(start_of_today, busy.starts_at)),
                )

    def add_training(self, plans: list[TrainingPlan], recorded_by: int) -> None:
        at, day = self.values.datetime, self.values.date
        for plan in plans:
            recorded_at = at(datetime.combine(plan.completed_on, time(16), tzinfo=LONDON))
            self.training.add(
                plan.practitioner_id,
                plan.course_id,
                day(plan.completed_on),
                recorded_by,
                recorded_at,
            )

    def add_targets(self, plans: list[TargetPlan]) -> None:
        day = self.values.date
        for plan in plans:
            self.targets.add(
                plan.area_id, day(plan.period_start), day(plan.period_end), plan.target_visits
            )

    def counts(self) -> dict[str, int]:
        return {
            "screens": self.screens.written,
            "referrals": self.referrals.written,
            "decisions": self.decisions.written,
            "referral_events": self.events.written,
            "visits": self.visits.written,
            "slot_reservations": self.reservations.written,
            "visit_records": self.records.written,
            "family_plan_actions": self.actions.written,
            "visit_feedback": self.feedback.written,
            "working_hours": self.hours.written,
            "busy_periods": self.busy.written,
            "training_records": self.training.written,
            "visit_targets": self.targets.written,
        }
