"""Worklists on each role's home page (cards with counts) and on their own pages (tables
linking to the family's record), within what she may see, in a fixed number of queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.pathway.models import ReviewOutcome
from tandem.programme.tests.factories import ReferralFactory, adswood_family, decided
from tandem.records.tests.factories import PregnancyFactory
from tandem.web.tests.conftest import page_text

OVERDUE = reverse("web:worklist-overdue-reviews")
NOT_BOOKED = reverse("web:worklist-joint-visit-not-booked")


def _overdue_referral(pregnancy):
    return ReferralFactory(pregnancy=pregnancy, referred_at=timezone.now() - timedelta(days=15))


def test_worklists_home_shows_a_card_per_alert_with_its_count(client, personas):
    decided(adswood_family(personas, weeks=21), ReviewOutcome.JOINT_VISIT)
    _overdue_referral(adswood_family(personas))
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:home")))
    assert "Needs attention" in page
    assert "Joint visits not booked: 1" in page
    assert "Reviews past their target: 1" in page
    assert "Visits not recorded: 0" in page
    assert NOT_BOOKED in page


def test_worklists_home_of_administrator_shows_booking_alerts_only(client, personas):
    client.force_login(personas.administrator)
    page = page_text(client.get(reverse("web:home")))
    assert "Joint visits not booked: 0" in page
    assert "28-week contacts to book: 0" in page
    assert "Reviews past their target" not in page


def test_worklists_page_links_each_family_to_her_record(client, personas):
    pregnancy = adswood_family(personas, weeks=20)
    decided(pregnancy, ReviewOutcome.JOINT_VISIT)
    client.force_login(personas.health_visitor)
    page = page_text(client.get(NOT_BOOKED))
    assert "Joint visits not booked (1)" in page
    assert reverse("web:woman", args=[pregnancy.woman.pk]) in page
    assert pregnancy.woman.nhs_number_display in page
    assert "20+0 weeks" in page


def test_worklists_page_audits_the_women_it_shows(client, personas):
    pregnancy = adswood_family(personas, weeks=20)
    decided(pregnancy, ReviewOutcome.JOINT_VISIT)
    client.force_login(personas.team_leader)
    client.get(NOT_BOOKED)
    event = AuditEvent.objects.get(object_type="worklist")
    assert event.actor_username == "team_leader"
    assert event.object_id == "joint-visit-not-booked"
    assert event.detail == {"women": [pregnancy.woman.pk]}


def test_worklists_page_shows_nothing_from_another_area(client, personas):
    elsewhere = PregnancyFactory(provider=personas.provider, area=personas.brinnington)
    _overdue_referral(elsewhere)
    client.force_login(personas.reviewer)
    page = page_text(client.get(OVERDUE))
    assert "Reviews past their target (0)" in page
    assert str(elsewhere.woman) not in page


def test_worklists_page_refuses_a_role_that_does_not_look_after_it(client, personas):
    client.force_login(personas.administrator)
    assert client.get(OVERDUE).status_code == 403
    client.force_login(personas.analyst)
    assert client.get(NOT_BOOKED).status_code == 403


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _add_overdue(personas, count):
    for _ in range(count):
        pregnancy = adswood_family(personas, weeks=21)
        decided(pregnancy, ReviewOutcome.JOINT_VISIT)
        _overdue_referral(pregnancy)


def test_worklists_query_counts_stay_constant_as_alerts_grow(
    client, personas, django_assert_max_num_queries
):
    client.force_login(personas.team_leader)
    _add_overdue(personas, 2)
    baselines = {url: _queries(client, url) for url in (reverse("web:home"), OVERDUE, NOT_BOOKED)}
    _add_overdue(personas, 30)  # more than a page
    for url, baseline in baselines.items():
        with django_assert_max_num_queries(baseline):
            client.get(url)
    assert "Reviews past their target (32)" in page_text(client.get(OVERDUE))
