"""Visits of the personas' pregnancy, for the assessments tests."""

import pytest

from tandem.assessments.tests.factories import AttendedVisitFactory, VisitFactory


@pytest.fixture
def booked_visit(personas):
    """A joint visit with the personas' woman yesterday, attendance not yet recorded."""
    return VisitFactory(pregnancy=personas.pregnancy, booked_by=personas.administrator)


@pytest.fixture
def visit(personas):
    """A joint visit with the personas' woman yesterday, which the family attended."""
    return AttendedVisitFactory(pregnancy=personas.pregnancy, booked_by=personas.administrator)
