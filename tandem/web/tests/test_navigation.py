"""The header names the service and the signed-in person, and offers what her role allows."""

import pytest
from django.urls import reverse

from tandem.web.tests.conftest import page_text

NAV = {
    "midwife": ["Home", "Find a woman", "New booking"],
    "health_visitor": ["Home", "Find a woman"],
    "reviewer": ["Home", "Find a woman"],
    "analyst": ["Home"],
    "system_admin": ["Home", "Administration"],
}


@pytest.mark.parametrize("persona", sorted(NAV))
def test_navigation_offers_what_the_role_allows(client, personas, persona):
    client.force_login(personas.everyone[persona])
    page = page_text(client.get(reverse("web:home")))
    shown = [
        text
        for text in ("Home", "Find a woman", "New booking", "Administration")
        if f">{text}<" in page.replace("\n", "").replace("  ", "")
    ]
    assert shown == NAV[persona]


def test_header_has_service_name_skip_link_and_footer(client, personas):
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:home")))
    assert 'lang="en-GB"' in page
    assert "Skip to main content" in page
    assert 'class="nhsuk-header__service-name">Tandem' in page.replace("\n", "")
    assert "synthetic" in page
    assert '"historyCacheSize": 0' in page
