"""The generate_demo command: deterministic, idempotent, internally consistent."""

from datetime import timedelta

import pytest
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.demo.tests.support import digest, generate, model_counts, remove_generated_data
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.records.models import CareContact, ContactOutcome, Pregnancy, PregnancyStatus

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


def test_generate_demo_covers_every_stage_of_pregnancy():
    today = timezone.localdate()
    generate(2000, seed=3, today=today)
    statuses = set(Pregnancy.objects.values_list("status", flat=True))
    assert statuses == set(PregnancyStatus.values)
    assert Pregnancy.objects.filter(status="active", booking_date__isnull=True).exists()
    active = Pregnancy.objects.filter(status="active", booking_date__isnull=False)
    gestations = [pregnancy.gestation_on(today).weeks for pregnancy in active]
    assert min(gestations) < 12 and max(gestations) >= 38
    assert any(20 <= weeks <= 28 for weeks in gestations)
    delivered = Pregnancy.objects.filter(status="delivered")
    assert delivered.filter(ended_on__gte=today - timedelta(days=30)).exists()
    assert delivered.filter(ended_on__lte=today - timedelta(days=330)).exists()
    edds = sorted(Pregnancy.objects.values_list("edd", flat=True))
    assert edds[0] <= today - timedelta(days=330)
    assert edds[-1] >= today + timedelta(days=210)
    twins = LabourDelivery.objects.filter(babies__birth_order=2).count()
    assert 0.005 <= twins / LabourDelivery.objects.count() <= 0.03


def test_generated_births_are_clinically_consistent():
    today = timezone.localdate()
    generate(1500, seed=4, today=today)
    assert not LabourDelivery.objects.exclude(pregnancy__status="delivered").exists()
    assert LabourDelivery.objects.count() == Pregnancy.objects.filter(status="delivered").count()
    for labour in LabourDelivery.objects.prefetch_related("babies"):
        babies = list(labour.babies.all())
        methods = {baby.delivery_method for baby in babies}
        assert len(methods) == 1
        caesarean = methods <= {"7", "8"}
        assert (labour.caesarean_at is not None) == caesarean
        if labour.onset_method == "2":
            assert labour.labour_onset_at is None and caesarean
        else:
            assert labour.labour_onset_at is not None
        if caesarean:
            assert labour.genital_tract_trauma == ""
        for baby in babies:
            assert 154 <= baby.gestation_days <= 315
            assert 0 <= baby.apgar_5 <= 10
            assert 350 <= baby.birth_weight_g <= 5600
            if baby.gestation_days >= 259 and baby.birth_order == 1 and len(babies) == 1:
                assert baby.birth_weight_g >= 1500
            if baby.outcome == "01":
                assert baby.first_feed in {"01", "02", "03"}
            else:
                assert baby.first_feed == "" and baby.apgar_5 == 0
            assert timezone.localtime(baby.born_at).date() >= labour.pregnancy.ended_on
    for pregnancy in Pregnancy.objects.all():
        assert pregnancy.previous_caesareans <= pregnancy.previous_births


def test_generated_contacts_have_outcomes_that_fit_their_time():
    today = timezone.localdate()
    generate(800, seed=9, today=today)
    contacts = CareContact.objects.prefetch_related("practitioners")
    booked = [contact for contact in contacts if contact.outcome == ContactOutcome.BOOKED]
    assert booked and all(timezone.localtime(c.starts_at).date() > today for c in booked)
    happened = [c for c in contacts if c.outcome != ContactOutcome.BOOKED]
    assert all(timezone.localtime(c.starts_at).date() < today for c in happened)
    attended = [c for c in happened if c.outcome == ContactOutcome.ATTENDED]
    assert all(c.practitioners.all() for c in attended)
    did_not_attend = sum(c.outcome == ContactOutcome.DID_NOT_ATTEND for c in happened)
    assert 0.04 <= did_not_attend / len(happened) <= 0.12
    asked = sum(bool(c.wellbeing_asked) for c in attended)
    assert asked / len(attended) > 0.8
    assert all(c.wellbeing_asked is None for c in contacts if c.outcome != "attended")
    assert not contacts.filter(contact_type="joint_visit").exists()  # they are pathway visits
    before_birth = contacts.exclude(contact_type="postnatal").exclude(pregnancy__ended_on=None)
    for contact in before_birth.select_related("pregnancy"):
        assert timezone.localtime(contact.starts_at).date() <= contact.pregnancy.ended_on
    for contact in contacts.filter(contact_type="postnatal").select_related("pregnancy"):
        assert contact.pregnancy.status == "delivered"
        assert timezone.localtime(contact.starts_at).date() > contact.pregnancy.ended_on


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
