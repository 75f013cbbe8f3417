"""A visit and its record as the pages show them: the My World Triangle, the matrix, the
parents' priorities, the voice of the unborn baby, the joint family plan, the versions.

The record is fetched in a fixed number of queries whatever its size (the record, its
triangle entries, factors, goals with their actions, and versions).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from tandem import access
from tandem.assessments.models import (
    FamilyPlanAction,
    FamilyPlanGoal,
    PlanOwner,
    VisitRecord,
    VisitRecordStatus,
)
from tandem.assessments.my_world import TRIANGLE_SIDES, MatrixQuadrant
from tandem.core.roles import Permission
from tandem.scheduling.models import VisitKind, VisitStatus
from tandem.web.presenters import display

NOTHING = "Nothing recorded"


def text_html(text: str, empty: str = NOTHING) -> dict:
    """Free text with its line breaks kept, escaped."""
    if not text.strip():
        return {"text": empty}
    lines = ((line,) for line in text.splitlines())
    return {"html": format_html_join(mark_safe("<br>"), "{}", lines)}


def row(key: str, value: dict, *, href: str = "", action: str = "Change") -> dict:
    row = {"key": {"text": key}, "value": value}
    if href:
        row["actions"] = {"items": [{"href": href, "text": action, "visuallyHiddenText": key}]}
    return row


def visit_caption(visit) -> str:
    woman = visit.pregnancy.woman
    return (
        f"{woman}, born {display.nhs_date(woman.date_of_birth)}, NHS number "
        f"{woman.nhs_number_display}"
    )


def visit_title(visit) -> str:
    kind = "Joint visit" if visit.kind == VisitKind.JOINT_VISIT else "28-week contact"
    return f"{kind} on {display.nhs_date(visit.starts_at)}"


def record_back_link(visit) -> dict:
    return {"href": reverse("web:visit-record", args=[visit.pk]), "text": "Back to the visit"}


def load_record(visit) -> VisitRecord | None:
    actions = FamilyPlanAction.objects.order_by("due_date", "pk")
    goals = FamilyPlanGoal.objects.prefetch_related(Prefetch("actions", queryset=actions))
    return (
        VisitRecord.objects.filter(visit=visit)
        .select_related("completed_by__practitioner")
        .prefetch_related("triangle", "factors", Prefetch("goals", queryset=goals))
        .first()
    )


def owner_text(owner: str, service: str) -> str:
    if owner == PlanOwner.SERVICE:
        return service or "A named service"
    return str(PlanOwner(owner).label) if owner in PlanOwner.values else owner


def who(user) -> str:
    if user is None:
        return "Not recorded"
    practitioner = getattr(user, "practitioner", None)
    return str(practitioner) if practitioner else (user.get_full_name() or user.get_username())


# --- Rebooking a missed visit -------------------------------------------------------------


def rebook_href(visit) -> str:
    """The booking page of the missed visit's referral; empty for a visit booked without
    one (it then waits on the worklist)."""
    return reverse("web:visit-book", args=[visit.referral_id]) if visit.referral_id else ""


# --- The record page ---------------------------------------------------------------------


@dataclass
class Section:
    heading: str
    summary: dict | None = None
    text: str = ""
    actions: list[dict] = field(default_factory=list)


@dataclass
class GoalView:
    heading: str
    text: dict
    table: dict
    actions: list[dict]


@dataclass
class RecordPage:
    record: VisitRecord | None
    status_text: str
    visit_summary: dict
    sections: list[Section]
    goals: list[GoalView]
    actions: list[dict]
    can_edit: bool
    notice: str


def _triangle_sections(visit, record, *, can_edit: bool) -> list[Section]:
    entries = {e.domain: e for e in record.triangle.all()} if record else {}
    sections = []
    for side in TRIANGLE_SIDES:
        rows = []
        for domain in side.domains:
            entry = entries.get(domain)
            if entry is not None:
                rows.append(row(f"{domain.label}: strengths", text_html(entry.strengths)))
                rows.append(row(f"{domain.label}: concerns", text_html(entry.concerns)))
        actions = []
        if can_edit:
            href = reverse(f"web:visit-record-{side.slug}", args=[visit.pk])
            actions.append({"href": href, "text": f"Record or change: {side.title}"})
        sections.append(
            Section(
                heading=f"My World Triangle: {side.title}",
                summary={"rows": rows} if rows else None,
                text="" if rows else "Nothing recorded for this side yet.",
                actions=actions,
            )
        )
    return sections


def record_page(user, visit) -> RecordPage:
    record = load_record(visit)
    may_record = access.can(user, Permission.RECORD_VISITS)
    attended = visit.status == VisitStatus.ATTENDED
    can_edit = may_record and attended
    complete = record is not None and record.status == VisitRecordStatus.COMPLETE

    visit_rows = [
        row("Visit", {"text": visit.get_kind_display()}),
        row("When", {"text": display.nhs_datetime(visit.starts_at)}),
        row(
            "Attendance",
            {"text": visit.get_status_display()},
            href=reverse("web:visit-attendance", args=[visit.pk]) if may_record else "",
            action="Record attendance" if visit.status == VisitStatus.BOOKED else "Change",
        ),
    ]
    if complete:
        status_text = (
            f"Completed by {who(record.completed_by)} on "
            f"{display.nhs_datetime(record.completed_at)}. Changes are amendments and need a "
            "reason."
        )
    elif record is not None:
        status_text = "Draft: the midwife and the health visitor can both add to it."
    else:
        status_text = "Not started."

    notice = ""
    actions = []
    if visit.status == VisitStatus.DID_NOT_ATTEND:
        notice = (
            "The family did not attend this visit. It stays on the worklist until it is rebooked."
        )
        href = rebook_href(visit)
        if href and access.can(user, Permission.BOOK_VISITS):
            actions.append({"href": href, "text": "Rebook the visit"})
    elif visit.status == VisitStatus.BOOKED:
        notice = "Record whether the family attended before writing the visit record."

    pk = visit.pk
    sections: list[Section] = []
    if record is not None or can_edit:
        sections = _triangle_sections(visit, record, can_edit=can_edit)
        matrix_href = reverse("web:visit-record-matrix", args=[pk]) if can_edit else ""
        sections.append(_matrix_section(record, matrix_href))
        priorities_href = reverse("web:visit-record-priorities", args=[pk]) if can_edit else ""
        sections.append(_priorities_section(record, priorities_href))
    goals = _goal_views(record, can_edit=can_edit, may_record=may_record)
    if can_edit:
        actions.append(
            {"href": reverse("web:visit-record-goal-new", args=[pk]), "text": "Add a goal"}
        )
        if record is not None and not complete:
            actions.append(
                {
                    "href": reverse("web:visit-record-complete", args=[pk]),
                    "text": "Complete the record",
                }
            )
    if record is not None:
        actions.append(
            {
                "href": reverse("web:visit-record-versions", args=[pk]),
                "text": "Versions and changes",
            }
        )
    if attended and visit.kind == VisitKind.JOINT_VISIT:
        if access.can(user, Permission.GIVE_FEEDBACK):
            actions.append(
                {
                    "href": reverse("web:visit-feedback-parent", args=[pk]),
                    "text": "Enter a parent's feedback",
                }
            )
        if may_record:
            actions.append(
                {
                    "href": reverse("web:visit-feedback-practitioner", args=[pk]),
                    "text": "Give your feedback on this visit",
                }
            )
    return RecordPage(
        record=record,
        status_text=status_text,
        visit_summary={"rows": visit_rows},
        sections=sections,
        goals=goals,
        actions=actions,
        can_edit=can_edit,
        notice=notice,
    )


def _matrix_section(record, href: str) -> Section:
    factors: dict[str, list[str]] = {}
    for factor in record.factors.all() if record else []:
        factors.setdefault(factor.quadrant, []).append(factor.factor)
    rows = [
        row(str(q.label), text_html("\n".join(factors.get(q.value, [])))) for q in MatrixQuadrant
    ]
    rows.append(row("Overall summary", text_html(record.matrix_summary if record else "")))
    return Section(
        heading="Risk and Resilience Matrix",
        summary={"rows": rows},
        actions=[{"href": href, "text": "Record or change the matrix"}] if href else [],
    )


def _priorities_section(record, href: str) -> Section:
    rows = [
        row("The parents' priorities", text_html(record.parents_priorities if record else "")),
        row("The voice of the unborn baby", text_html(record.baby_voice if record else "")),
    ]
    return Section(
        heading="What matters to the family",
        summary={"rows": rows},
        actions=[{"href": href, "text": "Record or change the priorities"}] if href else [],
    )


def _goal_views(record, *, can_edit: bool, may_record: bool) -> list[GoalView]:
    if record is None:
        return []
    views = []
    for number, goal in enumerate(record.goals.all(), start=1):
        rows = []
        for plan_action in goal.actions.all():
            rows.append(
                [
                    text_html(plan_action.action),
                    {"text": owner_text(plan_action.owner, plan_action.owner_service)},
                    {"text": display.nhs_date(plan_action.due_date)},
                    {"text": plan_action.get_status_display()},
                    _action_links(plan_action, can_edit=can_edit, may_record=may_record),
                ]
            )
        goal_actions = []
        if can_edit:
            goal_actions = [
                {"href": reverse("web:plan-goal-edit", args=[goal.pk]), "text": "Change the goal"},
                {"href": reverse("web:plan-action-new", args=[goal.pk]), "text": "Add an action"},
            ]
        views.append(
            GoalView(
                heading=f"Goal {number}",
                text=text_html(goal.goal),
                table={
                    "caption": f"Actions for goal {number}",
                    "captionSize": "s",
                    "head": [
                        {"text": "Action"},
                        {"text": "Who"},
                        {"text": "Due by"},
                        {"text": "Status"},
                        {"text": "Change"},
                    ],
                    "rows": rows,
                    "responsive": True,
                },
                actions=goal_actions,
            )
        )
    return views


def _action_links(plan_action, *, can_edit: bool, may_record: bool) -> dict:
    items = []
    if may_record:
        items.append((reverse("web:plan-action-status", args=[plan_action.pk]), "Update status"))
    if can_edit:
        items.append((reverse("web:plan-action-edit", args=[plan_action.pk]), "Change action"))
    if not items:
        return {"text": ""}
    return {
        "html": format_html_join(
            mark_safe("<br>"),
            '<a class="nhsuk-link" href="{}">{}</a>',
            items,
        )
    }


def visit_record_links(user, visit) -> list[dict]:
    """From a visit to its attendance and record, for those who may see or record them."""
    links = []
    started = visit.starts_at <= timezone.now()
    if (
        visit.status == VisitStatus.BOOKED
        and started
        and access.can(user, Permission.RECORD_VISITS)
    ):
        links.append(
            {"href": reverse("web:visit-attendance", args=[visit.pk]), "text": "Record attendance"}
        )
    if visit.status == VisitStatus.ATTENDED:
        links.append(
            {"href": reverse("web:visit-record", args=[visit.pk]), "text": "Open the visit record"}
        )
    return links
