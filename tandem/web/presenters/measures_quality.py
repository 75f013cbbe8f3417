"""The data-quality page, the Robson table and the data-quality gates a measure's page
shows: published for every reader where they count beyond a team leader's areas."""

from collections.abc import Sequence

from tandem.measures import quality
from tandem.measures.definitions import Measure, shown_measures
from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.export import Span, count_cell
from tandem.measures.robson_report import RobsonRow, robson_report
from tandem.measures.services import Month
from tandem.measures.spc import month_name
from tandem.web.presenters.measures_tables import NO_DATA, Reader, Table, count_text, period_text

GATE_COLUMNS = ("measure", "period", "provider", "passed", "check", "value", "threshold")


def gates_table(
    measures: Sequence[Measure],
    gates_by_measure: dict[str, list[quality.ProviderGate]],
    period: Month,
) -> Table:
    """Each measure's gate per provider, with its failing checks named."""
    rows, csv_rows = [], []
    for measure in measures:
        for gate in gates_by_measure[measure.id]:
            verdict = gate.verdict
            failing = "; ".join(
                f"{result.label}: {result.value_text} (needs {result.threshold_text})"
                for result in gate.failing
            )
            rows.append([gate.provider_name, measure.title, verdict, failing or "None"])
            for result in gate.results:
                csv_rows.append(
                    {
                        "measure": measure.id,
                        "period": str(period),
                        "provider": gate.provider_name,
                        "passed": "yes" if result.passed else "no",
                        "check": result.check.code,
                        "value": result.value_text,
                        "threshold": result.threshold_text,
                    }
                )
    return Table(
        name="gates",
        caption=f"Data-quality gates in {month_name(period)}",
        head=["Provider", "Measure", "Result", "Failing checks"],
        rows=rows,
        columns=GATE_COLUMNS,
        csv_rows=csv_rows,
        numeric_from=99,
    )


# --- Robson --------------------------------------------------------------------------------

ROBSON_COLUMNS = (
    "period", "group", "label", "women", "caesareans", "group_size", "caesarean_rate",
    "absolute_contribution", "relative_contribution",
)  # fmt: skip


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def robson_table(reader: Reader, first: Month, last: Month) -> Table:
    report = robson_report(first, last, pregnancies=reader.pregnancies, publish=reader.publish)
    span = Span(first, last)
    rows: list[RobsonRow] = [*report.rows, report.total]
    return Table(
        name="robson",
        caption=f"Robson groups of women giving birth, {period_text(first, last)}",
        head=[
            "Group",
            "Women",
            "Caesareans",
            "Group size (%)",
            "Caesarean rate in group (%)",
            "Contribution to the overall caesarean rate (%)",
            "Share of all caesareans (%)",
        ],
        rows=[
            [
                f"{'Of which ' if row.is_sub_group else ''}{row.label}",
                count_text(row.women, published=report.published),
                count_text(row.caesareans, published=report.published),
                _percent(row.group_size) or NO_DATA,
                _percent(row.caesarean_rate) or NO_DATA,
                _percent(row.absolute_contribution) or NO_DATA,
                _percent(row.relative_contribution) or NO_DATA,
            ]
            for row in rows
        ],
        columns=ROBSON_COLUMNS,
        csv_rows=[
            {
                "period": str(span),
                "group": row.group,
                "label": row.label,
                "women": count_cell(row.women, published=report.published),
                "caesareans": count_cell(row.caesareans, published=report.published),
                "group_size": _percent(row.group_size),
                "caesarean_rate": _percent(row.caesarean_rate),
                "absolute_contribution": _percent(row.absolute_contribution),
                "relative_contribution": _percent(row.relative_contribution),
            }
            for row in rows
        ],
    )


# --- Data quality --------------------------------------------------------------------------

ETHNICITY_PARTS = (
    ("coded", "Coded"),
    ("not_stated", "Not stated"),
    ("not_known", "Not known"),
    ("missing", "Missing"),
)
POSTCODE_PARTS = (
    ("postcode_present", "Postcode recorded"),
    ("lsoa_found", "LSOA found"),
    ("pseudo_postcode", "Pseudo-postcode (ZZ99)"),
    ("lsoa_not_found", "LSOA not found"),
    ("postcode_missing", "No postcode"),
)


def _count_and_share(count: int, share: float | None) -> str:
    return f"{count_text(count, published=True)} ({_percent(share) or 0}%)"


def completeness_table(name: str, caption: str, by: str, rows: list, parts) -> Table:
    """Women booked per provider or area, each category as a count and a share; the counts
    are always published (they count beyond a team leader's areas)."""
    heading = DIMENSIONS[by].label
    return Table(
        name=name,
        caption=caption,
        head=[heading, "Women booked", *(f"{label} (share)" for _, label in parts)],
        rows=[
            [
                row.group,
                count_text(row.women, published=True),
                *(
                    _count_and_share(getattr(row, key), getattr(row, f"{key}_share"))
                    for key, _ in parts
                ),
            ]
            for row in rows
        ],
        columns=(
            by,
            "women",
            *(column for key, _ in parts for column in (key, f"{key}_share")),
        ),
        csv_rows=[
            {
                by: row.group,
                "women": count_cell(row.women, published=True),
                **{
                    column: value
                    for key, _ in parts
                    for column, value in (
                        (key, count_cell(getattr(row, key), published=True)),
                        (f"{key}_share", _percent(getattr(row, f"{key}_share"))),
                    )
                },
            }
            for row in rows
        ],
    )


def quality_tables(first: Month, last: Month) -> dict:
    """Builders of the data-quality page's tables by download name. Published for every
    reader: these count the whole LMNS, beyond a team leader's areas."""

    def gates() -> Table:
        measures = shown_measures()
        return gates_table(measures, quality.gates_for_measures(measures, period=last), last)

    def completeness(kind: str, by: str):
        def build() -> Table:
            counter, parts, noun = {
                "ethnicity": (quality.ethnicity_completeness, ETHNICITY_PARTS, "Ethnic category"),
                "postcode": (quality.postcode_completeness, POSTCODE_PARTS, "Postcode and LSOA"),
            }[kind]
            rows = counter(first=first, last=last, by=by, publish=True)
            caption = f"{noun} of women booked by {by}, {period_text(first, last)}"
            return completeness_table(f"{kind}_{by}", caption, by, rows, parts)

        return build

    return {
        "gates": gates,
        **{
            f"{kind}_{by}": completeness(kind, by)
            for kind in ("ethnicity", "postcode")
            for by in quality.GROUPINGS
        },
    }
