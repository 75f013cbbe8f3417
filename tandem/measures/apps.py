from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "tandem.measures"
    label = "measures"
    verbose_name = "Measures"
