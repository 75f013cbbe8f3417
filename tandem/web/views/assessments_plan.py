"""The joint family plan: adding and changing goals and actions (part of the record), and
updating an action's status (at any time, without amending the record)."""

from django.contrib import messages
from django.shortcuts import redirect

from tandem import access
from tandem.assessments.services import plan, records
from tandem.core.roles import Permission
from tandem.web.forms.assessments import ActionForm, ActionStatusForm, GoalEditForm, GoalForm
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.assessments import visit_form_page
from tandem.web.views.assessments_sections import bound, record_form_page
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import submit

ACTION_SECTIONS = [("", ["action", "owner", "owner_service", "due_date", "status", "reason"])]


@permission_required(Permission.RECORD_VISITS)
def goal_new(request, pk):
    visit = access.visit_for(request.user, pk)
    record = records.record_of(visit)
    form = bound(request, GoalForm, record, {})
    return record_form_page(
        request,
        visit,
        form,
        lambda **change: plan.add_goal(
            visit=visit,
            goal=form.cleaned_data["goal"],
            **form.action_values(),
            **change,
        ),
        heading="Add a goal to the family plan",
        sections=[
            ("", ["goal"]),
            ("The first action", ["action", "owner", "owner_service", "due_date"]),
            ("", ["reason"]),
        ],
    )


@permission_required(Permission.RECORD_VISITS)
def goal_edit(request, pk):
    goal = access.plan_goal_for(request.user, pk)
    record = goal.record
    visit = record.visit
    form = bound(request, GoalEditForm, record, {"goal": goal.goal})
    return record_form_page(
        request,
        visit,
        form,
        lambda **change: plan.change_goal(goal=goal, text=form.cleaned_data["goal"], **change),
        heading="Change a goal of the family plan",
    )


@permission_required(Permission.RECORD_VISITS)
def action_new(request, pk):
    goal = access.plan_goal_for(request.user, pk)
    record = goal.record
    visit = record.visit
    form = bound(request, ActionForm, record, {})
    return record_form_page(
        request,
        visit,
        form,
        lambda **change: plan.add_action(goal=goal, **form.action_values(), **change),
        heading="Add an action",
        sections=ACTION_SECTIONS,
    )


@permission_required(Permission.RECORD_VISITS)
def action_edit(request, pk):
    plan_action = access.plan_action_for(request.user, pk)
    record = plan_action.goal.record
    visit = record.visit
    form = bound(request, ActionForm, record, ActionForm.initial_for(plan_action))
    return record_form_page(
        request,
        visit,
        form,
        lambda **change: plan.change_action(
            plan_action=plan_action,
            action_version=form.cleaned_data["action_version"] or 0,
            **form.action_values(),
            **change,
        ),
        heading="Change an action",
        sections=ACTION_SECTIONS,
    )


@permission_required(Permission.RECORD_VISITS)
def action_status(request, pk):
    user = request.user
    plan_action = access.plan_action_for(user, pk)
    visit = plan_action.goal.record.visit
    outcome = None
    if request.method == "POST":
        form = ActionStatusForm(request.POST)
        outcome = submit(
            form,
            lambda: plan.update_action_status(
                by=user,
                plan_action=plan_action,
                expected_version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
            ),
        )
        if outcome.ok:
            messages.success(request, f"Status updated: {plan_action.get_status_display().lower()}")
            return redirect("web:visit-record", pk=visit.pk)
    else:
        records.visit_record_viewed(by=user, visit=visit)
        form = ActionStatusForm(
            initial={"version": plan_action.version, "status": plan_action.status}
        )
    return visit_form_page(
        request,
        visit,
        PresentedForm(form, legend_size="m"),
        outcome,
        heading=f"Update the status of: {plan_action.action[:80]}",
        page_title="Update the status of an action",
        submit_text="Save status",
    )
