"""Pages of the assessments slice of the Enhanced Maternity Pathway, and their menu entries:
a visit's attendance and record, the family plan, feedback and its summary."""

from django.urls import path

from tandem.assessments.my_world import TRIANGLE_SIDES
from tandem.core.roles import Permission
from tandem.web.presenters.navigation import NavItem
from tandem.web.views import (
    assessments,
    assessments_feedback,
    assessments_plan,
    assessments_sections,
)

urlpatterns: list = [
    path("visits/<int:pk>/attendance/", assessments.visit_attendance, name="visit-attendance"),
    path("visits/<int:pk>/record/", assessments.visit_record, name="visit-record"),
    *(
        path(
            f"visits/<int:pk>/record/{side.slug}/",
            assessments_sections.triangle_side,
            {"side": side.slug},
            name=f"visit-record-{side.slug}",
        )
        for side in TRIANGLE_SIDES
    ),
    path(
        "visits/<int:pk>/record/matrix/",
        assessments_sections.matrix,
        name="visit-record-matrix",
    ),
    path(
        "visits/<int:pk>/record/priorities/",
        assessments_sections.priorities,
        name="visit-record-priorities",
    ),
    path(
        "visits/<int:pk>/record/goals/new/",
        assessments_plan.goal_new,
        name="visit-record-goal-new",
    ),
    path(
        "visits/<int:pk>/record/complete/",
        assessments.record_complete,
        name="visit-record-complete",
    ),
    path(
        "visits/<int:pk>/record/versions/",
        assessments.record_versions,
        name="visit-record-versions",
    ),
    path("plan-goals/<int:pk>/edit/", assessments_plan.goal_edit, name="plan-goal-edit"),
    path("plan-goals/<int:pk>/actions/new/", assessments_plan.action_new, name="plan-action-new"),
    path("plan-actions/<int:pk>/edit/", assessments_plan.action_edit, name="plan-action-edit"),
    path(
        "plan-actions/<int:pk>/status/",
        assessments_plan.action_status,
        name="plan-action-status",
    ),
    path(
        "visits/<int:pk>/feedback/parent/",
        assessments_feedback.parent_feedback,
        name="visit-feedback-parent",
    ),
    path(
        "visits/<int:pk>/feedback/practitioner/",
        assessments_feedback.practitioner_feedback,
        name="visit-feedback-practitioner",
    ),
    path("visit-feedback/", assessments_feedback.feedback_summary, name="feedback-summary"),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = (
    NavItem("Visit feedback", "web:feedback-summary", permission=Permission.VIEW_AGGREGATES),
)
