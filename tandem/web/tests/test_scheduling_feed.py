"""The private iCalendar feed: her visits, no patient identifiers, bad tokens 404, audited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tandem.core.models import AuditAction, AuditEvent
from tandem.scheduling.services.feed import feed_token, regenerate_feed
from tandem.scheduling.tests.factories import booked_visit


@pytest.fixture
def feed(personas):
    midwife = personas.midwife
    return regenerate_feed(by=midwife, practitioner=midwife.practitioner)


@pytest.fixture
def visit(personas):
    starts_at = timezone.now().replace(second=0, microsecond=0) + timedelta(days=7)
    return booked_visit(
        personas.pregnancy,
        by=personas.administrator,
        midwife=personas.midwife.practitioner,
        health_visitor=personas.health_visitor.practitioner,
        starts_at=starts_at,
    )


def _url(token: str) -> str:
    return reverse("web:calendar-feed", args=[token])


def test_feed_serves_her_visits_without_signing_in(client, personas, feed, visit):
    response = client.get(_url(feed_token(feed)))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Joint visit (Tandem)"
    assert str(event["LOCATION"]) == "Adswood"
    assert str(event["URL"]).endswith(reverse("web:visit", args=[visit.pk]))
    assert event.decoded("DTSTART") == visit.starts_at


def test_feed_has_no_nhs_number_name_or_postcode(client, personas, feed, visit):
    body = client.get(_url(feed_token(feed))).content.decode()
    woman = personas.woman
    for identifier in (
        woman.nhs_number,
        woman.nhs_number_display,
        woman.given_name,
        woman.family_name,
        woman.postcode,
        woman.postcode.replace(" ", ""),
    ):
        assert identifier not in body


def test_feed_access_is_audited_as_an_export_by_her(client, personas, feed, visit):
    client.get(_url(feed_token(feed)))
    event = AuditEvent.objects.get(object_type="calendar_feed", action=AuditAction.EXPORT)
    assert event.actor_id == personas.midwife.pk
    assert event.detail["visits"] == [visit.pk]


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: "999-" + t.split("-", 1)[1],
        lambda t: "nonsense",
        lambda t: t.split("-")[0] + "-",
    ],
)
def test_feed_with_a_bad_token_is_404(client, feed, mangle):
    assert client.get(_url(mangle(feed_token(feed)))).status_code == 404


def test_feed_old_token_stops_working_when_regenerated(client, personas, feed):
    old = feed_token(feed)
    new = regenerate_feed(by=personas.midwife, practitioner=personas.midwife.practitioner)
    assert client.get(_url(old)).status_code == 404
    assert client.get(_url(feed_token(new))).status_code == 200


def test_feed_of_a_deactivated_user_is_404(client, personas, feed):
    personas.midwife.is_active = False
    personas.midwife.save()
    assert client.get(_url(feed_token(feed))).status_code == 404


def test_feed_regenerate_from_her_calendar_page_shows_the_address(client, personas):
    client.force_login(personas.health_visitor)
    response = client.post(reverse("web:calendar-feed-regenerate"), follow=True)
    body = response.content.decode()
    assert "/calendar/feed/" in body and ".ics" in body
