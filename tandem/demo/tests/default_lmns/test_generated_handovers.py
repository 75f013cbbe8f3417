"""The generated LMNS hands most recent births over to health visiting: each from the named
midwife's team to the health-visiting team of the family's area, most acknowledged in time
by a health visitor of that team, some overdue for the worklists to show."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from tandem.handover.models import Handover, HandoverStatus
from tandem.handover.services import overdue
from tandem.outcomes.models import LabourDelivery
from tandem.records.models import TeamKind

pytestmark = pytest.mark.django_db


def test_generated_handovers_are_plausible(demo_lmns):
    today = timezone.localdate()

    handovers = Handover.objects.all()
    recent_births = LabourDelivery.objects.filter(birth_date__gte=today - timedelta(days=60))
    assert 0 < handovers.count() <= recent_births.count()
    assert not handovers.exclude(receiving_team__kind=TeamKind.HEALTH_VISITING).exists()
    assert not handovers.exclude(receiving_team__areas=F("pregnancy__area")).exists()
    assert not handovers.filter(
        sent_at__date__lt=F("pregnancy__labour_delivery__birth_date")
    ).exists()
    acknowledged = handovers.filter(status=HandoverStatus.ACKNOWLEDGED)
    assert acknowledged.count() > handovers.count() / 2
    assert not acknowledged.exclude(
        acknowledged_by__practitioner__teams=F("receiving_team")
    ).exists()
    assert overdue(handovers, today).exists()
    first = handovers.first()
    assert first.snapshot["sections"][0]["key"] == "mother"
