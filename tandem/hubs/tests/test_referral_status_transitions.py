"""A referral's status moves only along the allowed transitions, each one kept with who
recorded it, when, and the date it happened."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.hubs.models import ServiceReferralStatus
from tandem.hubs.tests.factories import ServiceReferralFactory
from tandem.web.tests.conftest import assert_field_error, date_fields, page_text

SENT, ACCEPTED, DECLINED, FIRST, CLOSED = (
    ServiceReferralStatus.SENT,
    ServiceReferralStatus.ACCEPTED,
    ServiceReferralStatus.DECLINED,
    ServiceReferralStatus.FIRST_APPOINTMENT,
    ServiceReferralStatus.CLOSED,
)


@pytest.fixture
def referral(personas):
    return ServiceReferralFactory(
        pregnancy=personas.pregnancy,
        referred_by=personas.midwife.practitioner,
        recorded_by=personas.midwife,
    )


def _record(client, referral, status, *, on=None, note="", version=None):
    on = on or timezone.localdate()
    return client.post(
        reverse("web:service-referral", args=[referral.pk]),
        {
            "status": status,
            **date_fields("happened_on", on),
            "note": note,
            "version": str(version or referral.version),
        },
    )


def test_referral_goes_from_sent_to_closed_with_full_history(client, personas, referral):
    client.force_login(personas.midwife)
    yesterday = timezone.localdate() - timedelta(days=1)
    assert _record(client, referral, ACCEPTED, on=yesterday).status_code == 302
    referral.refresh_from_db()
    client.force_login(personas.team_leader)
    assert _record(client, referral, FIRST).status_code == 302
    referral.refresh_from_db()
    assert _record(client, referral, CLOSED, note="Stopped smoking").status_code == 302

    referral.refresh_from_db()
    assert referral.status == CLOSED
    history = list(referral.events.values_list("status", "happened_on", "recorded_by__username"))
    assert history == [
        (SENT, timezone.localdate(referral.sent_at), "midwife"),
        (ACCEPTED, yesterday, "midwife"),
        (FIRST, timezone.localdate(), "team_leader"),
        (CLOSED, timezone.localdate(), "team_leader"),
    ]
    page = page_text(client.get(reverse("web:service-referral", args=[referral.pk])))
    assert "Stopped smoking" in page
    assert "Record what has happened" not in page  # closed: nothing more to record


@pytest.mark.parametrize(
    ("start", "status", "message"),
    [
        (SENT, FIRST, "A referral that is sent can only become: accepted, closed, declined"),
        (DECLINED, ACCEPTED, "A referral that is declined by the service cannot change any more"),
        (CLOSED, ACCEPTED, "A referral that is closed cannot change any more"),
        (ACCEPTED, DECLINED, "A referral that is accepted can only become: closed, first"),
    ],
)
def test_invalid_transition_is_refused_naming_the_status(
    client, personas, referral, start, status, message
):
    referral.status = start
    referral.save()
    client.force_login(personas.midwife)
    response = _record(client, referral, status, note="Because")
    assert response.status_code == 200
    assert message in page_text(response)
    referral.refresh_from_db()
    assert referral.status == start
    assert referral.events.count() == 1


def test_declining_needs_the_reason(client, personas, referral):
    client.force_login(personas.midwife)
    response = _record(client, referral, DECLINED)
    assert_field_error(response, "note", "Enter the reason the service gave for declining")
    referral.refresh_from_db()
    assert referral.status == SENT


def test_date_in_the_future_is_refused(client, personas, referral):
    client.force_login(personas.midwife)
    response = _record(client, referral, ACCEPTED, on=timezone.localdate() + timedelta(days=1))
    assert_field_error(response, "happened_on_day", "must be today or in the past")


def test_stale_version_is_refused_and_loses_nothing(client, personas, referral):
    client.force_login(personas.midwife)
    opened_at = referral.version
    assert _record(client, referral, ACCEPTED, version=opened_at).status_code == 302
    response = _record(client, referral, CLOSED, version=opened_at)
    assert response.status_code == 409
    referral.refresh_from_db()
    assert referral.status == ACCEPTED


def test_reviewer_may_read_but_not_record_a_reply(client, personas, referral):
    from tandem.pathway.models import Referral

    Referral.objects.create(
        pregnancy=personas.pregnancy,
        referred_by=personas.midwife,
        referred_at=timezone.now(),
        reason="Synthetic",
    )
    client.force_login(personas.reviewer)
    page = page_text(client.get(reverse("web:service-referral", args=[referral.pk])))
    assert "Record what has happened" not in page
    assert _record(client, referral, ACCEPTED).status_code == 403
    referral.refresh_from_db()
    assert referral.status == SENT
