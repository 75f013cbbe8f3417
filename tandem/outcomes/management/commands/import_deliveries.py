"""python manage.py import_deliveries FILE.csv [--skip-invalid] [--rejects PATH]: load an
MSDS-aligned delivery extract (format: docs/msds-import.md, service: outcomes/msds_import.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.core.audit import system_actor
from tandem.outcomes.msds_import import ImportFileError, import_deliveries


class Command(BaseCommand):
    help = (
        "Import an MSDS-aligned delivery extract (CSV, one row per baby). A file with any "
        "error imports nothing unless --skip-invalid is given, which imports the valid "
        "pregnancies and writes the rejected rows to a rejects file. Importing the same file "
        "again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The extract, UTF-8 CSV with a header")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows; every row of a pregnancy with an error is rejected",
        )
        parser.add_argument(
            "--rejects",
            type=Path,
            help="Where to write the rejected rows with their row, column and reason "
            "(default with --skip-invalid: FILE.rejects.csv)",
        )

    def handle(self, *args, file, skip_invalid, rejects, **options):
        if rejects is None and skip_invalid:
            rejects = file.with_suffix(".rejects.csv")
        try:
            result = import_deliveries(
                file, by=system_actor(), skip_invalid=skip_invalid, rejects_path=rejects
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from None

        for error in result.first_errors:
            self.stderr.write(str(error))
        if result.error_count > len(result.first_errors):
            more = result.error_count - len(result.first_errors)
            self.stderr.write(f"... and {more:,} more errors")
        if result.rejects_file is not None:
            self.stderr.write(f"Rejected rows written to {result.rejects_file}")

        self.stdout.write(f"Rows read: {result.rows_read:,}")
        for kind in ("pregnancies", "labours", "babies"):
            tally = getattr(result, kind)
            self.stdout.write(
                f"{kind.capitalize()}: {tally.created:,} created, {tally.updated:,} updated, "
                f"{tally.unchanged:,} unchanged"
            )
        self.stdout.write(f"Rows rejected: {result.rejected_rows:,}")
        self.stdout.write(f"Import {result.import_id} (file sha256 {result.sha256})")
        if not result.imported:
            raise CommandError("Nothing was imported: correct the rows above and import again")
        if result.rejected_rows:
            raise CommandError(f"{result.rejected_rows:,} rows were rejected")
        self.stdout.write(self.style.SUCCESS("Imported"))
