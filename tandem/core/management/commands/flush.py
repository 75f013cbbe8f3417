"""Django's flush, which may empty the audit trail only where settings allow (tests)."""

from django.conf import settings
from django.core.management.commands.flush import Command as DjangoFlushCommand

from tandem.core.audit import audit_purge_permitted


class Command(DjangoFlushCommand):
    def handle(self, **options):
        if not getattr(settings, "AUDIT_PURGE_ALLOWED", False):
            return super().handle(**options)
        with audit_purge_permitted(options["database"]):
            return super().handle(**options)
