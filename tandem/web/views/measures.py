"""The measures dashboards: overview, a page per measure, equity, Robson groups and data
quality, each table downloadable as CSV with `?download=<table>` on the page's address.

Analysts get every figure published (small numbers rounded); team leaders get their own
areas exactly, and a download of exact figures is recorded in the audit trail as an
internal export (tandem/web/presenters/measures_tables.py says who sees what).
"""

from collections.abc import Callable

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse

from tandem.core.roles import Permission
from tandem.measures.definitions import DefinitionError
from tandem.measures.definitions import measure as measure_named
from tandem.measures.export import record_internal_export
from tandem.web.forms.measures import MeasurePageForm, MeasuresPeriodForm
from tandem.web.presenters import measures as presenters
from tandem.web.presenters import measures_quality, measures_tables
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required

PAGES = (
    ("web:measures", "Overview"),
    ("web:measures-equity", "Equity"),
    ("web:measures-robson", "Robson groups"),
    ("web:measures-quality", "Data quality"),
)


def _contents(request) -> dict:
    """The links between the dashboards' pages, the one she is on marked current."""
    items = []
    for url_name, text in PAGES:
        href = reverse(url_name)
        items.append({"text": text, "href": href, "current": request.path == href})
    return {"items": items, "ariaLabel": "Measures pages"}


def _download_urls(request, names) -> dict[str, str]:
    urls = {}
    for name in names:
        query = request.GET.copy()
        query["download"] = name
        urls[name] = f"{request.path}?{query.urlencode()}"
    return urls


def _download(
    request, form, tables: dict[str, Callable], *, published: bool, what: str
) -> HttpResponse | None:
    """The CSV of one table when `download` is asked for; None for the page itself."""
    name = request.GET.get("download")
    if name is None:
        return None
    if form.is_bound and not form.is_valid():
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in form.errors.items()
        )
        return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
    if name not in tables:
        return HttpResponseBadRequest(
            f"download: there is no table '{name}' on this page; choose from "
            f"{', '.join(tables) or 'none (this page has no downloads of its own)'}",
            content_type="text/plain; charset=utf-8",
        )
    table = tables[name]()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{what}-{name}.csv"'
    rows = table.write_csv(response)
    if not published:
        # Recorded before the response leaves: a failure here sends nothing.
        record_internal_export(
            by=request.user,
            what=f"{what}:{name}",
            detail={"query": request.GET.urlencode(), "rows": rows},
        )
    return response


def _page(request, template: str, form, *, title: str, reader, downloads, **context):
    """Renders a dashboard page; a wrong choice in the form answers 400 with the error
    summary, and the default period's figures beneath it."""
    invalid = form.is_bound and not form.is_valid()
    return render(
        request,
        template,
        {
            "page_title": title,
            "period_form": PresentedForm(form),
            "form": PresentedForm(form) if invalid else None,
            "contents": _contents(request),
            "scope_label": reader.label,
            "suppressed": reader.publish,
            "downloads": _download_urls(request, downloads),
            **context,
        },
        status=400 if invalid else 200,
    )


@permission_required(Permission.VIEW_AGGREGATES)
def overview(request):
    form = MeasuresPeriodForm(request.GET or None)
    reader = measures_tables.reader_for(request.user)
    first, last = form.period()
    tables = {"latest": lambda: presenters.overview_table(reader, first, last)}
    if response := _download(request, form, tables, published=reader.publish, what="measures"):
        return response
    return _page(
        request,
        "web/measures/overview.jinja",
        form,
        title="Measures",
        reader=reader,
        downloads=tables,
        period=measures_tables.period_text(first, last),
        latest_month=measures_tables.period_text(last, last),
        measures_table=tables["latest"](),
    )


@permission_required(Permission.VIEW_AGGREGATES)
def measure(request, measure_id: str):
    try:
        chosen = measure_named(measure_id)
    except DefinitionError:
        raise Http404("No such measure") from None
    if not chosen.shown_to_users:
        raise Http404("No such measure")
    form = MeasurePageForm(request.GET or None)
    reader = measures_tables.reader_for(request.user)
    first, last = form.period()
    choices = presenters.MeasureChoices(first, last, form.breakdown(), form.compared_by())
    tables = presenters.measure_tables(chosen, reader, choices)
    if response := _download(request, form, tables, published=reader.publish, what=chosen.id):
        return response
    return _page(
        request,
        "web/measures/measure.jinja",
        form,
        title=chosen.title,
        reader=reader,
        downloads=tables,
        back_link={"href": reverse("web:measures"), "text": "Back to every measure"},
        **presenters.measure_page(chosen, reader, choices),
    )


@permission_required(Permission.VIEW_AGGREGATES)
def equity(request):
    form = MeasuresPeriodForm(request.GET or None)
    reader = measures_tables.reader_for(request.user)
    first, last = form.period()
    if response := _download(request, form, {}, published=reader.publish, what="equity"):
        return response
    return _page(
        request,
        "web/measures/equity.jinja",
        form,
        title="Measures by ethnic group and deprivation",
        reader=reader,
        downloads={},
        period=measures_tables.period_text(first, last),
        sections=presenters.equity_page(reader, first, last),
    )


@permission_required(Permission.VIEW_AGGREGATES)
def robson(request):
    form = MeasuresPeriodForm(request.GET or None)
    reader = measures_tables.reader_for(request.user)
    first, last = form.period()
    tables = {"robson": lambda: measures_quality.robson_table(reader, first, last)}
    if response := _download(request, form, tables, published=reader.publish, what="robson"):
        return response
    return _page(
        request,
        "web/measures/robson.jinja",
        form,
        title="Robson groups",
        reader=reader,
        downloads=tables,
        period=measures_tables.period_text(first, last),
        table=tables["robson"](),
    )


@permission_required(Permission.VIEW_AGGREGATES)
def data_quality(request):
    form = MeasuresPeriodForm(request.GET or None)
    reader = measures_tables.reader_for(request.user)
    first, last = form.period()
    tables = measures_quality.quality_tables(first, last)
    # Published for everyone (they count beyond a team leader's areas): never audited.
    if response := _download(request, form, tables, published=True, what="data-quality"):
        return response
    return _page(
        request,
        "web/measures/quality.jinja",
        form,
        title="Data quality",
        reader=reader,
        downloads=tables,
        period=measures_tables.period_text(first, last),
        latest_month=measures_tables.period_text(last, last),
        tables={name: build() for name, build in tables.items()},
    )
