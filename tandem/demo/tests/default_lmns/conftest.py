"""The demo LMNS as `make run` loads it, shared by every test of this package: they only
read it.

Generating 3,000 pregnancies takes half a minute, so each test worker that runs modules of
this package generates it once, inside a transaction that is rolled back when the package's
last module ends (as Django's TestCase does for setUpTestData); each test runs in a savepoint
within it, so nothing one test writes reaches another, and nothing leaks to other packages.
Tests that need another size or seed, or that write, stay outside this package."""

import pytest
from django.db import transaction
from django.utils import timezone

from tandem.demo.tests.support import DEMO_PREGNANCIES, DEMO_SEED, generate


@pytest.fixture(scope="package")
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
