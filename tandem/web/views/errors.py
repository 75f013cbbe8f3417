"""Error pages in the NHS.UK style: not found, not allowed, broken, and a stale form."""

from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "web/errors/404.jinja", {"page_title": "Page not found"}, status=404)


def permission_denied(request, exception=None):
    return render(
        request,
        "web/errors/403.jinja",
        {"page_title": "You do not have permission to see this page"},
        status=403,
    )


def server_error(request):
    return render(
        request,
        "web/errors/500.jinja",
        {"page_title": "Sorry, there is a problem with the service"},
        status=500,
    )


def csrf_failure(request, reason=""):
    return render(
        request,
        "web/errors/csrf_failure.jinja",
        {"page_title": "Your form could not be sent"},
        status=403,
    )
