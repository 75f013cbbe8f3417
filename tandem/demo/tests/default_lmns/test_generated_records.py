"""What the generator writes: valid identifiers, real geography, users, caseloads."""

from datetime import date

import pytest
from django.utils import timezone

from tandem.core.models import User
from tandem.core.nhs_number import is_valid
from tandem.core.roles import Role
from tandem.demo.accounts import DEMO_PASSWORD, DEMO_USERNAMES
from tandem.demo.tests.support import DEMO_PREGNANCIES, PATHWAY_MODELS
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.pathway.models import Referral
from tandem.records import validation
from tandem.records.models import (
    Area,
    AreaLsoa,
    CareContact,
    Lsoa,
    Organisation,
    OrganisationKind,
    Practitioner,
    Pregnancy,
    Team,
    Woman,
)

pytestmark = pytest.mark.django_db

STOCKPORT_AREAS = {
    "Adswood",
    "Brinnington",
    "Offerton",
    "Edgeley",
    "Reddish",
    "Heaton Norris",
    "Hazel Grove",
    "Marple",
    "Cheadle",
    "Bramhall",
}


def test_generated_nhs_numbers_are_valid_and_in_the_test_range(demo_lmns):
    numbers = list(Woman.objects.values_list("nhs_number", flat=True))
    assert len(numbers) == len(set(numbers)) == DEMO_PREGNANCIES
    for number in numbers:
        assert len(number) == 10 and number.startswith("999")
        assert is_valid(number), number


def test_generated_organisations_use_real_provider_codes(demo_lmns):
    providers = dict(
        Organisation.objects.filter(kind=OrganisationKind.MATERNITY_PROVIDER).values_list(
            "ods_code", "lad_code"
        )
    )
    assert providers == {"RWJ": "E08000007", "RMP": "E08000008", "R0A": "E08000003"}
    councils = set(
        Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY).values_list(
            "name", flat=True
        )
    )
    assert councils == {
        "Stockport Metropolitan Borough Council",
        "Tameside Metropolitan Borough Council",
        "Manchester City Council",
    }


def test_stockport_has_ten_areas_with_the_pilot_areas_live(demo_lmns):
    stockport = Area.objects.filter(organisation__ods_code="RWJ")
    assert set(stockport.values_list("name", flat=True)) == STOCKPORT_AREAS
    pilots = stockport.filter(name__in=["Adswood", "Brinnington", "Offerton"])
    assert set(pilots.values_list("pathway_live_from", flat=True)) == {date(2023, 10, 1)}
    later = stockport.exclude(name__in=["Adswood", "Brinnington", "Offerton"])
    assert all(
        live is None or live > date(2023, 10, 1)
        for live in later.values_list("pathway_live_from", flat=True)
    )
    for ods_code in ("RMP", "R0A"):
        assert 4 <= Area.objects.filter(organisation__ods_code=ods_code).count() <= 6


def test_every_lsoa_of_each_authority_is_in_exactly_one_area(demo_lmns):
    for provider in Organisation.objects.filter(kind=OrganisationKind.MATERNITY_PROVIDER):
        lsoas = set(Lsoa.objects.filter(lad_code=provider.lad_code).values_list("code", flat=True))
        mapped = list(
            AreaLsoa.objects.filter(area__organisation=provider).values_list("lsoa_code", flat=True)
        )
        assert sorted(mapped) == sorted(lsoas)
        assert all(area.lsoas.exists() for area in provider.areas.all())


def test_generated_records_pass_model_and_service_validation(demo_lmns):
    today = timezone.localdate()
    for woman in Woman.objects.all()[:200]:
        woman.full_clean()
        errors = validation.Errors()
        validation.check_woman(
            errors,
            nhs_number_value=woman.nhs_number,
            given_name=woman.given_name,
            family_name=woman.family_name,
            date_of_birth=woman.date_of_birth,
            postcode=woman.postcode,
            ethnic_category=woman.ethnic_category,
            main_language=woman.main_language,
            today=today,
        )
        errors.raise_if_any()
    for pregnancy in Pregnancy.objects.all()[:200]:
        pregnancy.full_clean()
        errors = validation.Errors()
        edd = validation.check_pregnancy_dates(
            errors,
            lmp=pregnancy.lmp,
            edd_scan=pregnancy.edd_scan,
            booking_date=pregnancy.booking_date,
            status=pregnancy.status,
            ended_on=pregnancy.ended_on,
            today=today,
        )
        validation.check_previous_births(
            errors,
            live=pregnancy.previous_live_births,
            still=pregnancy.previous_stillbirths,
            caesareans=pregnancy.previous_caesareans,
        )
        validation.check_named_midwife(errors, pregnancy.named_midwife)
        errors.raise_if_any()
        assert edd == pregnancy.edd
    for model in (CareContact, LabourDelivery, Baby, Referral, *PATHWAY_MODELS):
        for row in model.objects.all()[:100]:
            row.full_clean()
    for model in (Organisation, Area, Team, Practitioner, User):
        for row in model.objects.all():
            row.full_clean()


def test_demo_sign_ins_one_per_role_in_stockport(demo_lmns):
    users = {user.role: user for user in User.objects.filter(username__in=DEMO_USERNAMES.values())}
    assert set(users) == set(Role.values)
    for role, user in users.items():
        assert user.check_password(DEMO_PASSWORD)
        practitioner = getattr(user, "practitioner", None)
        if role in (Role.ANALYST, Role.SYSTEM_ADMIN, Role.WOMAN):
            assert practitioner is None
        else:
            assert practitioner.organisation.lad_code == "E08000007"
    assert users[Role.SYSTEM_ADMIN].is_staff
    assert not any(user.is_staff for role, user in users.items() if role != Role.SYSTEM_ADMIN)
    midwife, visitor = users[Role.MIDWIFE].practitioner, users[Role.HEALTH_VISITOR].practitioner
    assert list(midwife.areas.values_list("name", flat=True)) == ["Adswood"]
    assert list(visitor.areas.values_list("name", flat=True)) == ["Adswood"]
