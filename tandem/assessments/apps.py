from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "tandem.assessments"
    label = "assessments"
    verbose_name = "Visit records, assessments and family plans"
