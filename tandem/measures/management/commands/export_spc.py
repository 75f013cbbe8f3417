"""python manage.py export_spc --measure ID --out FILE.csv [--from YYYY-MM --to YYYY-MM]
[--run-length N] [--publish]: one measure's SPC chart month by month (tandem/measures/spc.py)."""

import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tandem.core.audit import system_actor
from tandem.measures import spc
from tandem.measures.definitions import DefinitionError, Measure, measure
from tandem.measures.export import record_internal_export
from tandem.measures.services import Month


class Command(BaseCommand):
    help = (
        "Write one measure's Making Data Count XmR chart as CSV (period, value, mean, "
        "lower_limit, upper_limit, point_type), one row per month; by default the last 24 "
        "complete months. With --publish the values come from counts rounded by the NHS "
        "small-number rule; without it they are exact, for internal use, and the export is "
        "recorded in the audit trail."
    )

    def add_arguments(self, parser):
        parser.add_argument("--measure", required=True, help="The measure's id, e.g. pph_1500")
        parser.add_argument("--out", type=Path, required=True, help="The CSV file to write")
        parser.add_argument("--from", dest="first", help="First month, YYYY-MM")
        parser.add_argument("--to", dest="last", help="Last month, YYYY-MM")
        parser.add_argument(
            "--run-length",
            type=int,
            default=spc.DEFAULT_RUN_LENGTH,
            help="Points in a row that make a shift or a trend (default 7; Making Data "
            "Count's Excel tool also allows 6)",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Apply the NHS small-number rule"
        )

    def handle(self, *args, measure, out, first, last, run_length, publish, **options):
        try:
            chosen = _measure(measure)
            first, last = _period(first, last)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if run_length < 2:
            raise CommandError(f"--run-length: must be 2 or more, not {run_length}")
        if not out.parent.is_dir():
            raise CommandError(f"--out: there is no folder {out.parent}")
        chart = spc.measure_chart(
            chosen, first=first, last=last, publish=publish, run_length=run_length
        )
        if not publish:
            # Audited before the file is written, as export_measures does.
            record_internal_export(
                by=system_actor(),
                what="export_spc",
                detail={
                    "measures": [chosen.id],
                    "from": str(first),
                    "to": str(last),
                    "run_length": run_length,
                },
            )
        # Built in memory and written at the end, so a failure leaves no half-written file.
        buffer = io.StringIO()
        rows = spc.write_csv(chart, chosen, buffer)
        out.write_text(buffer.getvalue(), encoding="utf-8")
        kind = "published figures (small numbers rounded)" if publish else "exact figures"
        self.stdout.write(self.style.SUCCESS(f"Wrote {rows} months of {kind} to {out}"))
        for warning in chart.warnings:
            self.stdout.write(self.style.WARNING(warning))


def _measure(measure_id: str) -> Measure:
    try:
        return measure(measure_id)
    except DefinitionError as error:
        raise ValueError(f"--measure: {error}") from None


def _period(first: str | None, last: str | None) -> tuple[Month, Month]:
    """The months asked for, or the last 24 complete months; both or neither."""
    if (first is None) != (last is None):
        raise ValueError("--from and --to: give both, or neither for the last 24 months")
    if first is None or last is None:
        return spc.default_period(timezone.localdate())
    months = []
    for option, text in (("--from", first), ("--to", last)):
        try:
            months.append(Month.parse(text))
        except ValueError as error:
            raise ValueError(f"{option}: {error}") from None
    if months[1] < months[0]:
        raise ValueError(f"--to: the last month ({months[1]}) is before the first ({months[0]})")
    return months[0], months[1]
