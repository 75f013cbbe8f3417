"""The generated demo LMNS is internally consistent: every stage of pregnancy is present,
births are clinically coherent, and contacts have outcomes that fit their time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tandem.outcomes.models import LabourDelivery
from tandem.records.models import CareContact, ContactOutcome, Pregnancy, PregnancyStatus

pytestmark = pytest.mark.django_db


def test_generate_demo_covers_every_stage_of_pregnancy(demo_lmns):
    today = timezone.localdate()
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


def test_generated_births_are_clinically_consistent(demo_lmns):
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


def test_generated_contacts_have_outcomes_that_fit_their_time(demo_lmns):
    today = timezone.localdate()
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
