"""The busiest pages run a fixed number of queries, however many rows they show."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tandem.records.models import ContactOutcome, PregnancyStatus
from tandem.records.tests.factories import CareContactFactory, PregnancyFactory, WomanFactory


def _queries(client, url: str, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


def _add_caseload(personas, count: int) -> None:
    for _ in range(count):
        pregnancy = PregnancyFactory(
            woman=WomanFactory(family_name="Caseload"),
            provider=personas.provider,
            area=personas.adswood,
            team=personas.adswood_team,
            named_midwife=personas.midwife.practitioner,
        )
        CareContactFactory(
            pregnancy=pregnancy,
            starts_at=timezone.now() + timedelta(days=3),
            outcome=ContactOutcome.BOOKED,
        )


def test_caseload_page_queries_stay_constant_as_pregnancies_are_added(
    client, personas, django_assert_max_num_queries
):
    client.force_login(personas.midwife)
    _add_caseload(personas, 2)
    baseline = _queries(client, reverse("web:home"))
    _add_caseload(personas, 20)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("web:home"))


def test_team_leader_page_queries_stay_constant(client, personas, django_assert_max_num_queries):
    client.force_login(personas.team_leader)
    _add_caseload(personas, 2)
    baseline = _queries(client, reverse("web:home"))
    _add_caseload(personas, 20)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("web:home"))


def test_search_queries_stay_constant_as_results_grow(
    client, personas, django_assert_max_num_queries
):
    client.force_login(personas.midwife)
    _add_caseload(personas, 2)
    baseline = _queries(client, reverse("web:search"), {"q": "Caseload"})
    _add_caseload(personas, 20)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("web:search"), {"q": "Caseload"})


def _add_history(personas, count: int) -> None:
    """Earlier pregnancies of the personas' woman, each with contacts."""
    today = timezone.localdate()
    for n in range(count):
        edd = today - timedelta(days=400 * (n + 1))
        pregnancy = PregnancyFactory(
            woman=personas.woman,
            provider=personas.provider,
            area=personas.adswood,
            team=personas.adswood_team,
            named_midwife=personas.midwife.practitioner,
            status=PregnancyStatus.DELIVERED,
            edd=edd,
            ended_on=edd,
        )
        for days in (200, 100):
            contact = CareContactFactory(
                pregnancy=pregnancy, starts_at=timezone.now() - timedelta(days=400 * n + days)
            )
            contact.practitioners.set([personas.midwife.practitioner])


def test_record_page_queries_stay_constant_as_pregnancies_are_added(
    client, personas, django_assert_max_num_queries
):
    client.force_login(personas.midwife)
    url = reverse("web:woman", args=[personas.woman.pk])
    _add_history(personas, 1)
    baseline = _queries(client, url)
    _add_history(personas, 8)
    with django_assert_max_num_queries(baseline):
        client.get(url)


def test_history_page_queries_stay_constant(client, personas, django_assert_max_num_queries):
    client.force_login(personas.midwife)
    url = reverse("web:woman-history", args=[personas.woman.pk])
    _add_history(personas, 1)
    baseline = _queries(client, url)
    _add_history(personas, 8)
    with django_assert_max_num_queries(baseline):
        client.get(url)


def test_analyst_page_queries_stay_constant(client, personas, django_assert_max_num_queries):
    client.force_login(personas.analyst)
    _add_caseload(personas, 2)
    baseline = _queries(client, reverse("web:home"))
    _add_caseload(personas, 20)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("web:home"))
