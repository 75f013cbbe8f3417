"""The generate_demo command: deterministic, idempotent, audited, and keeping the keys free
(its consistency is checked on the shared demo LMNS in default_lmns/)."""

from datetime import timedelta

import pytest
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.demo.tests.support import digest, generate, model_counts, remove_generated_data
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.records.models import CareContact, Pregnancy

pytestmark = pytest.mark.django_db


def test_generate_demo_same_seed_gives_identical_data():
    today = timezone.localdate()
    generate(400, seed=11, today=today)
    first = digest()
    remove_generated_data()
    generate(400, seed=11, today=today)
    assert digest() == first
    remove_generated_data()
    generate(400, seed=12, today=today)
    assert digest() != first


def test_generate_demo_run_twice_changes_nothing():
    today = timezone.localdate()
    generate(300, seed=5, today=today)
    before = model_counts()
    output = generate(300, seed=5, today=today)
    assert "already loaded" in output
    assert model_counts() == before


def test_generate_demo_other_seed_on_loaded_database_is_refused():
    today = timezone.localdate()
    generate(300, seed=5, today=today)
    before = model_counts()
    with pytest.raises(CommandError, match="already holds a demo generated with seed 5"):
        generate(300, seed=6, today=today)
    assert model_counts() == before


def test_generate_demo_records_one_audit_event():
    generate(300, seed=5, today=timezone.localdate())
    (event,) = AuditEvent.objects.filter(object_type="demo_dataset")
    assert event.action == AuditAction.CREATE
    assert event.actor_username == "tandem-system"
    assert event.detail["seed"] == 5
    assert event.detail["pregnancies"] == 300
    assert event.detail["counts"]["pregnancies"] == Pregnancy.objects.count() == 300


def test_generated_rows_keep_referential_integrity_and_leave_keys_free():
    generate(500, seed=8, today=timezone.localdate())
    connection.check_constraints()
    assert Baby.objects.count() >= LabourDelivery.objects.count()
    pregnancy = Pregnancy.objects.order_by("pk").last()
    contact = CareContact.objects.create(  # the next key is free after explicit-key inserts
        pregnancy=pregnancy,
        starts_at=timezone.now() + timedelta(days=3),
        contact_type="antenatal",
        outcome="booked",
    )
    assert contact.pk > pregnancy.contacts.exclude(pk=contact.pk).order_by("pk").last().pk
