"""Slot proposals: the pathway windows to the day, free time, and who is preferred."""

from datetime import date, time, timedelta

import pytest
import time_machine

from tandem.core.gestation import gestation_on
from tandem.core.roles import Role
from tandem.pathway.models import ReviewOutcome
from tandem.records.models import Profession
from tandem.records.tests.factories import PractitionerFactory, PregnancyFactory, UserFactory
from tandem.scheduling.services.booking import book_visit
from tandem.scheduling.services.intervals import local_date, to_minutes
from tandem.scheduling.services.proposals import propose_slots
from tandem.scheduling.tests.factories import (
    BusyPeriodFactory,
    at,
    decided_referral,
    edd_for,
    works_every_day,
)

TODAY = date(2026, 3, 2)  # a Monday
pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    with time_machine.travel(at(TODAY, 8), tick=False):
        yield


@pytest.fixture
def pair(personas, clock):
    """Her named midwife and the area's health visitor, both working 9am to 5pm daily."""
    midwife = personas.midwife.practitioner
    health_visitor = personas.health_visitor.practitioner
    works_every_day(midwife)
    works_every_day(health_visitor)
    return midwife, health_visitor


def _referral(personas, *, edd, outcome=ReviewOutcome.JOINT_VISIT):
    pregnancy = personas.pregnancy
    pregnancy.edd = edd
    pregnancy.save()
    return decided_referral(pregnancy, by=personas.reviewer, outcome=outcome)


def _gestations(proposals, edd):
    return [str(gestation_on(edd, local_date(to_minutes(p.starts_at)))) for p in proposals]


def test_proposals_start_on_20_plus_0_never_19_plus_6(personas, pair):
    edd = edd_for(TODAY + timedelta(days=10), 20, 0)
    referral = _referral(personas, edd=edd)
    proposals = propose_slots([referral])[referral.pk]
    assert _gestations(proposals, edd) == ["20+0", "20+1", "20+2", "20+3", "20+4"]
    assert proposals[0].starts_at == at(TODAY + timedelta(days=10), 9)
    assert proposals[0].ends_at == at(TODAY + timedelta(days=10), 10, 30)


def test_proposals_end_on_25_plus_6_never_26_plus_0(personas, personas_pair_from_late):
    edd, referral = personas_pair_from_late
    proposals = propose_slots([referral])[referral.pk]
    assert _gestations(proposals, edd) == ["25+6"]


@pytest.fixture
def personas_pair_from_late(personas, clock):
    """Both work only from the day she is 25+6, so the last day of the window is the only
    one they can offer."""
    edd = edd_for(TODAY + timedelta(days=30), 20, 0)
    last_day = edd - timedelta(days=280 - (25 * 7 + 6))
    works_every_day(personas.midwife.practitioner, valid_from=last_day)
    works_every_day(personas.health_visitor.practitioner, valid_from=last_day)
    return edd, _referral(personas, edd=edd)


def test_proposals_never_in_the_past(personas, pair):
    edd = edd_for(TODAY, 22, 0)  # inside the window today, at 8am before work starts
    referral = _referral(personas, edd=edd)
    with time_machine.travel(at(TODAY, 12, 5), tick=False):
        proposals = propose_slots([referral])[referral.pk]
    assert proposals[0].starts_at == at(TODAY, 12, 15)
    assert all(p.starts_at > at(TODAY, 12, 5) for p in proposals)


def test_proposals_none_when_the_window_has_passed(personas, pair):
    referral = _referral(personas, edd=edd_for(TODAY, 26, 0))
    assert propose_slots([referral])[referral.pk] == []


def test_28_week_contact_proposed_from_28_plus_0_with_a_health_visitor(personas, pair):
    edd = edd_for(TODAY + timedelta(days=3), 28, 0)
    referral = _referral(personas, edd=edd, outcome=ReviewOutcome.HEALTH_VISITOR_28_WEEK)
    proposals = propose_slots([referral])[referral.pk]
    assert _gestations(proposals, edd)[0] == "28+0"
    assert all(p.midwife_id is None for p in proposals)
    assert proposals[0].ends_at - proposals[0].starts_at == timedelta(minutes=60)


def test_proposals_skip_a_busy_period(personas, pair):
    _, health_visitor = pair
    first_day = TODAY + timedelta(days=10)
    BusyPeriodFactory(
        practitioner=health_visitor, starts_at=at(first_day, 0), ends_at=at(first_day, 13)
    )
    referral = _referral(personas, edd=edd_for(first_day, 20, 0))
    proposals = propose_slots([referral])[referral.pk]
    assert proposals[0].starts_at == at(first_day, 13)


def test_proposals_skip_another_booking(personas, pair):
    midwife, health_visitor = pair
    first_day = TODAY + timedelta(days=10)
    other = PregnancyFactory(
        provider=personas.provider, area=personas.adswood, edd=edd_for(first_day, 20, 0)
    )
    book_visit(
        by=personas.administrator,
        referral=decided_referral(other, by=personas.reviewer),
        starts_at=at(first_day, 9),
        midwife=midwife,
        health_visitor=health_visitor,
    )
    referral = _referral(personas, edd=edd_for(first_day, 20, 0))
    proposals = propose_slots([referral])[referral.pk]
    assert proposals[0].starts_at == at(first_day, 10, 30)


def test_proposals_need_both_free_at_once(personas, clock):
    midwife = personas.midwife.practitioner
    health_visitor = personas.health_visitor.practitioner
    works_every_day(midwife, starts=time(9), ends=time(12))
    works_every_day(health_visitor, starts=time(11), ends=time(16))
    referral = _referral(personas, edd=edd_for(TODAY + timedelta(days=10), 20, 0))
    assert propose_slots([referral])[referral.pk] == []  # one hour together: too short
    works_every_day(health_visitor, starts=time(10), ends=time(11))
    proposals = propose_slots([referral])[referral.pk]
    assert proposals[0].starts_at == at(TODAY + timedelta(days=10), 10)


def _team_health_visitor(personas):
    """A health visitor who covers Adswood only through her team, not as its own."""
    user = UserFactory(username="team_hv", role=Role.HEALTH_VISITOR)
    practitioner = PractitionerFactory(
        user=user, profession=Profession.HEALTH_VISITOR, organisation=personas.council
    )
    practitioner.teams.set(personas.health_visitor.practitioner.teams.all())
    return practitioner


def test_proposals_rank_named_midwife_and_area_health_visitor_first(personas, clock):
    first_day = TODAY + timedelta(days=10)
    named = personas.midwife.practitioner
    area_hv = personas.health_visitor.practitioner
    team_hv = _team_health_visitor(personas)
    colleague = PractitionerFactory(profession=Profession.MIDWIFE, organisation=personas.provider)
    colleague.teams.set([personas.adswood_team])
    # The others are free from the first day; the preferred pair only three days later.
    for person in (team_hv, colleague):
        works_every_day(person)
    for person in (named, area_hv):
        works_every_day(person, valid_from=first_day + timedelta(days=3))
    referral = _referral(personas, edd=edd_for(first_day, 20, 0))
    proposals = propose_slots([referral], count=7)[referral.pk]
    assert [p.preference for p in proposals] == [0, 0, 0, 0, 0, 0, 0]
    assert {(p.midwife_id, p.health_visitor_id) for p in proposals} == {(named.pk, area_hv.pk)}
    assert proposals[0].starts_at == at(first_day + timedelta(days=3), 9)


def test_proposals_fill_with_other_pairs_after_the_preferred(personas, clock):
    first_day = TODAY + timedelta(days=10)
    named = personas.midwife.practitioner
    area_hv = personas.health_visitor.practitioner
    team_hv = _team_health_visitor(personas)
    works_every_day(named)
    works_every_day(team_hv)
    # The area's health visitor works on two days only.
    works_every_day(
        area_hv, valid_from=first_day + timedelta(days=5), valid_to=first_day + timedelta(days=6)
    )
    referral = _referral(personas, edd=edd_for(first_day, 20, 0))
    proposals = propose_slots([referral], count=4)[referral.pk]
    assert [p.preference for p in proposals] == [0, 0, 1, 1]
    assert [p.health_visitor_id for p in proposals] == [
        area_hv.pk,
        area_hv.pk,
        team_hv.pk,
        team_hv.pk,
    ]
    days = [local_date(to_minutes(p.starts_at)) for p in proposals]
    assert days == [
        first_day + timedelta(days=5),
        first_day + timedelta(days=6),
        first_day,
        first_day + timedelta(days=1),
    ]


def test_proposals_only_from_practitioners_covering_her_area(personas, pair):
    outsider = personas.outsider.practitioner  # a Brinnington midwife
    works_every_day(outsider)
    referral = _referral(personas, edd=edd_for(TODAY + timedelta(days=10), 20, 0))
    proposals = propose_slots([referral])[referral.pk]
    assert outsider.pk not in {p.midwife_id for p in proposals}


def test_proposals_take_a_fixed_number_of_queries(personas, pair, django_assert_max_num_queries):
    referrals = []
    for index in range(12):
        pregnancy = PregnancyFactory(
            provider=personas.provider,
            area=personas.adswood,
            named_midwife=pair[0],
            edd=edd_for(TODAY + timedelta(days=index), 20, 0),
        )
        referrals.append(decided_referral(pregnancy, by=personas.reviewer))
    loaded = list(
        type(referrals[0])
        .objects.select_related("pregnancy")
        .filter(pk__in=[r.pk for r in referrals])
    )
    with django_assert_max_num_queries(5):
        found = propose_slots(loaded)
    assert all(len(found[r.pk]) == 5 for r in referrals)
