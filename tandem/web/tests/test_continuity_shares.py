"""The share of a woman's contacts seen by her named midwife and by her team, per stage,
on a hand-built record: a transfer between teams, missed contacts, a health visitor
contact and contacts before she had carers."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.continuity.models import CarerAssignment
from tandem.continuity.services import continuity_shares
from tandem.continuity.tests.factories import continuity_team, members
from tandem.core.audit import system_actor
from tandem.records.models import (
    ContactOutcome,
    ContactType,
    Pregnancy,
    PregnancyStatus,
    Profession,
)
from tandem.records.tests.factories import CareContactFactory, PractitionerFactory
from tandem.web.tests.conftest import page_text

TODAY = timezone.localdate()
JOINED = TODAY - timedelta(days=200)  # first team
MOVED = TODAY - timedelta(days=100)  # transferred to the second team
BORN = TODAY - timedelta(days=10)


def _contact(pregnancy, day, who, *, kind=ContactType.ANTENATAL, outcome=ContactOutcome.ATTENDED):
    contact = CareContactFactory(
        pregnancy=pregnancy,
        starts_at=timezone.make_aware(datetime.combine(day, time(12))),
        contact_type=kind,
        outcome=outcome,
    )
    contact.practitioners.set([who])


@pytest.fixture
def pregnancy(personas):
    Pregnancy.objects.filter(pk=personas.pregnancy.pk).update(
        edd=BORN,
        lmp=BORN - timedelta(days=280),
        booking_date=BORN - timedelta(days=210),
        status=PregnancyStatus.DELIVERED,
        ended_on=BORN,
    )
    pregnancy = Pregnancy.objects.get(pk=personas.pregnancy.pk)
    first = continuity_team(personas.provider, midwives=[personas.midwife.practitioner])
    second = continuity_team(personas.provider, name="Brinnington continuity team")
    a, b = members(first)[:2]
    e, f, g = members(second)[:3]
    stranger = PractitionerFactory(organisation=personas.provider)
    visitor = PractitionerFactory(
        organisation=personas.council, profession=Profession.HEALTH_VISITOR
    )
    for team, named, buddy, starts, ends in (
        (first, a, b, JOINED, MOVED),
        (second, e, f, MOVED, None),
    ):
        CarerAssignment.objects.create(
            pregnancy=pregnancy,
            continuity_team=team,
            named_midwife=named,
            buddy=buddy,
            starts_on=starts,
            ends_on=ends,
            reason="Hand-built",
            assigned_by=system_actor(),
        )
    # Antenatal: 7 counted, 2 by the named midwife of the day, 4 by her team of the day.
    _contact(pregnancy, JOINED - timedelta(days=5), stranger, kind=ContactType.BOOKING)
    _contact(pregnancy, JOINED + timedelta(days=5), a)  # named, team
    _contact(pregnancy, JOINED + timedelta(days=10), b)  # team
    _contact(pregnancy, JOINED + timedelta(days=12), stranger)
    _contact(pregnancy, JOINED + timedelta(days=15), a, outcome=ContactOutcome.DID_NOT_ATTEND)
    _contact(
        pregnancy, JOINED + timedelta(days=20), visitor, kind=ContactType.HEALTH_VISITOR_ANTENATAL
    )
    _contact(pregnancy, MOVED + timedelta(days=5), a)  # her old midwife: no longer her team
    _contact(pregnancy, MOVED + timedelta(days=10), e)  # named, team
    _contact(pregnancy, MOVED + timedelta(days=20), f, kind=ContactType.TELEPHONE)  # team
    # Postnatal: 3 counted, 1 by her named midwife, 2 by her team.
    _contact(pregnancy, BORN + timedelta(days=1), e, kind=ContactType.POSTNATAL)
    _contact(pregnancy, BORN + timedelta(days=3), g, kind=ContactType.TELEPHONE)
    _contact(pregnancy, BORN + timedelta(days=5), stranger, kind=ContactType.POSTNATAL)
    return pregnancy


def test_shares_per_stage(pregnancy):
    antenatal, intrapartum, postnatal = continuity_shares(pregnancy)

    assert (antenatal.contacts, antenatal.by_named_midwife, antenatal.by_team) == (7, 2, 4)
    assert not intrapartum.recorded
    assert intrapartum.share(0) is None
    assert (postnatal.contacts, postnatal.by_named_midwife, postnatal.by_team) == (3, 1, 2)


def test_record_page_shows_the_shares(client, personas, pregnancy):
    client.force_login(personas.team_leader)

    page = page_text(client.get(reverse("web:woman", args=[personas.woman.pk])))

    assert "2 of 7 (28.6%)" in page and "4 of 7 (57.1%)" in page
    assert "1 of 3 (33.3%)" in page and "2 of 3 (66.7%)" in page
    assert "Who attended her labour and birth is not recorded in Tandem" in page
