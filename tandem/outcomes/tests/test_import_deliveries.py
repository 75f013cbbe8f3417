"""A valid extract becomes a woman, her pregnancy, its labour and the baby, coded as in the file."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from tandem.core.audit import SYSTEM_USERNAME
from tandem.core.models import AuditAction, AuditEvent
from tandem.outcomes.models import Baby, LabourDelivery, RobsonGroup
from tandem.outcomes.tests.test_import_support import (
    import_file,
    maternity_provider,
    row,
    write_extract,
)
from tandem.records.models import Pregnancy, Woman
from tandem.records.tests.personas import ADSWOOD_LSOA

pytestmark = pytest.mark.django_db


def test_a_valid_row_creates_the_woman_pregnancy_labour_and_baby(tmp_path):
    provider = maternity_provider()
    out, _ = import_file(write_extract(tmp_path / "extract.csv", [row()]))

    assert "Rows read: 1" in out
    assert "Pregnancies: 1 created, 0 updated, 0 unchanged" in out
    woman = Woman.objects.get()
    assert (woman.nhs_number, woman.given_name, woman.family_name) == ("9434765919", "", "")
    assert str(woman) == "Name not recorded"
    assert woman.date_of_birth == date(1990, 5, 1)
    assert (woman.postcode, woman.lsoa_code, woman.imd_decile) == ("SK3 8LG", ADSWOOD_LSOA, 2)
    pregnancy = Pregnancy.objects.get()
    assert pregnancy.msds_pregnancy_id == "P1"
    assert pregnancy.provider == provider
    assert pregnancy.area.name == "Adswood"
    assert (pregnancy.edd, pregnancy.booking_date) == (date(2025, 3, 2), date(2024, 8, 20))
    assert pregnancy.status == "delivered"
    assert pregnancy.ended_on == date(2025, 2, 27)
    assert pregnancy.smoking_status_booking == "non_smoker"
    labour = LabourDelivery.objects.get()
    assert labour.msds_labour_id == "L1"
    assert labour.labour_onset_at == timezone.make_aware(datetime(2025, 2, 27, 6, 0))
    assert (labour.genital_tract_trauma, labour.blood_loss_ml) == ("6234006", 350)
    # Derived: one baby, born 27 Feb; nulliparous, cephalic, term, spontaneous = group 1
    assert (labour.births_count, labour.birth_date) == (1, date(2025, 2, 27))
    assert labour.robson_group == RobsonGroup.G1
    baby = Baby.objects.get()
    assert baby.birth_order == 1
    assert baby.born_at == timezone.make_aware(datetime(2025, 2, 27, 14, 30))
    assert (baby.gestation_days, baby.apgar_5, baby.birth_weight_g) == (278, 9, 3400)
    assert (baby.neonatal_admission, baby.feeding_at_6_8_weeks) == (False, "breast")


def test_empty_values_are_stored_as_not_recorded(tmp_path):
    maternity_provider()
    extract = row(
        EthnicCategoryMother="",
        Postcode="",
        PreviousLiveBirths="",
        ApgarScore="",
        BirthWeight="9999",
        NeonatalCriticalCareAdmission="",
        FeedingAt6To8Weeks="",
        LabourOnsetDate="",
        LabourOnsetMethod="",
    )
    import_file(write_extract(tmp_path / "extract.csv", [extract]))

    woman = Woman.objects.get()
    assert (woman.ethnic_category, woman.postcode, woman.imd_decile) == ("", "", None)
    assert Pregnancy.objects.get().previous_live_births is None
    baby = Baby.objects.get()
    assert (baby.apgar_5, baby.birth_weight_g, baby.neonatal_admission) == (None, None, None)
    assert baby.feeding_at_6_8_weeks == ""
    # Parity and onset not recorded: Robson cannot place the labour
    assert LabourDelivery.objects.get().robson_group == RobsonGroup.UNCLASSIFIABLE


def test_a_date_without_a_time_is_read_as_midnight_uk_time(tmp_path):
    maternity_provider()
    extract = row(
        LabourOnsetDate="",
        LabourOnsetMethod="2",
        CaesareanDate="2025-02-27",
        PersonBirthDateBaby="2025-02-27",
        DeliveryMethodCode="7",
    )
    import_file(write_extract(tmp_path / "extract.csv", [extract]))

    labour = LabourDelivery.objects.get()
    assert labour.caesarean_at == timezone.make_aware(datetime(2025, 2, 27, 0, 0))
    assert Baby.objects.get().born_at == timezone.make_aware(datetime(2025, 2, 27, 0, 0))
    # Nulliparous, term, cephalic, caesarean before labour = 2b
    assert labour.robson_group == RobsonGroup.G2B


def test_the_import_is_audited_as_the_system_with_the_file_and_its_counts(tmp_path):
    maternity_provider()
    path = write_extract(tmp_path / "extract.csv", [row()])
    out, _ = import_file(path)

    event = AuditEvent.objects.get(action=AuditAction.IMPORT)
    assert event.actor_username == SYSTEM_USERNAME
    assert event.object_type == "msds_import"
    assert event.detail["file"] == "extract.csv"
    assert event.detail["imported"] is True
    assert event.detail["pregnancies"] == {"created": 1, "updated": 0, "unchanged": 0}
    assert event.detail["sha256"] in out
    # Every record written names the import in its history
    reason = f"MSDS import {event.object_id}"
    assert event.detail["history_change_reason"] == reason
    for model in (Woman, Pregnancy, LabourDelivery, Baby):
        history = model.history.get()
        assert (history.history_type, history.history_change_reason) == ("+", reason)
        assert history.history_user.username == SYSTEM_USERNAME
