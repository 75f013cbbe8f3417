"""Every URL, every persona: who may open it, and how everyone else is turned away.

The expected tables are written out in full, one module per group of pages in
`access_rows/`. A URL added to tandem.urls without a row fails `test_every_url_has_a_row`,
so no page escapes the matrix. Object pages are opened with
the personas' own woman, pregnancy and contact:

- 200 or 302: allowed;
- 403: her role lacks the permission (the same answer whatever the id);
- 404: the record is outside her caseload, teams and areas (its existence is not disclosed);
- SIGN_IN: signed out, sent to the sign-in page.
"""

from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tandem.web.tests.access_rows import EXPECTED, OBJECTS, PERSONAS, SIGN_IN


def _url_names(patterns, namespace: str = "") -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                names.add("admin:index")
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL pattern {pattern.pattern} has no name"
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_has_a_row():
    assert _url_names(get_resolver("tandem.urls").url_patterns) == set(EXPECTED)


def _answer(response) -> int | str:
    if response.status_code == 302 and response.url.startswith(reverse("web:sign-in")):
        return SIGN_IN
    return response.status_code


@pytest.mark.parametrize("url_name", sorted(EXPECTED))
def test_url_answers_each_persona_as_expected(client, personas, contact, referral, url_name):
    kind, method, expected = EXPECTED[url_name]
    context = SimpleNamespace(personas=personas, contact=contact, referral=referral)
    url = reverse(url_name, args=[OBJECTS[kind](context).pk] if kind else [])
    users = {"anonymous": None, **personas.everyone}
    answers = {}
    for persona in PERSONAS:
        client.logout()
        if users[persona] is not None:
            client.force_login(users[persona])
        answers[persona] = _answer(getattr(client, method)(url))
    assert answers == dict(zip(PERSONAS, expected, strict=True))


def test_admin_pages_answer_like_the_admin_index(client, personas):
    url = reverse("admin:records_organisation_changelist")
    client.force_login(personas.midwife)
    assert client.get(url).status_code == 403
    client.force_login(personas.system_admin)
    assert client.get(url).status_code == 200
