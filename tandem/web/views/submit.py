"""The one way a form page saves: parse, call the service, show its errors or a conflict."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.shortcuts import render

from tandem.core.concurrency import EditConflictError
from tandem.web.forms.records import ServiceForm

CONFLICT_STATUS = 409


@dataclass
class Outcome:
    saved: Any = None
    status: int = 200

    @property
    def ok(self) -> bool:
        return self.saved is not None


def submit(form: ServiceForm, save: Callable[[], Any]) -> Outcome:
    """Calls `save` when the form parses. The service's field errors are attached to the
    form; an edit conflict becomes a form-level error answered with 409. What she typed
    stays in the bound form either way."""
    if not form.is_valid():
        return Outcome()
    try:
        return Outcome(saved=save())
    except ValidationError as error:
        form.add_service_errors(error)
        return Outcome()
    except EditConflictError as error:
        form.add_error(None, str(error))
        return Outcome(status=CONFLICT_STATUS)


def render_form(request, template: str, presented, *, status: int = 200, **context):
    """A form page: the presented form (for the fields and error summary) and its words."""
    return render(request, template, {"form": presented, **context}, status=status)
