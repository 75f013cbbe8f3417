"""What the handover tells the health visitor, from a birth recorded by hand: mother, birth,
every baby (twins both), feeding, concerns, her postnatal plan, family plan actions still
open and referrals in progress."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tandem.assessments.models import ActionStatus
from tandem.assessments.tests.factories import FamilyPlanActionFactory, VisitRecordFactory
from tandem.careplans.models import PlanSection
from tandem.careplans.services import plan_for, record_section
from tandem.core.models import AuditAction, AuditEvent
from tandem.handover.tests.helpers import section, send_through_page, sent_handover, value_of
from tandem.hubs.models import ServiceReferralStatus
from tandem.hubs.tests.factories import ServiceFactory, ServiceReferralFactory
from tandem.outcomes.models import DeliveryMethod, FirstFeed
from tandem.outcomes.services import record_birth
from tandem.outcomes.tests.factories import baby_values, labour_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(personas):
    return record_birth(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        labour=labour_values(),
        babies=[
            baby_values(
                1,
                gestation_days=252,
                birth_weight_g=2410,
                apgar_5=9,
                first_feed=FirstFeed.MATERNAL_BREAST_MILK,
                neonatal_admission=False,
            ),
            baby_values(
                2,
                gestation_days=252,
                birth_weight_g=2180,
                apgar_5=7,
                delivery_method=DeliveryMethod.VENTOUSE,
                first_feed=FirstFeed.DONOR_BREAST_MILK,
                neonatal_admission=True,
            ),
        ],
    )


def test_snapshot_carries_mother_birth_and_both_twins(client, personas, hv_team, twins):
    response = send_through_page(client, personas.midwife, personas.pregnancy, hv_team)

    handover = sent_handover(personas.pregnancy)
    assert response.status_code == 302
    assert response.url == f"/handovers/{handover.pk}/"
    snapshot = handover.snapshot
    assert snapshot["babies"] == 2
    assert value_of(snapshot, "mother", "Name") == "Amina Testwoman"
    assert value_of(snapshot, "mother", "NHS number") == personas.woman.nhs_number_display
    assert value_of(snapshot, "birth", "Babies born") == "2"
    assert value_of(snapshot, "birth", "Date of birth") == twins.birth_date.isoformat()
    assert value_of(snapshot, "birth", "Episiotomy") == "No"
    assert value_of(snapshot, "birth", "Epidural, spinal or general anaesthetic") == (
        "No epidural, spinal or general anaesthetic"
    )
    assert value_of(snapshot, "birth", "Oxytocin to speed up labour") == "No"
    assert value_of(snapshot, "baby-1", "Birth weight") == "2,410 g"
    assert value_of(snapshot, "baby-1", "Gestation at birth") == "36+0 weeks"
    assert value_of(snapshot, "baby-1", "Mode of birth") == "Spontaneous vertex"
    assert value_of(snapshot, "baby-2", "Birth weight") == "2,180 g"
    assert value_of(snapshot, "baby-2", "Apgar score at 5 minutes") == "7"
    assert value_of(snapshot, "baby-2", "Mode of birth") == "Ventouse (vacuum)"
    assert value_of(snapshot, "baby-2", "Admitted to neonatal critical care") == "Yes"
    assert value_of(snapshot, "feeding", "First feed, baby 1") == "Maternal breast milk"
    assert value_of(snapshot, "feeding", "First feed, baby 2") == "Donor breast milk"
    assert value_of(snapshot, "feeding", "Feeding now") == "Breast milk only"
    assert value_of(snapshot, "concerns", "Safeguarding concerns") == "No"
    assert value_of(snapshot, "concerns", "Concerns from the midwife").startswith("Low mood")
    assert (handover.sending_team, handover.receiving_team) == (personas.adswood_team, hv_team)
    created = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="handover")
    assert (created.person_id, created.detail["babies"]) == (personas.woman.pk, 2)


def test_snapshot_carries_postnatal_plan_open_actions_and_referrals(
    client, personas, hv_team, birth
):
    plan = plan_for(personas.pregnancy, by=personas.midwife)
    record_section(
        plan,
        PlanSection.INFANT_FEEDING,
        {"intention": "breast", "notes": "Help with latching in the first days"},
        by=personas.midwife,
        based_on=None,
    )
    record_section(
        plan,
        PlanSection.PAIN_RELIEF,
        {"preferences": "Water birth"},
        by=personas.midwife,
        based_on=None,
    )
    record = VisitRecordFactory(visit__pregnancy=personas.pregnancy)
    FamilyPlanActionFactory(goal__record=record, action="Register with the children's centre")
    FamilyPlanActionFactory(
        goal__record=record, action="Apply for Healthy Start", status=ActionStatus.DONE
    )
    service = ServiceFactory(name="Stop smoking in pregnancy")
    ServiceReferralFactory(pregnancy=personas.pregnancy, service=service)
    ServiceReferralFactory(
        pregnancy=personas.pregnancy,
        service__name="Housing options",
        status=ServiceReferralStatus.CLOSED,
        sent_at=timezone.now() - timedelta(days=40),
    )

    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)

    snapshot = sent_handover(personas.pregnancy).snapshot
    plan_titles = [g["title"] for g in section(snapshot, "plan")["groups"]]
    assert plan_titles == ["Feeding my baby"]  # pain relief is not a postnatal section
    assert value_of(snapshot, "plan", "How she plans to feed her baby", "Feeding my baby") == (
        "Breastfeeding"
    )
    actions = [g["title"] for g in section(snapshot, "family-plan")["groups"]]
    assert actions == ["Register with the children's centre"]
    referrals = [g["title"] for g in section(snapshot, "referrals")["groups"]]
    assert referrals == ["Stop smoking in pregnancy"]
    assert value_of(snapshot, "referrals", "Hub", "Stop smoking in pregnancy") == (service.hub.name)


def test_safeguarding_concern_must_be_described(client, personas, hv_team, birth):
    response = send_through_page(
        client,
        personas.midwife,
        personas.pregnancy,
        hv_team,
        safeguarding_concerns="yes",
        concerns="",
    )

    assert response.status_code == 200
    assert "Describe the safeguarding concerns for the health visitor" in response.content.decode()
    assert not personas.pregnancy.handovers.exists()


def test_preview_shows_what_will_be_sent(client, personas, hv_team, birth):
    client.force_login(personas.midwife)
    response = client.get(f"/pregnancies/{personas.pregnancy.pk}/handover/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "What the handover will say" in page
    assert "3,120 g" in page
    assert "Adswood health visitors (covers her area)" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="handover_preview", person_id=personas.woman.pk
    ).exists()


def test_snapshot_flags_a_gestation_no_birth_can_have(client, personas, hv_team, twins):
    # An MSDS extract may carry one (the import keeps it as sent); the forms refuse it.
    twins.babies.filter(birth_order=1).update(gestation_days=320)

    send_through_page(client, personas.midwife, personas.pregnancy, hv_team)

    snapshot = sent_handover(personas.pregnancy).snapshot
    assert value_of(snapshot, "baby-1", "Gestation at birth") == (
        "45+5 weeks (320 days, as imported: outside 20+1 to 45+0 weeks, "
        "so not counted as a valid gestation)"
    )
