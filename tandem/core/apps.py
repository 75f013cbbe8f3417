from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _register_sqlite_audit_permit(sender, connection, **kwargs):
    """SQLite's audit trigger asks this function whether the connection may purge."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "tandem_audit_purge_permitted",
            0,
            lambda: int(getattr(connection, "audit_purge_permitted", False)),
            deterministic=False,
        )


class CoreConfig(AppConfig):
    name = "tandem.core"
    label = "core"
    verbose_name = "Users, roles and audit"

    def ready(self):
        connection_created.connect(_register_sqlite_audit_permit)
