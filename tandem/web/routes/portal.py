"""Pages of the the woman's own portal slice, and their menu entries."""

from django.urls import path

from tandem.web.presenters.navigation import NavItem
from tandem.web.views import portal

urlpatterns: list = [
    path("portal/", portal.portal_home, name="portal-home"),
    path("portal/appointments/", portal.portal_appointments, name="portal-appointments"),
    path("portal/language/", portal.portal_language, name="portal-language"),
    path("portal/pregnancies/<int:pk>/plan/", portal.portal_plan, name="portal-plan"),
    path("portal/pregnancies/<int:pk>/plan/write/", portal.portal_section, name="portal-section"),
    path("portal/pregnancies/<int:pk>/plan/pdf/", portal.portal_plan_pdf, name="portal-plan-pdf"),
]

# Staff menus offer none of these: the woman's own header lists them
# (tandem.web.presenters.portal.portal_chrome).
nav_items: tuple[NavItem, ...] = ()
