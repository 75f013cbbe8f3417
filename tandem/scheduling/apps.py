from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "tandem.scheduling"
    label = "scheduling"
    verbose_name = "Calendars and visits"
