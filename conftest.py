"""Suite-wide fixtures: the personas every test module can use."""

import pytest

from tandem.records.tests.personas import Personas, build_personas


def pytest_configure(config):
    from django.conf import settings

    # Test database flushes may empty the audit trail; nothing else may.
    settings.AUDIT_PURGE_ALLOWED = True


@pytest.fixture
def personas(db) -> Personas:
    return build_personas()
