from django.apps import AppConfig


class CareplansConfig(AppConfig):
    name = "tandem.careplans"
    label = "careplans"
    verbose_name = "Personalised care and support plans"
