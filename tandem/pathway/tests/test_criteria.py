"""Eligibility criteria are reference data: loaded by default, retired without losing history."""

import importlib

from django.apps import apps

from tandem.pathway.models import EligibilityCriterion, ScreenAnswer
from tandem.pathway.services import active_criteria, record_screen
from tandem.pathway.tests.factories import answers, default_criteria

MIGRATION = importlib.import_module(
    "tandem.pathway.migrations.0004_default_criteria_and_review_target"
)

DEFAULT_LABELS = [
    "Safeguarding concern",
    "Domestic abuse",
    "Perinatal mental health",
    "Substance or alcohol use",
    "Parent under 20",
    "Housing or financial insecurity",
    "Learning disability",
    "Care-experienced parent",
    "Previous children's social care involvement",
    "Limited support network",
    "Language barrier",
    "Professional judgement",
]


def test_criteria_migration_loads_the_defaults_with_code_label_and_hint(db):
    # The migration's own function, run here: a test that commits for real flushes the
    # tables, so the rows the migration loaded may be gone by the time this test runs.
    MIGRATION.load_defaults(apps, None)

    criteria = list(EligibilityCriterion.objects.all())

    assert [criterion.label for criterion in criteria] == DEFAULT_LABELS
    assert all(criterion.code and criterion.hint and criterion.is_active for criterion in criteria)
    assert len({criterion.code for criterion in criteria}) == len(DEFAULT_LABELS)


def test_criteria_retired_is_not_asked_but_earlier_answers_keep_it(personas):
    default_criteria()
    screen = record_screen(
        by=personas.midwife, pregnancy=personas.pregnancy, answers=answers(language_barrier="Farsi")
    )
    retired = EligibilityCriterion.objects.get(code="language-barrier")
    retired.is_active = False
    retired.save()

    assert retired not in active_criteria()
    kept = ScreenAnswer.objects.get(screen=screen, criterion=retired)
    assert (kept.met, kept.detail) == (True, "Farsi")
