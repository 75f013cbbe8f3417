"""Installs Django's admin with Tandem's site as the default (see admin_site.py).

Kept apart from the site itself: INSTALLED_APPS imports this module before models load.
"""

from django.contrib.admin.apps import AdminConfig


class TandemAdminConfig(AdminConfig):
    default_site = "tandem.web.admin_site.TandemAdminSite"
