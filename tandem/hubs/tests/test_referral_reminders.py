"""A referral the service has not replied to within its expected response time is on the
lists of the practitioner who made it and of her team leader, until a reply is recorded."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tandem.hubs.models import ServiceReferralStatus
from tandem.hubs.tests.factories import ServiceReferralFactory
from tandem.records.tests.factories import PractitionerFactory
from tandem.web.tests.conftest import page_text


def _sent(personas, *, days_ago: int, by=None, **kwargs):
    by = by or personas.midwife
    return ServiceReferralFactory(
        pregnancy=personas.pregnancy,
        referred_by=by.practitioner,
        recorded_by=by,
        sent_at=timezone.now() - timedelta(days=days_ago),
        service__name=f"Service sent {days_ago} days ago",
        service__response_days=10,
        **kwargs,
    )


def _list(client, user) -> str:
    client.force_login(user)
    return page_text(client.get(reverse("web:service-referrals-overdue")))


def test_referral_past_its_response_time_is_on_her_list_and_her_team_leaders(client, personas):
    _sent(personas, days_ago=12)
    for user in (personas.midwife, personas.team_leader):
        page = _list(client, user)
        assert "Referrals with no reply (1)" in page
        assert "Service sent 12 days ago" in page
        assert str(personas.woman) in page


def test_referral_within_its_response_time_is_not_listed(client, personas):
    _sent(personas, days_ago=9)
    assert "Referrals with no reply (0)" in _list(client, personas.midwife)


def test_referral_the_service_replied_to_is_not_listed(client, personas):
    for status in (ServiceReferralStatus.ACCEPTED, ServiceReferralStatus.DECLINED):
        _sent(personas, days_ago=20, status=status)
    assert "Referrals with no reply (0)" in _list(client, personas.team_leader)


def test_recording_the_reply_takes_it_off_the_list(client, personas):
    referral = _sent(personas, days_ago=12)
    client.force_login(personas.midwife)
    today = timezone.localdate()
    client.post(
        reverse("web:service-referral", args=[referral.pk]),
        {
            "status": ServiceReferralStatus.ACCEPTED,
            "happened_on_day": today.day,
            "happened_on_month": today.month,
            "happened_on_year": today.year,
            "note": "",
            "version": referral.version,
        },
    )
    assert "Referrals with no reply (0)" in _list(client, personas.midwife)


def test_another_practitioners_referral_is_not_on_her_list(client, personas):
    colleague = PractitionerFactory(organisation=personas.provider)
    colleague.teams.set([personas.adswood_team])
    ServiceReferralFactory(
        pregnancy=personas.pregnancy,
        referred_by=colleague,
        sent_at=timezone.now() - timedelta(days=12),
    )
    assert "Referrals with no reply (0)" in _list(client, personas.midwife)
    assert "Referrals with no reply (1)" in _list(client, personas.team_leader)


def test_home_page_card_counts_her_overdue_referrals(client, personas):
    _sent(personas, days_ago=12)
    _sent(personas, days_ago=30)
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:home")))
    assert "Referrals with no reply: 2" in page


def test_outsider_never_sees_the_family_on_her_list(client, personas):
    _sent(personas, days_ago=12, by=personas.outsider)
    assert "Referrals with no reply (0)" in _list(client, personas.outsider)
