"""Finding a woman: by NHS number or name, only among the women she may see, audited."""

from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.web.tests.conftest import page_text


def _search(client, user, query, **headers):
    client.force_login(user)
    return client.get(reverse("web:search"), {"q": query}, headers=headers)


def test_search_by_nhs_number_finds_her_for_owner(client, personas):
    response = _search(client, personas.midwife, personas.woman.nhs_number_display)
    assert response.status_code == 200
    page = page_text(response)
    assert "1 woman found" in page
    assert reverse("web:woman", args=[personas.woman.pk]) in page


def test_search_by_name_finds_her_for_team_member(client, personas, colleague):
    page = page_text(_search(client, colleague, "amina testwoman"))
    assert "1 woman found" in page
    assert "Amina Testwoman" in page


def test_search_by_outsider_finds_no_one_outside_her_areas(client, personas):
    page = page_text(_search(client, personas.outsider, personas.woman.nhs_number))
    assert "No woman you may see matches" in page
    assert "Amina Testwoman" not in page


def test_search_writes_an_audit_event_with_terms_and_results(client, personas):
    _search(client, personas.midwife, "Amina")
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert event.actor_id == personas.midwife.pk
    assert event.detail == {"query": "Amina", "results": [personas.woman.pk]}
    assert event.path.startswith(reverse("web:search"))


def test_search_without_a_query_shows_the_form_and_audits_nothing(client, personas):
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:search")))
    assert "<h1>Find a woman</h1>" in page
    assert 'name="q"' in page
    assert not AuditEvent.objects.filter(action=AuditAction.SEARCH).exists()


def test_search_from_htmx_answers_with_the_results_alone(client, personas):
    response = _search(client, personas.midwife, "Amina", HX_Request="true")
    page = page_text(response)
    assert "Amina Testwoman" in page
    assert "<html" not in page
    assert "HX-Request" in response["Vary"]


def test_search_page_works_without_javascript(client, personas):
    page = page_text(_search(client, personas.midwife, "Amina"))
    assert '<form method="get" action="/search/"' in page
    assert 'id="search-results"' in page
    assert "Amina Testwoman" in page
