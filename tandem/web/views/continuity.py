"""Continuity of carer pages: the teams and their caseloads, naming or changing a woman's
carers, and the LMNS coverage figures."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy

from tandem import access
from tandem.continuity import services
from tandem.core.roles import Permission
from tandem.records.services import list_viewed, record_viewed
from tandem.web.forms.continuity import (
    CarersForm,
    ContinuityTeamForm,
    JoinTeamForm,
    LeaveTeamForm,
)
from tandem.web.forms.programme import ProgrammePeriodForm
from tandem.web.presenters import continuity as presenters
from tandem.web.presenters import display
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit
from tandem.web.views.women import record_link, woman_caption

TEAMS_LINK = {"href": reverse_lazy("web:continuity-teams"), "text": "All continuity teams"}


@permission_required(Permission.ASSIGN_CARERS)
def teams(request):
    user = request.user
    return render(
        request,
        "web/continuity/teams.jinja",
        {
            "page_title": "Continuity of carer teams",
            "teams_table": presenters.teams_table(
                access.continuity_teams(user).select_related("team", "obstetrician")
            ),
            "may_see_coverage": access.can(user, Permission.VIEW_AGGREGATES),
            "may_set_up": access.may_manage_continuity_teams(user),
        },
    )


@permission_required(Permission.ASSIGN_CARERS)
def team(request, pk):
    user = request.user
    continuity_team = access.continuity_team_for(user, pk)
    out_of_step = list(
        services.carers_out_of_step(continuity_team).filter(
            pk__in=access.visible_pregnancies(user).values("pk")
        )
    )
    if out_of_step:
        list_viewed(
            by=user,
            what="continuity_carers_out_of_step",
            woman_ids=[pregnancy.woman_id for pregnancy in out_of_step],
            object_id=str(continuity_team.pk),
        )
    return render(
        request,
        "web/continuity/team.jinja",
        {
            "page_title": str(continuity_team),
            "team": presenters.team_page(
                continuity_team, may_manage=access.may_manage_continuity_teams(user)
            ),
            "out_of_step": presenters.out_of_step_list(out_of_step),
            "back_link": TEAMS_LINK,
        },
    )


@permission_required(Permission.ASSIGN_CARERS)
def assign_carers(request, pk):
    """Name her team, midwife and buddy, or change them (a transfer keeps the history)."""
    user = request.user
    pregnancy = access.pregnancy_for(user, pk)
    woman = pregnancy.woman
    teams = access.carer_teams_for(user, pregnancy).select_related("team")
    if not teams.exists():
        raise PermissionDenied(
            "Only a team leader, or a midwife of her continuity team, can name her carers."
        )
    current = services.current_assignment(pregnancy)
    members, labels = presenters.carer_choices(teams)
    initial = {"version": pregnancy.version}
    if current is not None:
        initial |= {
            "continuity_team": current.continuity_team_id,
            "named_midwife": current.named_midwife_id,
            "buddy": current.buddy_id,
        }
    elif teams.count() == 1:
        initial["continuity_team"] = teams.first().pk
    form = CarersForm(
        request.POST or None, initial=initial, teams=teams, members=members, labels=labels
    )
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.assign_carers(
                by=user,
                pregnancy=pregnancy,
                continuity_team=form.cleaned_data["continuity_team"],
                named_midwife=form.cleaned_data["named_midwife"],
                buddy=form.cleaned_data["buddy"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
                confirm_over_limit=form.over_limit_confirmed,
            ),
        )
        if outcome.ok:
            messages.success(request, f"{woman}'s continuity carers have been saved")
            return redirect("web:woman", pk=woman.pk)
    else:
        record_viewed(by=user, woman=woman, what="pregnancy", object_id=pregnancy.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=f"Continuity carers for {woman}",
        heading="Change her continuity carers" if current else "Name her continuity carers",
        caption=f"{woman_caption(woman)}, due {display.nhs_date(pregnancy.edd)}",
        submit_text="Save her carers",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )


@permission_required(Permission.VIEW_AGGREGATES)
def coverage(request):
    """Aggregates only, for the whole LMNS, always through the small-number rule."""
    form = ProgrammePeriodForm(request.GET or None)
    start, end = form.period()
    figures = services.coverage(booked_from=start, booked_to=end)
    return render(
        request,
        "web/continuity/coverage.jinja",
        {
            "page_title": "Continuity of carer coverage",
            "period_form": PresentedForm(form),
            "form": PresentedForm(form) if form.is_bound and form.errors else None,
            "period": f"{display.nhs_date(start)} to {display.nhs_date(end)}",
            "coverage_table": presenters.coverage_table(figures),
        },
    )


def _team_leader_only(user):
    if not access.may_manage_continuity_teams(user):
        raise PermissionDenied("Only a team leader can set up a continuity team or change it.")
    return access.practitioner_of(user)


@permission_required(Permission.ASSIGN_CARERS)
def team_new(request):
    user = request.user
    leader = _team_leader_only(user)
    form = ContinuityTeamForm(request.POST or None, organisation=leader.organisation)
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.create_continuity_team(
                by=user,
                team=form.cleaned_data["team"],
                obstetrician=form.cleaned_data["obstetrician"],
                midwives=list(form.cleaned_data["midwives"]),
                joined_on=form.cleaned_data["joined_on"],
                caseload_limit=form.cleaned_data["caseload_limit"],
            ),
        )
        if outcome.ok:
            messages.success(request, f"{outcome.saved} is set up for continuity of carer")
            return redirect("web:continuity-team", pk=outcome.saved.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title="Set up a continuity team",
        heading="Set up a continuity team",
        submit_text="Set up the team",
        back_link=TEAMS_LINK,
        cancel_href=reverse("web:continuity-teams"),
    )


@permission_required(Permission.ASSIGN_CARERS)
def member_new(request, pk):
    user = request.user
    leader = _team_leader_only(user)
    continuity_team = access.continuity_team_for(user, pk)
    form = JoinTeamForm(request.POST or None, organisation=leader.organisation)
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.add_member(
                by=user,
                continuity_team=continuity_team,
                midwife=form.cleaned_data["midwife"],
                joined_on=form.cleaned_data["joined_on"],
            ),
        )
        if outcome.ok:
            messages.success(request, f"{outcome.saved.midwife} has joined {continuity_team}")
            return redirect("web:continuity-team", pk=continuity_team.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=f"Add a midwife to {continuity_team}",
        heading="Add a midwife to the team",
        caption=str(continuity_team),
        submit_text="Add her to the team",
        back_link=_team_link(continuity_team),
        cancel_href=reverse("web:continuity-team", args=[continuity_team.pk]),
    )


@permission_required(Permission.ASSIGN_CARERS)
def member_leaves(request, pk):
    user = request.user
    _team_leader_only(user)
    membership = access.continuity_membership_for(user, pk)
    continuity_team = membership.continuity_team
    form = LeaveTeamForm(request.POST or None)
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.end_membership(
                by=user, membership=membership, left_on=form.cleaned_data["left_on"]
            ),
        )
        if outcome.ok:
            messages.success(request, f"{membership.midwife} has left {continuity_team}")
            return redirect("web:continuity-team", pk=continuity_team.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=f"{membership.midwife} leaves {continuity_team}",
        heading=f"{membership.midwife} leaves the team",
        caption=str(continuity_team),
        submit_text="Save",
        back_link=_team_link(continuity_team),
        cancel_href=reverse("web:continuity-team", args=[continuity_team.pk]),
    )


def _team_link(continuity_team) -> dict:
    return {
        "href": reverse("web:continuity-team", args=[continuity_team.pk]),
        "text": f"Back to {continuity_team}",
    }
