"""The safeguarding review queue: her areas only, oldest first, working days against the
target, over-target flagged, in a fixed number of queries."""

from datetime import datetime, timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.pathway.services import record_screen
from tandem.pathway.tests.factories import ReferralFactory, answers
from tandem.records.tests.factories import PregnancyFactory, WomanFactory
from tandem.web.tests.conftest import page_text

# A Wednesday.
TODAY = datetime(2026, 11, 25, 10, 0)


def _referral(personas, *, referred_at, family_name="Queue", area=None):
    pregnancy = PregnancyFactory(
        woman=WomanFactory(family_name=family_name),
        provider=personas.provider,
        area=area or personas.adswood,
    )
    return ReferralFactory(
        pregnancy=pregnancy, referred_by=personas.midwife, referred_at=referred_at
    )


def _aware(value: datetime) -> datetime:
    return timezone.make_aware(value)


@time_machine.travel(_aware(TODAY), tick=False)
def test_queue_lists_her_areas_oldest_first_with_working_days(client, personas):
    _referral(personas, referred_at=_aware(TODAY - timedelta(days=2)), family_name="Newer")
    _referral(personas, referred_at=_aware(TODAY - timedelta(days=9)), family_name="Older")
    _referral(
        personas,
        referred_at=_aware(TODAY - timedelta(days=9)),
        family_name="Elsewhere",
        area=personas.brinnington,
    )
    client.force_login(personas.reviewer)

    page = page_text(client.get(reverse("web:pathway-queue")))

    assert page.index("Older") < page.index("Newer")
    assert "Elsewhere" not in page
    assert "2 working days" in page  # Monday to Wednesday
    assert "7 working days" in page  # Monday a week before: the weekend is not counted
    assert page.count("Over target") == 1


@time_machine.travel(_aware(TODAY), tick=False)
def test_queue_flags_over_target_only_past_the_edge(client, personas):
    # Wednesday a week before: 5 working days, at the default target of 5.
    _referral(personas, referred_at=_aware(TODAY - timedelta(days=7)), family_name="Edge")
    client.force_login(personas.reviewer)

    page = page_text(client.get(reverse("web:pathway-queue")))
    assert "5 working days" in page and "Over target" not in page

    _referral(personas, referred_at=_aware(TODAY - timedelta(days=8)), family_name="Past")
    page = page_text(client.get(reverse("web:pathway-queue")))
    assert "6 working days" in page and page.count("Over target") == 1


def test_queue_shows_the_criteria_met_and_gestation(client, personas):
    record_screen(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        answers=answers(domestic_abuse="x", limited_support_network="y"),
    )
    client.force_login(personas.reviewer)

    page = page_text(client.get(reverse("web:pathway-queue")))

    assert "Domestic abuse, Limited support network" in page
    gestation = personas.pregnancy.gestation_on(timezone.localdate())
    assert f"{gestation} weeks" in page
    viewed = AuditEvent.objects.get(object_type="review_queue")
    assert viewed.action == AuditAction.VIEW and viewed.actor_id == personas.reviewer.pk


def test_queue_queries_stay_constant_as_referrals_are_added(
    client, personas, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(personas.reviewer)
    for _ in range(2):
        pregnancy = PregnancyFactory(
            woman=WomanFactory(), provider=personas.provider, area=personas.adswood
        )
        record_screen(by=personas.midwife, pregnancy=pregnancy, answers=answers(domestic_abuse="x"))
    with CaptureQueriesContext(connection) as baseline:
        assert client.get(reverse("web:pathway-queue")).status_code == 200
    for _ in range(15):
        pregnancy = PregnancyFactory(
            woman=WomanFactory(), provider=personas.provider, area=personas.adswood
        )
        record_screen(by=personas.midwife, pregnancy=pregnancy, answers=answers(domestic_abuse="x"))

    with django_assert_max_num_queries(len(baseline)):
        client.get(reverse("web:pathway-queue"))


def test_queue_refused_to_midwife_and_analyst(client, personas):
    for user in (personas.midwife, personas.analyst):
        client.force_login(user)
        assert client.get(reverse("web:pathway-queue")).status_code == 403
