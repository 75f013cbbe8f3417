"""The joint family plan: adding and changing goals and actions (part of the record), and
updating an action's status (at any time, without amending the record)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from tandem import access
from tandem.assessments.services import plan, records
from tandem.core.roles import Permission
from tandem.web.forms.assessments import ActionForm, ActionStatusForm, GoalEditForm, GoalForm
from tandem.web.presenters import assessments as present
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.assessments_sections import bound, record_form_page
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit

ACTION_SECTIONS = [("", ["action", "owner", "owner_service", "due_date", "status", "reason"])]


@permission_required(Permission.RECORD_VISITS)
def goal_new(request, pk):
    user = request.user
    visit = access.visit_for(user, pk)
    record = records.record_of(visit)
    form = bound(request, GoalForm, record, {})
    return record_form_page(
        request,
        visit,
        form,
        lambda: plan.add_goal(
            by=user,
            visit=visit,
            expected_version=form.cleaned_data["version"],
            goal=form.cleaned_data["goal"],
            reason=form.reason(),
            **form.action_values(),
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
    user = request.user
    goal = access.plan_goal_for(user, pk)
    record = goal.record
    visit = record.visit
    form = bound(request, GoalEditForm, record, {"goal": goal.goal})
    return record_form_page(
        request,
        visit,
        form,
        lambda: plan.change_goal(
            by=user,
            goal=goal,
            expected_version=form.cleaned_data["version"],
            text=form.cleaned_data["goal"],
            reason=form.reason(),
        ),
        heading="Change a goal of the family plan",
    )


@permission_required(Permission.RECORD_VISITS)
def action_new(request, pk):
    user = request.user
    goal = access.plan_goal_for(user, pk)
    record = goal.record
    visit = record.visit
    form = bound(request, ActionForm, record, {})
    return record_form_page(
        request,
        visit,
        form,
        lambda: plan.add_action(
            by=user,
            goal=goal,
            expected_version=form.cleaned_data["version"],
            reason=form.reason(),
            **form.action_values(),
        ),
        heading="Add an action",
        sections=ACTION_SECTIONS,
    )


@permission_required(Permission.RECORD_VISITS)
def action_edit(request, pk):
    user = request.user
    plan_action = access.plan_action_for(user, pk)
    record = plan_action.goal.record
    visit = record.visit
    form = bound(request, ActionForm, record, ActionForm.initial_for(plan_action))
    return record_form_page(
        request,
        visit,
        form,
        lambda: plan.change_action(
            by=user,
            plan_action=plan_action,
            expected_version=form.cleaned_data["version"],
            action_version=form.cleaned_data["action_version"] or 0,
            reason=form.reason(),
            **form.action_values(),
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
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form, legend_size="m"),
        status=outcome.status if outcome else 200,
        page_title="Update the status of an action",
        heading=f"Update the status of: {plan_action.action[:80]}",
        caption=present.visit_caption(visit),
        submit_text="Save status",
        back_link=present.record_back_link(visit),
        cancel_href=reverse("web:visit-record", args=[visit.pk]),
    )
