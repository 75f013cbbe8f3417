"""Practitioners browse the directory by area and type of service."""

from django.urls import reverse

from tandem.hubs.models import ServiceCategory
from tandem.hubs.tests.factories import ServiceFactory
from tandem.hubs.tests.helpers import adswood_services
from tandem.web.tests.conftest import page_text


def test_directory_lists_every_active_service_with_how_to_refer(client, personas):
    services = adswood_services(personas)
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:hubs-directory")))
    for service in services.values():
        assert service.name in page
    assert "0161 000 0000" in page
    assert "14 days (1 day if urgent)" in page


def test_directory_filtered_by_area_shows_only_services_taking_its_women(client, personas):
    adswood_services(personas)
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:hubs-directory"), {"area": personas.adswood.pk}))
    assert "Smokefree Pregnancy Stockport" in page
    assert "Perinatal Mental Health Team" in page
    assert "Brinnington Housing Advice" not in page
    assert "Services (2)" in page


def test_directory_filtered_by_area_and_category(client, personas):
    adswood_services(personas)
    client.force_login(personas.health_visitor)
    page = page_text(
        client.get(
            reverse("web:hubs-directory"),
            {"area": personas.brinnington.pk, "category": ServiceCategory.HOUSING},
        )
    )
    assert "Brinnington Housing Advice" in page
    assert "Smokefree Pregnancy Stockport" not in page
    assert "Services (1)" in page


def test_directory_hides_retired_services_and_hubs(client, personas):
    services = adswood_services(personas)
    ServiceFactory(name="Retired service", is_active=False, areas=[personas.adswood])
    services["housing"].hub.is_active = False
    services["housing"].hub.save()
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:hubs-directory")))
    assert "Retired service" not in page
    assert "Brinnington Housing Advice" not in page
    assert "Smokefree Pregnancy Stockport" in page


def test_directory_with_unknown_filter_shows_everything(client, personas):
    adswood_services(personas)
    client.force_login(personas.midwife)
    response = client.get(reverse("web:hubs-directory"), {"area": "999999"})
    assert response.status_code == 200
    assert "Services (3)" in page_text(response)
