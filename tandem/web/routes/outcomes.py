"""Pages of the outcomes slice, and their menu entries."""

from django.urls import path

from tandem.web.presenters.navigation import NavItem
from tandem.web.views import outcomes

urlpatterns: list = [
    path("pregnancies/<int:pk>/birth/new/", outcomes.birth_new, name="birth-new"),
    path("births/<int:pk>/edit/", outcomes.birth_edit, name="birth-edit"),
    path(
        "babies/<int:pk>/six-to-eight-weeks/",
        outcomes.baby_six_to_eight_weeks,
        name="baby-six-to-eight-weeks",
    ),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = ()
