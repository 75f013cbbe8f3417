"""Pages of the community hubs and onward referrals slice, and their menu entries."""

from django.urls import path

from tandem.core.roles import Permission
from tandem.web.presenters.navigation import NavItem
from tandem.web.views import hubs

urlpatterns: list = [
    path("hubs/", hubs.directory, name="hubs-directory"),
    path(
        "pregnancies/<int:pk>/service-referrals/",
        hubs.pregnancy_referrals,
        name="service-referrals",
    ),
    path(
        "pregnancies/<int:pk>/service-referrals/new/",
        hubs.referral_new,
        name="service-referral-new",
    ),
    path("service-referrals/<int:pk>/", hubs.referral, name="service-referral"),
    path(
        "service-referrals/no-reply/",
        hubs.overdue_referrals,
        name="service-referrals-overdue",
    ),
    path("wellbeing/red-flags/", hubs.red_flag_tasks, name="red-flag-tasks"),
    path("wellbeing/red-flags/<int:pk>/", hubs.red_flag_task, name="red-flag-task"),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = (
    NavItem("Hubs and services", "web:hubs-directory", permission=Permission.VIEW_PERSON_RECORDS),
)
