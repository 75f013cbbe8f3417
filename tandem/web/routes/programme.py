"""Pages of the programme slice of the Enhanced Maternity Pathway, and their menu entries."""

from django.urls import path

from tandem.core.roles import Permission
from tandem.programme.worklists import Alert
from tandem.web.presenters.navigation import NavItem
from tandem.web.views import programme, programme_training

urlpatterns: list = [
    path("programme/", programme.programme, name="programme"),
    path("programme/areas/<int:pk>/", programme.programme_area, name="programme-area"),
    path("programme/training/", programme_training.training_list, name="training"),
    path("programme/training/new/", programme_training.training_new, name="training-new"),
    *(
        path(f"worklists/{alert}/", programme.worklist, {"alert": alert}, name=f"worklist-{alert}")
        for alert in Alert
    ),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = (
    NavItem("Programme", "web:programme", permission=Permission.VIEW_PROGRAMME),
    NavItem("Training", "web:training", permission=Permission.MANAGE_TRAINING),
)
