"""Who may open a page: signed in, and a role that carries the permission.

A signed-out visitor is sent to sign in; a role without the permission gets 403. Which
records she may open is decided afterwards by tandem.access (404 for the rest).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from tandem import access
from tandem.core.roles import Permission


def permission_required(permission: Permission):
    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not access.can(request.user, permission):
                raise PermissionDenied(f"Your role does not allow this ({permission}).")
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorator
