"""Django's admin holds reference data and users only, for system administrators only."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tandem.core.privacy import all_field_classes
from tandem.core.roles import Role
from tandem.records.models import Lsoa, Postcode
from tandem.records.tests.factories import UserFactory
from tandem.web.admin_site import TandemAdminSite

# Every model with a privacy classification is person-level and stays out of the admin.
PERSON_LEVEL = {tuple(label.lower().split(".")) for label in all_field_classes()}


def test_admin_registers_no_person_level_model_or_its_history():
    registered = {(m._meta.app_label, m._meta.model_name) for m in admin.site._registry}
    history = {(app, f"historical{name}") for app, name in PERSON_LEVEL}
    assert not registered & (PERSON_LEVEL | history)


def test_admin_registers_the_reference_data():
    registered = {m._meta.model_name for m in admin.site._registry}
    assert {"organisation", "area", "team", "practitioner", "lsoa", "postcode", "user"} <= (
        registered
    )


def test_admin_site_is_tandems():
    assert isinstance(admin.site, TandemAdminSite)


def test_admin_index_opens_for_system_admin(client, personas):
    client.force_login(personas.system_admin)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Tandem administration" in response.content.decode()


@pytest.mark.parametrize("role", [Role.MIDWIFE, Role.TEAM_LEADER, Role.ANALYST, ""])
def test_admin_refuses_staff_whose_role_is_not_system_admin(client, db, role):
    staff = UserFactory(username=f"staff-{role or 'none'}", role=role, is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 403
    assert client.get(reverse("admin:records_team_changelist")).status_code == 403


def test_admin_sends_signed_out_visitor_to_tandem_sign_in(client, db):
    for url in (reverse("admin:index"), reverse("admin:login")):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("web:sign-in"))


@pytest.mark.parametrize("model", [Lsoa, Postcode])
def test_admin_lookups_are_read_only_and_searchable(client, personas, model):
    client.force_login(personas.system_admin)
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert client.get(changelist, {"q": "E01005763"}).status_code == 200
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 403
    model_admin = admin.site._registry[model]
    assert model_admin.search_fields


def test_admin_area_page_has_the_lsoa_inline(client, personas):
    client.force_login(personas.system_admin)
    response = client.get(reverse("admin:records_area_change", args=[personas.adswood.pk]))
    assert response.status_code == 200
    assert "E01005763" in response.content.decode()


def test_every_installed_model_is_classified_for_the_admin():
    """A new model must be placed deliberately: in the admin as reference data, or kept out
    as person-level (or internal) data."""
    internal = {
        ("core", "auditevent"),
        ("axes", "accessattempt"),
        ("axes", "accessfailurelog"),
        ("axes", "accesslog"),
        ("axes", "accessattemptexpiration"),
        ("auth", "permission"),
        ("contenttypes", "contenttype"),
        ("sessions", "session"),
        ("admin", "logentry"),
        ("records", "arealsoa"),  # edited inline on its area
        # The measures' maintained summary: derived counts, written only by its triggers
        # and refresh, never by hand.
        ("measures", "summarycell"),
        ("measures", "stalemonth"),
        ("measures", "summarystate"),
        ("measures", "pendingrecount"),
    }
    registered = {(m._meta.app_label, m._meta.model_name) for m in admin.site._registry}
    unplaced = (
        {
            (m._meta.app_label, m._meta.model_name)
            for m in apps.get_models()
            if not m._meta.model_name.startswith("historical")
        }
        - registered
        - internal
        - PERSON_LEVEL
    )
    assert not unplaced, f"Decide whether these belong in the admin: {sorted(unplaced)}"
