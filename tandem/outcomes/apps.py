from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "tandem.outcomes"
    label = "outcomes"
    verbose_name = "Labour, birth and baby outcomes"
