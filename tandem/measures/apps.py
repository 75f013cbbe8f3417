from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MeasuresConfig(AppConfig):
    name = "tandem.measures"
    label = "measures"
    verbose_name = "Measures"

    def ready(self) -> None:
        post_migrate.connect(_install_summary_triggers, sender=self)


def _install_summary_triggers(sender, using: str, **kwargs) -> None:
    """After every migrate: a migration may have rebuilt a table and dropped its triggers."""
    from tandem.measures.summary import install_triggers

    install_triggers(using)
