from django.apps import AppConfig


class HandoverConfig(AppConfig):
    name = "tandem.handover"
    label = "handover"
    verbose_name = "Postnatal handover to health visiting"
