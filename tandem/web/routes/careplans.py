"""Pages of the personalised care and support plans slice, and their menu entries."""

from django.urls import path

from tandem.web.presenters.navigation import NavItem
from tandem.web.views import careplans

urlpatterns: list = [
    path("pregnancies/<int:pk>/care-plan/", careplans.care_plan, name="care-plan"),
    path(
        "pregnancies/<int:pk>/care-plan/history/",
        careplans.care_plan_history,
        name="care-plan-history",
    ),
    path("pregnancies/<int:pk>/care-plan/pdf/", careplans.care_plan_pdf, name="care-plan-pdf"),
    # The section is named in the query (?section=pain_relief).
    path(
        "pregnancies/<int:pk>/care-plan/section/",
        careplans.care_plan_section,
        name="care-plan-section",
    ),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = ()
