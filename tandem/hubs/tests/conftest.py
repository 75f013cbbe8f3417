"""Fixtures for the hubs tests."""

import pytest

from tandem.records.tests.factories import CareContactFactory


@pytest.fixture
def contact(personas):
    """A contact at which the midwife saw the personas' woman last week."""
    contact = CareContactFactory(pregnancy=personas.pregnancy)
    contact.practitioners.set([personas.midwife.practitioner])
    return contact
