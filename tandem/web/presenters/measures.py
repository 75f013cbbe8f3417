"""The measures dashboards' overview, a measure's page and the equity page: tables,
charts (SVG drawn on the server) and their CSV downloads. Whose figures and how they are
told: `measures_tables.py`."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from tandem.measures import charts, quality, spc
from tandem.measures.definitions import Measure, Unit, shown_measures
from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.export import COLUMNS, Span, count_cell, format_value, row_of, told
from tandem.measures.funnel import FunnelPlot, FunnelUnit, Position, provider_funnel
from tandem.measures.services import Month, compute
from tandem.measures.spc import SpcChart, measure_chart, month_name
from tandem.web.presenters.measures_quality import gates_table
from tandem.web.presenters.measures_tables import (
    NO_DATA,
    Reader,
    Table,
    breakdown_rates,
    count_text,
    counted_text,
    interval_text,
    period_text,
    rate_table,
    shown,
    value_text,
)

DIRECTIONS = {"higher": "Higher is better", "lower": "Lower is better", "neutral": "Neither"}
EQUITY_BREAKDOWNS = ("ethnic_group", "imd_quintile")


# --- The overview -------------------------------------------------------------------------


def overview_table(reader: Reader, first: Month, last: Month) -> Table:
    """Every shown measure: its latest month with interval, its SPC icons over the
    period, and whether every provider passes its data-quality gate that month. The
    download is the latest month's rates."""
    measures = shown_measures()
    latest = {
        rate.measure.id: rate
        for rate in told(
            compute(measures, first=last, last=last, pregnancies=reader.pregnancies),
            publish=reader.publish,
        )
    }
    gates = quality.gates_for_measures(measures, period=last)
    rows = []
    for measure in measures:
        chart = measure_chart(
            measure, first=first, last=last, publish=reader.publish, pregnancies=reader.pregnancies
        )
        rate = latest.get(measure.id)
        link = format_html(
            '<a href="{}">{}</a>', reverse("web:measure", args=[measure.id]), measure.title
        )
        rows.append(
            [
                {"html": link},
                value_text(measure, rate.value if rate else None),
                interval_text(rate) if rate else "",
                counted_text(rate) if rate else "",
                {"html": charts.variation_icon_svg(chart.variation) or NO_DATA},
                {"html": charts.assurance_icon_svg(chart.assurance) or "No target"},
                quality.summarise_gates(gates[measure.id]),
            ]
        )
    return Table(
        name="latest",
        caption=f"Every measure: {month_name(last)}",
        head=[
            "Measure",
            f"Value in {month_name(last)}",
            "95% confidence interval",
            "Counted",
            "Variation",
            "Assurance",
            "Data quality",
        ],
        rows=rows,
        columns=COLUMNS,
        csv_rows=[row_of(latest[measure.id]) for measure in measures if measure.id in latest],
        numeric_from=99,
    )


# --- A measure's page ----------------------------------------------------------------------


def spc_table(measure: Measure, chart: SpcChart) -> Table:
    unit = measure.unit.label

    def cell(value: float | None) -> str:
        return shown(measure, value)

    return Table(
        name="spc",
        caption=f"{measure.title} by month ({unit})",
        head=["Month", "Value", "Mean", "Lower process limit", "Upper process limit", "Variation"],
        rows=[
            [
                month_name(point.period),
                cell(point.value) or NO_DATA,
                cell(point.mean),
                cell(point.lower_limit),
                cell(point.upper_limit),
                point.point_type.label if point.point_type else NO_DATA,
            ]
            for point in chart.points
        ],
        columns=spc.CSV_COLUMNS,
        writer=lambda out: spc.write_csv(chart, measure, out),
    )


FUNNEL_HEAD = ("Numerator", "Denominator", "Rate", "95% limits", "99.8% limits", "Where")
FUNNEL_COLUMNS = (
    "measure", "period", "dimension", "group", "numerator", "denominator", "rate",
    "control_lower_95", "control_upper_95", "control_lower_99_8", "control_upper_99_8",
    "against_95", "against_99_8", "data_quality",
)  # fmt: skip


def funnel_table(
    measure: Measure,
    plot: FunnelPlot,
    compare: str,
    span: Span,
    *,
    published: bool,
    gates: dict[str, str] | None,
) -> Table:
    """Each unit against the funnel's limits; providers with their data-quality gate over
    the same months (`gates`, by provider name; None when comparing areas, which have
    no gate)."""

    def cell(value: float) -> str:
        return format_value(measure, value)

    def on_page(value: float) -> str:
        return shown(measure, value)

    def gate(unit: FunnelUnit) -> str:
        return "" if gates is None else gates.get(unit.label, quality.NO_CHECKS)

    heading = DIMENSIONS[compare].label
    gate_head = [] if gates is None else ["Data quality in these months"]
    return Table(
        name="funnel",
        caption=f"{heading}s compared: {measure.title} ({measure.unit.label})",
        head=[heading, *FUNNEL_HEAD, *gate_head],
        rows=[
            [
                unit.label,
                count_text(unit.numerator, published=published),
                count_text(unit.denominator, published=published),
                value_text(measure, unit.value),
                f"{on_page(unit.limits.lower_95)} to {on_page(unit.limits.upper_95)}",
                f"{on_page(unit.limits.lower_99_8)} to {on_page(unit.limits.upper_99_8)}",
                _position_text(unit),
                *([] if gates is None else [gate(unit)]),
            ]
            for unit in plot.units
        ],
        columns=FUNNEL_COLUMNS,
        csv_rows=[
            {
                "measure": measure.id,
                "period": str(span),
                "dimension": compare,
                "group": unit.label,
                "numerator": count_cell(unit.numerator, published=published),
                "denominator": count_cell(unit.denominator, published=published),
                "rate": cell(unit.value),
                "control_lower_95": cell(unit.limits.lower_95),
                "control_upper_95": cell(unit.limits.upper_95),
                "control_lower_99_8": cell(unit.limits.lower_99_8),
                "control_upper_99_8": cell(unit.limits.upper_99_8),
                "against_95": unit.against_95.value,
                "against_99_8": unit.against_99_8.value,
                "data_quality": gate(unit),
            }
            for unit in plot.units
        ],
    )


def _position_text(unit: FunnelUnit) -> str:
    if unit.against_99_8 is not Position.INSIDE:
        return f"{unit.against_99_8.capitalize()} the 99.8% limits"
    if unit.against_95 is not Position.INSIDE:
        return f"{unit.against_95.capitalize()} the 95% limits"
    return "Within the limits"


@dataclass(frozen=True)
class MeasureChoices:
    first: Month
    last: Month
    by: tuple[str, ...]
    compare: str

    @property
    def span(self) -> Span:
        return Span(self.first, self.last)


def measure_tables(measure: Measure, reader: Reader, choices: MeasureChoices) -> dict:
    """Builders of the measure page's tables by download name (each queries when called)."""
    first, last = choices.first, choices.last

    def spc() -> Table:
        return spc_table(measure, _chart(measure, reader, choices))

    def funnel() -> Table:
        return funnel_table(
            measure,
            _funnel(measure, reader, choices),
            choices.compare,
            choices.span,
            published=reader.publish,
            gates=_page_gates(measure, choices)[1],
        )

    def breakdown() -> Table:
        labels = " and ".join(DIMENSIONS[name].label for name in choices.by)
        return rate_table(
            "breakdown",
            f"{measure.title}: {labels}, {period_text(first, last)}",
            breakdown_rates([measure], reader, first, last, choices.by),
            choices.by,
            first_heading=labels,
        )

    def gates() -> Table:
        return gates_table([measure], {measure.id: _page_gates(measure, choices)[0]}, last)

    return {"spc": spc, "funnel": funnel, "breakdown": breakdown, "gates": gates}


def _chart(measure: Measure, reader: Reader, choices: MeasureChoices) -> SpcChart:
    return measure_chart(
        measure,
        first=choices.first,
        last=choices.last,
        publish=reader.publish,
        pregnancies=reader.pregnancies,
    )


def _funnel(measure: Measure, reader: Reader, choices: MeasureChoices) -> FunnelPlot:
    return provider_funnel(
        measure,
        first=choices.first,
        last=choices.last,
        by=choices.compare,
        publish=reader.publish,
        pregnancies=reader.pregnancies,
    )


def _page_gates(
    measure: Measure, choices: MeasureChoices
) -> tuple[list[quality.ProviderGate], dict[str, str] | None]:
    """The gates of the period's last month (the gates table), and each provider's gates
    over the funnel's months in a line (None when comparing areas, which have no gate):
    the months are judged once for both."""
    by_provider = choices.compare == "provider"
    months = quality.monthly_gates(
        [measure], first=choices.first if by_provider else choices.last, last=choices.last
    )
    gates = [by_measure[measure.id] for by_measure in months.values()]
    return gates[-1], quality.gates_over_span(gates) if by_provider else None


def measure_page(measure: Measure, reader: Reader, choices: MeasureChoices) -> dict:
    chart = _chart(measure, reader, choices)
    plot = _funnel(measure, reader, choices)
    tables = measure_tables(measure, reader, choices)
    last_month_gates, funnel_gates = _page_gates(measure, choices)
    unit = measure.unit.label
    compared = f"{DIMENSIONS[choices.compare].label}s"
    return {
        "measure": measure,
        "period": period_text(choices.first, choices.last),
        "spc_svg": charts.spc_svg(chart, title=f"{measure.title} by month", unit_label=unit),
        "spc": spc_table(measure, chart),
        "variation": charts.variation_icon_svg(chart.variation),
        "assurance": charts.assurance_icon_svg(chart.assurance),
        "target": target_text(measure),
        "warnings": chart.warnings,
        "funnel_svg": charts.funnel_svg(
            plot, title=f"{measure.title}: {compared.lower()} compared", unit_label=unit
        ),
        "compared": compared,
        "funnel": funnel_table(
            measure,
            plot,
            choices.compare,
            choices.span,
            published=reader.publish,
            gates=funnel_gates,
        ),
        "funnel_target": value_text(measure, plot.target) if plot.units else NO_DATA,
        "breakdown": tables["breakdown"](),
        "gates": gates_table([measure], {measure.id: last_month_gates}, choices.last),
        "definition": definition_rows(measure),
    }


def definition_rows(measure: Measure) -> list[dict]:
    """The definition's facts as summary-list rows (the file itself is shown beneath)."""
    facts = [
        ("Identifier", measure.id),
        ("Description", measure.description),
        ("Unit", "Percentage" if measure.unit is Unit.PERCENT else "Per 1,000"),
        ("Direction", DIRECTIONS[measure.direction.value]),
        ("Source", measure.source),
        ("Written by", measure.author),
        ("Checked by", measure.checker),
        ("Next review", f"{measure.review_date:%-d %B %Y}"),
        ("Data-quality checks", ", ".join(c.code for c in quality.checks_of(measure)) or "None"),
        ("Target", target_text(measure)),
    ]
    return [{"key": {"text": key}, "value": {"text": value}} for key, value in facts]


def target_text(measure: Measure) -> str:
    """The declared target and its source, read beside the assurance icon."""
    if measure.target is None:
        return "none set, so there is no assurance icon"
    side = {"lower": " or less", "higher": " or more"}.get(measure.direction.value, "")
    return f"{value_text(measure, measure.target)}{side} ({measure.target_source})"


# --- Equity --------------------------------------------------------------------------------


def equity_page(reader: Reader, first: Month, last: Month) -> list[dict]:
    """Every shown measure by ethnic group and by IMD quintile, pooled over the period:
    one query per population and breakdown."""
    measures = shown_measures()
    by_breakdown = {
        name: breakdown_rates(measures, reader, first, last, (name,)) for name in EQUITY_BREAKDOWNS
    }
    sections = []
    for measure in measures:
        tables = []
        for name in EQUITY_BREAKDOWNS:
            rates = [rate for rate in by_breakdown[name] if rate.measure.id == measure.id]
            label = DIMENSIONS[name].label
            table = rate_table(
                name, f"{measure.title}: {label}", rates, (name,), first_heading=label
            )
            tables.append(
                {"table": table, "download": breakdown_download(measure, name, first, last)}
            )
        sections.append({"measure": measure, "tables": tables})
    return sections


def breakdown_download(measure: Measure, by: str, first: Month, last: Month) -> str:
    """The measure page's breakdown CSV for this breakdown and period."""
    query = {"from_month": str(first), "to_month": str(last), "by": by, "download": "breakdown"}
    return f"{reverse('web:measure', args=[measure.id])}?{urlencode(query)}"
