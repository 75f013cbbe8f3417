"""`refresh_measures` leaves the summary current, so the next reader recounts nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from tandem.measures.models import StaleMonth, SummaryState
from tandem.measures.tests.factories import give_birth

pytestmark = pytest.mark.django_db


def test_refresh_measures_counts_the_changed_months_and_signs_every_population():
    give_birth()
    assert StaleMonth.objects.exists()
    out = StringIO()

    call_command("refresh_measures", stdout=out)

    assert not StaleMonth.objects.exists()
    assert SummaryState.objects.count() >= 3
    assert "Measure summary up to date" in out.getvalue()
