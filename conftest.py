"""Suite-wide fixtures: the personas every test module can use."""

import pytest

from tandem.records.tests.personas import Personas, build_personas

# The modules of this package share one generated demo LMNS (its conftest): one work unit,
# so one worker runs them together and generates it once.
SHARED_DEMO_PACKAGE = "tandem/demo/tests/default_lmns/"


def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class PackageOrFileScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(SHARED_DEMO_PACKAGE):
                return SHARED_DEMO_PACKAGE
            return super()._split_scope(nodeid)

    return PackageOrFileScheduling(config, log)


def pytest_configure(config):
    from django.conf import settings

    # Test database flushes may empty the audit trail; nothing else may.
    settings.AUDIT_PURGE_ALLOWED = True


@pytest.fixture
def personas(db) -> Personas:
    return build_personas()
