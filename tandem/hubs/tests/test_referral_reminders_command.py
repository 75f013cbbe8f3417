"""`manage.py referral_reminders` reports, for a nightly job, what is overdue, naming the
practitioners and services but never a woman."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from tandem.hubs.models import ServiceReferralStatus
from tandem.hubs.tests.factories import (
    RedFlagTaskFactory,
    ServiceFactory,
    ServiceReferralFactory,
)


def _run() -> str:
    out = StringIO()
    call_command("referral_reminders", stdout=out)
    return out.getvalue()


def test_command_reports_overdue_referrals_by_practitioner_and_service(personas):
    service = ServiceFactory(
        name="Smokefree Pregnancy Stockport", hub__name="Adswood Family Hub", response_days=10
    )
    for days_ago in (12, 15):
        ServiceReferralFactory(
            pregnancy=personas.pregnancy,
            referred_by=personas.midwife.practitioner,
            sent_at=timezone.now() - timedelta(days=days_ago),
            service=service,
        )
    ServiceReferralFactory(  # replied to: not reported
        pregnancy=personas.pregnancy,
        sent_at=timezone.now() - timedelta(days=40),
        status=ServiceReferralStatus.ACCEPTED,
    )
    ServiceReferralFactory(pregnancy=personas.pregnancy)  # not yet due
    RedFlagTaskFactory()

    output = _run()

    assert "Referrals with no reply in time: 2" in output
    assert (
        "- Midwife Persona (Adswood midwives): 2 to Smokefree Pregnancy Stockport "
        "(Adswood Family Hub), up to 5 days overdue"
    ) in output
    assert "Red flags waiting for an urgent referral: 1" in output
    assert personas.woman.family_name not in output
    assert personas.woman.nhs_number not in output


def test_command_with_nothing_overdue_says_so(db):
    output = _run()
    assert "Referrals with no reply in time: 0" in output
    assert "Red flags waiting for an urgent referral: 0" in output
