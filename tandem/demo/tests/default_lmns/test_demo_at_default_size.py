"""The demo LMNS as `make run` loads it (3,000 pregnancies, seed 2026): women placed by the
real postcode lookup, the demo midwife's caseload, and referrals only where the pathway is
live. Generated once for the module (see conftest.py)."""

import pytest
from django.utils import timezone

from tandem.access import visible_pregnancies
from tandem.core.models import User
from tandem.demo.tests.support import DEMO_PREGNANCIES
from tandem.pathway.models import Referral
from tandem.records.models import AreaLsoa, CareContact, Lsoa, Postcode, Pregnancy

pytestmark = pytest.mark.django_db


def test_women_lsoa_imd_and_area_match_the_lookup(demo_lmns):
    lookup = dict(Postcode.objects.values_list("postcode", "lsoa11_code"))
    deciles = dict(Lsoa.objects.values_list("code", "imd_decile"))
    area_of_lsoa = dict(AreaLsoa.objects.values_list("lsoa_code", "area_id"))
    outside = 0
    for pregnancy in Pregnancy.objects.select_related("woman", "provider"):
        woman = pregnancy.woman
        if woman.postcode in lookup:
            assert woman.lsoa_code == lookup[woman.postcode]
            assert woman.imd_decile == deciles[woman.lsoa_code]
            assert Lsoa.objects.get(code=woman.lsoa_code).lad_code == pregnancy.provider.lad_code
            assert pregnancy.area_id == area_of_lsoa[woman.lsoa_code]
        else:
            outside += 1
            assert woman.lsoa_code == "" and woman.imd_decile is None
            assert pregnancy.area_id is None
    assert 1 <= outside <= 0.03 * DEMO_PREGNANCIES


def test_demo_midwife_has_a_real_caseload_at_the_default_size(demo_lmns):
    midwife = User.objects.get(username="midwife")
    caseload = Pregnancy.objects.filter(named_midwife=midwife.practitioner, status="active")
    assert 40 <= caseload.count() <= 60
    assert set(caseload.values_list("area__name", flat=True)) == {"Adswood"}
    assert caseload.filter(booking_date__isnull=False).count() >= 30
    visitor = User.objects.get(username="health.visitor").practitioner
    assert CareContact.objects.filter(practitioners=visitor).exists()


def test_referrals_only_in_live_areas_and_visible_to_the_reviewer(demo_lmns):
    referrals = Referral.objects.select_related("pregnancy__area", "referred_by")
    assert referrals.exists()
    for referral in referrals:
        pregnancy = referral.pregnancy
        assert pregnancy.area.pathway_live_from <= pregnancy.booking_date
        assert referral.referred_by.practitioner == pregnancy.named_midwife
        assert timezone.localtime(referral.referred_at).date() == pregnancy.booking_date
    statuses = set(referrals.values_list("status", flat=True))
    assert {"awaiting_review", "more_information", "decided"} <= statuses
    reviewer = User.objects.get(username="safeguarding.reviewer")
    stockport_referrals = referrals.filter(pregnancy__provider__ods_code="RWJ").exclude(
        status="withdrawn"
    )
    assert set(visible_pregnancies(reviewer)) == {r.pregnancy for r in stockport_referrals}
