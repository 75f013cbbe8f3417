"""Her portal home: who looks after her, her booked appointments and the services she has
been referred to, and nothing clinicians wrote for each other."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.continuity.services import assign_carers
from tandem.continuity.tests.factories import continuity_team, members
from tandem.hubs.models import Consent, ServiceCategory, ServiceReferralStatus
from tandem.hubs.tests.factories import ServiceFactory, ServiceReferralFactory
from tandem.records.models import ContactOutcome, ContactType
from tandem.records.tests.factories import CareContactFactory
from tandem.web.tests.conftest import page_text

pytestmark = pytest.mark.django_db


def _home(client, personas) -> str:
    client.force_login(personas.woman_user)
    return page_text(client.get(reverse("web:portal-home")))


def test_she_sees_her_named_midwife_and_team(client, personas):
    page = _home(client, personas)

    assert str(personas.midwife.practitioner) in page
    assert personas.adswood_team.name in page


def test_on_a_continuity_pathway_she_sees_her_buddy_and_obstetrician(client, personas):
    team = continuity_team(personas.provider, midwives=[personas.midwife.practitioner])
    named, buddy = members(team)[:2]
    assign_carers(
        by=personas.team_leader,
        pregnancy=personas.pregnancy,
        continuity_team=team,
        named_midwife=named,
        buddy=buddy,
        reason="Synthetic: joined the continuity pathway",
        expected_version=personas.pregnancy.version,
    )

    page = _home(client, personas)

    assert str(named) in page
    assert str(buddy) in page
    assert team.team.name in page
    assert "Your buddy midwife" in page
    assert str(team.obstetrician) in page


def test_she_sees_booked_appointments_to_come_but_never_contact_notes(client, personas):
    soon = timezone.now() + timedelta(days=3)
    booked = CareContactFactory(
        pregnancy=personas.pregnancy,
        starts_at=soon,
        contact_type=ContactType.ANTENATAL,
        outcome=ContactOutcome.BOOKED,
        notes="Synthetic note for the team only",
    )
    booked.practitioners.set([personas.midwife.practitioner])
    CareContactFactory(
        pregnancy=personas.pregnancy,
        starts_at=timezone.now() - timedelta(days=3),
        contact_type=ContactType.BOOKING,
        outcome=ContactOutcome.ATTENDED,
    )

    page = _home(client, personas)
    appointments = page_text(client.get(reverse("web:portal-appointments")))

    for shown in (page, appointments):
        assert "Pregnancy check-up" in shown
        assert "Booking appointment" not in shown
        assert "Synthetic note for the team only" not in shown
        assert str(personas.midwife.practitioner) in shown


def test_she_sees_her_referrals_but_not_those_that_could_put_her_at_risk(client, personas):
    ServiceReferralFactory(
        pregnancy=personas.pregnancy,
        service=ServiceFactory(name="Stop smoking in pregnancy"),
        status=ServiceReferralStatus.ACCEPTED,
        reason="Synthetic clinical reason",
    )
    ServiceReferralFactory(
        pregnancy=personas.pregnancy,
        service=ServiceFactory(name="Safe at home", category=ServiceCategory.DOMESTIC_ABUSE),
    )
    ServiceReferralFactory(
        pregnancy=personas.pregnancy,
        service=ServiceFactory(name="Specialist perinatal team"),
        consent=Consent.WITHOUT_CONSENT,
    )

    page = _home(client, personas)

    assert "Stop smoking in pregnancy" in page
    assert "Accepted: the service will contact you" in page
    assert "Synthetic clinical reason" not in page
    assert "Safe at home" not in page
    assert "Specialist perinatal team" not in page


def test_a_sign_in_of_her_role_without_a_record_sees_nothing(client, db):
    from tandem.core.roles import Role
    from tandem.records.tests.factories import UserFactory

    client.force_login(UserFactory(username="unlinked", role=Role.WOMAN))
    assert client.get(reverse("web:portal-home")).status_code == 404
