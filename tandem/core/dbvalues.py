"""Dates and datetimes in the form the database backend stores them, for code that writes
rows in bulk with raw SQL (the demo generator, the MSDS import)."""

from datetime import datetime

from django.db import connection
from django.utils import timezone


class DbValues:
    """Adapts dates and aware datetimes for this connection, as the backend would.

    SQLite stores datetimes as naive text in the connection's time zone (UTC); doing that
    here directly is several times faster than the general path, and checked against it.
    """

    def __init__(self) -> None:
        ops = connection.ops
        self.date = ops.adapt_datefield_value
        self.datetime = ops.adapt_datetimefield_value
        if connection.vendor == "sqlite":
            zone = connection.timezone
            self.datetime = lambda value: (
                None if value is None else str(value.astimezone(zone).replace(tzinfo=None))
            )
            sample = datetime(2024, 3, 31, 1, 30, tzinfo=timezone.get_default_timezone())
            if self.datetime(sample) != ops.adapt_datetimefield_value(sample):
                self.datetime = ops.adapt_datetimefield_value
