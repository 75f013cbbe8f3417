"""The demo LMNS as `make run` loads it, shared by the tests of one module that only read it.

Generating 3,000 pregnancies takes half a minute, so a module whose tests all look at the
default demo generates it once, inside a transaction that is rolled back when the module
ends (as Django's TestCase does for setUpTestData); each test runs in a savepoint within it,
so nothing one test writes reaches another, and nothing leaks to other modules."""

import pytest
from django.db import transaction
from django.utils import timezone

from tandem.demo.tests.support import DEMO_PREGNANCIES, DEMO_SEED, generate


@pytest.fixture(scope="module")
def demo_lmns(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        try:
            generate(DEMO_PREGNANCIES, seed=DEMO_SEED, today=timezone.localdate())
            yield
        finally:
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)
