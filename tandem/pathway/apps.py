from django.apps import AppConfig


class PathwayConfig(AppConfig):
    name = "tandem.pathway"
    label = "pathway"
    verbose_name = "Enhanced Maternity Pathway"
