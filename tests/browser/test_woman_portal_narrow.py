"""On a phone 320 CSS pixels wide (WCAG 1.4.10 reflow), every page of the woman's portal
fits the window in Arabic (right to left) with her words and her plan, and stays
accessible."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tandem.careplans.models import PlanSection
from tandem.careplans.services import plan_for, record_section
from tandem.portal.services import open_account
from tandem.records.models import ContactOutcome
from tandem.records.tests.factories import TEST_PASSWORD, CareContactFactory
from tests.browser.conftest import assert_fits_width
from tests.browser.steps import check_page, sign_in, visit

pytestmark = pytest.mark.django_db(transaction=True)


def test_her_portal_fits_a_phone_right_to_left(narrow_page, personas):
    page = narrow_page
    account = open_account(
        personas.woman, username="amina", password=TEST_PASSWORD, by=personas.midwife
    )
    account.language = "ar"
    account.save()
    pregnancy = personas.pregnancy
    CareContactFactory(
        pregnancy=pregnancy,
        starts_at=timezone.now() + timedelta(days=2),
        outcome=ContactOutcome.BOOKED,
    ).practitioners.set([personas.midwife.practitioner])
    plan = plan_for(pregnancy, by=personas.midwife)
    record_section(
        plan,
        PlanSection.WHAT_MATTERS,
        {"text": "أريد أن يكون زوجي معي طوال الوقت. " * 8},
        by=account.user,
        based_on=None,
    )

    sign_in(page, "amina")
    expect(page.get_by_role("heading", level=1)).to_have_text("رعاية الأمومة الخاصة بكِ")
    for path in (
        "/portal/",
        "/portal/appointments/",
        "/portal/language/",
        f"/portal/pregnancies/{pregnancy.pk}/plan/",
        f"/portal/pregnancies/{pregnancy.pk}/plan/write/?section=what_matters",
    ):
        visit(page, path)
        assert page.evaluate("() => document.documentElement.dir") == "rtl"
        assert_fits_width(page)
        check_page(page)
