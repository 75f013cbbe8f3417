"""python manage.py export_measures --from YYYY-MM --to YYYY-MM --by DIMENSION [--publish]
--out FILE.csv: every measure shown to users, month by month (format: tandem/measures/export.py)."""

import argparse
import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.core.audit import system_actor
from tandem.measures.dimensions import DIMENSIONS
from tandem.measures.export import JOIN, export_measures, parse_breakdown
from tandem.measures.services import Month


def _month(text: str) -> Month:
    try:
        return Month.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _breakdown(text: str) -> tuple[str, ...]:
    try:
        return parse_breakdown(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


class Command(BaseCommand):
    help = (
        "Write every measure for each month from --from to --to, by a breakdown, as CSV "
        "(measure, period, dimension, group, numerator, denominator, rate, lower_95, "
        "upper_95). With --publish the NHS small-number rule rounds both counts and the rates "
        "follow them; without it the figures are exact, for internal use, and the export is "
        "recorded in the audit trail."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="first", type=_month, required=True, help="First month, YYYY-MM"
        )
        parser.add_argument(
            "--to", dest="last", type=_month, required=True, help="Last month, YYYY-MM"
        )
        parser.add_argument(
            "--by",
            type=_breakdown,
            required=True,
            help=f"all, one of {', '.join(DIMENSIONS)}, or two joined with '{JOIN}' "
            f"(ethnic_group{JOIN}imd_quintile)",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Apply the NHS small-number rule"
        )
        parser.add_argument("--out", type=Path, required=True, help="The CSV file to write")

    def handle(self, *args, first, last, by, publish, out, **options):
        if last < first:
            raise CommandError(f"--to: the last month ({last}) is before the first ({first})")
        if not out.parent.is_dir():
            raise CommandError(f"--out: there is no folder {out.parent}")
        # Built in memory and written at the end, so a failure leaves no half-written file.
        buffer = io.StringIO()
        count = export_measures(
            buffer, first=first, last=last, by=by, publish=publish, actor=system_actor()
        )
        out.write_text(buffer.getvalue(), encoding="utf-8")
        kind = (
            "published figures (small numbers rounded)"
            if publish
            else "exact figures for internal use (recorded in the audit trail)"
        )
        self.stdout.write(self.style.SUCCESS(f"Wrote {count:,} rows of {kind} to {out}"))
