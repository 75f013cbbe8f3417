"""A red flag's urgent task stays on the team leader's list until an urgent perinatal mental
health referral is recorded against it; it cannot be closed any other way."""

import pytest
from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.hubs.models import Consent, ServiceReferral, Urgency
from tandem.hubs.tests.factories import RedFlagTaskFactory, WellbeingCheckFactory
from tandem.hubs.tests.helpers import adswood_services
from tandem.web.tests.conftest import assert_field_error, page_text


@pytest.fixture
def task(personas, contact):
    return RedFlagTaskFactory(
        wellbeing_check=WellbeingCheckFactory(
            contact=contact,
            recorded_by=personas.midwife,
            red_flag_self_harm=True,
            red_flag_detail="Synthetic: new thoughts of self-harm",
        )
    )


def _action(client, task, service, **changes):
    data = {
        "service": service.pk,
        "reason": "Red flag: new thoughts of self-harm",
        "consent": Consent.GIVEN,
        **changes,
    }
    return client.post(reverse("web:red-flag-task", args=[task.pk]), data)


def test_team_leader_home_page_and_list_show_the_open_task(client, personas, task):
    client.force_login(personas.team_leader)
    home = page_text(client.get(reverse("web:home")))
    assert "Urgent mental health referrals to make: 1" in home
    listing = page_text(client.get(reverse("web:red-flag-tasks")))
    assert "Urgent mental health referrals to make (1)" in listing
    assert str(personas.woman) in listing
    assert "New thoughts or acts of violent self-harm" in listing


def test_task_is_on_the_list_of_who_raised_it(client, personas, task):
    client.force_login(personas.midwife)
    assert "Urgent mental health referrals to make (1)" in page_text(
        client.get(reverse("web:red-flag-tasks"))
    )


def test_task_cannot_be_closed_without_a_referral(client, personas, task):
    adswood_services(personas)
    client.force_login(personas.team_leader)
    response = client.post(reverse("web:red-flag-task", args=[task.pk]), {"reason": ""})
    assert response.status_code == 200
    assert_field_error(response, "service", "Choose a service from the directory")
    task.refresh_from_db()
    assert task.is_open
    listing = page_text(client.get(reverse("web:red-flag-tasks")))
    assert "Urgent mental health referrals to make (1)" in listing


def test_only_a_perinatal_mental_health_service_actions_it(client, personas, task):
    services = adswood_services(personas)
    client.force_login(personas.team_leader)
    response = _action(client, task, services["smoking"])
    assert_field_error(response, "service", "Choose a service from the list")
    task.refresh_from_db()
    assert task.is_open
    assert not ServiceReferral.objects.exists()


def test_urgent_referral_actions_the_task_and_it_leaves_the_lists(client, personas, task):
    services = adswood_services(personas)
    client.force_login(personas.team_leader)
    response = _action(client, task, services["mental_health"])
    referral = ServiceReferral.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("web:service-referral", args=[referral.pk])
    task.refresh_from_db()
    assert not task.is_open
    assert (task.referral, task.actioned_by) == (referral, personas.team_leader)
    assert referral.urgency == Urgency.URGENT
    assert referral.contact == task.wellbeing_check.contact
    assert referral.referred_by == personas.team_leader.practitioner
    assert AuditEvent.objects.filter(
        action=AuditAction.CHANGE, object_type="red_flag_task", object_id=str(task.pk)
    ).exists()
    listing = page_text(client.get(reverse("web:red-flag-tasks")))
    assert "Urgent mental health referrals to make (0)" in listing
    page = page_text(client.get(reverse("web:red-flag-task", args=[task.pk])))
    assert "Perinatal Mental Health Team" in page
    assert "by team_leader" in page or "by Team Leader" in page


def test_task_actioned_twice_keeps_the_first_referral(client, personas, task):
    services = adswood_services(personas)
    client.force_login(personas.team_leader)
    _action(client, task, services["mental_health"])
    response = _action(client, task, services["mental_health"])
    assert response.status_code == 302
    assert ServiceReferral.objects.count() == 1


def test_urgent_referral_may_be_made_without_consent(client, personas, task):
    services = adswood_services(personas)
    client.force_login(personas.midwife)
    _action(client, task, services["mental_health"], consent=Consent.WITHOUT_CONSENT)
    assert ServiceReferral.objects.get().consent == Consent.WITHOUT_CONSENT


def test_outsider_cannot_open_the_task(client, personas, task):
    client.force_login(personas.outsider)
    assert client.get(reverse("web:red-flag-task", args=[task.pk])).status_code == 404
    listing = page_text(client.get(reverse("web:red-flag-tasks")))
    assert "Urgent mental health referrals to make (0)" in listing
