"""Django's flush, with two differences that keep a flushed database usable and the audit
trail safe:

- the reference lookups loaded by migration (postcodes, LSOAs with IMD deciles) are kept,
  because migrations will not load them again;
- the audit trail may be emptied only where settings allow it (the test suite); elsewhere
  its database triggers refuse, and the flush fails without changing anything.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.core.management.commands.flush import Command as DjangoFlushCommand
from django.core.management.sql import emit_post_migrate_signal
from django.db import connections

from tandem.core.audit import audit_purge_permitted


def kept_tables() -> set[str]:
    return {apps.get_model(label)._meta.db_table for label in settings.FLUSH_KEEPS_TABLES_OF}


class Command(DjangoFlushCommand):
    def handle(self, **options):
        database = options["database"]
        connection = connections[database]
        tables = [
            table
            for table in connection.introspection.django_table_names(
                only_existing=True, include_views=False
            )
            if table not in kept_tables()
        ]
        sql_list = connection.ops.sql_flush(
            no_style(),
            tables,
            reset_sequences=options.get("reset_sequences", True),
            allow_cascade=options.get("allow_cascade", False),
        )
        if options["interactive"]:
            name = connection.settings_dict["NAME"]
            answer = input(
                f'This will IRREVERSIBLY DESTROY all data in the "{name}" database apart from '
                "the reference lookups.\nType 'yes' to continue: "
            )
            if answer != "yes":
                self.stdout.write("Flush cancelled.")
                return
        try:
            if getattr(settings, "AUDIT_PURGE_ALLOWED", False):
                with audit_purge_permitted(database):
                    connection.ops.execute_sql_flush(sql_list)
            else:
                connection.ops.execute_sql_flush(sql_list)
        except Exception as error:
            raise CommandError(f"Database {database} could not be flushed: {error}") from error
        if sql_list and not options.get("inhibit_post_migrate", False):
            emit_post_migrate_signal(options["verbosity"], options["interactive"], database)
