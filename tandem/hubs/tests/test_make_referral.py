"""A practitioner refers a woman to a service from her pregnancy, or from a contact."""

from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.hubs.models import Consent, ServiceReferral, ServiceReferralStatus, Urgency
from tandem.hubs.services import referrals_for
from tandem.hubs.tests.factories import ServiceReferralFactory
from tandem.hubs.tests.helpers import adswood_services
from tandem.web.tests.conftest import assert_field_error, page_text


def _post(client, personas, **data):
    url = reverse("web:service-referral-new", args=[personas.pregnancy.pk])
    return client.post(url, data)


def test_referral_from_a_contact_is_sent_with_its_reply_due(client, personas, contact):
    services = adswood_services(personas)
    client.force_login(personas.midwife)
    response = _post(
        client,
        personas,
        service=services["smoking"].pk,
        contact=contact.pk,
        reason="Smokes 10 a day, wants to stop",
        urgency=Urgency.ROUTINE,
        consent=Consent.GIVEN,
    )
    referral = ServiceReferral.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("web:service-referral", args=[referral.pk])
    assert referral.contact == contact
    assert referral.status == ServiceReferralStatus.SENT
    assert referral.referred_by == personas.midwife.practitioner
    assert (referral.respond_by - referral.sent_at).days == 5
    event = referral.events.get()
    assert (event.status, event.recorded_by) == (ServiceReferralStatus.SENT, personas.midwife)
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="service_referral", object_id=str(referral.pk)
    ).exists()


def test_urgent_referral_is_due_within_the_urgent_response_time(client, personas):
    services = adswood_services(personas)
    client.force_login(personas.midwife)
    _post(
        client,
        personas,
        service=services["mental_health"].pk,
        reason="Low mood for a month",
        urgency=Urgency.URGENT,
        consent=Consent.GIVEN,
    )
    referral = ServiceReferral.objects.get()
    assert (referral.respond_by - referral.sent_at).days == 1


def test_service_outside_her_area_is_not_offered_nor_accepted(client, personas):
    services = adswood_services(personas)
    client.force_login(personas.midwife)
    url = reverse("web:service-referral-new", args=[personas.pregnancy.pk])
    assert "Brinnington Housing Advice" not in page_text(client.get(url))
    response = _post(
        client,
        personas,
        service=services["housing"].pk,
        reason="Housing",
        urgency=Urgency.ROUTINE,
        consent=Consent.GIVEN,
    )
    assert response.status_code == 200
    assert_field_error(response, "service", "Choose a service from the list")
    assert not ServiceReferral.objects.exists()


def test_referral_without_consent_must_be_urgent(client, personas):
    services = adswood_services(personas)
    client.force_login(personas.midwife)
    response = _post(
        client,
        personas,
        service=services["smoking"].pk,
        reason="Smokes",
        urgency=Urgency.ROUTINE,
        consent=Consent.WITHOUT_CONSENT,
    )
    assert_field_error(
        response, "consent", "Only an urgent referral, because of a serious risk, may be made"
    )
    assert not ServiceReferral.objects.exists()


def test_missing_reason_names_the_field_and_saves_nothing(client, personas):
    services = adswood_services(personas)
    client.force_login(personas.midwife)
    response = _post(
        client,
        personas,
        service=services["smoking"].pk,
        reason="  ",
        urgency=Urgency.ROUTINE,
        consent=Consent.GIVEN,
    )
    assert_field_error(response, "reason", "Enter the reason for the referral")
    assert not ServiceReferral.objects.exists()


def test_referrals_for_lists_hers_newest_first_and_open_only(personas):
    services = adswood_services(personas)
    sent = ServiceReferralFactory(pregnancy=personas.pregnancy, service=services["smoking"])
    closed = ServiceReferralFactory(
        pregnancy=personas.pregnancy,
        service=services["mental_health"],
        status=ServiceReferralStatus.CLOSED,
    )
    ServiceReferralFactory(service=services["smoking"])  # another woman's

    assert list(referrals_for(personas.pregnancy)) == [closed, sent]
    assert list(referrals_for(personas.pregnancy, open_only=True)) == [sent]
    first = referrals_for(personas.pregnancy).first()
    assert first.service.hub.name == "Adswood Family Hub"
    assert first.get_status_display() == "Closed"


def test_pregnancy_page_links_to_her_referrals(client, personas):
    services = adswood_services(personas)
    ServiceReferralFactory(pregnancy=personas.pregnancy, service=services["smoking"])
    client.force_login(personas.midwife)
    record = page_text(client.get(reverse("web:woman", args=[personas.woman.pk])))
    assert reverse("web:service-referrals", args=[personas.pregnancy.pk]) in record
    page = page_text(client.get(reverse("web:service-referrals", args=[personas.pregnancy.pk])))
    assert "Smokefree Pregnancy Stockport (Adswood Family Hub)" in page
    assert "Refer her to a service" in page
