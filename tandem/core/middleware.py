"""Keeps where a request came from so the audit trail can record it."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestOrigin:
    ip_address: str | None
    user_agent: str
    path: str


_current_origin: ContextVar[RequestOrigin | None] = ContextVar("request_origin", default=None)


def current_origin() -> RequestOrigin | None:
    return _current_origin.get()


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_origin.set(
            RequestOrigin(
                ip_address=request.META.get("REMOTE_ADDR") or None,
                user_agent=request.META.get("HTTP_USER_AGENT", "")[:256],
                path=request.get_full_path()[:512],
            )
        )
        try:
            return self.get_response(request)
        finally:
            _current_origin.reset(token)
