"""Pages of the scheduling slice of the Enhanced Maternity Pathway, and their menu entries."""

from django.urls import path

from tandem.core.roles import Permission
from tandem.web.presenters.navigation import NavItem
from tandem.web.views import scheduling_calendar as calendar
from tandem.web.views import scheduling_visits as visits

urlpatterns: list = [
    path("calendar/", calendar.my_calendar, name="my-calendar"),
    path("calendar/hours/new/", calendar.working_hours_new, name="working-hours-new"),
    path(
        "calendar/hours/<int:pk>/remove/",
        calendar.working_hours_remove,
        name="working-hours-remove",
    ),
    path("calendar/busy/new/", calendar.busy_period_new, name="busy-period-new"),
    path("calendar/busy/<int:pk>/remove/", calendar.busy_period_remove, name="busy-period-remove"),
    path("calendar/import/", calendar.calendar_import, name="calendar-import"),
    path(
        "calendar/feed/regenerate/",
        calendar.calendar_feed_regenerate,
        name="calendar-feed-regenerate",
    ),
    # The one URL that works without signing in: the token is the credential.
    path("calendar/feed/<str:token>.ics", calendar.calendar_feed, name="calendar-feed"),
    path("referrals/<int:pk>/book-visit/", visits.visit_book, name="visit-book"),
    path("visits/<int:pk>/", visits.visit, name="visit"),
    path("visits/<int:pk>/move/", visits.visit_reschedule, name="visit-reschedule"),
    path("visits/<int:pk>/cancel/", visits.visit_cancel, name="visit-cancel"),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = (
    NavItem("My calendar", "web:my-calendar", permission=Permission.KEEP_OWN_CALENDAR),
)
