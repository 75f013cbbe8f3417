"""Pages of the measures slice, and their menu entries."""

from django.urls import path

from tandem.core.roles import Permission
from tandem.web.presenters.navigation import NavItem
from tandem.web.views import measures

urlpatterns: list = [
    path("measures/", measures.overview, name="measures"),
    path("measures/equity/", measures.equity, name="measures-equity"),
    path("measures/robson/", measures.robson, name="measures-robson"),
    path("measures/data-quality/", measures.data_quality, name="measures-quality"),
    path("measures/<slug:measure_id>/", measures.measure, name="measure"),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = (
    NavItem("Measures", "web:measures", permission=Permission.VIEW_AGGREGATES),
)
