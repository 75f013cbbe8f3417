"""Fast inserts for the large tables: explicit primary keys and executemany in batches.

Building a model instance per row and letting the ORM insert it is the slow part of loading
a million rows, so the generator hands plain tuples to one parameterised INSERT per table.
Primary keys are allocated here, from one past the current maximum, so rows can refer to
each other before they are written. Values are adapted by the database backend's own
adapters; on PostgreSQL the sequences are moved past the new keys afterwards. This skips
model save() and its signals: no history rows, by design (the data is generated, not edited).
"""

from collections.abc import Sequence

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max, Model
from django.utils import timezone

# Re-exported: the demo modules import it from here; it lives in core for the MSDS import too.
from tandem.core.dbvalues import DbValues as DbValues

BATCH_SIZE = 20_000


class TableWriter:
    """Buffers rows for one table and writes them in batches with explicit ids.

    Columns not named in `fields` get their model default (so a field added later with a
    default needs no change here); a new required field without one raises at once.
    """

    def __init__(self, model: type[Model], fields: Sequence[str], *, with_id: bool = True):
        self.model = model
        self.with_id = with_id
        quote = connection.ops.quote_name
        named = [model._meta.get_field(name) for name in fields]
        others = [
            field
            for field in model._meta.concrete_fields
            if not field.primary_key and field.name not in fields
        ]
        self.defaults = tuple(_default(model, field) for field in others)
        columns = [field.column for field in named + others]
        if with_id:
            columns.insert(0, model._meta.pk.column)
        table = quote(model._meta.db_table)
        names = ", ".join(quote(column) for column in columns)
        marks = ", ".join(["%s"] * len(columns))
        # Names come from model metadata, quoted; every value is a query parameter.
        self.sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
        self.rows: list[tuple] = []
        self.written = 0
        self.next_id = (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1

    def add(self, *values) -> int | None:
        """Queue one row; returns the primary key it will have (if the writer assigns it)."""
        if self.with_id:
            row_id = self.next_id
            self.next_id += 1
            self.rows.append((row_id, *values, *self.defaults))
        else:
            row_id = None
            self.rows.append(values + self.defaults)
        if len(self.rows) >= BATCH_SIZE:
            self.flush()
        return row_id

    def flush(self) -> None:
        if self.rows:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.rows)
            self.written += len(self.rows)
            self.rows = []


def _default(model: type[Model], field):
    if field.has_default():
        value = field.get_default()
    elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        value = timezone.now()
    elif field.null:
        value = None
    elif field.blank and field.get_internal_type() in ("CharField", "TextField"):
        value = ""
    else:
        raise ValueError(
            f"The demo generator does not fill {model.__name__}.{field.name}: add it to the "
            "generator (tandem/demo) or give the field a default"
        )
    return field.get_db_prep_save(value, connection)


def reset_sequences(models: Sequence[type[Model]]) -> None:
    """Move auto-increment sequences past explicitly inserted keys (PostgreSQL needs it)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
