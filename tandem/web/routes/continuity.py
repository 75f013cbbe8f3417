"""Pages of the continuity of carer slice, and their menu entries."""

from django.urls import path

from tandem.core.roles import Permission
from tandem.web.presenters.navigation import NavItem
from tandem.web.views import continuity

urlpatterns: list = [
    path("continuity/teams/", continuity.teams, name="continuity-teams"),
    path("continuity/teams/new/", continuity.team_new, name="continuity-team-new"),
    path("continuity/teams/<int:pk>/", continuity.team, name="continuity-team"),
    path(
        "continuity/teams/<int:pk>/members/new/",
        continuity.member_new,
        name="continuity-member-new",
    ),
    path(
        "continuity/members/<int:pk>/leaves/",
        continuity.member_leaves,
        name="continuity-member-leaves",
    ),
    path("continuity/coverage/", continuity.coverage, name="continuity-coverage"),
    path("pregnancies/<int:pk>/carers/", continuity.assign_carers, name="carers-assign"),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = (
    NavItem("Continuity teams", "web:continuity-teams", permission=Permission.ASSIGN_CARERS),
)
