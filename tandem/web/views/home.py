"""The home page each role lands on after signing in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from tandem import access
from tandem.core.roles import Permission, Role
from tandem.records.services import list_viewed
from tandem.web.forms.records import SearchForm
from tandem.web.presenters import aggregates, caseload
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.handover import handover_alert_cards
from tandem.web.presenters.hubs import alert_cards as hub_alert_cards
from tandem.web.presenters.navigation import display_name
from tandem.web.presenters.worklists import alert_cards

CASELOAD_PAGES = {
    Role.MIDWIFE: ("Your caseload", caseload.midwife_sections),
    Role.HEALTH_VISITOR: ("Families in your areas", caseload.health_visitor_sections),
    Role.SAFEGUARDING_REVIEWER: ("Referrals to review", caseload.reviewer_sections),
    Role.TEAM_LEADER: ("Your team", caseload.team_leader_sections),
    Role.ADMINISTRATOR: ("Bookings", caseload.recent_bookings),
}


@login_required
def home(request):
    user = request.user
    context = {"page_title": "Home", "user_name": display_name(user)}
    if user.role in CASELOAD_PAGES and access.can(user, Permission.VIEW_PERSON_RECORDS):
        if access.practitioner_of(user) is None:
            return render(request, "web/home/no_access.jinja", context)
        heading, build_sections = CASELOAD_PAGES[user.role]
        sections = build_sections(request)
        list_viewed(by=user, what="home_lists", woman_ids=caseload.women_listed(sections))
        context.update(
            heading=heading,
            sections=sections,
            alerts=alert_cards(user) + hub_alert_cards(user) + handover_alert_cards(user),
        )
        if user.role == Role.TEAM_LEADER:
            context["team_counts"] = caseload.team_counts(user)
        if user.role == Role.ADMINISTRATOR:
            context["search_form"] = PresentedForm(SearchForm())
        return render(request, "web/home/caseload.jinja", context)
    if access.can(user, Permission.VIEW_AGGREGATES):
        context["tables"] = aggregates.analyst_tables(user)
        context["programme_link"] = access.can(user, Permission.VIEW_PROGRAMME)
        return render(request, "web/home/analyst.jinja", context)
    if access.can(user, Permission.MANAGE_REFERENCE_DATA):
        return render(request, "web/home/system_admin.jinja", context)
    if access.can(user, Permission.VIEW_OWN_RECORD):
        # A woman signed in to her own portal: never a staff page.
        return redirect("web:portal-home")
    return render(request, "web/home/no_access.jinja", context)
