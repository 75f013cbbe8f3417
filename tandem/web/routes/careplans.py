"""Pages of the personalised care and support plans slice, and their menu entries."""

from tandem.web.presenters.navigation import NavItem

urlpatterns: list = []

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = ()
