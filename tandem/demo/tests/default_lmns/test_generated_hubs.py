"""The generated LMNS has a hubs directory for every area, referrals across their statuses
(some with no reply in time), and wellbeing checks on recent contacts with a few red flags,
most actioned with an urgent referral and one open on the demo midwife's list."""

import pytest
from django.db.models import F

from tandem.hubs.models import (
    RedFlagTask,
    ServiceCategory,
    ServiceReferral,
    ServiceReferralStatus,
    Urgency,
    WellbeingCheck,
)
from tandem.hubs.services import overdue
from tandem.records.models import Area

pytestmark = pytest.mark.django_db


def test_generated_hubs_referrals_and_wellbeing_are_plausible(demo_lmns):

    for area in Area.objects.all():
        categories = set(area.services.values_list("category", flat=True))
        assert {ServiceCategory.PERINATAL_MENTAL_HEALTH, ServiceCategory.STOP_SMOKING} <= (
            categories
        )
    referrals = ServiceReferral.objects.all()
    assert not referrals.exclude(service__areas=F("pregnancy__area")).exists()
    assert not referrals.exclude(contact__pregnancy=F("pregnancy")).exists()
    statuses = set(referrals.values_list("status", flat=True))
    assert {ServiceReferralStatus.SENT, ServiceReferralStatus.ACCEPTED} <= statuses
    assert overdue(referrals).exists()
    for referral in referrals.exclude(status=ServiceReferralStatus.SENT)[:50]:
        assert referral.events.last().status == referral.status
        assert referral.events.first().status == ServiceReferralStatus.SENT

    checks = WellbeingCheck.objects.all()
    assert checks.exists()
    assert not checks.exclude(contact__wellbeing_asked=True).exists()
    tasks = RedFlagTask.objects.all()
    assert tasks.filter(actioned_at__isnull=True).exists()
    for task in tasks.filter(actioned_at__isnull=False):
        assert task.wellbeing_check.has_red_flag
        assert task.referral.urgency == Urgency.URGENT
        assert task.referral.service.category == ServiceCategory.PERINATAL_MENTAL_HEALTH
