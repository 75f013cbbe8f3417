"""Django's admin, for reference data and users, open to system administrators only.

Being staff is not enough: the user's role must carry MANAGE_REFERENCE_DATA (only the
system administrator's does), so a clinician given `is_staff` by mistake still cannot get
in. Signing in happens on Tandem's own sign-in page (with its lockout); a signed-in user
without the role gets 403.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tandem import access
from tandem.core.roles import Permission


class TandemAdminSite(admin.AdminSite):
    site_header = "Tandem administration"
    site_title = "Tandem administration"
    index_title = "Reference data and users"

    def has_permission(self, request) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff) and access.can(
            user, Permission.MANAGE_REFERENCE_DATA
        )

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("web:sign-in"))
            if not self.has_permission(request):
                raise PermissionDenied("Only system administrators may use the admin.")
            return inner(request, *args, **kwargs)

        return guarded

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            raise PermissionDenied("Only system administrators may use the admin.")
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url, reverse("web:sign-in"))
