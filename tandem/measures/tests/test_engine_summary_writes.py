"""After every kind of write, the measures read from the summary equal a fresh count on the
records: forms (birth, health visitor, woman, pregnancy, contact), the MSDS import, the
demo generator, pathway referrals, bulk SQL updates and deletes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tandem.core.audit import system_actor
from tandem.demo.generate import generate_demo
from tandem.measures.services import compute
from tandem.measures.tests.engine_support import assert_summary_matches_records, span
from tandem.measures.tests.factories import give_birth, twins
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.outcomes.services import (
    BabyEdit,
    record_birth,
    record_health_visitor_details,
    update_birth,
)
from tandem.outcomes.tests.factories import baby_values, labour_values
from tandem.outcomes.tests.test_import_support import import_file, row, write_extract
from tandem.pathway.tests.factories import ReferralFactory
from tandem.records.models import Area, Pregnancy
from tandem.records.services import record_contact, update_pregnancy, update_woman
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory, WomanFactory
from tandem.records.tests.personas import ADSWOOD_POSTCODE

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(personas):
    """Births in three months, the summary built from them, and the rates it gave."""
    today = timezone.localdate()
    give_birth(today - timedelta(days=40), blood_loss_ml=1700)
    give_birth(today - timedelta(days=70), babies=twins(gestation_days=250))
    give_birth(
        today - timedelta(days=100),
        pregnancy=PregnancyFactory(woman=WomanFactory(ethnic_category="M")),
    )
    assert_summary_matches_records()
    return _everything()


def _everything():
    first, last = span()
    return [compute(first=first, last=last, by=by) for by in ((), ("ethnic_group",))]


def _then_the_summary_follows(before) -> None:
    assert _everything() != before, "the write should change some count"
    assert_summary_matches_records()


def test_a_birth_recorded_through_the_form(personas, counted):
    record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(blood_loss_ml=2000),
        babies=[baby_values(1)],
    )
    _then_the_summary_follows(counted)


def test_a_birth_changed_through_the_form(personas, counted):
    labour = LabourDelivery.objects.get(babies__gestation_days=250, babies__birth_order=1)
    baby = labour.babies.get(birth_order=1)
    update_birth(
        by=personas.midwife,
        labour=labour,
        expected_version=labour.version,
        changes={"blood_loss_ml": 1600},
        baby_edits=[BabyEdit(baby, baby.version, {"apgar_5": 4})],
    )
    _then_the_summary_follows(counted)


def test_health_visitor_details(personas, counted):
    baby = Baby.objects.filter(feeding_at_6_8_weeks="breast").first()
    record_health_visitor_details(
        by=personas.health_visitor,
        baby=baby,
        expected_version=baby.version,
        feeding_at_6_8_weeks="formula",
        readmitted_within_30_days=True,
    )
    _then_the_summary_follows(counted)


def test_a_woman_s_ethnicity_and_postcode_edited(personas, counted):
    woman = Pregnancy.objects.filter(labour_delivery__isnull=False).first().woman
    update_woman(
        by=personas.midwife,
        woman=woman,
        expected_version=woman.version,
        ethnic_category="Z",
        postcode=ADSWOOD_POSTCODE,
    )
    _then_the_summary_follows(counted)


def test_a_pregnancy_s_booking_moved_to_another_month(personas, counted):
    pregnancy = Pregnancy.objects.filter(labour_delivery__isnull=False).first()
    update_pregnancy(
        by=personas.midwife,
        pregnancy=pregnancy,
        expected_version=pregnancy.version,
        booking_date=pregnancy.booking_date - timedelta(days=45),
        previous_live_births=1,
    )
    _then_the_summary_follows(counted)


def test_a_contact_recorded(personas, counted):
    record_contact(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        practitioners=[personas.practitioner(personas.midwife)],
        starts_at=timezone.now() - timedelta(days=3),
        contact_type="antenatal",
        outcome="did_not_attend",
        wellbeing_asked=False,
    )
    _then_the_summary_follows(counted)


def test_a_referral_and_an_area_going_live(personas, counted):
    ReferralFactory(pregnancy=personas.pregnancy, referred_by=personas.midwife)
    Area.objects.filter(pk=personas.adswood.pk).update(
        pathway_live_from=timezone.localdate() - timedelta(days=400)
    )
    _then_the_summary_follows(counted)


def test_the_msds_import(tmp_path, counted):
    # The sample row's provider (RWJ) and its area's LSOA are the personas'.
    born = timezone.localdate() - timedelta(days=20)
    extract = write_extract(
        tmp_path / "extract.csv",
        [
            row(
                PersonBirthDateBaby=f"{born}T10:00",
                LabourOnsetDate=f"{born}T02:00",
                AntenatalAppDate=str(born - timedelta(days=190)),
                EDDAgreed=str(born + timedelta(days=2)),
                BloodLossMl="1800",
            )
        ],
    )
    import_file(extract)
    _then_the_summary_follows(counted)


def test_the_demo_generator(db):
    # The demo needs its own providers, so the births before it are another provider's.
    provider = OrganisationFactory(ods_code="RXX", name="Another trust")
    give_birth(
        timezone.localdate() - timedelta(days=30), pregnancy=PregnancyFactory(provider=provider)
    )
    assert_summary_matches_records()
    before = _everything()

    generate_demo(pregnancies=40, seed=7, by=system_actor())

    _then_the_summary_follows(before)


def test_bulk_sql_updates_and_deletes(counted):
    Baby.objects.filter(gestation_days=250).update(neonatal_admission=True)
    twin = Baby.objects.get(gestation_days=250, birth_order=2)
    twin.delete()
    _then_the_summary_follows(counted)
