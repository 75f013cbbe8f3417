"""Pages of the postnatal handover to health visiting slice, and their menu entries."""

from django.urls import path

from tandem.core.roles import Permission
from tandem.web.presenters.navigation import NavItem
from tandem.web.views import handover

urlpatterns: list = [
    path(
        "pregnancies/<int:pk>/handover/",
        handover.handover_pregnancy,
        name="handover-pregnancy",
    ),
    path("handovers/", handover.handovers, name="handovers"),
    path("handovers/<int:pk>/", handover.handover, name="handover"),
    path(
        "handovers/<int:pk>/acknowledge/",
        handover.handover_acknowledge,
        name="handover-acknowledge",
    ),
    path("handovers/<int:pk>/withdraw/", handover.handover_withdraw, name="handover-withdraw"),
    path("teams/<int:pk>/handovers/", handover.handover_team, name="handover-team"),
]

# Header menu entries for these pages, shown to those whose role has the permission.
# Those who care for families in a team (not safeguarding reviewers, who are in none).
nav_items: tuple[NavItem, ...] = (
    NavItem("Handovers", "web:handovers", permission=Permission.RECORD_CONTACT),
)
