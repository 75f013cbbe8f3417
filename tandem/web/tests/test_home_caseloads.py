"""Each practitioner's home page lists the families she cares for, and nobody else's."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.pathway.models import Referral
from tandem.pathway.rules import working_days_between
from tandem.records.models import ContactOutcome, PregnancyStatus
from tandem.records.tests.factories import CareContactFactory, PregnancyFactory, WomanFactory
from tandem.web.tests.conftest import page_text


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    return page_text(response)


def test_home_midwife_lists_her_caseload_with_gestation_and_next_contact(client, personas):
    CareContactFactory(
        pregnancy=personas.pregnancy,
        starts_at=timezone.now() + timedelta(days=2),
        outcome=ContactOutcome.BOOKED,
    )
    page = _home(client, personas.midwife)
    assert "<h1>Your caseload</h1>" in page
    assert "Women you are named midwife for (1)" in page
    assert "Amina Testwoman" in page
    assert personas.woman.nhs_number_display in page
    assert "20+0 weeks" in page  # the factory's EDD is 140 days away
    assert "Adswood" in page
    assert "None booked" not in page


def test_home_team_member_sees_team_women_under_team_heading(client, personas, colleague):
    page = _home(client, colleague)
    assert "Women you are named midwife for (0)" in page
    assert "Your team's other women (1)" in page
    assert "Amina Testwoman" in page
    assert "Midwife Persona" in page  # her named midwife


def test_home_outsider_midwife_does_not_see_other_areas(client, personas):
    page = _home(client, personas.outsider)
    assert "Amina Testwoman" not in page
    assert personas.woman.nhs_number_display not in page


def test_home_health_visitor_lists_families_approaching_28_weeks(client, personas):
    today = timezone.localdate()
    at_26_weeks = PregnancyFactory(
        woman=WomanFactory(given_name="Chidi", family_name="Approaching"),
        provider=personas.provider,
        area=personas.adswood,
        edd=today + timedelta(days=280 - 26 * 7),
    )
    PregnancyFactory(
        woman=WomanFactory(given_name="Dana", family_name="Delivered"),
        provider=personas.provider,
        area=personas.adswood,
        status=PregnancyStatus.DELIVERED,
        edd=today - timedelta(days=5),
        ended_on=today - timedelta(days=7),
    )
    page = _home(client, personas.health_visitor)
    assert "Approaching 28 weeks (1)" in page
    assert str(at_26_weeks.woman) in page
    assert "Recently delivered (1)" in page
    assert "Dana Delivered" in page
    assert "Amina Testwoman" not in page  # 20 weeks: not yet approaching 28


def test_home_reviewer_lists_referrals_awaiting_review_oldest_first(client, personas):
    newer = PregnancyFactory(
        woman=WomanFactory(given_name="Newer", family_name="Referral"),
        provider=personas.provider,
        area=personas.adswood,
    )
    for pregnancy, days_ago in ((newer, 1), (personas.pregnancy, 10)):
        Referral.objects.create(
            pregnancy=pregnancy,
            referred_by=personas.midwife,
            referred_at=timezone.now() - timedelta(days=days_ago),
            reason="Synthetic",
        )
    page = _home(client, personas.reviewer)
    assert "Referrals awaiting review (2)" in page
    assert page.index("Amina Testwoman") < page.index("Newer Referral")
    referred_on = timezone.localdate(timezone.now() - timedelta(days=10))
    waited = working_days_between(referred_on, timezone.localdate())
    assert f"{waited} working days" in page
    assert reverse("web:pathway-referral", args=[personas.pregnancy.referrals.get().pk]) in page


def test_home_reviewer_sees_no_referral_from_other_areas(client, personas):
    elsewhere = PregnancyFactory(provider=personas.provider, area=personas.brinnington)
    Referral.objects.create(
        pregnancy=elsewhere,
        referred_by=personas.outsider,
        referred_at=timezone.now(),
        reason="Synthetic",
    )
    page = _home(client, personas.reviewer)
    assert "Referrals awaiting review (0)" in page
    assert str(elsewhere.woman) not in page


def test_home_administrator_has_search_and_recent_bookings(client, personas):
    page = _home(client, personas.administrator)
    assert 'action="/search/"' in page
    assert "Recent bookings in your areas (1)" in page
    assert "Amina Testwoman" in page


def test_home_caseload_paginates_long_lists(client, personas):
    for _ in range(30):
        PregnancyFactory(
            provider=personas.provider,
            area=personas.adswood,
            team=personas.adswood_team,
            named_midwife=personas.midwife.practitioner,
        )
    client.force_login(personas.midwife)
    first = page_text(client.get(reverse("web:home")))
    assert "Women you are named midwife for (31)" in first
    assert 'class="nhsuk-pagination' in first
    assert "?mine=2" in first
    second = page_text(client.get(reverse("web:home") + "?mine=2"))
    assert second.count('role="row"') == 1 + 6  # the head and the 6 women on page 2


def test_home_without_practitioner_explains_account_is_not_set_up(client, personas):
    personas.midwife.practitioner.delete()
    personas.midwife.refresh_from_db()
    page = _home(client, personas.midwife)
    assert "Your account is not set up yet" in page


def test_home_lists_are_audited_as_reads_of_the_women_shown(client, personas):
    """The caseload names women, so showing it is a read of their records."""
    client.force_login(personas.midwife)
    client.get(reverse("web:home"))
    event = AuditEvent.objects.filter(object_type="home_lists").latest("pk")
    assert event.actor_id == personas.midwife.pk
    assert event.detail["women"] == [personas.woman.pk]
