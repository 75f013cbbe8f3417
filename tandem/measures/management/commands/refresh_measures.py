"""Bring the measures' monthly summary up to date, so no reader waits for it: run nightly
(the booking measures depend on the day) and after loading data."""

import time

from django.core.management.base import BaseCommand

from tandem.measures import summary


class Command(BaseCommand):
    help = "Recount the measures' monthly summary where the records or the day have changed."

    def handle(self, *args, **options):
        started = time.perf_counter()
        held = summary.refresh()
        seconds = time.perf_counter() - started
        if not held:
            self.stdout.write("The summary's triggers are missing: measures count on the records.")
            return
        self.stdout.write(
            f"Measure summary up to date for {len(held)} populations in {seconds:.1f} s."
        )
