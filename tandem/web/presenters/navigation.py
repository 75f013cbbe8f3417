"""The header every page shares: service name, the signed-in person and what she may open."""

import functools
from dataclasses import dataclass

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from tandem import access
from tandem.core.roles import Permission, Role

SERVICE_NAME = "Tandem"


@dataclass(frozen=True)
class NavItem:
    text: str
    url_name: str
    permission: Permission | None = None


RECORDS_NAV_ITEMS = (
    NavItem("Home", "web:home"),
    NavItem("Find a woman", "web:search", permission=Permission.VIEW_PERSON_RECORDS),
    NavItem("New booking", "web:booking-new", permission=Permission.BOOK_PREGNANCY),
)
ADMIN_NAV_ITEM = NavItem(
    "Administration", "admin:index", permission=Permission.MANAGE_REFERENCE_DATA
)


@functools.cache
def nav_items() -> tuple[NavItem, ...]:
    """The records pages, then each pathway slice's pages (from its routes module)."""
    from tandem.web.routes import (
        assessments,
        careplans,
        continuity,
        handover,
        hubs,
        measures,
        outcomes,
        pathway,
        portal,
        programme,
        scheduling,
    )

    slices = (
        pathway,
        scheduling,
        assessments,
        careplans,
        continuity,
        hubs,
        handover,
        programme,
        outcomes,
        measures,
        portal,
    )
    return (
        RECORDS_NAV_ITEMS
        + tuple(item for routes in slices for item in routes.nav_items)
        + (ADMIN_NAV_ITEM,)
    )


def _may_open(user, item: NavItem) -> bool:
    return item.permission is None or access.can(user, item.permission)


def display_name(user) -> str:
    practitioner = access.practitioner_of(user)
    if practitioner is not None:
        return str(practitioner)
    return user.get_full_name() or user.get_username()


def navigation_items(request) -> list[dict]:
    user = request.user
    items = []
    for item in nav_items():
        if not _may_open(user, item):
            continue
        href = reverse(item.url_name)
        current = request.path == href or (href != "/" and request.path.startswith(href))
        items.append({"text": item.text, "href": href, "current": current})
    return items


def sign_out_form(request) -> str:
    """The header's sign-out button: a POST form with the CSRF token (the header macro's
    own account form has no way to carry one)."""
    return format_html(
        '<form class="nhsuk-header__account-form" action="{}" method="post" novalidate>'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button class="nhsuk-header__account-button" type="submit">{}</button>'
        "</form>",
        reverse("web:sign-out"),
        get_token(request),
        _("Sign out"),
    )


def page_chrome(request) -> dict:
    """The params of the NHS.UK header macro for this request."""
    user = getattr(request, "user", None)
    if access.can(user, Permission.VIEW_OWN_RECORD):
        from tandem.web.presenters.portal import portal_chrome

        return portal_chrome(request)
    home = reverse("web:home")
    header = {"service": {"text": SERVICE_NAME, "href": home}, "logo": {"href": home}}
    if user is not None and user.is_authenticated:
        role_label = Role(user.role).label if user.role in Role.values else "No role"
        header["account"] = {
            "ariaLabel": "Your account",
            "items": [
                {"text": f"{display_name(user)} ({role_label})", "icon": True},
                {"html": sign_out_form(request)},
            ],
        }
        header["navigation"] = {"items": navigation_items(request), "ariaLabel": "Main"}
    return {"header": header}
