from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "tandem.programme"
    label = "programme"
    verbose_name = "Pathway programme: worklists, funnel, targets and training"
