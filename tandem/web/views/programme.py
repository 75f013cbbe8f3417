"""The programme pages: figures per area and for the whole LMNS (team leaders for their
areas, analysts suppressed for all), and each role's worklists."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from tandem import access
from tandem.core.roles import Permission
from tandem.programme import figures, worklists
from tandem.programme.worklists import Alert
from tandem.web.forms.programme import ProgrammePeriodForm
from tandem.web.presenters import programme as presenters
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.worklists import worklist_page
from tandem.web.views.decorators import permission_required


def _figures_page(request, scope, *, title: str, link_areas: bool, back_link=None):
    form = ProgrammePeriodForm(request.GET or None)
    start, end = form.period()
    context = presenters.programme_page(
        scope, start, end, timezone.localdate(), link_areas=link_areas
    )
    return render(
        request,
        "web/programme/figures.jinja",
        {
            "page_title": title,
            "period_form": PresentedForm(form),
            # The error summary of base.jinja: only when the period typed is wrong.
            "form": PresentedForm(form) if form.is_bound and form.errors else None,
            "back_link": back_link,
            **context,
        },
    )


@permission_required(Permission.VIEW_PROGRAMME)
def programme(request):
    scope = figures.scope_for(request.user)
    return _figures_page(
        request, scope, title="Enhanced Maternity Pathway programme", link_areas=True
    )


@permission_required(Permission.VIEW_PROGRAMME)
def programme_area(request, pk):
    area = access.programme_area_for(request.user, pk)
    scope = figures.scope_for(request.user, area)
    return _figures_page(
        request,
        scope,
        title=f"Enhanced Maternity Pathway in {area.name}",
        link_areas=False,
        back_link={"href": reverse("web:programme"), "text": "Back to the programme"},
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def worklist(request, alert: Alert):
    if alert not in worklists.alerts_for(request.user):
        raise PermissionDenied("Your role does not look after this worklist.")
    page = worklist_page(request, alert)
    return render(
        request,
        "web/programme/worklist.jinja",
        {"page_title": page["text"].title, **page},
    )
